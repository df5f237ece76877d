// Package build runs the pipeline, load -> analyse -> render -> check ->
// write, and is the only writer of the output folder. It writes into a
// temporary folder beside the destination and swaps it in only when
// everything succeeded, so a failed build leaves the previous output as it
// was and no stale file from an earlier build survives a good one.
//
// It is also the API of the commands, which reach the loaders, the site and
// the output check only through it: Run builds, Check checks a project
// without writing, Preview builds into memory again after every change
// (serve), and TallyFiles and TallyProject tally a survey (tally).
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"surveysite/internal/check"
	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/municipality"
	"surveysite/internal/site"
	"surveysite/internal/tabular"
)

// Options say what to build and where.
type Options struct {
	Source  string // project root; default "."
	Dest    string // output folder; default Source/public
	BaseURL string // overrides surveysite.yaml's baseURL when set
	Drafts  bool   // include pages with draft: true
	// Force replaces a Dest that is neither empty nor surveysite's output
	// (it has no marker file).
	Force bool
	// ContentCache and SurveyCache, if set, keep loaded pages and analysed
	// surveys between builds (serve).
	ContentCache *content.Cache
	SurveyCache  *SurveyCache
}

// Result describes a finished build.
type Result struct {
	Dest     string
	Pages    int
	Files    int
	Duration time.Duration
	Phases   []Phase // how long each phase took, in order
	Warnings []*diag.Error
	// Notes are what the person building should know about a good build,
	// once each, e.g. that 404.html's links work only at the site root.
	Notes []string
}

// note404 is the Note of a build without a base URL.
const note404 = "note: the site has no base URL, so the links on 404.html are relative: they work when the host serves it " +
	"for a missing address at the site root (/no-such-page), not for one in a folder (/surveys/no-such/page/); " +
	"its styles are inline and work anywhere\n" +
	"  fix: build with --base-url and the site's public address (or set baseURL in surveysite.yaml), e.g. --base-url https://example.org/bukai/"

// Phase is the time one phase of a build took.
type Phase struct {
	Name     string
	Duration time.Duration
}

// Run builds the site described by opts.
func Run(ctx context.Context, opts Options) (Result, error) {
	start := time.Now()
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Dest == "" {
		opts.Dest = filepath.Join(opts.Source, "public")
	}
	res := Result{Dest: opts.Dest}
	if err := checkDest(opts.Source, opts.Dest); err != nil {
		return res, err
	}
	if err := checkOwnDest(opts.Dest, opts.Force); err != nil {
		return res, err
	}
	fsys := DirFS(opts.Source)
	mark := start
	phase := func(name string) {
		now := time.Now()
		res.Phases = append(res.Phases, Phase{name, now.Sub(mark)})
		mark = now
	}
	s, warnings, err := Load(ctx, fsys, opts)
	phase("load, analyse, assemble")
	res.Warnings = warnings
	if err != nil {
		return res, err
	}
	tmp, unlock, err := newTempOutput(opts.Dest)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp) // a no-op after a successful swap
	defer unlock()
	removeStale(opts.Dest, tmp)
	sw := check.NewWriter(newDirWriter(tmp))
	st, err := s.Render(sw)
	if err != nil {
		return res, err
	}
	phase("render and write")
	if err := checkBuilt(fsys, s, tmp, sw, opts, &res); err != nil {
		return res, err
	}
	phase("check links")
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if err := swap(tmp, opts.Dest); err != nil {
		return res, err
	}
	phase("replace the output")
	res.Pages, res.Files, res.Duration = st.Pages, st.Files, time.Since(start)
	if !s.URLs().Absolute() && s.Page("/404.html") != nil {
		res.Notes = append(res.Notes, note404)
	}
	return res, nil
}

// Load reads and analyses every input of the project in fsys and assembles
// the site, without writing anything.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*site.Site, []*diag.Error, error) {
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return nil, nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	cfg.Drafts = opts.Drafts
	urls, err := site.NewURLs(cfg.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	// The message catalogues (the built-in ones and templates/i18n/) and
	// the theme are parsed while the content is read. The catalogues'
	// errors are reported before all others and the theme's after the
	// content's, as when each was read in that order.
	var langs surveyLangs
	var langsErr error
	langsDone := make(chan struct{})
	go func() {
		defer close(langsDone)
		langs, langsErr = loadLangs(fsys, cfg)
	}()
	var theme *site.Theme
	var themeErr error
	themeDone := make(chan struct{})
	go func() {
		defer close(themeDone)
		theme, themeErr = site.LoadTheme(fsys, urls)
	}()
	var list diag.List
	pages, err := content.Load(fsys, content.Options{Drafts: opts.Drafts, UnsafeHTML: cfg.UnsafeHTML, URL: urls.Href,
		Cache: opts.ContentCache, CacheKey: fmt.Sprintf("%s|%t|%t", cfg.BaseURL, cfg.UnsafeHTML, opts.Drafts)})
	<-langsDone
	if langsErr != nil {
		<-themeDone
		return nil, nil, langsErr
	}
	list.AddErr(diag.Pos{Path: "content"}, err)
	data, err := loadData(fsys)
	list.AddErr(diag.Pos{Path: "data"}, err)
	if err := list.Err(); err != nil {
		return nil, list.Warnings(), err
	}
	surveys, err := loadSurveys(fsys, pages, cfg.MinCell, langs, opts.SurveyCache)
	list.AddErr(diag.Pos{Path: "data/surveys"}, err)
	participants, err := loadParticipants(fsys)
	list.AddErr(diag.Pos{Path: participantsFile}, err)
	caseMunicipalities, err := resolveCaseMunicipalities(fsys, pages)
	list.AddErr(diag.Pos{Path: "content/cases"}, err)
	if err := list.Err(); err != nil {
		return nil, list.Warnings(), err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	<-themeDone
	if themeErr != nil {
		return nil, list.Warnings(), themeErr
	}
	s, err := site.New(fsys, cfg, site.Inputs{Pages: pages, Data: data, Surveys: surveys, Participants: participants,
		CaseMunicipalities: caseMunicipalities, Theme: theme, Catalog: langs.cat})
	return s, list.Warnings(), err
}

// participantsFile is the participant list, resolved against the official
// code table when it exists.
const participantsFile = "data/participants.csv"

func loadParticipants(fsys fs.FS) ([]municipality.Participant, error) {
	if _, err := fs.Stat(fsys, participantsFile); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	t, err := municipality.Load()
	if err != nil {
		return nil, err
	}
	return municipality.LoadParticipants(fsys, participantsFile, t)
}

// resolveCaseMunicipalities resolves the "municipality" (and optional
// "prefecture") of every case study by the rules of the participant list.
func resolveCaseMunicipalities(fsys fs.FS, pages []*content.Page) (map[string]municipality.Entity, error) {
	var t *municipality.Table
	var list diag.List
	out := map[string]municipality.Entity{}
	for _, p := range pages {
		name, _ := p.Params["municipality"].(string)
		if p.Section != "cases" || strings.TrimSpace(name) == "" {
			continue
		}
		if t == nil {
			var err error
			if t, err = municipality.Load(); err != nil {
				return nil, err
			}
		}
		pref, _ := p.Params["prefecture"].(string)
		e, err := t.Resolve(name, pref)
		if err != nil {
			var re *municipality.ResolveError
			if errors.As(err, &re) {
				de := re.At(diag.Pos{Path: p.Path, Line: p.Lines["municipality"], Col: len([]rune("municipality: ")) + 1})
				if len(re.Candidates) > 0 {
					var prefs []string
					for _, c := range re.Candidates {
						prefs = append(prefs, c.Pref)
					}
					de.Hint = fmt.Sprintf("add a line \"prefecture: …\" to the front matter (%s)", strings.Join(prefs, " or "))
				}
				list.Add(de)
			} else {
				list.AddErr(diag.Pos{Path: p.Path}, err)
			}
			continue
		}
		out[p.Path] = e
	}
	return out, list.Err()
}

// loadData reads data/*.csv as tables for templates, by file name without
// extension; data/participants.csv is read by loadParticipants instead.
func loadData(fsys fs.FS) (map[string]*tabular.Table, error) {
	entries, err := fs.ReadDir(fsys, "data")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list diag.List
	out := map[string]*tabular.Table{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(strings.ToLower(e.Name()), ".csv") || "data/"+e.Name() == participantsFile {
			continue // the participant list is read, resolved, as .Site.Participants
		}
		p := path.Join("data", e.Name())
		t, err := tabular.ReadTable(fsys, p)
		if err != nil {
			list.AddErr(diag.Pos{Path: p}, err)
			continue
		}
		out[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] = t
	}
	return out, list.Err()
}

// checkDest refuses output folders that replacing would destroy work in.
func checkDest(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if dst == src || strings.HasPrefix(src+string(filepath.Separator), dst+string(filepath.Separator)) {
		return fmt.Errorf("the output folder %s contains the source folder; choose another --dest", dest)
	}
	for _, in := range []string{"content", "data", "templates"} {
		dir := filepath.Join(src, in)
		if dst == dir || strings.HasPrefix(dst, dir+string(filepath.Separator)) {
			return fmt.Errorf("the output folder %s is inside the source folder %s/; choose another --dest", dest, in)
		}
	}
	for _, keep := range []string{".git", "go.mod", "content", "surveysite.yaml"} {
		if _, err := os.Lstat(filepath.Join(dst, keep)); err == nil {
			return fmt.Errorf("the output folder %s holds %s, so it does not look like build output; surveysite replaces the whole folder: choose another --dest", dest, keep)
		}
	}
	if fi, err := os.Stat(dst); err == nil && !fi.IsDir() {
		return fmt.Errorf("the output path %s is a file, not a folder; choose another --dest", dest)
	}
	return nil
}

// swap replaces dest with tmp. On Linux the two are exchanged in one step
// and then the old output (now at tmp) is removed. Elsewhere, or where the
// file system cannot exchange, the old dest is moved aside first and removed
// only after the new one is in place: between the two renames dest is
// missing.
func swap(tmp, dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		ok, err := exchange(tmp, dest)
		if err != nil {
			return fmt.Errorf("put the new output in place: %w", err)
		}
		if ok {
			return removeAll(tmp)
		}
	}
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		old = tmp + "-old"
		if err := os.Rename(dest, old); err != nil {
			return fmt.Errorf("move the previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		return fmt.Errorf("put the new output in place: %w", err)
	}
	if old != "" {
		return removeAll(old)
	}
	return nil
}

// dirWriter writes site files under a folder. It remembers the folders it
// made, so a build of many pages does not ask the file system again for
// every file.
type dirWriter struct {
	root string
	made sync.Map // folder path -> struct{}
}

var _ site.Writer = (*dirWriter)(nil)

func newDirWriter(root string) *dirWriter { return &dirWriter{root: root} }

func (d *dirWriter) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("output file name %q is not a clean relative path", name)
	}
	full := filepath.Join(d.root, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	if _, ok := d.made.Load(dir); !ok {
		// Usually the parent exists: one mkdir rather than MkdirAll's stat
		// and mkdir.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		d.made.Store(dir, struct{}{})
	}
	return writeOutputFile(full, data)
}
