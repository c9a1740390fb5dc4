package load

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/synth"
)

// TestTextInFileOrder checks that the loader lays the text out in the
// order of the file, a block at a time: each incident's title, then its
// paragraphs, then the next incident's title, at rising addresses.
func TestTextInFileOrder(t *testing.T) {
	want, data, p := loadSynth(t, 300)
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

// loadSynth returns synth.Portfolio(n), its content file and the
// portfolio Bytes reads from that.
func loadSynth(t *testing.T, n int) (want incident.Portfolio, data []byte, got incident.Portfolio) {
	t.Helper()
	want = synth.Portfolio(n)
	data, err := synth.YAML(want)
	if err != nil {
		t.Fatal(err)
	}
	if got, err = Bytes("synth.yaml", data); err != nil {
		t.Fatal(err)
	}
	return want, data, got
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

// TestListsInFileOrder checks that the lists of strings, such as a
// section's paragraphs, are laid out in file order too, and that
// appending to one leaves the next alone.
func TestListsInFileOrder(t *testing.T) {
	_, _, p := loadSynth(t, 300)
	var addrs []uintptr
	for _, in := range p.Incidents {
		for _, s := range in.Sections() {
			addrs = append(addrs, uintptr(unsafe.Pointer(unsafe.SliceData(s.Paragraphs))))
		}
	}
	jumps := 0
	for i := 1; i < len(addrs); i++ {
		if d := addrs[i] - addrs[i-1]; addrs[i] < addrs[i-1] || d > 1<<10 {
			jumps++
		}
	}
	if blocks := len(addrs)*3/(listBlock) + 10; jumps > blocks {
		t.Errorf("the lists of paragraphs jump %d times in memory, want at most %d", jumps, blocks)
	}
	in := &p.Incidents[0]
	next := slices.Clone(in.MyRole)
	in.Situation = append(in.Situation, "appended")
	if !slices.Equal(in.MyRole, next) {
		t.Errorf("appending to one list changed the next: %q, was %q", in.MyRole, next)
	}
}

// TestEmptyListNotNil checks that an empty list in the file loads as an
// empty list, not nil, as it did before the lists came from blocks: the
// first list of a file once came from a block not made yet.
func TestEmptyListNotNil(t *testing.T) {
	p, err := Bytes("portfolio.yaml", []byte(`
title: Incident Leadership
tagline: Lessons from production.
intro: []
incidents:
  - id: database-connection-pool-exhaustion
    title: Production Database Connection Pool Exhaustion
    role: caused-and-fixed
    severity: P1
    duration: 4h
    situation: [Deployed a configuration change.]
    myRole: [Identified the root cause.]
    resolution: [Rolled back.]
    permanentFix: [Added monitoring.]
    tags: []
`))
	if err != nil {
		t.Fatal(err)
	}
	if p.Intro == nil || len(p.Intro) != 0 {
		t.Errorf("intro: [] loads as %#v, want an empty list", p.Intro)
	}
	if tags := p.Incidents[0].Tags; tags == nil || len(tags) != 0 {
		t.Errorf("tags: [] loads as %#v, want an empty list", tags)
	}
}
