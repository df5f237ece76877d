// Package parallel runs independent pieces of work on every processor.
// It is a leaf: the build's phases use it to load, render and check pages
// in parallel while keeping their results in input order.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1) on GOMAXPROCS goroutines and waits for them. f
// must be safe to call concurrently; writing to slot i of a slice made
// beforehand keeps the results in order.
func For(n int, f func(i int)) {
	ForState(n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { f(i) })
}

// ForState is For with a value per goroutine, made by init, that f may
// reuse from one call to the next (a buffer).
func ForState[S any](n int, init func() S, f func(s S, i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := init()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(s, i)
			}
		}()
	}
	wg.Wait()
}
