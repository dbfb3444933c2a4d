package main

import (
	"os"
	"runtime"
	"testing"
	"testing/synctest"
	"time"
)

// TestBubble prints runtime.Stack(all) from inside a synctest bubble whose other goroutines are durably blocked.
func TestBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() { <-ch }()
		go func() { time.Sleep(time.Hour) }()
		synctest.Wait()
		buf := make([]byte, 1<<20)
		f, _ := os.Create(os.Getenv("BUBBLE_OUT"))
		f.Write(buf[:runtime.Stack(buf, true)])
		f.Close()
		close(ch)
	})
}
