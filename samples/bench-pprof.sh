#!/usr/bin/env bash
# Benchmark: Goroscope's pprof import + summary (-Xmx2g) against `go tool pprof -top`, on the same large CPU
# profile, one after the other. Prints wall time and peak RSS of each (from /usr/bin/time -v) and the ratio.
#
#   samples/bench-pprof.sh [MiB]     size of the generated profile, default 300
#
# The profile is written once by samples/progs/bigprofile (a synthetic but valid profile.proto with millions
# of distinct stacks; see that program's comment) to ${BENCH_DIR:-/tmp} and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-300}
FILE=${BENCH_DIR:-/tmp}/goroscope-bench-${MB}mb.pb
if [ ! -f "$FILE" ]; then
  (cd samples && go run ./progs/bigprofile -o "$FILE" -mb "$MB")
fi
mvn -q -pl importers -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
CP=importers/target/test-classes:importers/target/classes:$(cat importers/target/cp.txt)
go tool pprof -h >/dev/null 2>&1 || true   # builds and caches the pprof tool outside the timing
cat "$FILE" >/dev/null                      # both runs read from the page cache

measure() { # name, command...
  local name=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >"$log.out" 2>"$log"
  local wall rss cpu
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$log")
  printf '%-10s wall %10s   cpu %8s s   peak RSS %6d MiB\n' "$name" "$wall" "$cpu" $((rss / 1024))
  if [ "$name" = goroscope ]; then grep -E '^goroscope:|samples,' "$log.out" | sed 's/^/           /'; fi
  WALL_OF[$name]=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  CPU_OF[$name]=$cpu
  rm -f "$log" "$log.out"
}

declare -A WALL_OF CPU_OF
echo "profile: $FILE ($(du -m "$FILE" | cut -f1) MiB)"
measure goroscope java -Xmx2g -cp "$CP" dev.goroscope.importers.pprof.PprofBench "$FILE"
measure pprof go tool pprof -top "$FILE"
awk -v g="${WALL_OF[goroscope]}" -v p="${WALL_OF[pprof]}" -v gc="${CPU_OF[goroscope]}" -v pc="${CPU_OF[pprof]}" \
  'BEGIN { printf "goroscope is %.1fx faster than go tool pprof -top in wall time (%.1f s vs %.1f s), %.1fx in CPU time (%.1f s vs %.1f s)\n", p / g, g, p, pc / gc, gc, pc }'
