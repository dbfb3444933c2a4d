package main

import (
	"sort"
	"strconv"
)

// Expect is what a goroutine dump of the given groups must show, derived only
// from what the program created. Counts are "N" when exact and "A..B" when
// the groups' states are not deterministic.
type Expect struct {
	// Total is the number of user goroutines (what runtime.NumGoroutine
	// counts) the dump lists.
	Total int `json:"total"`
	// States maps the five states of Goroscope's model to counts. A header
	// showing a wait reason counts as waiting; the words running, runnable,
	// syscall and idle are states themselves.
	States map[string]string `json:"states"`
	// WaitReasons maps each wait reason to counts.
	WaitReasons map[string]string `json:"wait_reasons"`
	// Funcs maps identifying functions to the number of goroutines whose
	// stack contains them, as a dump prints them.
	Funcs map[string]string `json:"funcs"`
	// ProtoFuncs is Funcs with the names protobuf profiles use.
	ProtoFuncs map[string]string `json:"proto_funcs"`
	// LockedToThread counts headers with ", locked to thread".
	LockedToThread string `json:"locked_to_thread"`
	// Labels maps "key=value" to goroutines carrying that label.
	Labels map[string]int `json:"labels"`
	// Leaked is the number of goroutines expected in a goroutineleak profile.
	Leaked int `json:"leaked"`
	// Recursion maps "func/frames" to goroutines with exactly that many
	// frames of func (only for stacks short enough not to be elided).
	Recursion map[string]int `json:"recursion,omitempty"`
	// ElidedStacks counts goroutines whose stack a dump elides.
	ElidedStacks int `json:"elided_stacks"`
	// AncestorBlocks counts "[originating from goroutine N]:" blocks a dump
	// shows with GODEBUG=tracebackancestors=5.
	AncestorBlocks int `json:"ancestor_blocks"`
}

var fiveStates = []string{"idle", "runnable", "running", "syscall", "waiting"}

// stateOf maps a dump header STATUS to a state and, for waiting, the reason.
func stateOf(status string) (state, reason string) {
	switch status {
	case "idle", "runnable", "running", "syscall":
		return status, ""
	case "waiting":
		return "waiting", ""
	}
	return "waiting", status
}

type span struct{ min, max int }

func (s span) String() string {
	if s.min == s.max {
		return strconv.Itoa(s.min)
	}
	return strconv.Itoa(s.min) + ".." + strconv.Itoa(s.max)
}

func expect(groups []Group) Expect {
	states := map[string]*span{}
	reasons := map[string]*span{}
	funcs := map[string]*span{}
	pfuncs := map[string]*span{}
	locked := &span{}
	get := func(m map[string]*span, k string) *span {
		if m[k] == nil {
			m[k] = &span{}
		}
		return m[k]
	}
	for _, s := range fiveStates {
		get(states, s)
	}
	e := Expect{Labels: map[string]int{}, Recursion: map[string]int{}}
	for _, g := range groups {
		e.Total += g.Count
		// States: min counts groups that can only be in that state.
		seenState := map[string]bool{}
		seenReason := map[string]bool{}
		for _, st := range g.States {
			s, r := stateOf(st)
			seenState[s] = true
			if r != "" {
				seenReason[r] = true
			}
		}
		for s := range seenState {
			sp := get(states, s)
			sp.max += g.Count
			if len(seenState) == 1 {
				sp.min += g.Count
			}
		}
		for r := range seenReason {
			sp := get(reasons, r)
			sp.max += g.Count
			if len(g.States) == 1 {
				sp.min += g.Count
			}
		}
		for _, f := range append([]string{g.Func}, g.AlsoFuncs...) {
			fs := get(funcs, f)
			fs.max += g.Count
			if !g.StackMayBeUnavailable {
				fs.min += g.Count
			}
		}
		if len(g.ProtoFuncs) == 0 {
			ps := get(pfuncs, g.Func)
			ps.min += g.Count
			ps.max += g.Count
		}
		for _, f := range g.AlsoFuncs {
			ps := get(pfuncs, f)
			ps.min += g.Count
			ps.max += g.Count
		}
		for f, n := range g.ProtoFuncs {
			ps := get(pfuncs, f)
			ps.min += n
			ps.max += n
		}
		if g.Locked {
			locked.min += g.Count
			locked.max += g.Count
		}
		for k, v := range g.Labels {
			e.Labels[k+"="+v] += g.Count
		}
		if g.Leak {
			e.Leaked += g.Count
		}
		if g.Elided {
			e.ElidedStacks += g.Count
		}
		e.AncestorBlocks += g.Count * g.Ancestors
		if g.Frames > 0 && g.Frames <= 90 {
			e.Recursion[g.Func+"/"+strconv.Itoa(g.Frames)] += g.Count
		}
	}
	str := func(m map[string]*span) map[string]string {
		out := make(map[string]string, len(m))
		for k, v := range m {
			out[k] = v.String()
		}
		return out
	}
	e.States = str(states)
	e.WaitReasons = str(reasons)
	e.Funcs = str(funcs)
	e.ProtoFuncs = str(pfuncs)
	e.LockedToThread = locked.String()
	return e
}

func groupNames(gs []Group) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Name)
	}
	sort.Strings(out)
	return out
}
