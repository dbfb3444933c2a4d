#!/bin/sh
# Re-creates the Go 1.26 captures in importers/src/test/resources/dumps/go1.26/ (made with go1.26.8 linux/amd64,
# built in /tmp/caps/prog, which is the path their frames name). Run from this directory:
#   sh capture.sh [OUTPUT_DIR]
# Exit statuses are ignored: most of these runs crash on purpose.
out=${1:-../../resources/dumps/go1.26}
go build -o /tmp/dumpcaps . || exit 1
GOTRACEBACK=crash /tmp/dumpcaps crash > "$out/crash-gotraceback-crash.txt" 2>&1
GOTRACEBACK=system /tmp/dumpcaps crash > "$out/crash-gotraceback-system.txt" 2>&1
/tmp/dumpcaps crash > "$out/crash-default.txt" 2>&1
GOMAXPROCS=4 GOTRACEBACK=crash /tmp/dumpcaps busy > "$out/crash-busy-gotraceback-crash.txt" 2>&1
/tmp/dumpcaps overflow > "$out/stack-overflow.txt" 2>&1
GODEBUG=tracebackancestors=3 /tmp/dumpcaps stack > "$out/stack-ancestors.txt" 2>&1
BUBBLE_OUT="$(cd "$out" && pwd)/stack-synctest.txt" go test -count=1 -run TestBubble . > /dev/null 2>&1
GOMAXPROCS=4 GOTRACEBACK=crash /tmp/dumpcaps hang > "$out/sigquit-gotraceback-crash.txt" 2>&1 &
pid=$!
sleep 1
kill -QUIT $pid
wait $pid
