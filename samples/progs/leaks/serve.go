package main

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/ on http.DefaultServeMux
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// httpGroups are the goroutines serving one goroutine-dump request that main
// sent over a plain TCP connection (HTTP/1.0, no keep-alive): the accept
// loop, the connection's goroutine running the handler, and the connection's
// background reader. The middleware lets them settle before the handler runs.
func httpGroups() []Group {
	return []Group{
		{Name: "http-accept-loop", Kind: "http", Count: 1, Func: "net/http.(*Server).Serve", States: []string{"IO wait"}, CreatedBy: "main.startServer", Ancestors: 1},
		{Name: "http-conn-handler", Kind: "http", Count: 1, Func: "net/http.(*conn).serve", States: []string{"running"}, CreatedBy: "net/http.(*Server).Serve", Ancestors: 2},
		{Name: "http-background-read", Kind: "http", Count: 1, Func: "net/http.(*connReader).backgroundRead", States: []string{"IO wait"},
			CreatedBy: "net/http.(*connReader).startBackgroundRead", Ancestors: 3},
	}
}

// settleHandler wraps the pprof handlers. For the capture main is currently
// fetching, it waits until runtime.NumGoroutine() equals the expected total
// (at least 100 ms, so freshly started goroutines reach their blocking
// points) and records the count before and after the real handler.
type settleHandler struct {
	next http.Handler
	mu   sync.Mutex
	cur  *Capture
}

func (h *settleHandler) expectCapture(c *Capture) {
	h.mu.Lock()
	h.cur = c
	h.mu.Unlock()
}

func (h *settleHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	c := h.cur
	h.mu.Unlock()
	if c != nil && c.NumGoroutineExpected > 0 {
		time.Sleep(100 * time.Millisecond)
		deadline := time.Now().Add(3 * time.Second)
		for runtime.NumGoroutine() != c.NumGoroutineExpected && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
	}
	before := runtime.NumGoroutine()
	t0 := time.Now()
	h.next.ServeHTTP(w, r)
	if c != nil {
		runMu.Lock()
		c.NumGoroutineBefore = before
		c.NumGoroutineAfter = runtime.NumGoroutine()
		c.DurationMS = time.Since(t0).Milliseconds()
		runMu.Unlock()
	}
}

//go:noinline
func startServer(h http.Handler) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr().String(), nil
}

// fetch sends a plain HTTP/1.0 GET and returns the body. A hand-written
// client keeps the goroutine population simple: only main, blocked reading
// the connection (IO wait), is added on the client side.
//
//go:noinline
func fetch(addr, path string) ([]byte, error) {
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, addr); err != nil {
		return nil, err
	}
	resp, err := io.ReadAll(c)
	if err != nil {
		return nil, err
	}
	head, body, ok := bytes.Cut(resp, []byte("\r\n\r\n"))
	if !ok {
		return nil, fmt.Errorf("GET %s: no header end", path)
	}
	status, _, _ := bytes.Cut(head, []byte("\r\n"))
	if !bytes.Contains(status, []byte(" 200 ")) {
		return nil, fmt.Errorf("GET %s: %s: %s", path, status, body)
	}
	return body, nil
}

func serveAndCapture(mode, out string, planted []Group, cpuSeconds, traceSeconds int) error {
	h := &settleHandler{next: http.DefaultServeMux}
	addr, err := startServer(h)
	if err != nil {
		return err
	}
	dumpGroups := func() []Group {
		gs := append([]Group{}, planted...)
		gs = append(gs, busyGroups(!run.BusyActiveAtDumps, false)...)
		gs = append(gs, mainGroup("IO wait"))
		return append(gs, httpGroups()...)
	}
	// get fetches endpoint into file. groups are the goroutines the file
	// must list (nil: not a goroutine profile).
	get := func(file, endpoint, context string, groups []Group) error {
		c := &Capture{File: file, Context: context, Endpoint: endpoint}
		if groups != nil {
			c.Groups = groups
			e := expect(c.Groups)
			c.Expect = &e
			c.NumGoroutineExpected = expect(dumpGroups()).Total
		}
		runMu.Lock()
		run.Captures = append(run.Captures, c)
		runMu.Unlock()
		h.expectCapture(c)
		body, err := fetch(addr, endpoint)
		h.expectCapture(nil)
		if err != nil {
			return err
		}
		runMu.Lock()
		c.Bytes = len(body)
		runMu.Unlock()
		if groups != nil {
			run.check("NumGoroutine in handler for "+file+" == expected", c.NumGoroutineExpected, c.NumGoroutineBefore)
		}
		return os.WriteFile(filepath.Join(out, file), body, 0o644)
	}

	if mode == "leakprof" {
		if !run.GoroutineLeakProfile {
			return fmt.Errorf("this binary has no goroutineleak profile; build it with GOEXPERIMENT=goroutineleakprofile")
		}
		// The profile (protobuf, debug=1) lists the leaked goroutines only;
		// debug=2 is a full dump in which leaked goroutines are marked
		// "(leaked)" after the wait reason.
		var leaked []Group
		for _, g := range dumpGroups() {
			if g.Leak {
				leaked = append(leaked, g)
			}
		}
		for _, c := range []struct {
			file, endpoint string
			groups         []Group
		}{
			{"goroutineleak.pb.gz", "/debug/pprof/goroutineleak", leaked},
			{"goroutineleak-debug1.txt", "/debug/pprof/goroutineleak?debug=1", leaked},
			{"goroutineleak-debug2.txt", "/debug/pprof/goroutineleak?debug=2", dumpGroups()},
		} {
			if err := get(c.file, c.endpoint, "goroutineleak profile (runs a leak-detecting GC first)", c.groups); err != nil {
				return err
			}
		}
		return nil
	}

	// Goroutine dumps first, while the busy goroutines are parked (unless
	// -busy), so every count is exact.
	for _, c := range []struct{ file, endpoint string }{
		{"dump-debug2.txt", "/debug/pprof/goroutine?debug=2"},
		{"dump-debug1.txt", "/debug/pprof/goroutine?debug=1"},
		{"goroutine.pb.gz", "/debug/pprof/goroutine"},
	} {
		if err := get(c.file, c.endpoint, "net/http/pprof request from main", dumpGroups()); err != nil {
			return err
		}
	}
	if !run.BusyActiveAtDumps {
		busyGate.unpause()
	}
	// Then the profiles and the trace, while the busy goroutines run.
	for _, c := range []struct{ file, endpoint string }{
		{"cpu.pb.gz", fmt.Sprintf("/debug/pprof/profile?seconds=%d", cpuSeconds)},
		{"trace.out", fmt.Sprintf("/debug/pprof/trace?seconds=%d", traceSeconds)},
		{"heap.pb.gz", "/debug/pprof/heap"},
		{"allocs.pb.gz", "/debug/pprof/allocs"},
		{"block.pb.gz", "/debug/pprof/block"},
		{"mutex.pb.gz", "/debug/pprof/mutex"},
		{"threadcreate.pb.gz", "/debug/pprof/threadcreate"},
	} {
		if err := get(c.file, c.endpoint, "net/http/pprof request from main, busy goroutines running", nil); err != nil {
			return err
		}
	}
	// The index page lists the profiles this runtime offers.
	index, err := fetch(addr, "/debug/pprof/")
	if err != nil {
		return err
	}
	run.check("net/http/pprof index lists goroutineleak", run.GoroutineLeakProfile,
		strings.Contains(string(index), "goroutineleak"))
	return nil
}
