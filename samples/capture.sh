#!/usr/bin/env bash
# Rebuilds the sample programs with the installed Go and recaptures every
# sample into captures/go<major.minor>/, then writes truth.json there (see
# README.md). Usage, from anywhere:  bash samples/capture.sh
# CAPTURE_OUT=DIR writes the captures there instead (the go-checks use a scratch folder).
#
# Everything binds 127.0.0.1 only and every program run has a timeout.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

full=$(go env GOVERSION)                        # e.g. go1.26.8
short=$(echo "$full" | sed -E 's/^(go[0-9]+\.[0-9]+).*/\1/')
out="${CAPTURE_OUT:-captures/$short}"
bin="target/bin"
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT

SECONDS=0
echo "capture.sh: $(go version) -> $out"
rm -rf "$out"
mkdir -p "$out" "$bin"
ulimit -c 0 # GOTRACEBACK=crash ends in SIGABRT; no core files

# ---- build ------------------------------------------------------------------
build="CGO_ENABLED=0 go build -trimpath -o target/bin/leaks ./progs/leaks"
CGO_ENABLED=0 go build -trimpath -o "$bin/leaks" ./progs/leaks
CGO_ENABLED=0 go build -trimpath -o "$bin/tracestats" ./progs/tracestats
CGO_ENABLED=0 go build -trimpath -o "$bin/traceunblocks" ./progs/traceunblocks
leakprof=yes
if ! CGO_ENABLED=0 GOEXPERIMENT=goroutineleakprofile go build -trimpath -o "$bin/leaks-leakprof" ./progs/leaks; then
	echo "capture.sh: GOEXPERIMENT=goroutineleakprofile build failed; skipping the goroutineleak profile" >&2
	leakprof=no
fi
# go tool pprof, built once: `go tool pprof` would look it up in the build
# cache on every call (about a second each).
go build -o "$bin/pprof" cmd/pprof
go version >"$out/go-version.txt"
echo "capture.sh: built in ${SECONDS}s"

# ---- runs ---------------------------------------------------------------------
T=90 # seconds; each run also has its own -timeout

# run TAG EXPECTED_EXIT ENV... -- ARGS...: runs the leaks binary with its stderr
# in $runs/TAG.stderr and checks the exit status.
run() {
	local tag=$1 want=$2
	shift 2
	local envs=()
	while [ "$1" != "--" ]; do envs+=("$1"); shift; done
	shift
	local rc=0
	env -u GODEBUG -u GOTRACEBACK "${envs[@]}" timeout "$T" "$bin/leaks" -tag "$tag" -truth "$runs/$tag.json" "$@" \
		>"$runs/$tag.stdout" 2>"$runs/$tag.stderr" || rc=$?
	if [ "$rc" != "$want" ]; then
		echo "capture.sh: run $tag exited $rc, want $want" >&2
		tail -20 "$runs/$tag.stderr" >&2
		exit 1
	fi
}

# Goroutine dumps by runtime.Stack(buf, true).
run stack 0 GOTRACEBACK= -- -mode stack -busy -o "$out/stack-all.txt"
run stack-ancestors 0 GODEBUG=tracebackancestors=5 -- -mode stack -o "$out/stack-ancestors.txt"
run stack-labels 0 GODEBUG=tracebacklabels=1 -- -mode stack -o "$out/stack-labels.txt"

# net/http/pprof: dumps, profiles, trace.
run serve 0 GOTRACEBACK= -- -mode serve -out "$out" -cpu-seconds 1 -trace-seconds 1
if [ "$leakprof" = yes ]; then
	env -u GODEBUG -u GOTRACEBACK timeout "$T" "$bin/leaks-leakprof" -mode leakprof -tag leakprof -out "$out" -truth "$runs/leakprof.json" \
		>"$runs/leakprof.stdout" 2>"$runs/leakprof.stderr" || {
		echo "capture.sh: leakprof run failed" >&2
		tail -20 "$runs/leakprof.stderr" >&2
		exit 1
	}
fi

# Tracebacks on stderr. Exit status 2 for panics and fatal errors, 134
# (SIGABRT) for GOTRACEBACK=crash.
crash() { # crash TAG FILE WANT ENV... -- ARGS...
	local tag=$1 file=$2 want=$3
	shift 3
	run "$tag" "$want" "$@" -o "$file"
	cp "$runs/$tag.stderr" "$out/$file"
}
crash panic-all panic-all.txt 2 GOTRACEBACK=all -- -mode panic -busy
crash panic-system panic-system.txt 2 GOTRACEBACK=system -- -mode panic
crash panic-crash panic-crash.txt 134 GOTRACEBACK=crash -- -mode panic -busy
crash fatal fatal.txt 2 GOTRACEBACK= -- -mode fatal
crash fatal-all fatal-all.txt 2 GOTRACEBACK=all -- -mode fatal
crash overflow overflow.txt 2 GOTRACEBACK= -- -mode overflow

# SIGQUIT: wait for "ready", then signal.
sigquit() { # sigquit TAG FILE WANT ENV...
	local tag=$1 file=$2 want=$3
	shift 3
	env -u GODEBUG -u GOTRACEBACK "$@" timeout "$T" "$bin/leaks" -mode sigquit -tag "$tag" -truth "$runs/$tag.json" -o "$file" \
		>"$runs/$tag.stdout" 2>"$out/$file" &
	local pid=$! i
	for i in $(seq 200); do
		grep -q ready "$runs/$tag.stdout" 2>/dev/null && break
		sleep 0.05
	done
	kill -QUIT "$pid"
	local rc=0
	wait "$pid" || rc=$?
	if [ "$rc" != "$want" ]; then
		echo "capture.sh: sigquit run $tag exited $rc, want $want" >&2
		exit 1
	fi
}
sigquit sigquit sigquit.txt 2 GOTRACEBACK=
sigquit sigquit-crash sigquit-crash.txt 134 GOTRACEBACK=crash

# Scheduler traces (stderr).
crash schedtrace schedtrace.txt 0 GODEBUG=schedtrace=100 -- -mode idle -duration 1s
crash schedtrace-detail schedtrace-detail.txt 0 GODEBUG=schedtrace=200,scheddetail=1 -- -mode idle -duration 1s

echo "capture.sh: captured in ${SECONDS}s"

# ---- derived files -------------------------------------------------------------
for pb in "$out"/*.pb.gz; do
	stem=${pb%.pb.gz}
	"$bin/pprof" -raw "$pb" >"$stem.pprof-raw.txt" 2>/dev/null
	"$bin/pprof" -top -nodecount=100000 "$pb" >"$stem.pprof-top.txt" 2>/dev/null
done
"$bin/tracestats" "$out/trace.out" >"$out/trace.stats.json"
"$bin/traceunblocks" "$out/trace.out" >"$out/trace.unblocks.csv"
gzip -9 -n -c "$out/dump-debug2.txt" >"$out/dump-debug2.txt.gz"

# ---- truth ---------------------------------------------------------------------
python3 tools/mktruth.py --captures "$out" --runs "$runs" --go-version "$(go version)" \
	--build "$build" --gzip-copy dump-debug2.txt=dump-debug2.txt.gz

echo "capture.sh: done in ${SECONDS}s, $(du -sh "$out" | cut -f1) in samples/$out"
