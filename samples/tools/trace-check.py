#!/usr/bin/env python3
"""Compares `goroscope summary --json TRACE` with the figures samples/progs/tracestats (golang.org/x/exp/trace)
wrote beside each trace (X.out + X.stats.json): event and goroutine counts, duration, GC cycles and the time
per state over all goroutines, to the nanosecond.
Usage: trace-check.py --cli "java -jar app/target/goroscope.jar" DIR"""
import argparse, glob, json, os, shlex, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--cli", required=True)
ap.add_argument("dir")
a = ap.parse_args()
held = total = 0
for stats_path in sorted(glob.glob(os.path.join(a.dir, "**", "*.stats.json"), recursive=True)):
    trace = stats_path[: -len(".stats.json")] + ".out"
    if not os.path.exists(trace):
        continue
    want = json.load(open(stats_path))
    p = subprocess.run(shlex.split(a.cli) + ["summary", "--json", trace], capture_output=True, text=True, timeout=600)
    name = os.path.basename(trace)
    if p.returncode != 0:
        print("%s: %s" % (name, (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]))
        total += 1
        continue
    got = json.loads(p.stdout)
    pairs = [("events", want["events"], got.get("events")),
             ("goroutines", want["goroutines"], got.get("goroutines")),
             ("durationNs", want["duration_ns"], got.get("durationNs")),
             ("gcCount", want["gc_cycles"], got.get("gcCount"))]
    for state, ns in want["states_ns"].items():
        pairs.append(("stateTimeNs." + state, ns, (got.get("stateTimeNs") or {}).get(state)))
    for what, expected, actual in pairs:
        total += 1
        if expected == actual:
            held += 1
        else:
            print("%s: %s expected %s got %s" % (name, what, expected, actual))
print("%d/%d trace checks hold" % (held, total))
sys.exit(0 if total and held == total else 1)
