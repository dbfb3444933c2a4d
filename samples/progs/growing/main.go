// Command growing leaks a few more goroutines at every step and writes, after
// each step, a goroutine dump of itself (runtime.Stack of all goroutines, the
// debug=2 format) and a goroutine profile (pprof protobuf), so that a series
// of snapshots taken over time can be tested against known counts.
//
// Per step s (1-based) it starts:
//   - 3 goroutines that block forever sending on one unbuffered channel made
//     for the step (main.leakySend, "chan send"): they grow by 3 per step and
//     the three of a step share one channel pointer in their arguments;
//   - 1 goroutine that blocks on a mutex held since the start
//     (main.lockShared, "sync.Mutex.Lock"/"semacquire"): grows by 1 per step;
//
// and keeps, at every step, 4 pool workers waiting in a select
// (main.poolWorker) and 2 goroutines that come and go: on odd steps two
// sleepers (main.napper, "sleep") exist, on even steps none.
//
// Files: DIR/goroutines-<unix-millis>.txt, and goroutine profiles of the same
// moment as DIR/profiles/goroutine-<unix-millis>.pb.gz (debug=0, protobuf) and
// DIR/profiles-debug1/goroutine-<unix-millis>.txt (debug=1, text).
// A truth file DIR/truth.json lists the expected count per function per step.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

type stepTruth struct {
	Step       int            `json:"step"`
	File       string         `json:"file"`
	Profile    string         `json:"profile"`
	ProfileTxt string         `json:"profile_debug1"`
	Goroutines int            `json:"num_goroutine"`
	ByEntry    map[string]int `json:"by_entry_function"`
}

var shared sync.Mutex

//go:noinline
func leakySend(ch chan int, step int) {
	ch <- step
}

//go:noinline
func lockShared(step int) {
	shared.Lock()
	defer shared.Unlock()
	fmt.Println("never", step)
}

//go:noinline
func poolWorker(jobs <-chan int, quit <-chan struct{}) {
	for {
		select {
		case <-jobs:
		case <-quit:
			return
		}
	}
}

//go:noinline
func napper(stop <-chan struct{}) {
	select {
	case <-time.After(time.Hour):
	case <-stop:
	}
}

func dumpAll() []byte {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

func main() {
	dir := flag.String("out", "growing-out", "directory for the snapshots")
	steps := flag.Int("steps", 5, "number of steps")
	pause := flag.Duration("pause", 300*time.Millisecond, "time between steps")
	flag.Parse()
	for _, sub := range []string{"profiles", "profiles-debug1"} {
		if err := os.MkdirAll(filepath.Join(*dir, sub), 0o755); err != nil {
			fail(err)
		}
	}
	shared.Lock()
	jobs := make(chan int)
	quit := make(chan struct{})
	for i := 0; i < 4; i++ {
		go poolWorker(jobs, quit)
	}
	var truth []stepTruth
	var stopNappers chan struct{}
	for s := 1; s <= *steps; s++ {
		ch := make(chan int)
		for i := 0; i < 3; i++ {
			go leakySend(ch, s)
		}
		go lockShared(s)
		if s%2 == 1 {
			stopNappers = make(chan struct{})
			go napper(stopNappers)
			go napper(stopNappers)
		} else if stopNappers != nil {
			close(stopNappers)
			stopNappers = nil
		}
		time.Sleep(*pause)
		stamp := time.Now().UnixMilli()
		name := fmt.Sprintf("goroutines-%d.txt", stamp)
		if err := os.WriteFile(filepath.Join(*dir, name), dumpAll(), 0o644); err != nil {
			fail(err)
		}
		prof := fmt.Sprintf("profiles/goroutine-%d.pb.gz", stamp)
		f, err := os.Create(filepath.Join(*dir, prof))
		if err != nil {
			fail(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(f, 0); err != nil {
			fail(err)
		}
		f.Close()
		text := fmt.Sprintf("profiles-debug1/goroutine-%d.txt", stamp)
		t, err := os.Create(filepath.Join(*dir, text))
		if err != nil {
			fail(err)
		}
		if err := pprof.Lookup("goroutine").WriteTo(t, 1); err != nil {
			fail(err)
		}
		t.Close()
		nappers := 0
		if s%2 == 1 {
			nappers = 2
		}
		truth = append(truth, stepTruth{Step: s, File: name, Profile: prof, ProfileTxt: text, Goroutines: runtime.NumGoroutine(),
			ByEntry: map[string]int{"main.leakySend": 3 * s, "main.lockShared": s, "main.poolWorker": 4,
				"main.napper": nappers, "main.main": 1}})
	}
	b, _ := json.MarshalIndent(truth, "", "  ")
	if err := os.WriteFile(filepath.Join(*dir, "truth.json"), append(b, '\n'), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "growing:", err)
	os.Exit(1)
}
