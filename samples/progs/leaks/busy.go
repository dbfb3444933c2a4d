package main

// Busy goroutines give the CPU, heap, allocs, block and mutex profiles and the
// execution trace some content. Their dump state is not deterministic while
// they run, so they can be paused: each loop calls busyGate.check() at a point
// where it holds no lock, and a paused goroutine parks in busyParked (header
// "chan receive"). Dumps that need exact counts are taken while paused.

import (
	"context"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	nCPUBurners     = 2
	nAllocators     = 1
	nMutexChurners  = 3
	nChanPingers    = 1 // each pinger has one ponger
	nSyscallWorkers = 1
	nBusy           = nCPUBurners + nAllocators + nMutexChurners + 2*nChanPingers + nSyscallWorkers
)

type gate struct {
	paused atomic.Bool
	resume atomic.Pointer[chan struct{}]
	parked atomic.Int32
}

var busyGate gate

// check parks the calling goroutine while the gate is paused.
func (g *gate) check() {
	if !g.paused.Load() {
		return
	}
	ch := g.resume.Load()
	g.parked.Add(1)
	busyParked(*ch)
	g.parked.Add(-1)
}

//go:noinline
func busyParked(resume <-chan struct{}) {
	<-resume
}

// pause asks every busy goroutine to park and waits until all have.
func (g *gate) pause() bool {
	ch := make(chan struct{})
	g.resume.Store(&ch)
	g.paused.Store(true)
	deadline := time.Now().Add(5 * time.Second)
	for g.parked.Load() < nBusy {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
	return true
}

func (g *gate) unpause() {
	g.paused.Store(false)
	close(*g.resume.Load())
}

// startBusy starts the busy goroutines.
func startBusy() {
	for i := 0; i < nCPUBurners; i++ {
		go busyCPUBurner(i)
	}
	for i := 0; i < nAllocators; i++ {
		go busyAllocator()
	}
	for i := 0; i < nMutexChurners; i++ {
		go busyMutexChurner()
	}
	for i := 0; i < nChanPingers; i++ {
		ping, pong := make(chan int), make(chan int)
		go busyChanPinger(ping, pong)
		go busyChanPonger(ping, pong)
	}
	for i := 0; i < nSyscallWorkers; i++ {
		go busySyscallWorker()
	}
}

// busyGroups describes the busy goroutines. paused: they are parked in
// busyParked. crash: a crash dump is printed while they run, so a goroutine
// running on another thread may be printed without its stack.
func busyGroups(paused, crash bool) []Group {
	gs := []Group{
		{Name: "busy-cpu-burner", Count: nCPUBurners, Func: "main.busyCPUBurner",
			States: []string{"running", "runnable", "sleep"}, Labels: map[string]string{"busy": "cpu-burner"}},
		{Name: "busy-allocator", Count: nAllocators, Func: "main.busyAllocator",
			States: []string{"running", "runnable", "sleep", "GC assist marking", "GC assist wait"}},
		{Name: "busy-mutex-churner", Count: nMutexChurners, Func: "main.busyMutexChurner",
			States: []string{"running", "runnable", "sleep", "sync.Mutex.Lock"}},
		{Name: "busy-chan-pinger", Count: nChanPingers, Func: "main.busyChanPinger",
			States: []string{"running", "runnable", "sleep", "chan send", "chan receive"}},
		{Name: "busy-chan-ponger", Count: nChanPingers, Func: "main.busyChanPonger",
			States: []string{"running", "runnable", "chan send", "chan receive"}},
		{Name: "busy-syscall-worker", Count: nSyscallWorkers, Func: "main.busySyscallWorker",
			States: []string{"running", "runnable", "syscall", "sleep"}},
	}
	for i := range gs {
		gs[i].Kind = "busy"
		gs[i].CreatedBy = "main.startBusy"
		gs[i].Ancestors = 1
		if paused {
			gs[i].States = []string{"chan receive"}
			gs[i].AlsoFuncs = []string{"main.busyParked"}
		} else if crash {
			gs[i].StackMayBeUnavailable = true
		}
	}
	return gs
}

var burnSink atomic.Uint64

// busyCPUBurner spends about 60% of its CPU in cpuWorkA and 40% in cpuWorkB,
// so CPU profiles have a small tree. It sleeps about a third of the time so
// that, with GOMAXPROCS=2, the other busy goroutines still get to run.
//
//go:noinline
func busyCPUBurner(id int) {
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(),
		pprof.Labels("busy", "cpu-burner", "burner", strconv.Itoa(id))))
	x := uint64(id + 1)
	for {
		busyGate.check()
		for i := 0; i < 20; i++ {
			x = cpuWorkA(x, 60000)
			x = cpuWorkB(x, 40000)
		}
		burnSink.Store(x)
		time.Sleep(time.Millisecond)
	}
}

//go:noinline
func cpuWorkA(x uint64, n int) uint64 {
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

//go:noinline
func cpuWorkB(x uint64, n int) uint64 {
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

var allocSink atomic.Pointer[[]byte]

// busyAllocator allocates about 20 MB/s in three size classes and keeps the
// last 256 allocations alive, so heap (in-use) and allocs profiles differ.
//
//go:noinline
func busyAllocator() {
	ring := make([][]byte, 256)
	n := 0
	for {
		busyGate.check()
		for j := 0; j < 40; j++ {
			var b []byte
			switch j % 4 {
			case 0, 1:
				b = allocSmall()
			case 2:
				b = allocMedium()
			default:
				b = allocLarge()
			}
			ring[n%len(ring)] = b
			n++
		}
		allocSink.Store(&ring[0])
		time.Sleep(2 * time.Millisecond)
	}
}

//go:noinline
func allocSmall() []byte { return make([]byte, 128) }

//go:noinline
func allocMedium() []byte { return make([]byte, 2048) }

//go:noinline
func allocLarge() []byte { return make([]byte, 6000) }

var churnMu sync.Mutex
var churnCounter int

// busyMutexChurner takes a shared mutex, works about 50µs while holding it and
// sleeps a little, so the mutex and block profiles see contention.
//
//go:noinline
func busyMutexChurner() {
	for {
		busyGate.check()
		churnMu.Lock()
		churnCounter++
		burnSink.Store(cpuWorkA(uint64(churnCounter), 30000))
		churnMu.Unlock()
		time.Sleep(300 * time.Microsecond)
	}
}

// busyChanPinger and busyChanPonger exchange values over unbuffered
// channels. To pause, the pinger sends -1, which makes the ponger park
// instead of replying; then the pinger parks too.
//
//go:noinline
func busyChanPinger(ping chan<- int, pong <-chan int) {
	for i := 0; ; i++ {
		if busyGate.paused.Load() {
			ping <- -1
			busyGate.check()
			continue
		}
		ping <- i
		<-pong
		time.Sleep(500 * time.Microsecond)
	}
}

//go:noinline
func busyChanPonger(ping <-chan int, pong chan<- int) {
	for {
		v := <-ping
		if v < 0 {
			busyGate.check()
			continue
		}
		pong <- v
	}
}

// busySyscallWorker writes to and reads from a pipe with raw system calls.
//
//go:noinline
func busySyscallWorker() {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	buf := make([]byte, 4096)
	for {
		busyGate.check()
		_, _ = syscall.Write(p[1], buf)
		_, _ = syscall.Read(p[0], buf)
		time.Sleep(time.Millisecond)
	}
}
