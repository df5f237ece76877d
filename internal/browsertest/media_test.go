package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"surveysite/internal/build"
)

// TestBeyondAxe checks what a person meets and axe does not judge (issue
// 24), on every page with a chart or a table of the site and the examples:
// charts read once (the accessibility tree), text size and captions at
// 320 px, print (Page.printToPDF), forced colours (Emulation.setEmulatedMedia)
// and the 404 page at a nested address. With SURVEYSITE_SHOTS=DIR it also
// writes screenshots and the printed PDFs there, to look at.
func TestBeyondAxe(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests take several seconds; run without -short")
	}
	chrome := chromiumPath(t)
	dir, pages := builtSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	browserCtx, _ := startBrowser(t, chrome)
	shots := os.Getenv("SURVEYSITE_SHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var withCharts, withTables []string
	for _, p := range pages {
		b := readFile(t, filepath.Join(dir, filepath.FromSlash(p)))
		if strings.Contains(b, `class="chart-svg`) {
			withCharts = append(withCharts, p)
		}
		if strings.Contains(b, `class="table-scroll"`) || strings.Contains(b, `class="chart-svg`) {
			withTables = append(withTables, p)
		}
	}
	if len(withCharts) < 5 {
		t.Fatalf("only %d pages with charts: %v", len(withCharts), withCharts)
	}
	s := struct{ charts, marks, forced string }{readFile(t, "testdata/charts.js"), readFile(t, "testdata/marks.js") + readFile(t, "testdata/printmarks.js"), readFile(t, "testdata/forced.js")}

	t.Run("read-once-and-320px", func(t *testing.T) {
		var mu sync.Mutex
		scrolling := 0
		t.Run("page", func(t *testing.T) {
			for _, p := range withTables {
				t.Run(p, func(t *testing.T) {
					t.Parallel()
					n := checkChartsAndTables(t, browserCtx, srv.URL, p, s.charts, shots)
					mu.Lock()
					scrolling += n
					mu.Unlock()
				})
			}
		})
		if scrolling == 0 {
			t.Error("no table scrolled at 320 px: the check of scroll boxes checked nothing")
		}
	})
	t.Run("print", func(t *testing.T) {
		pdftotext, err := exec.LookPath("pdftotext")
		if err != nil {
			missing(t, "pdftotext", "apt-get install -y poppler-utils")
		}
		for _, p := range withCharts {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				checkPrint(t, browserCtx, srv.URL, p, s.marks, pdftotext, shots)
			})
		}
	})
	t.Run("forced-colours", func(t *testing.T) {
		for _, p := range append([]string{"index.html"}, withCharts...) {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				checkForcedColours(t, browserCtx, srv.URL, p, s.forced, shots)
			})
		}
	})
	t.Run("404-nested", func(t *testing.T) {
		check404(t, browserCtx, dir, shots)
	})
}

// tab opens a new tab with a deadline.
func tab(t *testing.T, browserCtx context.Context) context.Context {
	t.Helper()
	tabCtx, cancelTab := chromedp.NewContext(browserCtx)
	ctx, cancel := context.WithTimeout(tabCtx, 90*time.Second)
	t.Cleanup(func() { cancel(); cancelTab() })
	return ctx
}

func viewport(t *testing.T, ctx context.Context, w, h int64) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride,
		emulation.SetDeviceMetricsOverrideParams{Width: w, Height: h, DeviceScaleFactor: 1}); err != nil {
		t.Fatalf("set the viewport to %dpx: %v", w, err)
	}
}

func navigate(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("load %s: %v", u, err)
	}
}

func screenshot(t *testing.T, ctx context.Context, shots, name string) {
	t.Helper()
	if shots == "" {
		return
	}
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{CaptureBeyondViewport: ptr(true),
		Clip: nil, Format: page.CaptureScreenshotFormatPng})
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(shots, name), res.Data, 0o644); err != nil {
		t.Error(err)
	}
}

func ptr[T any](v T) *T { return &v }

// shotName turns a page path into a file name.
func shotName(rel, suffix string) string {
	n := strings.NewReplacer("/index.html", "", "/", "_", ".html", "").Replace(rel)
	if n == "index" || n == "index.html" {
		n = "home"
	}
	return n + "-" + suffix
}

// chartsReport is what testdata/charts.js returns.
type chartsReport struct {
	Charts []struct {
		Title, Desc, ClassName, MinText string
		Width, MinPx                    float64
	}
	Figures []struct {
		Caption string
		Shown   int
	}
	Tables []struct {
		Label                              string
		Scrolls, Scrolled, TabStop, Hint   bool
		CaptionInBox, CaptionInBoxScrolled bool
	}
}

// axString returns the string value of an accessibility value.
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}

// checkChartsAndTables checks rel at 320 px and 1280 px: each figure shows
// one chart; each shown chart is one image in the accessibility tree named
// by its title alone, described by its summary, with nothing read inside
// it; at 320 px no chart text is below 12 px; each scroll box is a tab stop
// and shows a hint exactly when it scrolls, and its caption stays inside
// it. It returns how many boxes scrolled at 320 px.
func checkChartsAndTables(t *testing.T, browserCtx context.Context, base, rel, js, shots string) int {
	ctx := tab(t, browserCtx)
	scrolling := 0
	for _, w := range []int64{320, 1280} {
		at := fmt.Sprintf("%dpx", w)
		viewport(t, ctx, w, 900)
		navigate(t, ctx, base+pageURL(rel)+"?w="+at)
		rep, err := chromedp.Run(ctx, chromedp.Evaluate[chartsReport](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", at, err)
		}
		for _, f := range rep.Figures {
			if f.Shown != 1 {
				t.Errorf("%s: figure %.40q shows %d charts, want 1", at, f.Caption, f.Shown)
			}
		}
		for _, tb := range rep.Tables {
			if w == 320 && tb.Scrolls {
				scrolling++
			}
			if tb.TabStop != tb.Scrolls || tb.Hint != tb.Scrolls {
				t.Errorf("%s: scroll box %q: scrolls=%v, but tab stop=%v, hint shown=%v", at, tb.Label, tb.Scrolls, tb.TabStop, tb.Hint)
			}
			if tb.Scrolls && !tb.Scrolled {
				t.Errorf("%s: scroll box %q scrolls but did not move when scrolled", at, tb.Label)
			}
			if !tb.CaptionInBox || !tb.CaptionInBoxScrolled {
				t.Errorf("%s: scroll box %q: the caption leaves the box (inside before scrolling: %v, after: %v)", at, tb.Label, tb.CaptionInBox, tb.CaptionInBoxScrolled)
			}
		}
		for _, c := range rep.Charts {
			if w == 320 && c.MinPx < 12 {
				t.Errorf("%s: chart %.40q (%s, %.0fpx wide): text %q drawn at %.1f px, want >= 12", at, c.Title, c.ClassName, c.Width, c.MinText, c.MinPx)
			}
		}
		tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			t.Fatalf("%s: accessibility tree: %v", at, err)
		}
		byID := map[accessibility.NodeID]*accessibility.Node{}
		for _, n := range tree.Nodes {
			byID[n.NodeID] = n
		}
		var read func(n *accessibility.Node) []string
		read = func(n *accessibility.Node) []string {
			var out []string
			for _, id := range n.ChildIDs {
				c := byID[id]
				if c == nil {
					continue
				}
				if !c.Ignored {
					out = append(out, axString(c.Role)+" "+axString(c.Name))
				}
				out = append(out, read(c)...)
			}
			return out
		}
		images := map[string][]*accessibility.Node{}
		for _, n := range tree.Nodes {
			if !n.Ignored && axString(n.Role) == "image" {
				images[axString(n.Name)] = append(images[axString(n.Name)], n)
			}
		}
		for _, c := range rep.Charts {
			ns := images[c.Title]
			if len(ns) != 1 {
				names := []string{}
				for k := range images {
					names = append(names, k)
				}
				t.Errorf("%s: chart %.40q: %d images named by its title alone in the accessibility tree, want 1 (images: %.300q)", at, c.Title, len(ns), names)
				continue
			}
			if got := axString(ns[0].Description); got != c.Desc {
				t.Errorf("%s: chart %.40q: description %.80q, want the summary %.80q", at, c.Title, got, c.Desc)
			}
			if inside := read(ns[0]); len(inside) > 0 {
				t.Errorf("%s: chart %.40q: %d nodes read inside the image, want none: %.200q", at, c.Title, len(inside), inside)
			}
		}
		if w == 320 {
			screenshot(t, ctx, shots, shotName(rel, "320.png"))
		}
	}
	return scrolling
}

// marksReport is what testdata/printmarks.js returns.
type marksReport struct {
	Figures []struct {
		Caption string
		Height  float64
	}
	Headings []string
}

var markRE = regexp.MustCompile(`QZ([FH])(\d+)([AB])`)

// A4 with the stylesheet's @page margins (15 mm, 12 mm), in CSS px.
const (
	pageContentWidth  = (210 - 24) / 25.4 * 96
	pageContentHeight = (297 - 30) / 25.4 * 96
)

// checkPrint prints rel to PDF on A4 and checks that no figure is split
// across pages or taller than a page, and that no heading ends a page with
// what follows it on the next.
func checkPrint(t *testing.T, browserCtx context.Context, base, rel, js, pdftotext, shots string) {
	ctx := tab(t, browserCtx)
	viewport(t, ctx, 703, 1009)
	navigate(t, ctx, base+pageURL(rel))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[marksReport](js))
	if err != nil {
		t.Fatalf("mark the figures: %v", err)
	}
	for _, f := range marks.Figures {
		if f.Height > pageContentHeight {
			t.Errorf("figure %.40q is %.0fpx tall in print, taller than an A4 page (%.0fpx)", f.Caption, f.Height, pageContentHeight)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true), PrintBackground: ptr(true)})
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	file := filepath.Join(t.TempDir(), "page.pdf")
	if shots != "" {
		file = filepath.Join(shots, shotName(rel, "print.pdf"))
	}
	if err := os.WriteFile(file, pdf.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	on := map[string]int{} // mark -> page (1-based)
	for i, p := range pages {
		for _, m := range markRE.FindAllString(p, -1) {
			on[m] = i + 1
		}
	}
	for i, f := range marks.Figures {
		a, b := on[fmt.Sprintf("QZF%dA", i)], on[fmt.Sprintf("QZF%dB", i)]
		if a == 0 || b == 0 {
			t.Errorf("figure %d %.40q: start or end not found in the PDF (pages %d, %d)", i+1, f.Caption, a, b)
		} else if a != b {
			t.Errorf("figure %d %.40q is split across pages %d to %d", i+1, f.Caption, a, b)
		}
	}
	for i, h := range marks.Headings {
		a, b := on[fmt.Sprintf("QZH%dA", i)], on[fmt.Sprintf("QZH%dB", i)]
		if a == 0 || b == 0 {
			t.Errorf("heading %q: it or what follows not found in the PDF (pages %d, %d)", h, a, b)
		} else if a != b {
			t.Errorf("heading %q ends page %d; what follows it starts page %d", h, a, b)
		}
	}
	t.Logf("%d pages, %d figures, %d headings", len(pages), len(marks.Figures), len(marks.Headings))
}

// forcedReport is what testdata/forced.js returns.
type forcedReport struct {
	Matches        bool
	Sys            struct{ Canvas, CanvasText, Highlight string }
	Body           string
	Current, Other string
	Button         *struct{ Width, Style, Color, Bg string }
	Charts         []struct {
		Title, Bg    string
		Texts, Areas []string
	}
}

// checkForcedColours emulates forced colours and checks that the current
// menu link is marked and the others are not, that the button keeps an
// outline, and that every chart is drawn in the system colours.
func checkForcedColours(t *testing.T, browserCtx context.Context, base, rel, js, shots string) {
	ctx := tab(t, browserCtx)
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	for _, w := range widths {
		at := fmt.Sprintf("%dpx", w)
		viewport(t, ctx, w, 900)
		navigate(t, ctx, base+pageURL(rel)+"?w="+at)
		r, err := chromedp.Run(ctx, chromedp.Evaluate[forcedReport](js))
		if err != nil {
			t.Fatal(err)
		}
		if !r.Matches {
			t.Fatalf("%s: (forced-colors: active) does not match under emulation", at)
		}
		if r.Body != r.Sys.Canvas {
			t.Errorf("%s: page background %s, want Canvas %s", at, r.Body, r.Sys.Canvas)
		}
		if r.Current != "" && r.Current != r.Sys.Highlight {
			t.Errorf("%s: menu: the current link's border is %s, want Highlight %s", at, r.Current, r.Sys.Highlight)
		}
		if r.Other != "" && r.Other != r.Sys.Canvas {
			t.Errorf("%s: menu: another link's border is %s, want Canvas %s (invisible)", at, r.Other, r.Sys.Canvas)
		}
		if b := r.Button; b != nil && (b.Style != "solid" || b.Width == "0px" || b.Color == b.Bg || b.Color == r.Sys.Canvas) {
			t.Errorf("%s: the button has no visible outline: border %s %s %s on %s", at, b.Width, b.Style, b.Color, b.Bg)
		}
		for _, c := range r.Charts {
			if c.Bg != r.Sys.Canvas {
				t.Errorf("%s: chart %q: background %s, want Canvas %s", at, c.Title, c.Bg, r.Sys.Canvas)
			}
			if len(c.Texts) != 1 || c.Texts[0] != r.Sys.CanvasText {
				t.Errorf("%s: chart %q: text fills %v, want only CanvasText %s", at, c.Title, c.Texts, r.Sys.CanvasText)
			}
			for _, a := range c.Areas {
				if a != r.Sys.Canvas+" / "+r.Sys.CanvasText {
					t.Errorf("%s: chart %q: an area drawn %s, want Canvas / CanvasText", at, c.Title, a)
				}
			}
		}
		screenshot(t, ctx, shots, shotName(rel, fmt.Sprintf("forced-%d.png", w)))
	}
}

// check404 serves 404.html for every missing address, as hosts do, and
// loads it at a nested address: without a base URL its styles and favicon
// still load (they are inline) and nothing else is requested; built with a
// base URL, its home link and menu lead to pages that exist.
func check404(t *testing.T, browserCtx context.Context, dir, shots string) {
	serve := func(root, prefix string) *httptest.Server {
		files := http.FileServer(http.Dir(root))
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			p := strings.TrimPrefix(r.URL.Path, prefix)
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(p))); err != nil || !strings.HasPrefix(r.URL.Path, prefix) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				w.Write([]byte(readFile(t, filepath.Join(root, "404.html"))))
				return
			}
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/" + strings.TrimPrefix(p, "/")
			files.ServeHTTP(w, r2)
		}))
		t.Cleanup(srv.Close)
		return srv
	}
	const nested = "surveys/no-such/page/"
	type facts struct {
		Header, Font string
		Icon         string
		Home         string
		Menu         []string
	}
	const js = `(() => ({
		header: getComputedStyle(document.querySelector('.site-header')).borderBottomWidth,
		font: getComputedStyle(document.body).fontFamily,
		icon: (document.querySelector('link[rel=icon]') || {}).href || '',
		home: [...document.querySelectorAll('main a')].map((a) => a.href).pop() || '',
		menu: [...document.querySelectorAll('.menu a')].map((a) => a.href),
	}))()`
	load := func(srv *httptest.Server, path string) (facts, []string) {
		ctx := tab(t, browserCtx)
		var mu sync.Mutex
		var failed []string
		chromedp.Listen(ctx, func(ev any) {
			if ev, ok := ev.(*network.EventResponseReceived); ok && ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
				mu.Lock()
				failed = append(failed, fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status))
				mu.Unlock()
			}
		})
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		viewport(t, ctx, 375, 900)
		navigate(t, ctx, srv.URL+path)
		f, err := chromedp.Run(ctx, chromedp.Evaluate[facts](js))
		if err != nil {
			t.Fatal(err)
		}
		screenshot(t, ctx, shots, shotName(strings.ReplaceAll(strings.Trim(path, "/"), "/", "_"), "404-375.png"))
		mu.Lock()
		defer mu.Unlock()
		return f, failed
	}

	srv := serve(dir, "/")
	f, failed := load(srv, "/"+nested)
	if f.Header != "4px" || !strings.Contains(f.Font, "BIZ UDPGothic") {
		t.Errorf("no base URL: the 404 page at /%s is not styled: header border %q, font %q", nested, f.Header, f.Font)
	}
	if !strings.HasPrefix(f.Icon, "data:image/svg+xml") {
		t.Errorf("no base URL: the 404 page's favicon is %q, want a data: URL", f.Icon)
	}
	for _, m := range failed {
		t.Errorf("no base URL: the 404 page at /%s requested a missing file: %s", nested, m)
	}

	// Built with a base URL, as published under /bukai/.
	based := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: repoRoot(t), Dest: based, BaseURL: "https://example.org/bukai/"}); err != nil {
		t.Fatal(err)
	}
	srv2 := serve(based, "/bukai/")
	f, failed = load(srv2, "/bukai/"+nested)
	for _, m := range failed {
		t.Errorf("base URL: the 404 page requested a missing file: %s", m)
	}
	for _, link := range append([]string{f.Home}, f.Menu...) {
		u, err := url.Parse(link)
		if err != nil || !strings.HasPrefix(u.Path, "/bukai/") {
			t.Errorf("base URL: the 404 page links to %q, want a path under /bukai/", link)
			continue
		}
		resp, err := http.Get(srv2.URL + u.Path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("base URL: the 404 page's link %s leads to HTTP %d", u.Path, resp.StatusCode)
		}
	}
}
