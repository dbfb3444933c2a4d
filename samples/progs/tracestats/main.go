// Command tracestats reads a Go execution trace in the v2 format (written by
// Go 1.22 and later) with golang.org/x/exp/trace and prints reference figures
// as JSON. Goroscope's Java trace importer is tested against these figures, so
// the rules below are deliberately simple and the importer copies them exactly.
//
// Usage:
//
//	tracestats [-per-goroutine=true] trace.out > trace.stats.json
//
// What is counted:
//
//   - events: every event returned by Reader.ReadEvent, including the
//     synthetic Sync events the reader emits per generation.
//   - events_by_kind: the same, by EventKind name.
//   - first_event_ns / last_event_ns: Time() of the first and the last event
//     (trace clock, nanoseconds); duration_ns = last - first.
//   - goroutines: distinct goroutine IDs that are the resource of at least
//     one goroutine state transition.
//   - gc_cycles: EventRangeBegin events named "GC concurrent mark phase".
//     A cycle already running when the trace starts shows up as
//     EventRangeActive instead and is not counted (reported separately as
//     gc_cycles_active_at_start).
//
// State time (the interval rule):
//
//   - Only goroutine state transitions are used. A transition whose from and
//     to states are equal is ignored (the reader emits those when it
//     re-asserts a goroutine's status at a generation boundary).
//   - Each transition of goroutine G at time t closes G's open interval (if
//     any), adding t - start to that interval's state, and opens a new
//     interval in the "to" state starting at t.
//   - The state before a goroutine's first transition is not counted (its
//     start time is unknown).
//   - Intervals still open after the last event are closed at the time of the
//     last event of the whole trace (last_event_ns), whatever resource that
//     event belongs to.
//   - GoState mapping: GoRunnable -> runnable, GoRunning -> running,
//     GoSyscall -> syscall, GoWaiting -> waiting. GoUndetermined and
//     GoNotExist intervals are not counted. Traces have no idle goroutines,
//     so "idle" is always 0; it is printed so the five states of the model
//     are all present.
//   - The wait reason of a waiting interval is the Reason string of the
//     transition that entered it; an empty Reason is reported as "(none)".
//     wait_reasons_ns sums waiting time per reason over all goroutines.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"golang.org/x/exp/trace"
)

// The five goroutine states of Goroscope's model, in display order.
var stateNames = []string{"idle", "runnable", "running", "syscall", "waiting"}

// stateName maps a trace GoState to one of stateNames, or "" if the state is
// not counted.
func stateName(s trace.GoState) string {
	switch s {
	case trace.GoRunnable:
		return "runnable"
	case trace.GoRunning:
		return "running"
	case trace.GoSyscall:
		return "syscall"
	case trace.GoWaiting:
		return "waiting"
	}
	return "" // GoUndetermined, GoNotExist, or a state added by a later Go
}

const noReason = "(none)"

// openInterval is the interval a goroutine is currently in.
type openInterval struct {
	state  string // "" = not counted
	reason string // for waiting only
	start  int64
}

// goStats is the accumulated time of one goroutine.
type goStats struct {
	StatesNS      map[string]int64 `json:"states_ns"`
	WaitReasonsNS map[string]int64 `json:"wait_reasons_ns,omitempty"`
	Transitions   int              `json:"transitions"`
}

func newGoStats() *goStats {
	s := &goStats{StatesNS: map[string]int64{}, WaitReasonsNS: map[string]int64{}}
	for _, n := range stateNames {
		s.StatesNS[n] = 0
	}
	return s
}

type output struct {
	Tool                  string              `json:"tool"`
	File                  string              `json:"file"`
	IntervalRule          string              `json:"interval_rule"`
	Events                int                 `json:"events"`
	EventsByKind          map[string]int      `json:"events_by_kind"`
	FirstEventNS          int64               `json:"first_event_ns"`
	LastEventNS           int64               `json:"last_event_ns"`
	DurationNS            int64               `json:"duration_ns"`
	Goroutines            int                 `json:"goroutines"`
	StateTransitions      int                 `json:"goroutine_state_transitions"`
	IgnoredSameState      int                 `json:"ignored_same_state_transitions"`
	GCCycles              int                 `json:"gc_cycles"`
	GCCyclesActiveAtStart int                 `json:"gc_cycles_active_at_start"`
	GCCyclesCounted       string              `json:"gc_cycles_counted"`
	StatesNS              map[string]int64    `json:"states_ns"`
	WaitReasonsNS         map[string]int64    `json:"wait_reasons_ns"`
	PerGoroutine          map[string]*goStats `json:"per_goroutine,omitempty"`
}

const intervalRule = "per goroutine, each state transition (from != to) closes the open interval at its time and " +
	"opens one in the 'to' state; the state before the first transition is not counted; open intervals end at " +
	"the last event time of the whole trace; Undetermined/NotExist are not counted; waiting time is attributed " +
	"to the Reason of the transition into waiting ((none) if empty)"

func main() {
	perG := flag.Bool("per-goroutine", true, "include per-goroutine figures")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: tracestats [-per-goroutine=false] trace.out")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	out, err := analyze(flag.Arg(0), *perG)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tracestats:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "tracestats:", err)
		os.Exit(1)
	}
}

func analyze(path string, perG bool) (*output, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return nil, err
	}

	o := &output{
		Tool:            "tracestats (golang.org/x/exp/trace)",
		File:            filepath.Base(path),
		IntervalRule:    intervalRule,
		EventsByKind:    map[string]int{},
		GCCyclesCounted: `EventRangeBegin events named "GC concurrent mark phase"`,
		StatesNS:        map[string]int64{},
		WaitReasonsNS:   map[string]int64{},
	}
	for _, n := range stateNames {
		o.StatesNS[n] = 0
	}
	open := map[trace.GoID]*openInterval{}
	stats := map[trace.GoID]*goStats{}

	// closeInterval adds the time of g's open interval up to t.
	closeInterval := func(g trace.GoID, iv *openInterval, t int64) {
		if iv.state == "" {
			return
		}
		d := t - iv.start
		s := stats[g]
		s.StatesNS[iv.state] += d
		o.StatesNS[iv.state] += d
		if iv.state == "waiting" {
			s.WaitReasonsNS[iv.reason] += d
			o.WaitReasonsNS[iv.reason] += d
		}
	}

	first := true
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", o.Events, err)
		}
		t := int64(ev.Time())
		if first {
			o.FirstEventNS = t
			first = false
		}
		o.LastEventNS = t
		o.Events++
		o.EventsByKind[ev.Kind().String()]++

		switch ev.Kind() {
		case trace.EventRangeBegin:
			if ev.Range().Name == "GC concurrent mark phase" {
				o.GCCycles++
			}
		case trace.EventRangeActive:
			if ev.Range().Name == "GC concurrent mark phase" {
				o.GCCyclesActiveAtStart++
			}
		case trace.EventStateTransition:
			st := ev.StateTransition()
			if st.Resource.Kind != trace.ResourceGoroutine {
				break
			}
			g := st.Resource.Goroutine()
			from, to := st.Goroutine()
			if from == to {
				o.IgnoredSameState++
				break
			}
			o.StateTransitions++
			if stats[g] == nil {
				stats[g] = newGoStats()
			}
			stats[g].Transitions++
			if iv := open[g]; iv != nil {
				closeInterval(g, iv, t)
			}
			reason := ""
			if to == trace.GoWaiting {
				reason = st.Reason
				if reason == "" {
					reason = noReason
				}
			}
			open[g] = &openInterval{state: stateName(to), reason: reason, start: t}
		}
	}
	for g, iv := range open {
		closeInterval(g, iv, o.LastEventNS)
	}
	o.DurationNS = o.LastEventNS - o.FirstEventNS
	o.Goroutines = len(stats)
	if perG {
		o.PerGoroutine = map[string]*goStats{}
		ids := make([]trace.GoID, 0, len(stats))
		for g := range stats {
			ids = append(ids, g)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, g := range ids {
			s := stats[g]
			if len(s.WaitReasonsNS) == 0 {
				s.WaitReasonsNS = nil
			}
			o.PerGoroutine[strconv.FormatInt(int64(g), 10)] = s
		}
	}
	return o, nil
}
