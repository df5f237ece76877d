package chart

import (
	"strconv"
	"strings"
	"testing"
)

func TestTileMapGolden(t *testing.T) {
	t.Parallel()
	var all, some []PrefValue
	for code := 1; code <= 47; code++ {
		v := float64(code % 13)
		all = append(all, PrefValue{Code: code, Value: v, Text: strconv.Itoa(code % 13)})
		if code%3 == 0 {
			some = append(some, PrefValue{Code: code, Value: v, Text: strconv.Itoa(code % 13)})
		}
	}
	cases := map[string][]PrefValue{
		"all":   all,
		"some":  some,
		"zero":  {{Code: 13, Value: 0, Text: "0"}},
		"ties":  {{Code: 1, Value: 5, Text: "5"}, {Code: 47, Value: 5, Text: "5"}},
		"large": {{Code: 13, Value: 1234, Text: "1,234"}, {Code: 27, Value: 987, Text: "987"}},
	}
	for name, vals := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, err := NewTileMap(meta("tm-"+name), vals, TileMapOptions{Legend: "参加団体数"})
			if err != nil {
				t.Fatalf("NewTileMap() = %v", err)
			}
			checkGolden(t, name, renderSVG(t, m))
		})
	}
}

func TestTileLayoutIsComplete(t *testing.T) {
	t.Parallel()
	seen := map[[2]int]string{}
	for i, p := range prefectures {
		if p.code != i+1 {
			t.Errorf("prefectures[%d].code = %d, want %d", i, p.code, i+1)
		}
		if p.col < 0 || p.col >= tileCols || p.row < 0 || p.row >= tileRows {
			t.Errorf("%s at (%d,%d) is outside the %dx%d grid", p.name, p.col, p.row, tileCols, tileRows)
		}
		k := [2]int{p.col, p.row}
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share tile (%d,%d)", p.name, other, p.col, p.row)
		}
		seen[k] = p.name
		if !strings.HasPrefix(p.name, p.short) {
			t.Errorf("short name %q is not a prefix of %q", p.short, p.name)
		}
	}
	if got := PrefectureName(47); got != "沖縄県" {
		t.Errorf("PrefectureName(47) = %q, want 沖縄県", got)
	}
}

func TestNewTileMapRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vals []PrefValue
		want string
	}{
		{"empty", nil, "no values"},
		{"code", []PrefValue{{Code: 48, Text: "1"}}, "outside 1..47"},
		{"dup", []PrefValue{{Code: 1, Text: "1"}, {Code: 1, Text: "1"}}, "(北海道) given twice"},
		{"neg", []PrefValue{{Code: 2, Value: -1, Text: "1"}}, "青森県 is negative"},
		{"text", []PrefValue{{Code: 2, Value: 1}}, "text is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := NewTileMap(meta("x"), tc.vals, TileMapOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewTileMap() error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
