package check

// ScanFile scans one output file as a build does while writing it, for
// the benchmarks of package check_test (which may import build).
func ScanFile(name string, data []byte) { scanFile(name, data) }
