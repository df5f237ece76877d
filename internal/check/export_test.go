package check

// ScanFile scans one output file as a build does while writing it, for
// the benchmarks of package check_test (which may import build).
func ScanFile(name string, data []byte) { scanFile(name, data) }

// HandTags and NetTags read every tag of data and its wanted attributes,
// with the hand scanner and with golang.org/x/net/html's tokenizer.
func HandTags(data []byte) { handTags(data, nil) }
func NetTags(data []byte)  { netTags(data, nil) }
