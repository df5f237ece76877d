package tabular

import (
	"bytes"
	"testing"
)

func TestWriterIsExcelFriendlyAndSafe(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	w := NewWriter(&b)
	if err := w.Write("名称", "式"); err != nil {
		t.Fatal(err)
	}
	if err := w.Write("弘前市", "=HYPERLINK(\"x\")"); err != nil {
		t.Fatal(err)
	}
	if err := w.Write("+1", "@SUM"); err != nil {
		t.Fatal(err)
	}
	if err := w.WriteRaw("-1.5", "3"); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFF名称,式\r\n弘前市,\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1,'@SUM\r\n-1.5,3\r\n"
	if got := b.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
