package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestReportPrint prints the report (報告書) of every survey of the
// repository's site and of the example projects to PDF with chromium's
// Page.printToPDF, as a person saves it from the browser (issue 16), and
// reads the PDF back with pdftotext: it is A4, the cover comes first and
// each question starts a page, no page is empty, the text of every
// question is in it, the survey's title runs in the top margin of every page
// but the cover and the page number in the bottom one, the site's menus and
// footer are not printed, and every figure lies whole inside the printable
// area of one page. With SURVEYSITE_SHOTS=DIR the PDFs are kept there.
func TestReportPrint(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests take several seconds; run without -short")
	}
	chrome := chromiumPath(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		missing(t, "pdftotext", "apt-get install -y poppler-utils")
	}
	dir, pages := builtSite(t)
	var reports []string
	for _, p := range pages {
		if strings.HasSuffix(p, "/report/index.html") && path.Base(path.Dir(path.Dir(path.Dir(p)))) == "surveys" {
			reports = append(reports, p)
		}
	}
	if !slices.Contains(reports, "surveys/sample-q46/report/index.html") {
		t.Fatalf("the repository's survey has no report; reports: %v", reports)
	}
	if len(reports) < 2 {
		t.Fatalf("only %d reports (%v): the example project's are missing", len(reports), reports)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	browserCtx, _ := startBrowser(t, chrome)
	js := readFile(t, "testdata/marks.js") + readFile(t, "testdata/reportmarks.js")
	shots := os.Getenv("SURVEYSITE_SHOTS")
	for _, rel := range reports {
		t.Run(rel, func(t *testing.T) {
			t.Parallel()
			checkReport(t, browserCtx, srv.URL, dir, rel, js, pdftotext, shots)
		})
	}
}

// reportMarks is what testdata/reportmarks.js returns.
type reportMarks struct {
	Figures  []string // captions
	Sections []string // headings of the question sections
	Title    string
}

// The report's @page margins (site.css: 18 mm top, 17 mm bottom) and A4, in
// PDF points.
const (
	mmPt         = 72 / 25.4
	a4Width      = 210 * mmPt
	a4Height     = 297 * mmPt
	reportTop    = 18 * mmPt
	reportBottom = a4Height - 17*mmPt
)

// pdfWord is a word that pdftotext -bbox found, with its box in points from
// the page's top left.
type pdfWord struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// pdfPage is a page that pdftotext -bbox found.
type pdfPage struct {
	Width, Height float64
	Words         []pdfWord
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// readBBox runs pdftotext -bbox on file and returns its pages.
func readBBox(t *testing.T, pdftotext, file string) []pdfPage {
	t.Helper()
	out, err := exec.Command(pdftotext, "-bbox", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages []pdfPage
	for _, chunk := range strings.Split(string(out), "</page>") {
		m := bboxPageRE.FindStringSubmatch(chunk)
		if m == nil {
			continue
		}
		p := pdfPage{Width: atof(m[1]), Height: atof(m[2])}
		for _, w := range bboxWordRE.FindAllStringSubmatch(chunk, -1) {
			p.Words = append(p.Words, pdfWord{Text: unescapeXML(w[5]), XMin: atof(w[1]), YMin: atof(w[2]), XMax: atof(w[3]), YMax: atof(w[4])})
		}
		pages = append(pages, p)
	}
	return pages
}

// mid is the middle of a word's box, from the page's top.
func mid(w pdfWord) float64 { return (w.YMin + w.YMax) / 2 }

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

var xmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'")

func unescapeXML(s string) string { return xmlUnescaper.Replace(s) }

// squeeze removes white space, so that text a line break cut in the PDF
// still matches.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

var reportMarkRE = regexp.MustCompile(`QZ[FS]\d+[AB]`)

// checkReport prints the report rel and checks the PDF.
func checkReport(t *testing.T, browserCtx context.Context, base, dir, rel, js, pdftotext, shots string) {
	ctx := tab(t, browserCtx)
	viewport(t, ctx, 794, 1123)
	navigate(t, ctx, base+pageURL(rel))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[reportMarks](js))
	if err != nil {
		t.Fatalf("mark the figures: %v", err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: ptr(true), PrintBackground: ptr(true)})
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	file := filepath.Join(t.TempDir(), "report.pdf")
	if shots != "" {
		file = filepath.Join(shots, shotName(rel, "report.pdf"))
	}
	if err := os.WriteFile(file, pdf.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	pages := readBBox(t, pdftotext, file)
	n := len(pages)

	// Where each mark is, and what each page holds between its margins.
	type at struct {
		page int // 0-based
		w    pdfWord
	}
	found := map[string]at{}
	var body []string // each page's text between the margins, squeezed
	for i, p := range pages {
		if p.Width < a4Width-1 || p.Width > a4Width+1 || p.Height < a4Height-1 || p.Height > a4Height+1 {
			t.Errorf("page %d is %.0f×%.0f pt, want A4 portrait (%.0f×%.0f)", i+1, p.Width, p.Height, a4Width, a4Height)
		}
		var head, foot, text strings.Builder
		for _, w := range p.Words {
			if m := reportMarkRE.FindAllString(w.Text, -1); m != nil {
				for _, k := range m {
					found[k] = at{i, w}
				}
				continue
			}
			switch {
			case w.YMax <= reportTop+1:
				head.WriteString(w.Text)
			case w.YMin >= reportBottom-1:
				foot.WriteString(w.Text)
			default:
				text.WriteString(w.Text)
			}
		}
		body = append(body, text.String())
		if text.Len() == 0 {
			t.Errorf("page %d of %d is empty", i+1, n)
		}
		wantHead := squeeze(marks.Title)
		if i == 0 {
			wantHead = "" // the cover has no running title
		}
		if got := head.String(); got != wantHead {
			t.Errorf("page %d: the top margin reads %q, want %q", i+1, got, wantHead)
		}
		if got, want := foot.String(), fmt.Sprintf("%d/%d", i+1, n); got != want {
			t.Errorf("page %d: the bottom margin reads %q, want the page number %q", i+1, got, want)
		}
	}
	all := strings.Join(body, "")

	// Page count: the cover (with the contents) is a page of its own and
	// each question section starts a page; a runaway break (a page per
	// table row, a figure pushed off each page) would make many more.
	if min, max := 2+len(marks.Sections), 4+3*(len(marks.Sections)+len(marks.Figures)); n < min || n > max {
		t.Errorf("%d pages for %d sections and %d figures, want %d to %d", n, len(marks.Sections), len(marks.Figures), min, max)
	}
	prev := 0
	for i, h := range marks.Sections {
		m, ok := found[fmt.Sprintf("QZS%dA", i)]
		if !ok {
			t.Errorf("section %q: its heading is not in the PDF", h)
			continue
		}
		if m.page <= prev {
			t.Errorf("section %q starts on page %d, want a page after %d", h, m.page+1, prev+1)
		}
		prev = m.page
		for _, w := range pages[m.page].Words {
			if w.YMin > reportTop+1 && w.YMax < m.w.YMin-1 && !reportMarkRE.MatchString(w.Text) {
				t.Errorf("section %q does not start page %d: %q is above its heading", h, m.page+1, w.Text)
				break
			}
		}
	}

	// Every figure whole on one page, inside the printable area.
	for i, caption := range marks.Figures {
		a, okA := found[fmt.Sprintf("QZF%dA", i)]
		b, okB := found[fmt.Sprintf("QZF%dB", i)]
		switch {
		case !okA || !okB:
			t.Errorf("figure %d %.40q: its top or bottom edge is not in the PDF", i+1, caption)
		case a.page != b.page:
			t.Errorf("figure %d %.40q crosses a page break: pages %d to %d", i+1, caption, a.page+1, b.page+1)
		case mid(a.w) < reportTop || mid(b.w) > reportBottom:
			// The marks are 3 px high, just inside the figure's top and
			// bottom edge; their middles are compared, since a word's
			// box also holds its font's ascent.
			t.Errorf("figure %d %.40q on page %d spans %.0f–%.0f pt, outside the printable area %.0f–%.0f pt",
				i+1, caption, a.page+1, mid(a.w), mid(b.w), reportTop, reportBottom)
		}
	}

	// The text of every question, from the survey's JSON download.
	id := path.Base(path.Dir(path.Dir(rel)))
	var res struct {
		Questions []struct{ ID, Text string }
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, filepath.FromSlash(path.Dir(path.Dir(rel))), id+".json"))), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Questions) == 0 {
		t.Fatal("the survey's JSON lists no question")
	}
	for _, q := range res.Questions {
		if !strings.Contains(all, squeeze(q.Text)) {
			t.Errorf("question %s: its text %q is not in the PDF", q.ID, q.Text)
		}
	}
	for _, s := range []string{"本文へ移動", "このサイトはsurveysiteで作成した静的サイトです。", "印刷・PDFで保存", "この設問のページ"} {
		if strings.Contains(all, s) {
			t.Errorf("the PDF holds %q, which print should leave out", s)
		}
	}
	t.Logf("%d pages, %d sections, %d figures, %d questions", n, len(marks.Sections), len(marks.Figures), len(res.Questions))
}
