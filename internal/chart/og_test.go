package chart

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"testing"
)

var pngOut = flag.String("png", "", "also write the OG image and a chart PNG into this directory, to look at")

func TestOGImageIs1200x630(t *testing.T) {
	t.Parallel()
	f := fonts(t)
	c, err := NewBar(meta("og"), barCases()["label40"], BarOptions{N: 614})
	if err != nil {
		t.Fatal(err)
	}
	og, err := NewOGImage("問46 今後、部会で取り組みたいテーマとして当てはまるものを選んでください（5つまで）", "地域経営部会 調査報告", c)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := og.WritePNG(&buf, f); err != nil {
		t.Fatalf("WritePNG() = %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != OGWidth || b.Dy() != OGHeight {
		t.Errorf("og image is %dx%d, want 1200x630", b.Dx(), b.Dy())
	}
	if *pngOut != "" {
		_ = os.WriteFile(*pngOut+"/og.png", buf.Bytes(), 0o644)
		for _, ch := range allCharts(t) {
			var b bytes.Buffer
			if err := WritePNG(&b, ch, f, 2); err != nil {
				t.Fatal(err)
			}
			_ = os.WriteFile(*pngOut+"/"+ch.Meta().ID+".png", b.Bytes(), 0o644)
		}
	}
	if _, err := NewOGImage("", "s", c); err == nil {
		t.Error("NewOGImage with empty title: want error")
	}
}
