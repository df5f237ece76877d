package main

import (
	"fmt"
	"strconv"
	"strings"
)

// A patch file is a unified diff (diff -u, git diff) against the fork's
// folder, with paths such as a/html/html.go; text before its first "---"
// line describes the change. A hunk applies where its old lines are,
// exactly, nearest the line its header names: a patch survives lines
// moving in a new Go release, but not lines it touches or shows changing.

// filePatch is a patch's hunks for one file.
type filePatch struct {
	path  string // slash path under the fork
	hunks []hunk
}

// hunk replaces old lines, found near line oldStart (1-based), with new.
// Lines keep their "\n", which the last line of a file may lack.
type hunk struct {
	header   string
	oldStart int
	old, new []string
}

// parsePatch reads a unified diff.
func parsePatch(text string) ([]filePatch, error) {
	lines := strings.SplitAfter(text, "\n")
	var fps []filePatch
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "--- ") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+++ "):
			p := patchPath(lines[i+1][4:])
			if p == "" || patchPath(line[4:]) != p {
				return nil, fmt.Errorf("line %d: a patch may change files but not add, remove or rename them", i+1)
			}
			fps = append(fps, filePatch{path: p})
			i++
		case strings.HasPrefix(line, "@@ "):
			if len(fps) == 0 {
				return nil, fmt.Errorf("line %d: hunk before any file", i+1)
			}
			h, n, err := parseHunk(lines[i:])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", i+1, err)
			}
			fp := &fps[len(fps)-1]
			fp.hunks = append(fp.hunks, h)
			i += n - 1
		}
	}
	if len(fps) == 0 {
		return nil, fmt.Errorf("no files in the patch")
	}
	return fps, nil
}

// patchPath is the path a "---" or "+++" line names, without a/ or b/
// and a timestamp; "" for /dev/null.
func patchPath(s string) string {
	s = strings.TrimRight(s, "\r\n")
	s, _, _ = strings.Cut(s, "\t")
	if s == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(s, "a/") || strings.HasPrefix(s, "b/") {
		s = s[2:]
	}
	return s
}

// parseHunk reads the hunk that starts lines, returning it and the number
// of lines it takes.
func parseHunk(lines []string) (hunk, int, error) {
	h := hunk{header: strings.TrimRight(lines[0], "\n")}
	var oldN, newN int
	var err error
	// @@ -oldStart[,oldN] +newStart[,newN] @@
	f := strings.Fields(h.header)
	if len(f) < 4 || f[3] != "@@" || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return h, 0, fmt.Errorf("bad hunk header %q", h.header)
	}
	if h.oldStart, oldN, err = hunkRange(f[1][1:]); err != nil {
		return h, 0, fmt.Errorf("bad hunk header %q: %w", h.header, err)
	}
	if _, newN, err = hunkRange(f[2][1:]); err != nil {
		return h, 0, fmt.Errorf("bad hunk header %q: %w", h.header, err)
	}
	n := 1
	var lastKind byte
	for ; n < len(lines) && (len(h.old) < oldN || len(h.new) < newN || strings.HasPrefix(lines[n], `\`)); n++ {
		line := lines[n]
		kind, body := byte(' '), "\n" // an editor may strip a context line's lone space
		if line != "\n" {
			kind, body = line[0], line[1:]
		}
		switch kind {
		case ' ':
			h.old = append(h.old, body)
			h.new = append(h.new, body)
		case '-':
			h.old = append(h.old, body)
		case '+':
			h.new = append(h.new, body)
		case '\\': // "\ No newline at end of file": the previous line has none
			if lastKind != '+' {
				h.old[len(h.old)-1] = strings.TrimSuffix(h.old[len(h.old)-1], "\n")
			}
			if lastKind != '-' {
				h.new[len(h.new)-1] = strings.TrimSuffix(h.new[len(h.new)-1], "\n")
			}
		default:
			return h, 0, fmt.Errorf("hunk %q: line %q is not context, removal or addition", h.header, line)
		}
		lastKind = kind
	}
	if len(h.old) != oldN || len(h.new) != newN {
		return h, 0, fmt.Errorf("hunk %q ends early", h.header)
	}
	return h, n, nil
}

// hunkRange parses "start,count" or "start" (a count of one).
func hunkRange(s string) (start, count int, err error) {
	a, b, ok := strings.Cut(s, ",")
	if start, err = strconv.Atoi(a); err != nil {
		return 0, 0, err
	}
	if !ok {
		return start, 1, nil
	}
	count, err = strconv.Atoi(b)
	return start, count, err
}

// applyPatch applies the unified diff text to files.
func applyPatch(files map[string][]byte, text string) error {
	fps, err := parsePatch(text)
	if err != nil {
		return err
	}
	for _, fp := range fps {
		b, ok := files[fp.path]
		if !ok {
			return fmt.Errorf("%s: no such file in the copy", fp.path)
		}
		out, err := applyHunks(string(b), fp.hunks)
		if err != nil {
			return fmt.Errorf("%s: %w", fp.path, err)
		}
		files[fp.path] = []byte(out)
	}
	return nil
}

// applyHunks applies hunks, in order, to text.
func applyHunks(text string, hunks []hunk) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var out []string
	next := 0  // first line of lines not yet copied to out
	shift := 0 // how far the previous hunk was from where its header said
	for i, h := range hunks {
		base := h.oldStart - 1
		if len(h.old) == 0 { // "-n,0" inserts after line n
			base++
		}
		at := findLines(lines, h.old, next, base+shift)
		if at < 0 {
			return "", fmt.Errorf("hunk %d (%s) does not apply: its old lines are not in the file, so Go changed them; update the patch", i+1, h.header)
		}
		shift = at - base
		out = append(out, lines[next:at]...)
		out = append(out, h.new...)
		next = at + len(h.old)
	}
	out = append(out, lines[next:]...)
	return strings.Join(out, ""), nil
}

// findLines returns where old is in lines at or after from, nearest want,
// or -1.
func findLines(lines, old []string, from, want int) int {
	matches := func(at int) bool {
		if at < from || at+len(old) > len(lines) {
			return false
		}
		for j, l := range old {
			if lines[at+j] != l {
				return false
			}
		}
		return true
	}
	for d := 0; want-d >= from || want+d <= len(lines); d++ {
		if matches(want - d) {
			return want - d
		}
		if matches(want + d) {
			return want + d
		}
	}
	return -1
}
