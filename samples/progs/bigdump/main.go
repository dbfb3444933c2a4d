// Command bigdump writes very large goroutine dumps for Goroscope's
// benchmarks. Its output is generated at benchmark time and never committed.
//
// Two shapes:
//
//	bigdump -n 1000000 -o /tmp/big.txt
//	    starts N goroutines spread evenly over 40 distinct stacks (8
//	    recursion depths, 5 to 12 frames of main.bigDepth, x 5 ways of
//	    blocking) and writes runtime.Stack(buf, true): about 1 GB for a
//	    million goroutines.
//
//	bigdump -distinct 100000 -o /tmp/distinct.txt
//	    starts N goroutines, each with a stack of its own: goroutine i calls
//	    through L levels (2^L >= N) of main.distinctF0 / main.distinctF1,
//	    choosing F0 or F1 by bit k of i at level k, so the call tree is a
//	    binary tree with N distinct leaves (for the SVG-export benchmark).
//
// A JSON summary (goroutines, distinct stacks, per-state counts, bytes,
// timings) goes to stdout.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/bits"
	"os"
	"runtime"
	"sync"
	"time"
)

var started sync.WaitGroup

// Ways of blocking, each with the header STATUS Go 1.26 prints for it.
var kinds = []struct {
	name   string
	status string
	block  func(*shared)
}{
	{"chan-receive", "chan receive", blockChanReceive},
	{"chan-send", "chan send", blockChanSend},
	{"select", "select", blockSelect},
	{"waitgroup", "sync.WaitGroup.Wait", blockWaitGroup},
	{"nil-chan-receive", "chan receive (nil chan)", blockNilChanReceive},
}

// Depths minDepth..minDepth+depths-1, so depths*5 = 40 distinct stacks.
const (
	minDepth = 5
	depths   = 8
)

// shared holds the one WaitGroup every waitgroup-kind goroutine waits on.
type shared struct {
	wg sync.WaitGroup
}

//go:noinline
func blockChanReceive(*shared) {
	ch := make(chan int)
	started.Done()
	<-ch
}

//go:noinline
func blockChanSend(*shared) {
	ch := make(chan int)
	started.Done()
	ch <- 1
}

//go:noinline
func blockSelect(*shared) {
	a, b := make(chan int), make(chan int)
	started.Done()
	select {
	case <-a:
	case <-b:
	}
}

//go:noinline
func blockWaitGroup(s *shared) {
	started.Done()
	s.wg.Wait()
}

//go:noinline
func blockNilChanReceive(*shared) {
	var ch chan int
	started.Done()
	<-ch
}

// bigDepth puts depth frames of itself on the stack, then blocks.
//
//go:noinline
func bigDepth(depth, kind int, s *shared) {
	if depth > 1 {
		bigDepth(depth-1, kind, s)
		return
	}
	kinds[kind].block(s)
}

// distinctF0 and distinctF1 form the binary tree of the -distinct mode: at
// each level the goroutine calls F0 or F1 by the next bit of its index, so
// its stack is levels frames of F0/F1 above distinctLeaf.
//
//go:noinline
func distinctF0(i, level, levels int, ch chan int) {
	switch {
	case level+1 == levels:
		distinctLeaf(ch)
	case i>>(level+1)&1 == 0:
		distinctF0(i, level+1, levels, ch)
	default:
		distinctF1(i, level+1, levels, ch)
	}
}

//go:noinline
func distinctF1(i, level, levels int, ch chan int) {
	switch {
	case level+1 == levels:
		distinctLeaf(ch)
	case i>>(level+1)&1 == 0:
		distinctF0(i, level+1, levels, ch)
	default:
		distinctF1(i, level+1, levels, ch)
	}
}

//go:noinline
func distinctLeaf(ch chan int) {
	started.Done()
	<-ch
}

type summary struct {
	Mode           string         `json:"mode"`
	GoVersion      string         `json:"go_version"`
	Output         string         `json:"output"`
	Goroutines     int            `json:"goroutines"` // runtime.NumGoroutine() at the dump, main included
	Planted        int            `json:"planted"`
	DistinctStacks int            `json:"distinct_stacks"` // of the planted goroutines (main adds one more)
	States         map[string]int `json:"states"`          // planted goroutines by header STATUS
	Levels         int            `json:"levels,omitempty"`
	Bytes          int            `json:"bytes"`
	StartSeconds   float64        `json:"start_seconds"`
	StackSeconds   float64        `json:"stack_seconds"`
	StackAttempts  int            `json:"stack_attempts"`
	WriteSeconds   float64        `json:"write_seconds"`
	SysBytes       uint64         `json:"sys_bytes"`
}

func main() {
	n := flag.Int("n", 1000000, "goroutines to start over 40 distinct stacks")
	distinct := flag.Int("distinct", 0, "if > 0: start this many goroutines, each with a distinct stack (overrides -n)")
	out := flag.String("o", "", "output file (required)")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: bigdump [-n N | -distinct N] -o FILE")
		os.Exit(2)
	}

	s := summary{Mode: "shapes", GoVersion: runtime.Version(), Output: *out, States: map[string]int{}}
	t0 := time.Now()
	sh := &shared{}
	sh.wg.Add(1) // never Done
	if *distinct > 0 {
		s.Mode = "distinct"
		levels := bits.Len(uint(*distinct - 1))
		if levels == 0 {
			levels = 1
		}
		s.Levels = levels
		for i := 0; i < *distinct; i++ {
			started.Add(1)
			ch := make(chan int)
			if i&1 == 0 {
				go distinctF0(i, 0, levels, ch)
			} else {
				go distinctF1(i, 0, levels, ch)
			}
		}
		s.Planted, s.DistinctStacks = *distinct, *distinct
		s.States["chan receive"] = *distinct
	} else {
		shapes := depths * len(kinds)
		for i := 0; i < *n; i++ {
			shape := i % shapes
			depth, kind := minDepth+shape/len(kinds), shape%len(kinds)
			started.Add(1)
			go bigDepth(depth, kind, sh)
			s.States[kinds[kind].status]++
		}
		s.Planted = *n
		s.DistinctStacks = min(*n, shapes)
	}
	started.Wait()
	// Let the last goroutines go from started.Done() to their blocking
	// point; with two Ps this takes far less than a second.
	time.Sleep(time.Second)
	s.StartSeconds = time.Since(t0).Seconds()
	s.Goroutines = runtime.NumGoroutine()

	t1 := time.Now()
	// Start from an estimate of the output size (each attempt stops the
	// world and formats every goroutine, so avoid retries).
	perG := 1100
	if s.Levels > 0 {
		perG = 300 + 110*s.Levels
	}
	buf := make([]byte, max(1<<20, (s.Planted+1)*perG))
	for {
		s.StackAttempts++
		m := runtime.Stack(buf, true)
		if m < len(buf) {
			buf = buf[:m]
			break
		}
		buf = nil
		buf = make([]byte, 2*m)
	}
	s.StackSeconds = time.Since(t1).Seconds()
	s.Bytes = len(buf)

	t2 := time.Now()
	if err := os.WriteFile(*out, buf, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "bigdump:", err)
		os.Exit(1)
	}
	s.WriteSeconds = time.Since(t2).Seconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.SysBytes = ms.Sys
	b, _ := json.MarshalIndent(s, "", "  ")
	fmt.Println(string(b))
	os.Exit(0) // do not wait for the blocked goroutines
}
