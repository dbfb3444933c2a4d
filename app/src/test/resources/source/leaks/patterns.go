package main

// The planted goroutine populations: one function per classic leak pattern.
// Every pattern function is //go:noinline so that it appears as a real frame
// (with arguments and a +0x offset) in every dump and profile, and calls
// arrived() immediately before it blocks, so main knows when all of them have
// been started. Each pattern gets its own count so that counting mistakes in a
// reader show up as wrong numbers, not as coincidentally right ones.
//
// Channels, mutexes and the like are created per pattern and referenced only
// by the goroutines that block on them (except where noted), so the
// goroutineleak profile of Go 1.26 (GOEXPERIMENT=goroutineleakprofile) can
// classify them as leaked.

import (
	"context"
	"net"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

// started counts planted goroutines that have not yet reached their blocking
// point: the go statement's caller calls started.Add(1) before starting each
// one, so started.Wait() cannot return early.
var started sync.WaitGroup

// keep holds values that must stay reachable for the process lifetime: the
// client ends of the TCP connections (a finalizer would close an unreachable
// net.Conn and wake the reader) and the pipe write end of the syscall reader.
var keep []any

func arrived() { started.Done() }

// ---- channels -----------------------------------------------------------

//go:noinline
func leakChanSend(ch chan int) {
	// Goroutine labels, visible in goroutine profiles and, with
	// GODEBUG=tracebacklabels=1 (Go 1.26+), in dump headers.
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("pattern", "chan-send")))
	arrived()
	ch <- 1 // nobody ever receives
}

//go:noinline
func leakChanReceive(ch chan int) {
	arrived()
	<-ch // nobody ever sends
}

//go:noinline
func leakNilChanSend() {
	var ch chan int
	arrived()
	ch <- 1 // a send on a nil channel blocks forever
}

//go:noinline
func leakNilChanReceive() {
	var ch chan int
	arrived()
	<-ch
}

//go:noinline
func leakSelectNoReady(a chan int, b chan string) {
	arrived()
	select {
	case <-a:
	case b <- "never":
	}
}

//go:noinline
func leakSelectForever() {
	arrived()
	select {}
}

// leakTimeAfterLoop is the classic "time.After in a loop" pattern: every
// iteration creates a new timer channel. With an hour-long timeout it sits in
// the select.
//
//go:noinline
func leakTimeAfterLoop(work chan int) {
	arrived()
	for {
		select {
		case <-work:
		case <-time.After(time.Hour):
		}
	}
}

// ---- time -----------------------------------------------------------------

//go:noinline
func leakSleepLong() {
	arrived()
	time.Sleep(24 * time.Hour)
}

// ---- sync -----------------------------------------------------------------

// holdMutexForever locks mu and never unlocks it.
//
//go:noinline
func holdMutexForever(mu *sync.Mutex, locked chan<- struct{}, never chan int) {
	mu.Lock()
	close(locked)
	arrived()
	<-never
}

//go:noinline
func leakMutexLock(mu *sync.Mutex) {
	arrived()
	mu.Lock()
}

// holdReadLockForever read-locks rw and never unlocks it.
//
//go:noinline
func holdReadLockForever(rw *sync.RWMutex, locked chan<- struct{}, never chan int) {
	rw.RLock()
	close(locked)
	arrived()
	<-never
}

// leakRWMutexLock is a writer waiting for the reader held by
// holdReadLockForever.
//
//go:noinline
func leakRWMutexLock(rw *sync.RWMutex) {
	arrived()
	rw.Lock()
}

// leakRWMutexRLock is a reader queued behind the pending writer.
//
//go:noinline
func leakRWMutexRLock(rw *sync.RWMutex) {
	arrived()
	rw.RLock()
}

//go:noinline
func leakCondWait(c *sync.Cond) {
	c.L.Lock()
	arrived()
	for {
		c.Wait() // never signalled
	}
}

//go:noinline
func leakWaitGroupWait(wg *sync.WaitGroup) {
	arrived()
	wg.Wait() // the counter never reaches zero
}

// ---- network and system calls --------------------------------------------

//go:noinline
func leakNetAccept(ln net.Listener) {
	arrived()
	c, err := ln.Accept() // nobody dials this listener
	if err == nil {
		c.Close()
	}
}

//go:noinline
func leakNetRead(c net.Conn) {
	arrived()
	var b [1]byte
	_, _ = c.Read(b[:]) // the peer never writes
}

// leakSyscallRead blocks in a read(2) on a pipe through the syscall package,
// so the goroutine is in a system call (not parked in the network poller).
//
//go:noinline
func leakSyscallRead(fd int) {
	arrived()
	var b [1]byte
	_, _ = syscall.Read(fd, b[:])
}

// ---- goroutine shapes ------------------------------------------------------

//go:noinline
func leakLockedThread(ch chan int) {
	runtime.LockOSThread()
	arrived()
	<-ch
}

// leakRecurse calls itself until frames copies of it are on the stack, then
// blocks in leakRecursionBottom.
//
//go:noinline
func leakRecurse(frames int, ch chan int) {
	if frames > 1 {
		leakRecurse(frames-1, ch)
		return
	}
	leakRecursionBottom(ch)
}

//go:noinline
func leakRecursionBottom(ch chan int) {
	arrived()
	<-ch
}

// leakRecurseDeep is like leakRecurse with a different name: it is used with
// a depth above 100 frames so dumps elide the middle of the stack.
//
//go:noinline
func leakRecurseDeep(frames int, ch chan int) {
	if frames > 1 {
		leakRecurseDeep(frames-1, ch)
		return
	}
	leakDeepRecursionBottom(ch)
}

//go:noinline
func leakDeepRecursionBottom(ch chan int) {
	arrived()
	<-ch
}

// spawnClosures runs as its own goroutine and starts n func-literal
// goroutines (named main.spawnClosures.func1), then exits. The closures thus
// have a creator goroutine that no longer exists, which makes
// GODEBUG=tracebackancestors=N print two ancestor blocks for them.
//
//go:noinline
func spawnClosures(n int, done chan<- struct{}) {
	for i := 0; i < n; i++ {
		ch := make(chan int)
		started.Add(1)
		go func() {
			arrived()
			<-ch
		}()
	}
	close(done)
}

//go:noinline
func leakGenericWait[T any](ch chan T) {
	arrived()
	<-ch
}

type leakWorker struct {
	id   int
	jobs chan int
}

//go:noinline
func (w *leakWorker) waitForJob() {
	arrived()
	<-w.jobs
}

// leakContextWait waits for a context that is never cancelled; it holds the
// cancel function but never calls it.
//
//go:noinline
func leakContextWait(ctx context.Context, cancel context.CancelFunc) {
	arrived()
	<-ctx.Done()
	cancel()
}
