// Command liveserver serves net/http/pprof on 127.0.0.1 while it leaks a few
// goroutines at a steady pace, so that a live poller can watch a real Go
// process grow. It prints "listening on http://ADDR/debug/pprof/" on stdout
// once it accepts connections and exits after -timeout.
//
// Every -every it starts -per goroutines that block forever receiving from a
// channel nobody sends on (main.stuckReceiver, "chan receive"); a pool of 3
// workers (main.worker) waits in a select the whole time.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"time"
)

//go:noinline
func stuckReceiver(ch chan int) {
	<-ch
}

//go:noinline
func worker(jobs <-chan int) {
	for {
		select {
		case <-jobs:
		case <-time.After(time.Hour):
		}
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	every := flag.Duration("every", 200*time.Millisecond, "leak interval")
	per := flag.Int("per", 2, "goroutines leaked per interval")
	timeout := flag.Duration("timeout", 60*time.Second, "exit after this long")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || (host != "127.0.0.1" && host != "localhost") {
		fmt.Fprintln(os.Stderr, "liveserver: -addr must be on 127.0.0.1")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "liveserver:", err)
		os.Exit(1)
	}
	jobs := make(chan int)
	for i := 0; i < 3; i++ {
		go worker(jobs)
	}
	go func() {
		never := make(chan int)
		for {
			for i := 0; i < *per; i++ {
				go stuckReceiver(never)
			}
			time.Sleep(*every)
		}
	}()
	time.AfterFunc(*timeout, func() { os.Exit(0) })
	fmt.Printf("listening on http://%s/debug/pprof/\n", ln.Addr())
	if err := http.Serve(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, "liveserver:", err)
		os.Exit(1)
	}
}
