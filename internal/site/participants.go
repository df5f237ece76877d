package site

import (
	"bytes"
	"slices"
	"strconv"

	"surveysite/internal/chart"
	"surveysite/internal/municipality"
	template "surveysite/internal/template/html"
)

// ParticipantsView is what templates see of the participant list.
type ParticipantsView struct {
	Total       int
	ByKind      []Count
	Regions     []RegionGroup
	Prefectures []Count // prefectures with participants, in code order
	Map         template.HTML
	MapDesc     string
	CSVURL      string
}

// Count is a label with a number.
type Count struct {
	Label string
	N     int
}

// RegionGroup is one region's prefectures with their participants.
type RegionGroup struct {
	Name        string
	N           int
	Prefectures []PrefGroup
}

// PrefGroup is one prefecture's participants, in official code order.
type PrefGroup struct {
	Name    string
	Members []municipality.Participant
}

// participantsPath is where the participant list and its download live.
const participantsURL = "/participants/"

func (s *Site) addParticipants(ps []municipality.Participant) error {
	if ps == nil {
		return nil
	}
	v := &ParticipantsView{Total: len(ps), CSVURL: participantsURL + "participants.csv"}
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b municipality.Participant) int {
		if a.Code < b.Code {
			return -1
		}
		if a.Code > b.Code {
			return 1
		}
		return 0
	})
	kinds := map[municipality.Kind]int{}
	prefN := map[int]int{}
	for _, p := range sorted {
		kinds[p.Kind]++
		prefN[p.PrefCode]++
		region := municipality.Region(p.PrefCode)
		if len(v.Regions) == 0 || v.Regions[len(v.Regions)-1].Name != region {
			v.Regions = append(v.Regions, RegionGroup{Name: region})
		}
		rg := &v.Regions[len(v.Regions)-1]
		rg.N++
		if len(rg.Prefectures) == 0 || rg.Prefectures[len(rg.Prefectures)-1].Name != p.Pref {
			rg.Prefectures = append(rg.Prefectures, PrefGroup{Name: p.Pref})
		}
		pg := &rg.Prefectures[len(rg.Prefectures)-1]
		pg.Members = append(pg.Members, p)
	}
	for _, k := range municipality.Kinds() {
		v.ByKind = append(v.ByKind, Count{k.String(), kinds[k]})
	}
	var values []chart.PrefValue
	for code := 1; code <= 47; code++ {
		n := prefN[code]
		values = append(values, chart.PrefValue{Code: code, Value: float64(n), Text: strconv.Itoa(n)})
		if n > 0 {
			v.Prefectures = append(v.Prefectures, Count{chart.PrefectureName(code), n})
		}
	}
	v.MapDesc = s.lang.T("participants.map_desc", "total", v.Total, "prefs", len(v.Prefectures))
	fonts, err := s.fonts()
	if err != nil {
		return err
	}
	tm, err := chart.NewTileMap(chart.Meta{ID: "participants-map", Title: s.lang.T("participants.by_pref"), Desc: v.MapDesc, Lang: s.lang},
		values, chart.TileMapOptions{Legend: s.lang.T("participants.legend")})
	if err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := chart.WriteSVG(&svg, tm, fonts); err != nil {
		return err
	}
	v.Map = template.HTML(svg.String())
	f, err := participantsFile(sorted) // in code order, as the page lists them
	if err != nil {
		return err
	}
	s.files = append(s.files, f)
	p := s.byURL[participantsURL]
	if p == nil {
		p = &Page{URL: participantsURL, Title: s.lang.T("participants.title")}
		s.add(p)
	}
	p.Kind = "participants"
	p.Data = v
	s.Participants = v
	return nil
}

// CaseView is what a case study page knows besides its content.
type CaseView struct {
	Municipality *municipality.Entity // nil when the case names none
	Link         string               // site path of its entry in the participant list, or ""
}

// addCaseMunicipalities gives case pages their resolved municipality and a
// link to it in the participant list, when it is there.
func (s *Site) addCaseMunicipalities(byPath map[string]municipality.Entity) {
	listed := map[string]bool{}
	if s.Participants != nil {
		for _, rg := range s.Participants.Regions {
			for _, pg := range rg.Prefectures {
				for _, m := range pg.Members {
					listed[m.Code] = true
				}
			}
		}
	}
	for _, p := range s.Pages {
		if p.Source == nil || p.Kind != "case" {
			continue
		}
		e, ok := byPath[p.Source.Path]
		if !ok {
			continue
		}
		cv := CaseView{Municipality: &e}
		if listed[e.Code] {
			cv.Link = participantsURL + "#m-" + e.Code
		}
		p.Data = cv
	}
}
