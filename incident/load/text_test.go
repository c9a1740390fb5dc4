package load

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/incident-leadership/portfolio/internal/synth"
)

// TestTextInFileOrder checks that the loader lays the text out in the
// order of the file, a block at a time: each incident's title, then its
// paragraphs, then the next incident's title, at rising addresses.
func TestTextInFileOrder(t *testing.T) {
	want := synth.Portfolio(300)
	data, err := synth.YAML(want)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Bytes("synth.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var addrs []uintptr
	for i, in := range p.Incidents {
		if in.Title != want.Incidents[i].Title || strings.Join(in.Situation, "\n") != strings.Join(want.Incidents[i].Situation, "\n") {
			t.Fatalf("incident %d reads back differently", i)
		}
		addrs = append(addrs, uintptr(unsafe.Pointer(unsafe.StringData(in.Title))))
		for _, s := range in.Sections() {
			for _, para := range s.Paragraphs {
				addrs = append(addrs, uintptr(unsafe.Pointer(unsafe.StringData(para))))
			}
		}
	}
	// A new block starts about every textBlock bytes; anywhere else a
	// string must lie after the one before it, and close to it.
	jumps := 0
	for i := 1; i < len(addrs); i++ {
		if d := addrs[i] - addrs[i-1]; addrs[i] < addrs[i-1] || d > 4<<10 {
			jumps++
		}
	}
	if blocks := len(data)/textBlock + 1; jumps > blocks {
		t.Errorf("the text of %d strings jumps %d times in memory, want at most %d (once a block)", len(addrs), jumps, blocks)
	}
}

func TestTextBlocksKeep(t *testing.T) {
	var tb textBlocks
	long := strings.Repeat("x", textBlock/8+1)
	for _, s := range []string{"", "a", "hello", long, strings.Repeat("y", textBlock/8)} {
		if got := tb.keep(s); got != s {
			t.Errorf("keep(%.20q…) = %.20q…", s, got)
		}
	}
	if got := tb.keep(long); unsafe.StringData(got) != unsafe.StringData(long) {
		t.Error("keep copied a string longer than an eighth of a block")
	}
	var kept []string
	for i := range 3 * textBlock / 100 {
		kept = append(kept, tb.keep(strings.Repeat(string(rune('a'+i%26)), 100)))
	}
	for i, s := range kept {
		if s != strings.Repeat(string(rune('a'+i%26)), 100) {
			t.Fatalf("string %d changed after more were kept: %.20q", i, s)
		}
	}
}
