// Package check checks a rendered site before it is published: every
// internal link, #fragment, image and asset reference in its HTML and CSS
// files must name a file of the site (and an id in the target page); every
// <img> needs alt text; ids are unique in a page; every page has a
// non-empty <title>.
//
// A build scans each file as it is written (Writer) and checks the whole
// site when the last one is written; Output checks a site already rendered
// into an fs.FS. A problem is placed at the line of the Markdown source
// that wrote it where that can be found (the source is parsed with the
// content package's Markdown configuration), and otherwise at the line of
// the output file.
//
// The files, one job each: check.go (the checker and the scanning writer),
// scan.go (what one file refers to and holds), tags.go (the tag scanner),
// resolve.go (references to output files and ids), place.go (positions of
// problems) and markdown.go (links in the Markdown source).
package check
