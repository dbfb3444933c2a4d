#!/usr/bin/env bash
# The checks that need Go: recapture every sample with the installed Go into a scratch folder, then compare
# Goroscope's figures with what the programs themselves reported and with what Go's own tools print
# (go tool pprof -raw for profile totals, golang.org/x/exp/trace for trace state times).
# Usage, from the repo root:  bash samples/go-checks.sh        (needs go, python3, JDK 17+, Maven)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

CAPTURE_OUT="$scratch/fresh" bash samples/capture.sh
mvn -q -B -ntp -Dstyle.color=never -DskipTests package
cli="java -Xmx1g -jar $root/app/target/goroscope.jar"

echo "go-checks: program truth and go tool pprof -raw totals"
python3 samples/tools/truth-check.py --cli "$cli" "$scratch"

echo "go-checks: execution trace against golang.org/x/exp/trace"
python3 samples/tools/trace-check.py --cli "$cli" "$scratch/fresh"
