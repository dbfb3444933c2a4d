// Command traceiter reads a Go execution trace with golang.org/x/exp/trace
// (Go's own reader) and does nothing but iterate its events, printing how many
// there were. It is the baseline samples/bench-trace.sh times Goroscope's
// trace reader against.
//
// Usage:
//
//	traceiter trace.out
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
		fmt.Fprintln(os.Stderr, "usage: traceiter trace.out")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "traceiter:", err)
		os.Exit(1)
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		fmt.Fprintln(os.Stderr, "traceiter:", err)
		os.Exit(1)
	}
	n := 0
	for {
		_, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "traceiter: event %d: %v\n", n, err)
			os.Exit(1)
		}
		n++
	}
	fmt.Printf("events %d\n", n)
}
