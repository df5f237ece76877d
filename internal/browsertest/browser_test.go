package browsertest

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var updateA11y = flag.Bool("update-a11y", false, "rewrite the test results in content/accessibility.md from this run")

// widths are the viewport widths every page is checked at: a phone and a desktop.
var widths = []int64{375, 1280}

// scripts are the page-side checks, read from testdata.
type scripts struct {
	axe, axeRun, layout, focus string
}

// axeReport is what testdata/axe-run.js returns.
type axeReport struct {
	Version    string
	Violations []axeRule
	Incomplete []axeRule
}

type axeRule struct {
	ID, Impact, Help string
	Nodes            []struct{ Target, Summary string }
}

// layoutReport is what testdata/layout.js returns.
type layoutReport struct {
	ScrollWidth, ClientWidth, InnerWidth float64
	Charts                               []struct {
		Name          string
		Width, Height float64
		Visible       bool
	}
	Glyphs []struct {
		Font, Chars, Missing string
		AllSame              bool
	}
	Lang string // <html lang>
}

// focusReport is what testdata/focus.js returns.
type focusReport struct {
	Tag, ID, ClassName, Href, Text, Outline string
	FocusVisible, Indicator, InViewport     bool
}

// pageResult is one page at one width, for the results table.
type pageResult struct {
	Page                   string
	Width                  int64
	Violations, Incomplete int
}

// results collects pageResults from parallel subtests.
type results struct {
	mu   sync.Mutex
	axe  string
	rows []pageResult
}

func (r *results) add(version string, p pageResult) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.axe = version
	r.rows = append(r.rows, p)
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests take several seconds; run without -short")
	}
	chrome := chromiumPath(t)
	axePath := toolFile(t, "SURVEYSITE_AXE", ".ci/node_modules/axe-core/axe.min.js", "axe-core",
		"npm install --prefix .ci --ignore-scripts axe-core")
	s := scripts{axe: readFile(t, axePath) + "\n;true", axeRun: readFile(t, "testdata/axe-run.js"),
		layout: readFile(t, "testdata/layout.js"), focus: readFile(t, "testdata/focus.js")}
	dir, pages := builtSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)

	browserCtx, product := startBrowser(t, chrome)
	t.Logf("%s, %d pages at widths %v", product, len(pages), widths)

	res := &results{}
	t.Run("page", func(t *testing.T) {
		for _, p := range pages {
			t.Run(p, func(t *testing.T) {
				t.Parallel()
				checkPage(t, browserCtx, srv.URL, p, s, res)
			})
		}
	})

	sort.Slice(res.rows, func(i, j int) bool {
		a, b := res.rows[i], res.rows[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Width < b.Width
	})
	var sum strings.Builder
	fmt.Fprintf(&sum, "axe-core %s results (page, width, violations, incomplete):\n", res.axe)
	for _, r := range res.rows {
		fmt.Fprintf(&sum, "  %-40s %5dpx %3d %3d\n", r.Page, r.Width, r.Violations, r.Incomplete)
	}
	t.Log(sum.String())
	if *updateA11y {
		if t.Failed() {
			t.Fatal("-update-a11y: not writing the results of a failed run")
		}
		writeA11yResults(t, res, product)
	}
}

// startBrowser starts headless chromium for the test and returns its
// context and its product name; it stops when the test ends.
func startBrowser(t *testing.T, chrome string) (context.Context, string) {
	t.Helper()
	profile := t.TempDir() // removed after the browser has exited: cleanups run last-in first-out
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("mute-audio", true),
	)
	t.Cleanup(cancelAlloc)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	v, err := chromedp.CallBrowser(browserCtx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatalf("start chromium %s: %v", chrome, err)
	}
	return browserCtx, v.Product
}

// checkPage opens rel in a new tab and checks it at every width.
func checkPage(t *testing.T, browserCtx context.Context, base, rel string, s scripts, res *results) {
	tab, cancelTab := chromedp.NewContext(browserCtx)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 45*time.Second)
	defer cancel()

	server, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var problems []string
	urls := map[network.RequestID]string{}
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				report("console error: %s", strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			report("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				report("console error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			mu.Lock()
			urls[ev.RequestID] = ev.Request.URL
			mu.Unlock()
			u, err := url.Parse(ev.Request.URL)
			switch {
			case err != nil:
				report("request to an unparsable URL %q", ev.Request.URL)
			case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
			case u.Host != server.Host:
				report("request to another host: %s", ev.Request.URL)
			}
		case *network.EventLoadingFailed:
			mu.Lock()
			u := urls[ev.RequestID]
			mu.Unlock()
			report("request failed: %s: %s", u, ev.ErrorText)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				report("request failed: %s: HTTP %d", ev.Response.URL, ev.Response.Status)
			}
		}
	}); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("network events: %v", err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("log events: %v", err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("focus emulation: %v", err)
	}
	for _, w := range widths {
		at := fmt.Sprintf("%dpx", w)
		// The query makes each width a new document, not a same-page jump to #main.
		target := base + pageURL(rel) + "?w=" + at
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride,
			emulation.SetDeviceMetricsOverrideParams{Width: w, Height: 900, DeviceScaleFactor: 1}); err != nil {
			t.Fatalf("%s: set the viewport: %v", at, err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(target)); err != nil {
			t.Fatalf("%s: load %s: %v", at, target, err)
		}
		lay, err := chromedp.Run(ctx, chromedp.Evaluate[layoutReport](s.layout, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: layout checks: %v", at, err)
		}
		checkLayout(t, at, lay)

		var focus [3]focusReport
		for i, key := range []string{kb.Tab, kb.Enter, kb.Tab} {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
				t.Fatalf("%s: keyboard: %v", at, err)
			}
			if focus[i], err = chromedp.Run(ctx, chromedp.Evaluate[focusReport](s.focus)); err != nil {
				t.Fatalf("%s: keyboard: %v", at, err)
			}
		}
		checkKeyboard(t, at, focus[0], focus[1], focus[2])

		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](s.axe)); err != nil {
			t.Fatalf("%s: inject axe-core: %v", at, err)
		}
		axe, err := chromedp.Run(ctx, chromedp.Evaluate[axeReport](s.axeRun, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: axe-core: %v", at, err)
		}
		for _, v := range axe.Violations {
			for _, n := range v.Nodes {
				t.Errorf("%s: axe %s (%s): %s\n  at %s\n  %s", at, v.ID, v.Impact, v.Help, n.Target, n.Summary)
			}
		}
		for _, v := range axe.Incomplete {
			var where []string
			for i, n := range v.Nodes {
				if i == 3 {
					where = append(where, "…")
					break
				}
				where = append(where, n.Target)
			}
			t.Logf("%s: to review by a person (axe incomplete) %s on %d element(s): %s\n  e.g. %s",
				at, v.ID, len(v.Nodes), v.Help, strings.Join(where, "\n  "))
		}
		res.add(axe.Version, pageResult{Page: "/" + strings.TrimSuffix(rel, "index.html"), Width: w, Violations: len(axe.Violations), Incomplete: len(axe.Incomplete)})
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}

// checkLayout fails on horizontal scrolling, hidden or empty charts, and Japanese drawn as boxes
// (a Japanese page must show some; a page in another language, such as the English example's, need not).
func checkLayout(t *testing.T, at string, lay layoutReport) {
	t.Helper()
	if lay.ScrollWidth > lay.ClientWidth {
		t.Errorf("%s: the page scrolls sideways: document %vpx wide, viewport %vpx (window %vpx)",
			at, lay.ScrollWidth, lay.ClientWidth, lay.InnerWidth)
	}
	for i, c := range lay.Charts {
		if !c.Visible || c.Width < 1 || c.Height < 1 {
			t.Errorf("%s: chart %d %q not visible: %vx%vpx, visible=%v", at, i+1, c.Name, c.Width, c.Height, c.Visible)
		}
	}
	if len(lay.Glyphs) == 0 && lay.Lang == "ja" {
		t.Errorf("%s: no visible Japanese text found", at)
	}
	for _, g := range lay.Glyphs {
		if g.Missing != "" || g.AllSame {
			t.Errorf("%s: Japanese drawn as boxes with font %q: missing %q of %q (all the same: %v); install fonts-noto-cjk",
				at, g.Font, g.Missing, g.Chars, g.AllSame)
		}
	}
}

// checkKeyboard checks that the first Tab reaches the skip link, that Enter
// on it moves focus to main, and that focus is visible on the links.
func checkKeyboard(t *testing.T, at string, first, afterEnter, next focusReport) {
	t.Helper()
	if first.Tag != "a" || !strings.Contains(" "+first.ClassName+" ", " skip-link ") || first.Href != "#main" {
		t.Errorf("%s: the first Tab focuses <%s id=%q class=%q href=%q> %q, want the skip link to #main",
			at, first.Tag, first.ID, first.ClassName, first.Href, first.Text)
		return
	}
	for _, f := range []focusReport{first, next} {
		if f.Tag == "body" {
			continue
		}
		if !f.FocusVisible || !f.Indicator || !f.InViewport {
			t.Errorf("%s: focus on <%s class=%q> %q is not visible: :focus-visible=%v, outline %q, in viewport=%v",
				at, f.Tag, f.ClassName, f.Text, f.FocusVisible, f.Outline, f.InViewport)
		}
	}
	if afterEnter.Tag != "main" {
		t.Errorf("%s: Enter on the skip link focuses <%s id=%q>, want <main>", at, afterEnter.Tag, afterEnter.ID)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Clean(name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
