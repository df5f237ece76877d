package content

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// TestCellRendererAsGoldmark: table cells come out as goldmark's table
// extension writes them, for every alignment, in the head and the body.
func TestCellRendererAsGoldmark(t *testing.T) {
	t.Parallel()
	src := []byte("| a | b | c | d |\n|---|:--|--:|:-:|\n| 1 | 2 | 3 | 4 |\n| x |  | **y** | `z` |\n")
	var got, want bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithRendererOptions(
		// only the cell renderer of ours
		rendererOptCell())).Convert(src, &got); err != nil {
		t.Fatal(err)
	}
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert(src, &want); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("cells:\n%s\nwant (goldmark):\n%s", got.String(), want.String())
	}
	if !bytes.Contains(got.Bytes(), []byte(`<td style="text-align:center"><code>z</code></td>`)) {
		t.Errorf("no centred cell in\n%s", got.String())
	}
}

func rendererOptCell() renderer.Option {
	return renderer.WithNodeRenderers(util.Prioritized(newCellRenderer(), 100))
}
