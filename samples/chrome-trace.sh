#!/usr/bin/env bash
# Writes the Chrome trace-event JSON that `go tool trace` serves its viewer (/jsontrace: one thread per P, plus
# GC, with thread_name metadata and X events) for an execution trace, gzip-compressed.
#
#   samples/chrome-trace.sh [TRACE] [OUT]
#     TRACE  default samples/captures/go1.26/trace.out
#     OUT    default app/src/test/resources/chrome/go1.26-trace.json.gz
#
# The server listens on 127.0.0.1 only and is stopped when the file is written.
set -euo pipefail
cd "$(dirname "$0")/.."
trace=${1:-samples/captures/go1.26/trace.out}
out=${2:-app/src/test/resources/chrome/go1.26-trace.json.gz}
port=${PORT:-18734}
tool=$(go tool -n trace)   # the tool's binary, so stopping the server stops the process that listens
BROWSER=true "$tool" -http="127.0.0.1:$port" "$trace" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
	curl -sf "http://127.0.0.1:$port/" >/dev/null && break
	sleep 0.5
done
curl -sf "http://127.0.0.1:$port/jsontrace" | gzip -9 -n >"$out"
echo "chrome-trace.sh: $(zcat "$out" | wc -c) bytes of JSON from $trace ($(go version | cut -d' ' -f3)) in $out"
