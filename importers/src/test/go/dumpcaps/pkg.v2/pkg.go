// Package pkg lives in a directory whose name has a dot, so the linker escapes it in symbol names (pkg%2ev2).
package pkg

import "time"

// Wait blocks on a channel nobody sends to.
func Wait(ch chan int) { <-ch }

// Sleep sleeps long.
func Sleep() { time.Sleep(time.Hour) }
