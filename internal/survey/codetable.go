package survey

// codeTable maps the exact codes and labels of one question to option
// indexes. It is a small open-addressing hash table, faster than a Go map
// for the short keys looked up once per answer on every row: a key of up to
// seven bytes (most codes) is held packed into a uint64 with its length, and
// found by comparing one word, with no string comparison.
type codeTable struct {
	mask   uint32
	packed []uint64 // the key packed, or long for a longer key
	keys   []string // the longer keys
	vals   []int32  // option index + 1; 0 is an empty slot
	count  int
}

// long stands for a key longer than seven bytes in codeTable.packed: no
// packed key has 0xff as its length byte.
const long = ^uint64(0)

func newCodeTable(n int) *codeTable {
	size := 8
	for size < 4*n {
		size *= 2
	}
	return &codeTable{mask: uint32(size - 1), packed: make([]uint64, size), keys: make([]string, size), vals: make([]int32, size)}
}

// pack is key's bytes and its length (in the top byte), for a key of up to
// seven bytes.
func pack(key string) uint64 {
	p := uint64(len(key)) << 56
	for i := 0; i < len(key); i++ {
		p |= uint64(key[i]) << (8 * i)
	}
	return p
}

// hashPacked mixes a packed key (Fibonacci hashing).
func hashPacked(p uint64) uint32 { return uint32((p * 0x9E3779B97F4A7C15) >> 32) }

// hashKey is FNV-1a, for the longer keys.
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
	p, h := long, uint32(0)
	if len(key) <= 7 {
		p = pack(key)
		h = hashPacked(p)
	} else {
		h = hashKey(key)
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if t.vals[i] == 0 {
			t.packed[i], t.vals[i] = p, int32(idx+1)
			if p == long {
				t.keys[i] = key
			}
			t.count++
			return
		}
		if t.packed[i] == p && (p != long || t.keys[i] == key) {
			return
		}
	}
}

// get returns the option index of key.
func (t *codeTable) get(key string) (int, bool) {
	if len(key) <= 7 {
		p := pack(key)
		for i := hashPacked(p) & t.mask; ; i = (i + 1) & t.mask {
			v := t.vals[i]
			if v == 0 {
				return 0, false
			}
			if t.packed[i] == p {
				return int(v - 1), true
			}
		}
	}
	for i := hashKey(key) & t.mask; ; i = (i + 1) & t.mask {
		v := t.vals[i]
		if v == 0 {
			return 0, false
		}
		if t.packed[i] == long && t.keys[i] == key {
			return int(v - 1), true
		}
	}
}
