package content

import (
	"fmt"
	"strings"

	"surveysite/internal/diag"
)

// badName says why seg, one segment of a page's URL and so a folder name in
// the output, cannot be a name on every host the output is promised to
// work on (a Windows share, a USB stick, macOS): "" if it can.
func badName(seg string) string {
	for _, r := range seg {
		switch {
		case r < 0x20 || r == 0x7f:
			return fmt.Sprintf("holds the control character %U, which no file name may", r)
		case strings.ContainsRune(`<>:"|?*\`, r):
			return fmt.Sprintf("holds %q, which Windows does not allow in a file name", r)
		}
	}
	if strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " ") {
		return "ends in a dot or a space, which Windows drops from file names"
	}
	stem, _, _ := strings.Cut(seg, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return "is a name Windows reserves for a device"
	}
	if len(stem) >= 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		switch stem[3:] {
		case "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
			return "is a name Windows reserves for a device"
		}
	}
	return ""
}

// checkName reports a page whose URL has a segment badName refuses: at the
// slug's line when the slug makes it, else at the file.
func checkName(list *diag.List, f string, fm *FrontMatter, u string) {
	if fm.Slug != "" {
		if why := badName(fm.Slug); why != "" {
			list.Add(diag.Errorf(diag.Pos{Path: f, Line: fm.Lines["slug"], Col: 1}, "slug %q %s", fm.Slug, why).
				WithHint("choose another slug, e.g. in lower-case letters, digits and hyphens"))
			return
		}
	}
	for _, seg := range strings.Split(strings.Trim(u, "/"), "/") {
		if why := badName(seg); why != "" {
			list.Add(diag.Errorf(diag.Pos{Path: f}, "this page's URL %s has the folder name %q, which %s", u, seg, why).
				WithHint("rename the file or its folder, or give the page a slug"))
			return
		}
	}
}
