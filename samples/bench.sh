#!/usr/bin/env bash
# One entry point for every benchmark named in the issues. Each prints its own figures (time, MB/s, peak heap).
# Generated inputs go to ${BENCH_DIR:-samples/target/bench} and are never committed. Needs JDK 17+, Maven and,
# for the generators and the side-by-side comparisons, Go.
#
#   bash samples/bench.sh dump       parse a ~1 GB, 1,000,000-goroutine dump (-Xmx1g)       target < 5 s
#   bash samples/bench.sh svg        SVG export of a 100,000-distinct-stack dump            target < 1 s
#   bash samples/bench.sh flame      call tree, layout and canvas paint of 100,000 stacks
#   bash samples/bench.sh leaks      grouping and diff of two 1,000,000-goroutine dumps     target < 2 s each
#   bash samples/bench.sh pprof      300 MB CPU profile: our summary vs go tool pprof -top  target ≥ 3× faster
#   bash samples/bench.sh trace      ≥ 500 MB trace: our reader vs golang.org/x/exp/trace   target faster, heap < 3× file
#   bash samples/bench.sh timeline   timeline redraw at 5 zoom levels, 10 M intervals       target < 16 ms
#   bash samples/bench.sh formats    folded, speedscope, Chrome JSON and schedtrace import speed
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work=${BENCH_DIR:-$root/samples/target/bench}
mkdir -p "$work"

bigdump() { # N|distinct, file
  [[ -f "$2" ]] && return
  (cd samples && go build -trimpath -o "$work/bigdump" ./progs/bigdump)
  if [[ $1 == distinct ]]; then "$work/bigdump" -distinct 100000 -o "$2"; else "$work/bigdump" -n "$1" -o "$2"; fi
}

classpath() { # module: builds it and its test classes, prints a classpath with its test dependencies
  mvn -q -B -ntp -pl "$1" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$1/target/bench.cp" >&2
  local cp="$root/$1/target/test-classes:$root/$1/target/classes"
  for m in model importers icons; do cp="$cp:$root/$m/target/classes"; done
  echo "$cp:$(cat "$root/$1/target/bench.cp")"
}

case "${1:-}" in
  dump)
    bigdump 1000000 "$work/big-1m.txt"
    java -Xmx1g -cp "$(classpath importers)" dev.goroscope.importers.dump.DumpParseBenchmark "$work/big-1m.txt" 2 3 ;;
  svg)
    bigdump distinct "$work/distinct-100k.txt"
    mvn -q -B -ntp -DskipTests package
    java -Xmx2g -jar app/target/goroscope.jar bench-svg "$work/distinct-100k.txt" ;;
  flame)
    java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dtestfx.headless=true \
      -cp "$(classpath app)" dev.goroscope.app.flame.FlameCanvasBench 100000 ;;
  leaks)
    bigdump 1000000 "$work/big-1m.txt"
    java -Xmx8g -cp "$(classpath importers)" dev.goroscope.importers.leaks.LeakBench "$work/big-1m.txt" parsed ;;
  pprof)
    BENCH_DIR="$work" bash samples/bench-pprof.sh 300 ;;
  trace)
    BENCH_DIR="$work" bash samples/bench-trace.sh ${2:+"$2"} ;;
  timeline)
    java -Xmx4g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dtestfx.headless=true \
      -cp "$(classpath app)" dev.goroscope.app.timeline.TimelineBench 10000 1000 ;;
  formats)
    java -Xmx2g -cp "$(classpath importers)" dev.goroscope.importers.StackFormatsBench 1 ;;
  *)
    sed -n '2,13p' "$0"; exit 2 ;;
esac
