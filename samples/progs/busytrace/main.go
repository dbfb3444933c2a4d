// Command busytrace keeps many goroutines busy with channel, mutex, select,
// sleep and syscall work while runtime/trace records it, to produce large
// execution traces for benchmarking trace readers. The output is not committed;
// samples/bench-trace.sh generates it.
//
// Usage:
//
//	busytrace -o busy.trace -d 20s -g 400
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	out := flag.String("o", "busy.trace", "trace file to write")
	dur := flag.Duration("d", 20*time.Second, "how long to trace")
	workers := flag.Int("g", 400, "goroutines per kind of work")
	flag.Parse()

	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "busytrace:", err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, "busytrace:", err)
		os.Exit(1)
	}

	ctx := context.Background()
	var stop atomic.Bool
	done := make(chan struct{})
	var ops atomic.Int64
	spawn := func(fn func()) {
		go func() {
			for !stop.Load() {
				fn()
				ops.Add(1)
			}
		}()
	}

	// Channel ping-pong pairs.
	for i := 0; i < *workers/2; i++ {
		ping, pong := make(chan int), make(chan int)
		spawn(func() {
			select {
			case ping <- 1:
				select {
				case <-pong:
				case <-done:
				}
			case <-done:
			}
		})
		spawn(func() {
			select {
			case v := <-ping:
				select {
				case pong <- v:
				case <-done:
				}
			case <-time.After(time.Millisecond):
			case <-done:
			}
		})
	}
	// Mutex contention on a few locks.
	var locks [8]sync.Mutex
	var counters [8]int
	for i := 0; i < *workers; i++ {
		k := i % len(locks)
		spawn(func() {
			locks[k].Lock()
			counters[k]++
			locks[k].Unlock()
		})
	}
	// Syscalls.
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "busytrace:", err)
		os.Exit(1)
	}
	buf := []byte("x")
	for i := 0; i < *workers/4; i++ {
		spawn(func() {
			syscall.Write(int(null.Fd()), buf)
		})
	}
	// Short sleeps and a condition variable.
	for i := 0; i < *workers/4; i++ {
		spawn(func() { time.Sleep(50 * time.Microsecond) })
	}
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	for i := 0; i < *workers/8; i++ {
		spawn(func() {
			mu.Lock()
			cond.Wait()
			mu.Unlock()
		})
	}
	spawn(func() {
		cond.Broadcast()
		time.Sleep(100 * time.Microsecond)
	})
	// Short-lived goroutines with a region each.
	spawn(func() {
		var inner sync.WaitGroup
		for j := 0; j < 16; j++ {
			inner.Add(1)
			go func() {
				defer inner.Done()
				trace.WithRegion(ctx, "short-lived", func() {})
			}()
		}
		inner.Wait()
	})

	time.Sleep(*dur)
	// Nothing waits for the workers: stop them, let the trace see a little of
	// that, and stop tracing.
	stop.Store(true)
	close(done)
	cond.Broadcast()
	time.Sleep(20 * time.Millisecond)
	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "busytrace:", err)
		os.Exit(1)
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(os.Stderr, "busytrace: %d operations, %d bytes of trace in %s\n", ops.Load(), st.Size(), *out)
}
