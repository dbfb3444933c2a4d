// Command leaks plants known goroutine populations (one per classic leak
// pattern, plus a few busy goroutines) and captures Go's diagnostic outputs
// of itself, recording what it created as the truth the captures are checked
// against.
//
// Modes (-mode):
//
//	stack     write runtime.Stack(buf, true) to -o (default OUT/stack-all.txt)
//	serve     start net/http/pprof on 127.0.0.1 and fetch its own endpoints:
//	          goroutine dumps (debug=2, debug=1, protobuf), CPU profile,
//	          execution trace, heap, allocs, block, mutex, threadcreate
//	leakprof  like serve, but fetch only the goroutineleak profile (needs a
//	          binary built with GOEXPERIMENT=goroutineleakprofile)
//	panic     panic from main after settling (run under GOTRACEBACK=...)
//	fatal     a fatal error: unlock of an unlocked sync.Mutex
//	overflow  a runtime throw: stack overflow of main (forces level 2)
//	sigquit   print "ready" on stdout and wait for SIGQUIT
//	idle      run for -duration and exit (for GODEBUG=schedtrace)
//
// The truth (-truth FILE) is written before the capture for the crashing
// modes, and after it for the others.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

// Run is the truth record of one run of the program.
type Run struct {
	Program              string            `json:"program"`
	Tag                  string            `json:"tag"`
	Mode                 string            `json:"mode"`
	RuntimeVersion       string            `json:"runtime_version"`
	GOOS                 string            `json:"goos"`
	GOARCH               string            `json:"goarch"`
	GOMAXPROCS           int               `json:"gomaxprocs"`
	NumCPU               int               `json:"num_cpu"`
	Env                  map[string]string `json:"env"`
	BusyActiveAtDumps    bool              `json:"busy_active_at_dumps"`
	GoroutineLeakProfile bool              `json:"goroutineleak_profile_available"`
	SettleMS             int64             `json:"settle_ms"`
	PlantedTotal         int               `json:"planted_total"`
	BusyTotal            int               `json:"busy_total"`
	NumGoroutineSettled  int               `json:"num_goroutine_settled"`
	Planted              []Group           `json:"planted"`
	Captures             []*Capture        `json:"captures"`
	SelfChecks           []SelfCheck       `json:"self_checks"`
	WrittenAt            string            `json:"written_at"`
}

// Capture is one file the run wrote (or, for crashes, the run's stderr).
type Capture struct {
	File     string `json:"file"`
	Context  string `json:"context"`
	Endpoint string `json:"endpoint,omitempty"`
	// NumGoroutineExpected is runtime.NumGoroutine() the program expects
	// at capture time; NumGoroutineBefore/After are what it measured just
	// before and after the capture.
	NumGoroutineExpected int     `json:"num_goroutine_expected"`
	NumGoroutineBefore   int     `json:"num_goroutine_before"`
	NumGoroutineAfter    int     `json:"num_goroutine_after"`
	Bytes                int     `json:"bytes,omitempty"`
	DurationMS           int64   `json:"duration_ms"`
	Groups               []Group `json:"groups,omitempty"` // every goroutine the file is expected to list
	Expect               *Expect `json:"expect,omitempty"`
}

type SelfCheck struct {
	Check    string `json:"check"`
	Expected any    `json:"expected"`
	Got      any    `json:"got"`
	OK       bool   `json:"ok"`
}

var (
	runMu sync.Mutex
	run   = &Run{Program: "leaks"}
)

func (r *Run) check(name string, expected, got any) {
	runMu.Lock()
	defer runMu.Unlock()
	r.SelfChecks = append(r.SelfChecks, SelfCheck{Check: name, Expected: expected, Got: got, OK: fmt.Sprint(expected) == fmt.Sprint(got)})
}

func (r *Run) allOK() bool {
	runMu.Lock()
	defer runMu.Unlock()
	for _, c := range r.SelfChecks {
		if !c.OK {
			return false
		}
	}
	return true
}

func writeTruth(path string) {
	if path == "" {
		return
	}
	runMu.Lock()
	run.WrittenAt = time.Now().UTC().Format(time.RFC3339Nano)
	b, err := json.MarshalIndent(run, "", "  ")
	runMu.Unlock()
	if err != nil {
		fatalf("truth: %v", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		fatalf("truth: %v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "leaks: "+format+"\n", args...)
	os.Exit(1)
}

func mainGroup(states ...string) Group {
	return Group{Name: "main", Kind: "main", Count: 1, Func: "main.main", States: states}
}

func main() {
	mode := flag.String("mode", "stack", "stack, serve, leakprof, panic, fatal, overflow, sigquit or idle")
	out := flag.String("out", ".", "directory for captured files")
	outFile := flag.String("o", "", "stack mode: output file (default OUT/stack-all.txt); other modes: the file name the capture script gives the run's stderr")
	truthPath := flag.String("truth", "", "write the program's truth record (JSON) to this file")
	tag := flag.String("tag", "", "name of this run in the truth record (default: the mode)")
	busy := flag.Bool("busy", false, "keep the busy goroutines running while dumps are taken (their states become ranges)")
	settle := flag.Duration("settle", 300*time.Millisecond, "wait after planting before capturing")
	duration := flag.Duration("duration", time.Second, "idle mode: how long to run")
	cpuSeconds := flag.Int("cpu-seconds", 1, "serve mode: CPU profile duration")
	traceSeconds := flag.Int("trace-seconds", 1, "serve mode: execution trace duration")
	timeout := flag.Duration("timeout", 60*time.Second, "exit with status 3 after this long")
	flag.Parse()

	// Every run ends by itself.
	time.AfterFunc(*timeout, func() {
		fmt.Fprintln(os.Stderr, "leaks: timeout")
		os.Exit(3)
	})

	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)

	run.Tag = *tag
	if run.Tag == "" {
		run.Tag = *mode
	}
	run.Mode = *mode
	run.RuntimeVersion = runtime.Version()
	run.GOOS, run.GOARCH = runtime.GOOS, runtime.GOARCH
	run.GOMAXPROCS, run.NumCPU = runtime.GOMAXPROCS(0), runtime.NumCPU()
	run.Env = map[string]string{"GOTRACEBACK": os.Getenv("GOTRACEBACK"), "GODEBUG": os.Getenv("GODEBUG"), "GOEXPERIMENT_AT_BUILD": buildExperiments()}
	run.GoroutineLeakProfile = pprof.Lookup("goroutineleak") != nil
	if *mode == "idle" {
		*busy = true // the busy goroutines run throughout
	}
	run.BusyActiveAtDumps = *busy
	run.SettleMS = settle.Milliseconds()

	planted, err := plantAll()
	if err != nil {
		fatalf("%v", err)
	}
	run.Planted = planted
	for _, g := range planted {
		run.PlantedTotal += g.Count
	}
	run.BusyTotal = nBusy
	startBusy()
	time.Sleep(*settle)
	if !*busy {
		if !busyGate.pause() {
			fatalf("busy goroutines did not park")
		}
		time.Sleep(50 * time.Millisecond)
	}
	run.NumGoroutineSettled = runtime.NumGoroutine()
	run.check("program self check (NumGoroutine == planted + busy + main)", run.PlantedTotal+nBusy+1, run.NumGoroutineSettled)

	crash := *mode == "panic" || *mode == "fatal" || *mode == "overflow" || *mode == "sigquit"
	dumpGroups := func(main Group) []Group {
		gs := append([]Group{}, planted...)
		gs = append(gs, busyGroups(!*busy, *busy && crash)...)
		return append(gs, main)
	}
	addCapture := func(file, context string, groups []Group) *Capture {
		e := expect(groups)
		if file != "" {
			file = filepath.Base(file)
		}
		c := &Capture{File: file, Context: context, Groups: groups, Expect: &e,
			NumGoroutineExpected: run.PlantedTotal + nBusy + 1, NumGoroutineBefore: runtime.NumGoroutine()}
		runMu.Lock()
		run.Captures = append(run.Captures, c)
		runMu.Unlock()
		return c
	}

	switch *mode {
	case "stack":
		path := *outFile
		if path == "" {
			path = filepath.Join(*out, "stack-all.txt")
		}
		c := addCapture(path, "runtime.Stack(all) from main", dumpGroups(mainGroup("running")))
		t0 := time.Now()
		buf := stackAll()
		c.DurationMS = time.Since(t0).Milliseconds()
		c.NumGoroutineAfter = runtime.NumGoroutine()
		c.Bytes = len(buf)
		if err := os.WriteFile(path, buf, 0o644); err != nil {
			fatalf("%v", err)
		}
		run.check("NumGoroutine at "+c.File+" == expected", c.NumGoroutineExpected, c.NumGoroutineBefore)

	case "serve", "leakprof":
		if err := serveAndCapture(*mode, *out, planted, *cpuSeconds, *traceSeconds); err != nil {
			fatalf("%v", err)
		}

	case "panic":
		// A panic prints every goroutine only if GOTRACEBACK says so.
		gs := []Group{mainGroup("running")}
		if listsAllGoroutines() {
			gs = dumpGroups(gs[0])
		}
		addCapture(*outFile, "panic from main.main (stderr)", gs)
		writeTruth(*truthPath)
		deliberatePanic()

	case "fatal":
		// A fatal error raised outside the runtime (here by package sync)
		// is a "user" throw: like a panic it prints only the failing
		// goroutine unless GOTRACEBACK asks for all.
		gs := []Group{mainGroup("running")}
		if listsAllGoroutines() {
			gs = dumpGroups(gs[0])
		}
		addCapture(*outFile, "fatal error from main.main (stderr)", gs)
		writeTruth(*truthPath)
		unlockUnlocked()

	case "overflow":
		// A throw inside the runtime always prints all goroutines,
		// including system goroutines (level 2).
		m := mainGroup("running")
		m.AlsoFuncs, m.Elided = []string{"main.overflowStack"}, true
		addCapture(*outFile, "stack overflow of main.main (stderr)", dumpGroups(m))
		writeTruth(*truthPath)
		debug.SetMaxStack(256 << 10)
		overflowStack(0)

	case "sigquit":
		addCapture(*outFile, "SIGQUIT while main sleeps (stderr)", dumpGroups(mainGroup("sleep")))
		writeTruth(*truthPath)
		fmt.Println("ready")
		awaitSignal()
		fatalf("no SIGQUIT arrived")

	case "idle":
		// For GODEBUG=schedtrace: the last snapshot is taken while main
		// sleeps here and the busy goroutines run.
		c := addCapture(*outFile, "GODEBUG=schedtrace output while main sleeps (stderr)", dumpGroups(mainGroup("sleep")))
		idleSleep(*duration)
		c.NumGoroutineAfter = runtime.NumGoroutine()

	default:
		fatalf("unknown mode %q", *mode)
	}

	writeTruth(*truthPath)
	if !run.allOK() {
		for _, c := range run.SelfChecks {
			if !c.OK {
				fmt.Fprintf(os.Stderr, "leaks: self check failed: %s: expected %v, got %v\n", c.Check, c.Expected, c.Got)
			}
		}
		os.Exit(4)
	}
}

// stackAll returns runtime.Stack(buf, true), growing buf until it fits.
//
//go:noinline
func stackAll() []byte {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

//go:noinline
func deliberatePanic() {
	panic("goroscope samples: deliberate panic after planting goroutines")
}

//go:noinline
func unlockUnlocked() {
	var mu sync.Mutex
	mu.Unlock() // fatal error: sync: unlock of unlocked mutex
}

// overflowStack recurses until the stack limit set by debug.SetMaxStack is
// exceeded, which the runtime reports as a fatal "stack overflow" throw.
//
//go:noinline
func overflowStack(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return overflowStack(n+1) + int(pad[(n+1)%64])
}

//go:noinline
func idleSleep(d time.Duration) {
	time.Sleep(d)
}

//go:noinline
func awaitSignal() {
	time.Sleep(30 * time.Second)
}

// listsAllGoroutines reports whether a panic or a user fatal error prints
// every goroutine under the current GOTRACEBACK setting (see setTraceback in
// runtime/runtime1.go).
func listsAllGoroutines() bool {
	switch v := os.Getenv("GOTRACEBACK"); v {
	case "", "single", "none":
		return false
	case "all", "system", "crash", "wer":
		return true
	default:
		n, err := strconv.Atoi(v)
		return err == nil && n > 0
	}
}

func buildExperiments() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "GOEXPERIMENT" {
				return s.Value
			}
		}
	}
	return ""
}
