//go:build unix

package search

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the test process has used, which other
// processes on a shared machine do not inflate as they do the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
