// Floor measures the least a build of a folder of Markdown pages can cost
// with surveysite's reader: every page read and its front matter decoded,
// converted by goldmark with surveysite's extensions (content.Load), and
// its HTML written to DEST/<url>/index.html — no templates, lists, tag
// pages, link check, search index or output swap. docs/performance.md
// compares whole builds with it.
//
// Usage:
//
//	go run ./bench/floor -source DIR -dest DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"surveysite/internal/content"
)

func main() {
	src := flag.String("source", ".", "the project `folder`, holding content/")
	dest := flag.String("dest", "", "the `folder` to write into (emptied first)")
	flag.Parse()
	if *dest == "" {
		fmt.Fprintln(os.Stderr, "floor: -dest is required")
		os.Exit(2)
	}
	if err := run(*src, *dest); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

func run(src, dest string) error {
	pages, err := content.Load(os.DirFS(src), content.Options{})
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dest); err != nil {
		return err
	}
	// Write as the build does: in parallel, one folder per page.
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	work := make(chan *content.Page)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				dir := filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(p.URL, "/")))
				name := filepath.Join(dir, "index.html")
				if strings.HasSuffix(p.URL, ".html") {
					dir, name = filepath.Dir(dir), dir
				}
				err := os.MkdirAll(dir, 0o755)
				if err == nil {
					err = os.WriteFile(name, []byte(p.Content), 0o644)
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
