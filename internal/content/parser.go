package content

import "github.com/yuin/goldmark/parser"

// Parser returns a Markdown parser with the extensions and settings pages
// are read with (newMarkdown), for code that reads a page's source again:
// the output check maps links back to their lines with it. It records and
// resolves nothing; only Load does.
func Parser() parser.Parser { return newMarkdown(false).Parser() }
