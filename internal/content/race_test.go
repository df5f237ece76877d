//go:build race

package content

// raceEnabled: the race detector slows everything down several times.
const raceEnabled = true
