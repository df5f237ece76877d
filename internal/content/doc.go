// Package content loads the Markdown pages of a site from an fs.FS.
//
// Each page is content/**/*.md: an optional YAML front matter block between
// lines of "---", then Markdown (goldmark with GFM tables, strikethrough,
// task lists, footnotes and heading IDs that keep Japanese text). Raw HTML is
// omitted unless Options.UnsafeHTML is set. A line break inside a paragraph
// is a newline (a space on screen) except between two East Asian
// characters, where it is dropped (see lineBreaks).
//
// Paths map to URLs as pretty URLs:
//
//	content/_index.md        -> /            (home)
//	content/program.md       -> /program/    (page)
//	content/cases/_index.md  -> /cases/      (section)
//	content/cases/a.md       -> /cases/a/    (page in section "cases")
//	content/404.md           -> /404.html    (not found page)
//
// A front matter "slug" replaces the last URL segment. Links in Markdown to
// site paths ("/program/") or to other Markdown files ("../program.md") are
// resolved through Options.Link, so the same source builds with relative or
// absolute URLs; a link to a missing file is an error at its line.
//
// A fenced code block whose info string is "chart" is not code but a
// reference to survey data: its YAML body becomes a Ref, kept unresolved with
// its position, and the page HTML holds a placeholder (see RefMarker) that
// the site replaces with the chart.
package content
