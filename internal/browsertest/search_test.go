package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"surveysite/internal/build"
	"surveysite/internal/search"
	"surveysite/internal/synth"
)

// searchQueries are typed into the search page of the repository's site:
// first is the page that must come first, if any; also are pages that must
// be among the results.
var searchQueries = []struct {
	q     string
	first string
	also  []string
}{
	{"人材マネジメント", "/surveys/sample-q46/", []string{"/about/", "/issues/"}},
	{"ﾏﾈｼﾞﾒﾝﾄ", "/surveys/sample-q46/", []string{"/about/"}}, // half-width katakana
	{"まねじめんと", "/surveys/sample-q46/", nil},                  // hiragana
	{"片付け大会", "/cases/katazuke/", nil},                       // a case study's words
	{"言い出しっぺ", "/cases/katazuke/", nil},
	{"窓口の待ち時間", "/cases/katazuke/", nil},
	{"中堅・若手の退職", "", []string{"/surveys/sample-q46/q46/"}},    // an option label, across a separator
	{"市", "", []string{"/cases/katazuke/", "/participants/"}}, // one character
	{"CSV", "", []string{"/surveys/"}},                        // a word in any case
	{"存在しない言葉のならび", "", nil},
}

// searchPage is what testdata-free JavaScript reads of the search page.
type searchPage struct {
	Status, Role string
	Results      []struct {
		Href, Title, Snippet string
		Marks                int
	}
	More, All bool
	Ms, First string // the script's time to the status and to the first results shown
	Focus     string
}

const readSearch = `(() => {
	const st = document.getElementById('search-status');
	const list = document.getElementById('search-results');
	if (!st || !list) return { status: '', results: [] }; // not the search page (yet)
	return {
		status: st.textContent, role: st.getAttribute('role') || '',
		results: [...list.querySelectorAll('li')].map((li) => ({
			href: li.querySelector('a').href, title: li.querySelector('a').textContent,
			snippet: li.querySelector('.search-snippet').textContent, marks: li.querySelectorAll('mark').length,
		})),
		more: !document.getElementById('search-more').hidden,
		all: !document.getElementById('search-all').hidden,
		ms: list.dataset.ms || '', first: list.dataset.first || '',
		focus: document.activeElement ? (document.activeElement.id || document.activeElement.getAttribute('href') || document.activeElement.tagName) : '',
	};
})()`

// statusRE is the status once a query is answered.
var statusRE = regexp.MustCompile(`^(\d+)件見つかりました$|見つかりませんでした$|できませんでした`)

// waitStatus polls the search page until its status answers a query.
func waitStatus(t *testing.T, ctx context.Context) searchPage {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		sp, err := chromedp.Run(ctx, chromedp.Evaluate[searchPage](readSearch))
		if err != nil {
			t.Fatalf("read the search page: %v", err)
		}
		if statusRE.MatchString(sp.Status) {
			return sp
		}
		if time.Now().After(deadline) {
			t.Fatalf("no answer after 20 s: status %q", sp.Status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sitePath turns a result's href into a site path, given the site's root.
func sitePath(href, root string) string {
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	p, _ := url.PathUnescape(strings.TrimPrefix(u.Path, root))
	return "/" + strings.TrimSuffix(p, "index.html")
}

// readIndex reads the search index the build wrote into dir.
func readIndex(t *testing.T, dir string) *search.Index {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "search", "index"))
	if err != nil {
		t.Fatal(err)
	}
	var files []search.File
	for _, e := range entries {
		files = append(files, search.File{Name: e.Name(), Data: []byte(readFile(t, filepath.Join(dir, "search", "index", e.Name())))})
	}
	ix, err := search.Read(files)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// watchRequests fails the test on a request to another host than the
// site's, and on a failed request.
func watchRequests(t *testing.T, ctx context.Context, site *url.URL) func() {
	var mu sync.Mutex
	var problems []string
	urls := map[network.RequestID]string{}
	chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			mu.Lock()
			urls[ev.RequestID] = ev.Request.URL
			mu.Unlock()
			u, err := url.Parse(ev.Request.URL)
			if err != nil || u.Scheme != site.Scheme && u.Scheme != "data" && u.Scheme != "blob" || u.Scheme == site.Scheme && u.Host != site.Host {
				mu.Lock()
				problems = append(problems, "request to another host: "+ev.Request.URL)
				mu.Unlock()
			}
		case *network.EventLoadingFailed:
			mu.Lock()
			problems = append(problems, "request failed: "+urls[ev.RequestID]+": "+ev.ErrorText)
			mu.Unlock()
		}
	})
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return func() {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Error(p)
		}
	}
}

// TestSearch types queries into the search page of the repository's site,
// served over http and opened from file://, and checks the pages found
// against the Go query of the same index, the status, the marks, the
// keyboard, axe-core with the results shown, the header's field and the
// page without JavaScript (issue 17).
func TestSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests take several seconds; run without -short")
	}
	chrome := chromiumPath(t)
	axePath := toolFile(t, "SURVEYSITE_AXE", ".ci/node_modules/axe-core/axe.min.js", "axe-core",
		"npm install --prefix .ci --ignore-scripts axe-core")
	axe, axeRun := readFile(t, axePath)+"\n;true", readFile(t, "testdata/axe-run.js")
	dir, pages := builtSite(t)
	ix := readIndex(t, dir)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	browserCtx, _ := startBrowser(t, chrome)
	shots := os.Getenv("SURVEYSITE_SHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	fileRoot := "file://" + filepath.ToSlash(dir) + "/"
	for _, mode := range []struct{ name, root, rootPath string }{
		{"http", srv.URL + "/", "/"},
		{"file", fileRoot, filepath.ToSlash(dir) + "/"},
	} {
		t.Run(mode.name, func(t *testing.T) {
			site, err := url.Parse(mode.root)
			if err != nil {
				t.Fatal(err)
			}
			for _, sq := range searchQueries {
				t.Run(sq.q, func(t *testing.T) {
					t.Parallel()
					ctx := tab(t, browserCtx)
					check := watchRequests(t, ctx, site)
					viewport(t, ctx, 1280, 900)
					navigate(t, ctx, mode.root+"search/index.html")
					if _, err := chromedp.Run(ctx, chromedp.Focus(chromedp.ID("search-q"))); err != nil {
						t.Fatal(err)
					}
					if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: sq.q}); err != nil {
						t.Fatal(err)
					}
					sp := waitStatus(t, ctx)
					var got []string
					for _, r := range sp.Results {
						got = append(got, sitePath(r.Href, mode.rootPath))
					}
					var want []string
					for _, r := range ix.Search(sq.q) {
						want = append(want, r.Path)
					}
					if sp.Role != "status" {
						t.Errorf("the status has role %q, want status (a polite live region)", sp.Role)
					}
					if len(want) == 0 {
						if len(got) != 0 || !strings.Contains(sp.Status, "見つかりませんでした") {
							t.Errorf("status %q and %d results, want none found", sp.Status, len(got))
						}
					} else if sp.Status != strconv.Itoa(len(want))+"件見つかりました" {
						t.Errorf("status %q, want %d件見つかりました (the Go query finds %v)", sp.Status, len(want), want)
					}
					if n := min(len(want), 20); !slices.Equal(got, want[:n]) {
						t.Errorf("the page shows\n  %v\nthe Go query finds\n  %v", got, want[:n])
					}
					if sq.first != "" && (len(want) == 0 || want[0] != sq.first) {
						t.Errorf("%s is not first: %v", sq.first, want)
					}
					for _, p := range sq.also {
						if !slices.Contains(want, p) {
							t.Errorf("%s is not found: %v", p, want)
						}
					}
					for _, r := range sp.Results {
						if r.Marks == 0 {
							t.Errorf("result %q shows no marked match (snippet %q)", r.Title, r.Snippet)
						}
					}
					check() // before axe-core, which reads the stylesheets again (and fails to from file://)
					if sq.q == "人材マネジメント" {
						checkSearchKeyboard(t, ctx, sp)
						if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
							t.Fatalf("inject axe-core: %v", err)
						}
						rep, err := chromedp.Run(ctx, chromedp.Evaluate[axeReport](axeRun, chromedp.EvalAwaitPromise))
						if err != nil {
							t.Fatalf("axe-core: %v", err)
						}
						for _, v := range rep.Violations {
							for _, n := range v.Nodes {
								t.Errorf("axe %s (%s) with results shown: %s\n  at %s\n  %s", v.ID, v.Impact, v.Help, n.Target, n.Summary)
							}
						}
						if shots != "" {
							for _, w := range widths {
								viewport(t, ctx, w, 900)
								screenshot(t, ctx, shots, fmt.Sprintf("search-%s-%d.png", mode.name, w))
							}
						}
					}
				})
			}
		})
	}

	t.Run("header-field", func(t *testing.T) {
		for _, root := range []string{srv.URL + "/", fileRoot} {
			ctx := tab(t, browserCtx)
			viewport(t, ctx, 375, 900)
			navigate(t, ctx, root+"cases/katazuke/index.html")
			if _, err := chromedp.Run(ctx, chromedp.Focus(chromedp.CSS(".site-search input"))); err != nil {
				t.Fatalf("%s: the header has no search field: %v", root, err)
			}
			if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: "窓口"}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			sp := waitStatus(t, ctx)
			if !strings.HasSuffix(sp.Status, "件見つかりました") || len(sp.Results) == 0 {
				t.Errorf("%s: the header's field led to status %q with %d results", root, sp.Status, len(sp.Results))
			}
		}
	})

	t.Run("without-javascript", func(t *testing.T) {
		ctx := tab(t, browserCtx)
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
		navigate(t, ctx, srv.URL+"/search/index.html?q=%E7%AA%93%E5%8F%A3")
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-all a')].map((a) => decodeURIComponent(new URL(a.href).pathname))`))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if p == "404.html" || p == "search/index.html" || strings.HasPrefix(p, "examples/") {
				continue
			}
			if !slices.Contains(links, "/"+p) {
				t.Errorf("without JavaScript the search page does not list %s", p)
			}
		}
	})
}

// checkSearchKeyboard: Arrow Down from the field reaches the first result,
// then the next; Arrow Up goes back to the field.
func checkSearchKeyboard(t *testing.T, ctx context.Context, sp searchPage) {
	t.Helper()
	if len(sp.Results) < 2 {
		t.Fatalf("want two results to move between, got %d", len(sp.Results))
	}
	steps := []struct {
		key, want string
	}{
		{kb.ArrowDown, "0"}, {kb.ArrowDown, "1"}, {kb.ArrowUp, "0"}, {kb.ArrowUp, "search-q"},
	}
	for _, s := range steps {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[searchPage](readSearch))
		if err != nil {
			t.Fatal(err)
		}
		want := s.want
		if i, err := strconv.Atoi(s.want); err == nil {
			want = sp.Results[i].Href
		}
		if got.Focus != want && !strings.HasSuffix(want, got.Focus) {
			t.Errorf("after %q the focus is on %q, want %q", s.key, got.Focus, want)
		}
	}
}

// TestSearchFirstResultTime measures, in chromium, the time from pressing
// Enter in the search page of a synthetic site (internal/synth) to the
// results shown, with a cold index: a new tab, the HTTP cache off, nothing
// of the index loaded but meta.js, which the page loads at once. It runs
// only when SURVEYSITE_SEARCH_PAGES says how many pages to build, e.g.
//
//	SURVEYSITE_SEARCH_PAGES=10000 go test ./internal/browsertest -run SearchFirstResultTime -v
//
// and logs, per query, the median and the range over SURVEYSITE_SEARCH_RUNS
// runs (default 5) of the script's own time (its parse, load, match and
// render) and of the time Go sees, from the key press to the status.
func TestSearchFirstResultTime(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("SURVEYSITE_SEARCH_PAGES"))
	if n <= 0 {
		t.Skip("set SURVEYSITE_SEARCH_PAGES to the number of pages to measure with")
	}
	runs, _ := strconv.Atoi(os.Getenv("SURVEYSITE_SEARCH_RUNS"))
	if runs <= 0 {
		runs = 5
	}
	chrome := chromiumPath(t)
	src := t.TempDir()
	if err := synth.Write(src, synth.Options{Pages: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(context.Background(), build.Options{Source: src, Dest: dir}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	browserCtx, product := startBrowser(t, chrome)
	ix := readIndex(t, dir)
	var sum strings.Builder
	fmt.Fprintf(&sum, "%s, %d pages, %d runs each, cold index over http from localhost:\n", product, n, runs)
	fmt.Fprintf(&sum, "  %-16s %7s  %-18s %-18s %-18s %s\n", "query", "found", "first results ms", "status ms", "Go sees ms", "files loaded")
	for _, q := range []string{"人材マネジメント", "地域", "地域の人材", "review", "計画と評価が職員に", "育成の職員 123"} {
		var first, script, wall []float64
		found, loaded := 0, 0
		for range runs {
			ctx := tab(t, browserCtx)
			var mu sync.Mutex
			files := 0
			chromedp.Listen(ctx, func(ev any) {
				if ev, ok := ev.(*network.EventRequestWillBeSent); ok && strings.Contains(ev.Request.URL, "/search/index/") {
					mu.Lock()
					files++
					mu.Unlock()
				}
			})
			if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				t.Fatal(err)
			}
			navigate(t, ctx, srv.URL+"/search/index.html")
			// meta.js is loaded as the page opens: wait for it, as a reader
			// takes a moment to type.
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`performance.getEntriesByType('resource').some((e) => e.name.includes('/meta.js'))`)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Focus(chromedp.ID("search-q"))); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: q}); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			var sp searchPage
			for {
				var err error
				if sp, err = chromedp.Run(ctx, chromedp.Evaluate[searchPage](readSearch)); err != nil {
					t.Fatal(err)
				}
				if statusRE.MatchString(sp.Status) && sp.Ms != "" || strings.Contains(sp.Status, "見つかりませんでした") {
					break
				}
				if time.Since(start) > time.Minute {
					t.Fatalf("%s: no answer after a minute", q)
				}
				time.Sleep(2 * time.Millisecond)
			}
			wall = append(wall, float64(time.Since(start).Microseconds())/1000)
			ms, _ := strconv.ParseFloat(sp.Ms, 64)
			script = append(script, ms)
			ms, _ = strconv.ParseFloat(sp.First, 64)
			first = append(first, ms)
			if m := statusRE.FindStringSubmatch(sp.Status); m != nil {
				found, _ = strconv.Atoi(m[1])
			}
			want := ix.Search(q)
			if found != len(want) {
				t.Errorf("%s: the page found %d, the Go query %d", q, found, len(want))
			}
			for i, r := range sp.Results {
				if got := sitePath(r.Href, "/"); i >= len(want) || got != want[i].Path {
					t.Errorf("%s: result %d is %s, the Go query's is %v", q, i+1, got, want[min(i, len(want)-1)])
					break
				}
			}
			mu.Lock()
			loaded = files
			mu.Unlock()
		}
		fmt.Fprintf(&sum, "  %-16s %7d  %-18s %-18s %-18s %d\n", q, found, spread(first), spread(script), spread(wall), loaded)
	}
	t.Log(sum.String())
}

// spread is the median and range of xs.
func spread(xs []float64) string {
	s := slices.Clone(xs)
	slices.Sort(s)
	return fmt.Sprintf("%.0f (%.0f–%.0f)", s[len(s)/2], s[0], s[len(s)-1])
}
