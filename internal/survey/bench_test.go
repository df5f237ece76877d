package survey

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const benchRows = 1_000_000

// benchFiles writes a codebook and 1,000,000 responses to one MA question
// (12 options, 0–6 picks, ";"-separated codes) into os.TempDir once, and
// returns the directory. The file is reused across runs (about 25 MB).
func benchFiles(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "surveysite-bench-1m-v1")
	if _, err := os.Stat(filepath.Join(dir, "responses.csv")); err == nil {
		return dir
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	var cb strings.Builder
	cb.WriteString(cbHeader)
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&cb, "q1,MA,5,問,%02d,選択肢%d,\r\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "codebook.csv"), []byte(cb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	tmp := filepath.Join(dir, "responses.csv.tmp")
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 2))
	groups := []string{"都道府県", "政令市", "中核市", "一般市", "特別区", "町村"}
	w.WriteString("respondent_id,団体区分,q1\r\n")
	for i := range benchRows {
		k := rng.IntN(7)
		codes := make([]string, 0, k)
		for _, p := range rng.Perm(12)[:k] {
			codes = append(codes, fmt.Sprintf("%02d", p+1))
		}
		fmt.Fprintf(w, "R%07d,%s,%s\r\n", i, groups[rng.IntN(len(groups))], strings.Join(codes, ";"))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "responses.csv")); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkAnalyse1M tallies 1,000,000 rows with one MA question.
func BenchmarkAnalyse1M(b *testing.B) {
	dir := benchFiles(b)
	fsys := os.DirFS(dir)
	b.ResetTimer()
	for b.Loop() {
		cb, err := LoadCodebook(fsys, "codebook.csv")
		if err != nil {
			b.Fatal(err)
		}
		res, err := Analyse(fsys, "responses.csv", cb, Config{})
		if err != nil {
			b.Fatal(err)
		}
		if res.N != benchRows {
			b.Fatalf("N = %d", res.N)
		}
	}
}

// BenchmarkBareCSV is the yardstick: encoding/csv reading the same file and
// counting the same column's codes, with no checks at all.
func BenchmarkBareCSV(b *testing.B) {
	dir := benchFiles(b)
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(filepath.Join(dir, "responses.csv"))
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
		r.ReuseRecord = true
		counts := map[string]int{}
		rows := -1
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows++
			if rows == 0 {
				continue
			}
			rest := rec[2]
			for rest != "" {
				tok, after, _ := strings.Cut(rest, ";")
				counts[tok]++
				rest = after
			}
		}
		f.Close()
		if rows != benchRows {
			b.Fatalf("rows = %d", rows)
		}
	}
}
