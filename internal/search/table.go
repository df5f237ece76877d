package search

// table maps nonzero uint64 keys to int32 values: open addressing with
// linear probing, reused from page to page. Building the index adds a few
// million keys; a Go map takes several times as long for each.
type table struct {
	keys []uint64 // 0: empty slot
	vals []int32
	used []int32 // the slots in use, in the order they were filled
}

func newTable(size int) *table {
	n := 64
	for n < size*2 {
		n *= 2
	}
	return &table{keys: make([]uint64, n), vals: make([]int32, n)}
}

func (t *table) slot(k uint64) uint64 {
	return (k * 0x9E3779B97F4A7C15) >> 20
}

// find returns the slot of k and whether k is in the table; if it is not,
// the slot is where it would go.
func (t *table) find(k uint64) (int, bool) {
	mask := uint64(len(t.keys) - 1)
	for i := t.slot(k) & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return int(i), true
		case 0:
			return int(i), false
		}
	}
}

// put sets the value of k in slot i, found empty by find.
func (t *table) put(i int, k uint64, v int32) {
	t.keys[i], t.vals[i] = k, v
	t.used = append(t.used, int32(i))
	if len(t.used)*2 > len(t.keys) {
		t.grow()
	}
}

func (t *table) grow() {
	old := t.used
	keys, vals := t.keys, t.vals
	t.keys = make([]uint64, 2*len(keys))
	t.vals = make([]int32, 2*len(vals))
	t.used = make([]int32, 0, 2*len(old))
	for _, i := range old {
		j, _ := t.find(keys[i])
		t.keys[j], t.vals[j] = keys[i], vals[i]
		t.used = append(t.used, int32(j))
	}
}

// reset empties the table, keeping its memory.
func (t *table) reset() {
	for _, i := range t.used {
		t.keys[i] = 0
	}
	t.used = t.used[:0]
}
