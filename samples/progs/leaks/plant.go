package main

import (
	"context"
	"fmt"
	"net"
	"sync"
	"syscall"
	"time"
)

// Group describes goroutines the program created (or knows about) that share
// an identifying function and a set of possible dump header statuses.
type Group struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // planted, busy, main, http
	Count int    `json:"count"`
	// Func is the identifying function as a goroutine dump prints it.
	Func string `json:"func"`
	// States lists the STATUS strings the dump header may show for these
	// goroutines: a wait reason or a basic status (running, runnable,
	// syscall). Settled planted goroutines have exactly one.
	States []string `json:"states"`
	// AlsoFuncs are further functions every stack of the group contains.
	AlsoFuncs []string `json:"also_funcs,omitempty"`
	// Locked: the goroutines are locked to their OS thread.
	Locked bool `json:"locked_to_thread,omitempty"`
	// CreatedBy is the function on the "created by" line.
	CreatedBy string `json:"created_by,omitempty"`
	// Frames is how many frames of Func each goroutine has (recursion).
	Frames int `json:"frames_of_func,omitempty"`
	// Elided: the stack has more than 100 frames, so dumps print the top
	// and bottom 50 and "...N frames elided..." in between.
	Elided bool `json:"elided,omitempty"`
	// Ancestors is the length of the chain of creating goroutines (main is
	// 0, a goroutine main started is 1). With GODEBUG=tracebackancestors=N
	// (N >= Ancestors) a dump prints that many "[originating from
	// goroutine N]:" blocks for each goroutine.
	Ancestors int `json:"ancestors"`
	// Labels are the pprof labels the goroutines carry.
	Labels map[string]string `json:"labels,omitempty"`
	// Leak: expected to be reported by the goroutineleak profile.
	Leak bool `json:"leak_expected"`
	// StackMayBeUnavailable: the goroutines may be running on another thread
	// when a crash is printed, in which case the runtime prints
	// "goroutine running on other thread; stack unavailable" instead of
	// frames (so Func may be missing).
	StackMayBeUnavailable bool `json:"stack_may_be_unavailable,omitempty"`
	// ProtoFuncs are the function names protobuf profiles use when they
	// differ from Func (generic functions are named by shape there, e.g.
	// main.f[go.shape.int], while dumps and debug=1 text print main.f[...]),
	// with the number of goroutines per name.
	ProtoFuncs map[string]int `json:"proto_funcs,omitempty"`
}

type paddedMutex struct {
	sync.Mutex
	_ [56]byte
}

// Pattern counts. They differ per pattern on purpose.
const (
	nChanSend        = 7
	nChanReceive     = 6
	nNilChanSend     = 2
	nNilChanReceive  = 3
	nSelectNoReady   = 4
	nSelectForever   = 1
	nTimeAfterLoop   = 2
	nSleepLong       = 5
	nMutexWaiters    = 4
	nRWMutexReaders  = 3
	nCondWait        = 2
	nWaitGroupWait   = 3
	nNetRead         = 2
	nLockedThread    = 1
	nRecursion       = 2
	recursionFrames  = 40
	nDeepRecursion   = 1
	deepRecursionFrm = 150
	nClosures        = 3
	nGenericInt      = 2
	nGenericString   = 1
	nMethod          = 4
	nContext         = 2
)

// plantAll starts every planted population, waits until each goroutine has
// reached its blocking point and returns the groups.
func plantAll() ([]Group, error) {
	var gs []Group
	add := func(g Group) {
		g.Kind = "planted"
		if g.CreatedBy == "" {
			g.CreatedBy = "main.plantAll"
			g.Ancestors = 1
		}
		gs = append(gs, g)
	}

	for i := 0; i < nChanSend; i++ {
		ch := make(chan int)
		started.Add(1)
		go leakChanSend(ch)
	}
	add(Group{Name: "chan-send", Count: nChanSend, Func: "main.leakChanSend", States: []string{"chan send"},
		Labels: map[string]string{"pattern": "chan-send"}, Leak: true})

	for i := 0; i < nChanReceive; i++ {
		ch := make(chan int)
		started.Add(1)
		go leakChanReceive(ch)
	}
	add(Group{Name: "chan-receive", Count: nChanReceive, Func: "main.leakChanReceive", States: []string{"chan receive"}, Leak: true})

	for i := 0; i < nNilChanSend; i++ {
		started.Add(1)
		go leakNilChanSend()
	}
	add(Group{Name: "nil-chan-send", Count: nNilChanSend, Func: "main.leakNilChanSend", States: []string{"chan send (nil chan)"}, Leak: true})

	for i := 0; i < nNilChanReceive; i++ {
		started.Add(1)
		go leakNilChanReceive()
	}
	add(Group{Name: "nil-chan-receive", Count: nNilChanReceive, Func: "main.leakNilChanReceive", States: []string{"chan receive (nil chan)"}, Leak: true})

	for i := 0; i < nSelectNoReady; i++ {
		a, b := make(chan int), make(chan string)
		started.Add(1)
		go leakSelectNoReady(a, b)
	}
	add(Group{Name: "select-no-ready-case", Count: nSelectNoReady, Func: "main.leakSelectNoReady", States: []string{"select"}, Leak: true})

	for i := 0; i < nSelectForever; i++ {
		started.Add(1)
		go leakSelectForever()
	}
	add(Group{Name: "select-no-cases", Count: nSelectForever, Func: "main.leakSelectForever", States: []string{"select (no cases)"}, Leak: true})

	for i := 0; i < nTimeAfterLoop; i++ {
		work := make(chan int)
		started.Add(1)
		go leakTimeAfterLoop(work)
	}
	// Not expected as a leak: the timer is reachable from the runtime's
	// timer heap while a goroutine waits on its channel.
	add(Group{Name: "time-after-loop", Count: nTimeAfterLoop, Func: "main.leakTimeAfterLoop", States: []string{"select"}})

	for i := 0; i < nSleepLong; i++ {
		started.Add(1)
		go leakSleepLong()
	}
	add(Group{Name: "sleep-long", Count: nSleepLong, Func: "main.leakSleepLong", States: []string{"sleep"}})

	// sync.Mutex: one holder that never unlocks, then the waiters.
	{
		// The mutex lives in a struct of its own size class: a bare
		// new(sync.Mutex) (8 bytes, no pointers) would come from the tiny
		// allocator and share a block with unrelated objects, which can keep
		// it reachable and hide the waiters from the goroutineleak profile.
		mu := &new(paddedMutex).Mutex
		locked := make(chan struct{})
		never := make(chan int)
		started.Add(1)
		go holdMutexForever(mu, locked, never)
		<-locked
		for i := 0; i < nMutexWaiters; i++ {
			started.Add(1)
			go leakMutexLock(mu)
		}
		add(Group{Name: "mutex-holder", Count: 1, Func: "main.holdMutexForever", States: []string{"chan receive"}, Leak: true})
		add(Group{Name: "mutex-waiters", Count: nMutexWaiters, Func: "main.leakMutexLock", States: []string{"sync.Mutex.Lock"}, Leak: true})
	}

	// sync.RWMutex: a reader holds it, a writer waits for the reader, and
	// later readers queue behind the pending writer.
	{
		rw := new(sync.RWMutex)
		locked := make(chan struct{})
		never := make(chan int)
		started.Add(1)
		go holdReadLockForever(rw, locked, never)
		<-locked
		started.Add(1)
		go leakRWMutexLock(rw)
		// TryRLock fails once a writer is pending; wait for that so the
		// readers below really queue behind the writer.
		deadline := time.Now().Add(5 * time.Second)
		for rw.TryRLock() {
			rw.RUnlock()
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("rwmutex writer never became pending")
			}
			time.Sleep(time.Millisecond)
		}
		for i := 0; i < nRWMutexReaders; i++ {
			started.Add(1)
			go leakRWMutexRLock(rw)
		}
		add(Group{Name: "rwmutex-read-holder", Count: 1, Func: "main.holdReadLockForever", States: []string{"chan receive"}, Leak: true})
		add(Group{Name: "rwmutex-writer", Count: 1, Func: "main.leakRWMutexLock", States: []string{"sync.RWMutex.Lock"}, Leak: true})
		add(Group{Name: "rwmutex-readers", Count: nRWMutexReaders, Func: "main.leakRWMutexRLock", States: []string{"sync.RWMutex.RLock"}, Leak: true})
	}

	{
		c := sync.NewCond(new(sync.Mutex))
		for i := 0; i < nCondWait; i++ {
			started.Add(1)
			go leakCondWait(c)
		}
		add(Group{Name: "cond-wait", Count: nCondWait, Func: "main.leakCondWait", States: []string{"sync.Cond.Wait"}, Leak: true})
	}

	{
		wg := new(sync.WaitGroup)
		wg.Add(1) // never Done
		for i := 0; i < nWaitGroupWait; i++ {
			started.Add(1)
			go leakWaitGroupWait(wg)
		}
		add(Group{Name: "waitgroup-wait", Count: nWaitGroupWait, Func: "main.leakWaitGroupWait", States: []string{"sync.WaitGroup.Wait"}, Leak: true})
	}

	// Network: an accept nobody dials, and reads from connections whose peer
	// never writes. Loopback only.
	{
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		started.Add(1)
		go leakNetAccept(ln)
		add(Group{Name: "net-accept", Count: 1, Func: "main.leakNetAccept", States: []string{"IO wait"}})

		ln2, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		for i := 0; i < nNetRead; i++ {
			client, err := net.Dial("tcp", ln2.Addr().String())
			if err != nil {
				return nil, err
			}
			server, err := ln2.Accept()
			if err != nil {
				return nil, err
			}
			keep = append(keep, client)
			started.Add(1)
			go leakNetRead(server)
		}
		ln2.Close()
		add(Group{Name: "net-read", Count: nNetRead, Func: "main.leakNetRead", States: []string{"IO wait"}})
	}

	{
		var p [2]int
		if err := syscall.Pipe(p[:]); err != nil {
			return nil, err
		}
		keep = append(keep, p[1])
		started.Add(1)
		go leakSyscallRead(p[0])
		add(Group{Name: "syscall-read", Count: 1, Func: "main.leakSyscallRead", States: []string{"syscall"}})
	}

	for i := 0; i < nLockedThread; i++ {
		ch := make(chan int)
		started.Add(1)
		go leakLockedThread(ch)
	}
	add(Group{Name: "locked-to-thread", Count: nLockedThread, Func: "main.leakLockedThread", States: []string{"chan receive"}, Locked: true, Leak: true})

	for i := 0; i < nRecursion; i++ {
		ch := make(chan int)
		started.Add(1)
		go leakRecurse(recursionFrames, ch)
	}
	add(Group{Name: "recursion-40", Count: nRecursion, Func: "main.leakRecurse", States: []string{"chan receive"},
		Frames: recursionFrames, Leak: true})

	for i := 0; i < nDeepRecursion; i++ {
		ch := make(chan int)
		started.Add(1)
		go leakRecurseDeep(deepRecursionFrm, ch)
	}
	add(Group{Name: "recursion-150-elided", Count: nDeepRecursion, Func: "main.leakRecurseDeep", States: []string{"chan receive"},
		Frames: deepRecursionFrm, Elided: true, Leak: true})

	{
		done := make(chan struct{})
		go spawnClosures(nClosures, done)
		<-done
		add(Group{Name: "closure", Count: nClosures, Func: "main.spawnClosures.func1", States: []string{"chan receive"},
			CreatedBy: "main.spawnClosures", Ancestors: 2, Leak: true})
	}

	{
		for i := 0; i < nGenericInt; i++ {
			ch := make(chan int)
			started.Add(1)
			go leakGenericWait(ch)
		}
		for i := 0; i < nGenericString; i++ {
			ch := make(chan string)
			started.Add(1)
			go leakGenericWait(ch)
		}
		add(Group{Name: "generic", Count: nGenericInt + nGenericString, Func: "main.leakGenericWait[...]", States: []string{"chan receive"},
			ProtoFuncs: map[string]int{
				"main.leakGenericWait[go.shape.int]":    nGenericInt,
				"main.leakGenericWait[go.shape.string]": nGenericString,
			}, Leak: true})
	}

	for i := 0; i < nMethod; i++ {
		w := &leakWorker{id: i, jobs: make(chan int)}
		started.Add(1)
		go w.waitForJob()
	}
	add(Group{Name: "pointer-method", Count: nMethod, Func: "main.(*leakWorker).waitForJob", States: []string{"chan receive"}, Leak: true})

	for i := 0; i < nContext; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		started.Add(1)
		go leakContextWait(ctx, cancel)
	}
	add(Group{Name: "context-never-cancelled", Count: nContext, Func: "main.leakContextWait", States: []string{"chan receive"}, Leak: true})

	waitCh := make(chan struct{})
	go func() { started.Wait(); close(waitCh) }()
	select {
	case <-waitCh:
	case <-time.After(10 * time.Second):
		return nil, fmt.Errorf("planted goroutines did not all start")
	}
	return gs, nil
}
