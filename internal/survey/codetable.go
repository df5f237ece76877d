package survey

// codeTable maps the exact codes and labels of one question to option
// indexes. It is a small open-addressing hash table, faster than a Go map
// for the short keys looked up once per answer on every row.
type codeTable struct {
	mask  uint32
	keys  []string
	vals  []int32 // option index + 1; 0 is an empty slot
	count int
}

func newCodeTable(n int) *codeTable {
	size := 8
	for size < 4*n {
		size *= 2
	}
	return &codeTable{mask: uint32(size - 1), keys: make([]string, size), vals: make([]int32, size)}
}

// hashKey is FNV-1a.
func hashKey(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// add adds key unless it is already there (the first option keeps it).
func (t *codeTable) add(key string, idx int) {
	for i := hashKey(key) & t.mask; ; i = (i + 1) & t.mask {
		if t.vals[i] == 0 {
			t.keys[i], t.vals[i] = key, int32(idx+1)
			t.count++
			return
		}
		if t.keys[i] == key {
			return
		}
	}
}

// get returns the option index of key.
func (t *codeTable) get(key string) (int, bool) {
	for i := hashKey(key) & t.mask; ; i = (i + 1) & t.mask {
		v := t.vals[i]
		if v == 0 {
			return 0, false
		}
		if t.keys[i] == key {
			return int(v - 1), true
		}
	}
}
