//go:build !unix

package search

import "time"

var processStart = time.Now()

// cpuTime is the wall clock where processor time is not at hand.
func cpuTime() time.Duration { return time.Since(processStart) }
