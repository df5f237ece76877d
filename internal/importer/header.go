package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// detectHeaderRows returns 2 when the first row groups the columns (many of
// its cells empty or continuation marks, as Q1 … Q29 over the labels, or a
// SurveyMonkey question over its options) and the second names them;
// otherwise 1.
func detectHeaderRows(rows [][]string, width int) int {
	if len(rows) < 3 || width < 2 {
		return 1
	}
	first, second := rows[0], rows[1]
	empty := 0
	for i := range width {
		if i >= len(first) || isContinuation(first[i]) {
			empty++
		}
	}
	named, numbers, response := 0, 0, false
	for i := range width {
		if i >= len(second) {
			continue
		}
		v := strings.TrimSpace(second[i])
		if v == "" {
			continue
		}
		named++
		if isNumber(v, "") {
			numbers++
		}
		if v == "Response" || v == "Open-Ended Response" {
			response = true
		}
	}
	if response && empty > 0 {
		return 2 // SurveyMonkey
	}
	if empty*5 >= width && named*10 >= width*9 && numbers*10 < named {
		return 2
	}
	return 1
}

// isContinuation reports whether a group-row cell continues the group to its
// left: blank, or a lone comma as Excel writes " ,".
func isContinuation(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || s == "," || s == "、"
}

// headerColumns names the columns from the header rows: the label row's
// text, with the group row carried to the right over continuation cells;
// bracket codes (LimeSurvey Q1[SQ001]) give a group too. Duplicate names
// are made unique with their group, then a number; empty ones are named by
// their position.
func headerColumns(head [][]string, width int) []*column {
	cols := make([]*column, width)
	group := ""
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(strings.ReplaceAll(r[i], "\n", " "))
		}
		return ""
	}
	for i := range width {
		c := &column{index: i}
		if len(head) >= 2 {
			if g := cell(head[0], i); !isContinuation(g) {
				group = g
			}
			c.group = group
			c.label = cell(head[len(head)-1], i)
			if c.label == "" || c.label == "Response" || c.label == "Open-Ended Response" {
				c.label = group
			}
		} else {
			c.label = cell(head[0], i)
			if m := bracketRE.FindStringSubmatch(c.label); m != nil {
				c.group, c.label = m[1], m[2]
			}
		}
		cols[i] = c
	}
	// SurveyMonkey: a question with one column has no group of its own
	// beyond its label; a group of one column is no group.
	for i, c := range cols {
		same := func(j int) bool { return j >= 0 && j < width && cols[j].group == c.group }
		if c.group != "" && !same(i-1) && !same(i+1) {
			c.group = ""
		}
	}
	seen := map[string]int{}
	for _, c := range cols {
		n := c.label
		if c.group != "" && len(head) < 2 {
			n = c.group + "[" + c.label + "]"
		}
		if n == "" {
			n = "列" + strconv.Itoa(c.index+1)
		}
		c.name = n
		seen[n]++
	}
	for _, c := range cols {
		if seen[c.name] > 1 && c.group != "" && !strings.Contains(c.name, c.group) {
			c.name = c.group + " " + c.name
		}
	}
	dup := map[string]int{}
	for _, c := range cols {
		dup[c.name]++
		if dup[c.name] > 1 {
			c.name = fmt.Sprintf("%s (%d)", c.name, dup[c.name])
		}
	}
	return cols
}
