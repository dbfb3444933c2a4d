// Command caps makes the Go runtime print goroutine dumps in rare forms, for Goroscope's parser tests.
//
//	caps busy        panics while three goroutines spin (with GOTRACEBACK=crash the other Ms print their stacks)
//	caps hang        waits with two goroutines spinning, for a SIGQUIT (with GOTRACEBACK=crash every M prints its stack)
//	caps crash       panics with many kinds of goroutines (run with GOTRACEBACK=crash or system)
//	caps overflow    infinite recursion: "fatal error: stack overflow", "runtime stack:", "...N frames elided..."
//	caps stack       prints runtime.Stack(all) (run with GODEBUG=tracebackancestors=3 for ancestors)
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	pkg "example.com/caps/pkg.v2"
)

type Box[T any] struct{ v T }

//go:noinline
func (b *Box[T]) Hold(ch chan T) { b.v = <-ch }

//go:noinline
func recurse(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return recurse(n+1) + int(pad[0])
}

//go:noinline
func chain(depth int, done func()) {
	if depth == 0 {
		done()
		return
	}
	go chain(depth-1, done)
	select {}
}

func start() {
	var mu sync.Mutex
	mu.Lock()
	go func() { mu.Lock() }()
	go pkg.Wait(make(chan int))
	go pkg.Sleep()
	go (&Box[string]{}).Hold(make(chan string))
	go func() {
		runtime.LockOSThread()
		select {}
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	go chain(3, func() { wg.Wait() })
	time.Sleep(300 * time.Millisecond)
}

func main() {
	start()
	switch os.Args[1] {
	case "busy":
		for i := 0; i < 3; i++ {
			go func() {
				for x := 0; ; x++ {
					_ = x * x
				}
			}()
		}
		time.Sleep(100 * time.Millisecond)
		panic("busy crash")
	case "hang":
		for i := 0; i < 2; i++ {
			go func() {
				for x := 0; ; x++ {
					_ = x * x
				}
			}()
		}
		time.Sleep(time.Hour)
	case "crash":
		panic(fmt.Errorf("boom: %d goroutines", runtime.NumGoroutine()))
	case "overflow":
		recurse(0)
	case "stack":
		buf := make([]byte, 1<<20)
		os.Stdout.Write(buf[:runtime.Stack(buf, true)])
	}
}
