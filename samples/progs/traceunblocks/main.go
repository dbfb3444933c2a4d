// Command traceunblocks reads a Go execution trace in the v2 format with
// golang.org/x/exp/trace (Go's own reader) and prints, as CSV, every
// transition of a goroutine from waiting to runnable together with the
// goroutine that made it runnable. Goroscope's trace importer records the same
// figure per transition and is tested against this output.
//
// Usage:
//
//	traceunblocks trace.out > trace.unblocks.csv
//
// Columns: the unblocked goroutine's id, the time of the transition (trace
// clock, nanoseconds, as Event.Time returns it), and the id of the goroutine
// in whose context the event happened (Event.Goroutine: the goroutine that
// issued GoUnblock, or the one that switched to it), or -1 when the event had
// no goroutine (the scheduler, the netpoller or a timer woke it).
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"golang.org/x/exp/trace"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: traceunblocks trace.out")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "traceunblocks:", err)
		os.Exit(1)
	}
}

func run(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	defer out.Flush()
	fmt.Fprintln(out, "goroutine,time_ns,unblocked_by")
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if ev.Kind() != trace.EventStateTransition {
			continue
		}
		st := ev.StateTransition()
		if st.Resource.Kind != trace.ResourceGoroutine {
			continue
		}
		from, to := st.Goroutine()
		if from != trace.GoWaiting || to != trace.GoRunnable {
			continue
		}
		by := int64(-1)
		if g := ev.Goroutine(); g != trace.NoGoroutine {
			by = int64(g)
		}
		fmt.Fprintf(out, "%d,%d,%d\n", st.Resource.Goroutine(), ev.Time(), by)
	}
}
