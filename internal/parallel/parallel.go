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
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
