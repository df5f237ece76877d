package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"surveysite/internal/content"
	"surveysite/internal/diag"
	"surveysite/internal/i18n"
	"surveysite/internal/importer"
	"surveysite/internal/site"
	"surveysite/internal/survey"
	"surveysite/internal/tabular"
)

// surveyLangs are the catalogues and the site's language, of which a
// survey's page chooses the survey's (language:).
type surveyLangs struct {
	cat  *i18n.Catalog
	site *i18n.Lang
}

// loadLangs reads the message catalogues (the built-in ones and
// templates/i18n/) and finds the site's language among them.
func loadLangs(fsys fs.FS, cfg site.Config) (surveyLangs, error) {
	cat, err := i18n.Load(fsys)
	if err != nil {
		return surveyLangs{}, err
	}
	lang, err := site.SiteLanguage(cat, cfg)
	return surveyLangs{cat, lang}, err
}

// loadSurveys reads and analyses every data/surveys/<id>/ folder. The
// survey's overview page (content/surveys/<id>/_index.md) may set
// separator, base (all or answered), min_cell, crosstab (a list of
// attribute columns) and language (of its labels and downloads).
func loadSurveys(fsys fs.FS, pages []*content.Page, minCell int, langs surveyLangs, cache *SurveyCache) ([]site.SurveyInput, error) {
	entries, err := fs.ReadDir(fsys, "data/surveys")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	overview := map[string]*content.Page{}
	for _, p := range pages {
		if p.URL == "/surveys/"+path.Base(path.Dir(p.Path))+"/" && p.Kind == content.KindSection {
			overview[path.Base(path.Dir(p.Path))] = p
		}
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	out := make([]site.SurveyInput, len(dirs))
	lists := make([]diag.List, len(dirs))
	var wg sync.WaitGroup
	for i, id := range dirs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = loadSurvey(fsys, id, overview[id], minCell, langs, cache, &lists[i])
		}()
	}
	wg.Wait()
	var list diag.List
	for i := range lists {
		list.Merge(&lists[i])
	}
	if list.HasErrors() {
		return nil, &list
	}
	compareWaves(out, &list)
	if list.HasErrors() {
		return nil, &list
	}
	if list.Len() > 0 {
		return out, &list // warnings only
	}
	return out, nil
}

// loadSurvey reads and analyses data/surveys/<id>/ with the settings of its
// overview page p (nil if there is none); problems go to list, and a survey
// with errors comes back as the zero SurveyInput.
func loadSurvey(fsys fs.FS, id string, p *content.Page, minCell int, langs surveyLangs, cache *SurveyCache, list *diag.List) site.SurveyInput {
	dir := "data/surveys/" + id
	cfg, err := surveyConfig(p, minCell)
	if err != nil {
		list.AddErr(diag.Pos{Path: p.Path}, err)
		return site.SurveyInput{}
	}
	cfg.Lang = langs.site
	if p != nil {
		if cfg.Lang, err = site.PageLanguage(langs.cat, langs.site, p); err != nil {
			list.AddErr(diag.Pos{Path: p.Path}, err)
			return site.SurveyInput{}
		}
	}
	if cfg.Exclude, err = readExclude(fsys, dir+"/"+excludeFile); err != nil {
		list.AddErr(diag.Pos{Path: dir + "/" + excludeFile}, err)
		return site.SurveyInput{}
	}
	if cfg.Weights, err = readWeights(fsys, dir+"/"+survey.WeightsFile, p); err != nil {
		list.AddErr(diag.Pos{Path: dir + "/" + survey.WeightsFile}, err)
		return site.SurveyInput{}
	}
	st := surveyStamp(fsys, dir, p, cfg)
	if in, ok := cache.get(id, st); ok {
		in.Page = p
		for _, w := range in.Results.Warnings {
			list.Add(w)
		}
		return in
	}
	cb, err := survey.LoadCodebook(fsys, dir+"/codebook.csv")
	if err != nil {
		list.AddErr(diag.Pos{Path: dir + "/codebook.csv"}, err)
		return site.SurveyInput{}
	}
	src, err := responsesSource(fsys, dir, p)
	if err != nil {
		list.AddErr(diag.Pos{Path: dir + "/" + importer.ColumnsFile}, err)
		return site.SurveyInput{}
	}
	res, err := survey.AnalyseSource(src, cb, cfg)
	if err != nil {
		list.AddErr(diag.Pos{Path: src.Path}, err)
		return site.SurveyInput{}
	}
	for _, w := range res.Warnings {
		list.Add(w)
	}
	in := site.SurveyInput{ID: id, Page: p, Codebook: cb, Results: res}
	cache.put(id, st, in)
	return in
}

// compareWaves compares every survey whose page names a previous wave
// (compare: <survey id>) with it.
func compareWaves(in []site.SurveyInput, list *diag.List) {
	byID := map[string]*site.SurveyInput{}
	for i := range in {
		byID[in[i].ID] = &in[i]
	}
	for i := range in {
		survey.Uncompare(in[i].Results)
	}
	for i := range in {
		cur := &in[i]
		if cur.Page == nil {
			continue
		}
		v, ok := cur.Page.Params["compare"]
		if !ok {
			continue
		}
		pos := diag.Pos{Path: cur.Page.Path, Line: cur.Page.Lines["compare"]}
		id, _ := v.(string)
		prev := byID[id]
		switch {
		case id == "" || id == cur.ID:
			list.Add(diag.Errorf(pos, "compare must name another survey").WithHint("write compare: <the previous wave's folder name in data/surveys/>"))
			continue
		case prev == nil:
			var ids []string
			for _, s := range in {
				ids = append(ids, s.ID)
			}
			list.Add(diag.Errorf(pos, "compare: there is no survey %q (surveys: %s)", id, strings.Join(ids, ", ")).
				WithHint("name the previous wave's folder in data/surveys/"))
			continue
		case prev.Results.Base != cur.Results.Base:
			list.Add(diag.Errorf(pos, "compare: %s uses base %s but this survey base %s", id, prev.Results.Base, cur.Results.Base).
				WithHint("use the same base in both waves, so the shares are of the same kind"))
			continue
		}
		cur.Prev = prev
		cur.Added, cur.Dropped = survey.Compare(cur.Results, prev.Results, id)
	}
}

// exportSettings returns the survey page's export, header_rows and sheet;
// ok is false when the page names no export (responses.csv is read then).
func exportSettings(p *content.Page) (s importer.Settings, ok bool, err error) {
	if p == nil {
		return s, false, nil
	}
	v, has := p.Params["export"]
	if !has {
		return s, false, nil
	}
	pos := func(key string) diag.Pos { return diag.Pos{Path: p.Path, Line: p.Lines[key]} }
	if s.Export, ok = v.(string); !ok || s.Export == "" || strings.ContainsAny(s.Export, "/\\") || strings.HasPrefix(s.Export, ".") {
		return s, false, diag.Errorf(pos("export"), "export must be the name of the export file in the survey's data folder").
			WithHint("write export: responses.xlsx (the file surveysite import kept in data/surveys/<id>/)")
	}
	if n, set, ok := wholeNumber(p.Params["header_rows"]); !ok {
		return s, false, diag.Errorf(pos("header_rows"), "header_rows must be a whole number").WithHint("write header_rows: 2")
	} else if set {
		s.HeaderRows = n
	}
	if s.HeaderRows < 0 || s.HeaderRows > 100 {
		return s, false, diag.Errorf(pos("header_rows"), "header_rows %d is not between 1 and 100", s.HeaderRows).WithHint("write header_rows: 1 or 2")
	}
	if sh, ok := p.Params["sheet"].(string); ok {
		s.Sheet = sh
	}
	return s, true, nil
}

// wholeNumber returns the whole number a front matter value holds; set is
// false for no value (nil), ok false for a value that is not one.
func wholeNumber(v any) (n int, set, ok bool) {
	switch v := v.(type) {
	case nil:
		return 0, false, true
	case uint64:
		return int(v), true, true
	case int64:
		return int(v), true, true
	case int:
		return v, true, true
	}
	return 0, false, false
}

// responsesSource returns where a survey's responses come from: the raw
// export through columns.csv when the page names one, else responses.csv.
func responsesSource(fsys fs.FS, dir string, p *content.Page) (survey.Source, error) {
	s, ok, err := exportSettings(p)
	if err != nil || !ok {
		return survey.FileSource(fsys, dir+"/responses.csv"), err
	}
	cols, err := importer.ReadColumns(fsys, dir+"/"+importer.ColumnsFile)
	if err != nil {
		return survey.Source{}, err
	}
	return importer.Source(fsys, dir, s, cols), nil
}

func surveyConfig(p *content.Page, minCell int) (survey.Config, error) {
	cfg := survey.Config{MinCell: minCell}
	if p == nil {
		return cfg, nil
	}
	pos := func(key string) diag.Pos { return diag.Pos{Path: p.Path, Line: p.Lines[key]} }
	if v, ok := p.Params["separator"].(string); ok {
		cfg.Separator = v
	}
	switch v := p.Params["base"].(type) {
	case nil:
	case string:
		if v != string(survey.BaseAll) && v != string(survey.BaseAnswered) {
			return cfg, diag.Errorf(pos("base"), "base %q is not all or answered", v).
				WithHint("write base: all (every respondent is in n) or base: answered")
		}
		cfg.Base = survey.Base(v)
	default:
		return cfg, diag.Errorf(pos("base"), "base must be all or answered").WithHint("write base: all")
	}
	if n, set, ok := wholeNumber(p.Params["min_cell"]); !ok {
		return cfg, diag.Errorf(pos("min_cell"), "min_cell must be a whole number, not %v", p.Params["min_cell"]).WithHint("write e.g. min_cell: 10")
	} else if set {
		cfg.MinCell = n
	}
	if cfg.MinCell < 1 {
		return cfg, diag.Errorf(pos("min_cell"), "min_cell must be at least 1, not %d", cfg.MinCell).
			WithHint("write the smallest group size that may be published, e.g. min_cell: 10")
	}
	var err error
	if cfg.Missing, err = stringList(p, "missing"); err != nil {
		return cfg, err
	}
	if cfg.Publish, err = stringList(p, "publish_free_text"); err != nil {
		return cfg, err
	}
	cfg.ByPos = pos("crosstab")
	switch v := p.Params["crosstab"].(type) {
	case nil:
	case []any:
		for _, c := range v {
			cfg.By = append(cfg.By, fmt.Sprint(c))
		}
	case string:
		cfg.By = []string{v}
	}
	return cfg, nil
}

// stringList reads a setting that is a list of strings, or one string.
func stringList(p *content.Page, key string) ([]string, error) {
	switch v := p.Params[key].(type) {
	case nil:
		return nil, nil
	case string:
		return []string{v}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out, nil
	}
	return nil, diag.Errorf(diag.Pos{Path: p.Path, Line: p.Lines[key]}, "%s must be a list", key).
		WithHint("write %s: [a, b]", key)
}

// excludeFile lists respondents whose free-text answers are never
// published (moderation): a CSV with a respondent_id column.
const excludeFile = "exclude.csv"

// readWeights reads a survey's population table, if it has one. Weighted
// figures must say what they are weighted to: the survey page then names
// the source of the population figures (weights_source).
func readWeights(fsys fs.FS, path string, p *content.Page) (*survey.Weights, error) {
	if _, err := fs.Stat(fsys, path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	w, err := survey.LoadWeights(fsys, path)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, diag.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the survey is weighted but has no page saying to what").
			WithHint("add content/surveys/<id>/_index.md with weights_source: the population figures used (e.g. 令和2年国勢調査)")
	}
	if s, _ := p.Params["weights_source"].(string); strings.TrimSpace(s) == "" {
		return nil, diag.Errorf(diag.Pos{Path: p.Path, Line: 1, Col: 1}, "the survey is weighted by %s but its page does not say to what", path).
			WithHint("add weights_source: the population figures the weights come from (e.g. 令和2年国勢調査 性別・年代別人口) to the front matter")
	}
	return w, nil
}

// readExclude reads the respondent_ids of an exclusion file; none if it
// does not exist.
func readExclude(fsys fs.FS, path string) ([]string, error) {
	if _, err := fs.Stat(fsys, path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	t, err := tabular.ReadTable(fsys, path) // a short list, read whole
	if err != nil {
		return nil, err
	}
	col := slices.Index(t.Header, survey.IDColumn)
	if col < 0 {
		return nil, diag.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "%s has no %s column", path, survey.IDColumn).
			WithHint("list the respondents whose free text must not be published under a header %s", survey.IDColumn)
	}
	var ids []string
	for _, rec := range t.Rows {
		if id := strings.TrimSpace(rec[col]); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// SurveyCache keeps analysed surveys between builds (serve): a survey whose
// files and settings are unchanged is not read and tallied again. The zero
// value is ready; a nil *SurveyCache caches nothing.
type SurveyCache struct {
	mu      sync.Mutex
	entries map[string]surveyEntry
}

type surveyEntry struct {
	stamp string
	in    site.SurveyInput
}

// surveyStamp describes the versions of a survey's files and its settings;
// "" when a file cannot be examined, which is never cached.
func surveyStamp(fsys fs.FS, dir string, p *content.Page, cfg survey.Config) string {
	var b strings.Builder
	files := []string{"codebook.csv", "responses.csv", excludeFile, survey.WeightsFile}
	if s, ok, _ := exportSettings(p); ok {
		files = []string{"codebook.csv", s.Export, importer.ColumnsFile, excludeFile, survey.WeightsFile}
		fmt.Fprintf(&b, "%q %d %q\n", s.Export, s.HeaderRows, s.Sheet)
	}
	for _, f := range files {
		fi, err := fs.Stat(fsys, dir+"/"+f)
		if errors.Is(err, fs.ErrNotExist) && (f == excludeFile || f == survey.WeightsFile) {
			continue
		}
		if err != nil {
			return ""
		}
		fmt.Fprintf(&b, "%s %d %d\n", f, fi.Size(), fi.ModTime().UnixNano())
	}
	fmt.Fprintf(&b, "%q %q %d %q %q %q %s %s", cfg.Separator, cfg.Base, cfg.MinCell, cfg.By, cfg.Missing, cfg.Publish, cfg.Lang.Code(), cfg.Lang.Sum())
	return b.String()
}

// Forget drops the surveys of the given project paths (files under
// data/surveys/<id>/), so they are analysed again even if their size and
// time look unchanged.
func (c *SurveyCache) Forget(paths ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		if rest, ok := strings.CutPrefix(p, "data/surveys/"); ok {
			id, _, _ := strings.Cut(rest, "/")
			delete(c.entries, id)
		}
	}
}

func (c *SurveyCache) get(id, stamp string) (site.SurveyInput, bool) {
	if c == nil || stamp == "" {
		return site.SurveyInput{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[id]
	return e.in, ok && e.stamp == stamp
}

func (c *SurveyCache) put(id, stamp string, in site.SurveyInput) {
	if c == nil || stamp == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]surveyEntry{}
	}
	c.entries[id] = surveyEntry{stamp, in}
}
