package render

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/width"

	portfolio "github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/internal/rendertest"
	"github.com/incident-leadership/portfolio/internal/synth"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// plainBundled is the bundled portfolio; plainFull uses every optional
// field and hostile text.
func plainBundled() incident.Portfolio { return portfolio.Page() }

func plainFull(t testing.TB) incident.Portfolio {
	t.Helper()
	p, err := load.File("../testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// plainRenderer is Text or Markdown.
type plainRenderer func(io.Writer, incident.Portfolio, ...Option) error

func renderPlain(t testing.TB, render plainRenderer, p incident.Portfolio, opts ...Option) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := render(&b, p, opts...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func renderText(t testing.TB, p incident.Portfolio, opts ...Option) []byte {
	t.Helper()
	return renderPlain(t, Text, p, opts...)
}

// plainGolden is a golden file: testdata/<name>.golden.<ext>.
type plainGolden struct {
	name string
	p    incident.Portfolio
	opts []Option
}

func checkGoldens(t *testing.T, render plainRenderer, ext string, goldens []plainGolden) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			golden(t, g.name+".golden."+ext, renderPlain(t, render, g.p, g.opts...))
		})
	}
}

func TestTextGolden(t *testing.T) {
	full := plainFull(t)
	checkGoldens(t, Text, "txt", []plainGolden{
		{"portfolio", plainBundled(), nil},
		{"portfolio-width40", plainBundled(), []Option{Width(40)}},
		{"portfolio-led-resolution", plainBundled(), []Option{Roles(incident.LedResolution), Intro(false)}},
		{"full", full, nil},
		{"full-width20", full, []Option{Width(20)}},
		{"full-bare", full, []Option{Details(false), Legend(false), Lessons(false), Intro(false), Sort(BySeverity)}},
	})
}

// plainCells measures a line independently of width.go: wide and
// fullwidth characters by golang.org/x/text/width take two cells, marks
// and format characters none, and so do the Hangul medial vowels and final
// consonants (U+1160 to U+11FF, U+D7B0 to U+D7FF), which join the syllable
// before them: terminals advance the cursor as wcwidth says, and wcwidth
// gives them no column.
func plainCells(s string) int {
	n := 0
	for _, r := range s {
		switch k := width.LookupRune(r).Kind(); {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r >= 0x1160 && r <= 0x11ff, r >= 0xd7b0 && r <= 0xd7ff:
		case k == width.EastAsianWide || k == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// textTooWide reports whether lines[i], of a Text page limit cells wide,
// is wider than the page allows: only a URL, which is never broken, makes
// a line wider, alone on it after the line's lead (indent, "# ", a list
// marker), and the underline of a heading it is in.
func textTooWide(lines []string, i, limit int) bool {
	line := lines[i]
	if plainCells(line) <= limit {
		return false
	}
	if strings.Trim(line, "-=") == "" {
		for j := i - 1; j >= 0 && lines[j] != ""; j-- {
			if !textTooWide(lines, j, limit) && plainCells(lines[j]) > limit {
				return false // the heading's URL makes it wide
			}
		}
		return true
	}
	k := strings.LastIndexByte(line, ' ') + 1
	lead := strings.TrimLeft(line[:k], " ")
	lead = strings.TrimLeft(lead, "0123456789")
	return !textURL(strings.TrimLeft(line[k:], "<([")) || plainCells(line[:k]) > limit || strings.Trim(lead, " #[]x.-") != ""
}

// TestTextLineWidth checks every line of every page at every width from
// 20 to 100 cells.
func TestTextLineWidth(t *testing.T) {
	pages := map[string]incident.Portfolio{
		"bundled": plainBundled(),
		"full":    plainFull(t),
		"hostile": plainHostile(),
	}
	for name, p := range pages {
		for w := 15; w <= 100; w++ {
			out := renderText(t, p, Width(w))
			limit := max(w, minWidth)
			lines := strings.Split(string(out), "\n")
			for i, line := range lines {
				if textTooWide(lines, i, limit) {
					t.Errorf("%s at width %d: line %d is %d cells: %q", name, w, i+1, plainCells(line), line)
				}
				if strings.HasSuffix(line, " ") {
					t.Errorf("%s at width %d: line %d ends with a space: %q", name, w, i+1, line)
				}
			}
			checkTerminalSafe(t, name, out)
		}
	}
}

// checkTerminalSafe fails if out holds anything but printable text and
// line feeds: no control character, escape sequence, C1 control, bidi
// control or invalid UTF-8.
func checkTerminalSafe(t *testing.T, name string, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Errorf("%s: invalid UTF-8", name)
	}
	for i, r := range string(out) {
		switch {
		case r == '\n':
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0x2028, r == 0x2029,
			r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			t.Errorf("%s: %U at byte %d", name, r, i)
			return
		}
	}
}

// plainHostile holds control characters, escape sequences and bidi
// controls, which Validate rejects and renderers must still neutralise.
func plainHostile() incident.Portfolio {
	bad := "\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \u009b2J \u202eevil\u202c \u2066x\u2069 a\x00b\x07c\x08d\x7fe\u0085f \xff\xfe\tline\nbreak\r\u2028sep " +
		strings.Repeat("Wordwithoutanyspaceswhatsoever", 6) + " " + strings.Repeat("e\u0301", 30) + " " + strings.Repeat("全角🚒", 20)
	in := incident.Incident{
		ID: "hostile", Title: bad, Role: incident.CausedAndFixed, Severity: incident.P1,
		Duration:  incident.Duration{Text: bad},
		Situation: []string{bad}, MyRole: []string{bad}, Resolution: []string{bad}, PermanentFix: []string{bad},
		When: incident.Period{Start: incident.Date{Year: 2023, Month: 3, Day: 14}, End: incident.Date{Year: 2023, Month: 3, Day: 16}},
		Org:  bad, Tags: []string{bad, bad}, Command: incident.CommandRole(bad),
		Impact:  []incident.Figure{{Label: bad, Value: 1e300, Unit: bad, Note: bad}},
		Results: []incident.Figure{{Label: bad, Before: -4, HasBefore: true, Value: 1.25, Unit: "%", Note: bad}},
		Actions: []incident.Action{{Text: bad, Kind: incident.ActionKind(bad), Done: true}, {Text: bad, Kind: incident.Prevent}},
		Links:   []incident.WriteUp{{Title: bad, URL: "https://example.com/" + strings.Repeat("a", 200), Kind: incident.LinkKind(bad)}, {Title: bad, URL: "javascript:alert(1)"}},
	}
	return incident.Portfolio{
		Title: bad, Tagline: bad, Intro: []string{bad}, Legend: bad,
		Back:      incident.Link{Text: bad, Href: "https://example.com/\u202e"},
		Roles:     []incident.RoleDef{{Key: "x", Label: bad}},
		Incidents: []incident.Incident{in},
		Lessons:   incident.Lessons{File: bad, Heading: bad, Items: []string{bad, bad}},
	}
}

// paragraphOf renders a page whose only paragraph is s and returns the
// paragraph's lines, indentation removed.
func paragraphOf(t *testing.T, s string, opts ...Option) []string {
	t.Helper()
	p := incident.Portfolio{Incidents: []incident.Incident{{
		ID: "x", Title: "T", Role: incident.CausedAndFixed, Severity: incident.P1,
		Situation: []string{s}, MyRole: []string{"M"}, Resolution: []string{"R"}, PermanentFix: []string{"F"},
	}}}
	out := string(renderText(t, p, append(opts, Legend(false))...))
	_, rest, ok := strings.Cut(out, "Situation\n")
	if !ok {
		t.Fatalf("no Situation in\n%s", out)
	}
	body, _, _ := strings.Cut(rest, "\n\n")
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, "  ") {
			t.Fatalf("line %q is not indented by 2 in\n%s", l, out)
		}
		lines = append(lines, l[2:])
	}
	return lines
}

func TestTextWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "one two three", 20, []string{"one two three"}},
		{"exact", "aaaaaaaa bbbbbbbbb", 20, []string{"aaaaaaaa bbbbbbbbb"}}, // 2 + 18 cells
		{"wraps", "aaaaaaaa bbbbbbbbbb", 20, []string{"aaaaaaaa", "bbbbbbbbbb"}},
		{"spaces collapse", "  a   b  ", 20, []string{"a b"}},
		{"wide characters", "全角全角全角全角全角", 20, []string{"全角全角全角全角全", "角"}},
		{"wide words", "全角 全角 全角 全角 全角", 20, []string{"全角 全角 全角", "全角 全角"}},
		{"long word", strings.Repeat("x", 40), 20, []string{strings.Repeat("x", 18), strings.Repeat("x", 18), "xxxx"}},
		{"long word after a short one", "a " + strings.Repeat("x", 20), 20, []string{"a", strings.Repeat("x", 18), "xx"}},
		{"combining marks stay with their letter", strings.Repeat("e\u0301", 20), 20, []string{strings.Repeat("e\u0301", 18), "e\u0301e\u0301"}},
		{"emoji are never split", strings.Repeat("🚒", 10), 20, []string{strings.Repeat("🚒", 9), "🚒"}},
		{"odd cells before a wide one", "x" + strings.Repeat("🚒", 10), 20, []string{"x" + strings.Repeat("🚒", 8), "🚒🚒"}},
		{"emoji selector counts", strings.Repeat("\u26a0\ufe0f", 10), 20, []string{strings.Repeat("\u26a0\ufe0f", 9), "\u26a0\ufe0f"}},
		{"controls vanish", "a\x1b[31mb\x1b[0m c\u202ed", 20, []string{"ab cd"}},
		{"tabs and line breaks are spaces", "a\tb\nc\r\nd\u2028e", 20, []string{"a b c d e"}},
		{"invalid UTF-8", "a\xffb", 20, []string{"a\uFFFDb"}},
		{"nothing to show", "\x1b[0m", 20, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := paragraphOf(t, tt.in, Width(tt.width))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestTextWordsKept checks at every width that wrapping only moves words
// between lines: joined back, the lines are the paragraph's words.
func TestTextWordsKept(t *testing.T) {
	p := plainBundled()
	for w := minWidth; w <= 100; w++ {
		for _, in := range p.Incidents {
			for _, s := range in.Sections() {
				for _, para := range s.Paragraphs {
					got := strings.Join(paragraphOf(t, para, Width(w)), " ")
					if want := strings.Join(strings.Fields(para), " "); got != want {
						t.Fatalf("width %d: words changed:\nwant %q\ngot  %q", w, want, got)
					}
				}
			}
		}
	}
}

// TestTextUnits checks that, in the legend and under each incident's
// title, a role's label, a severity's code with its label, and a duration
// each share one line, at every width where they fit on one, and that no
// line there starts with a separator.
func TestTextUnits(t *testing.T) {
	for _, p := range []incident.Portfolio{plainBundled(), plainFull(t), synth.Portfolio(20)} {
		var units []string
		for _, d := range append(incident.BuiltinRoles(), p.Roles...) {
			units = append(units, d.Label)
		}
		for _, d := range p.Scale() {
			units = append(units, string(d.Code)+" "+d.Label)
		}
		for _, in := range p.Incidents {
			units = append(units, in.Duration.Text)
		}
		for w := minWidth; w <= 100; w++ {
			out := string(renderText(t, p, Width(w)))
			// The legend and badge blocks, each made one line with "\n"
			// for where it broke.
			var blocks []string
			for _, b := range strings.Split(out, "\n\n") {
				lines := strings.Split(b, "\n")
				switch {
				case strings.HasPrefix(b, "Legend"):
				case len(lines) > 2 && strings.Trim(lines[1], "-") == "" && lines[1] != "":
					b = strings.Join(lines[2:], "\n")
				default:
					continue
				}
				b = regexp.MustCompile(`\n *`).ReplaceAllString(b, "\n")
				blocks = append(blocks, b)
				// A separator stays at the end of its line, where the unit
				// before it and the separator fit on one (they do from 30).
				if w >= 30 && (strings.Contains(b, "\n·") || strings.Contains(b, "\n|")) {
					t.Fatalf("width %d: a line starts with a separator:\n%s", w, b)
				}
			}
			for _, u := range units {
				if cells(u)+2 > w || !strings.Contains(u, " ") {
					continue // too wide for a line of its own, or one word
				}
				for k := range len(u) {
					if u[k] != ' ' {
						continue
					}
					split := u[:k] + "\n" + u[k+1:]
					for _, b := range blocks {
						if strings.Contains(b, split) {
							t.Fatalf("width %d: %q is split across two lines:\n%s", w, u, out)
						}
					}
				}
			}
		}
	}
}

func TestTextLessons(t *testing.T) {
	p := plainBundled()
	p.Lessons.Items = append(p.Lessons.Items, "A lesson long enough to wrap onto a second line at forty cells", "6", "7", "8", "9", "Tenth lesson wraps under its own text, not under the number")
	p.Lessons.Heading = "A heading long enough to wrap onto a second comment line"
	out := string(renderText(t, p, Width(40), Intro(false), Legend(false), Tags("no-such-tag")))
	_, got, _ := strings.Cut(out, "lessons-learned.sh\n------------------\n")
	want := `# A heading long enough to wrap onto a
# second comment line
1. Document everything in real-time
2. Understand concepts, not just tools
3. Every incident is a chance to build
   resilience
4. The fix isn't done until it can't
   happen again
5. A lesson long enough to wrap onto a
   second line at forty cells
6. 6
7. 7
8. 8
9. 9
10. Tenth lesson wraps under its own
    text, not under the number
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestTextBack(t *testing.T) {
	tests := []struct {
		href string
		want string
	}{
		{"/", ""}, // a relative link means nothing in plain text
		{"https://example.com/me", "\nBack to Home: <https://example.com/me>\n"},
		{"mailto:me@example.com", "\nBack to Home: <mailto:me@example.com>\n"},
		{"javascript:alert(1)", ""},
		{"../index.html", ""},
	}
	const notice = "\nNo incidents to show.\n" // Tags("no-such-tag") leaves none
	for _, tt := range tests {
		p := plainBundled()
		p.Back.Href = tt.href
		out := string(renderText(t, p, Lessons(false), Intro(false), Tags("no-such-tag")))
		_, got, _ := strings.Cut(out, "led the resolution.\n")
		if got != notice+tt.want {
			t.Errorf("back link %q: got %q, want %q", tt.href, got, notice+tt.want)
		}
	}
}

func TestTextAllocs(t *testing.T) {
	race.SkipAllocs(t)
	pages := map[string]incident.Portfolio{"bundled": plainBundled(), "full": plainFull(t)}
	for name, p := range pages {
		for _, opts := range [][]Option{nil, {Width(40)}, {Roles(incident.LedResolution), Sort(ByDate)}} {
			var b bytes.Buffer
			b.Grow(1 << 20)
			allocs := testing.AllocsPerRun(20, func() {
				b.Reset()
				if err := Text(&b, p, opts...); err != nil {
					t.Fatal(err)
				}
			})
			// Filtering and sorting allocate the selection once.
			want := 0.0
			if len(opts) > 1 {
				want = 1
			}
			if allocs != want {
				t.Errorf("%s with %d options: %v allocations per render, want %v", name, len(opts), allocs, want)
			}
		}
	}
}

func TestPlainWriterErrors(t *testing.T) {
	p := plainFull(t)
	for _, f := range []struct {
		name   string
		render plainRenderer
	}{{"Text", Text}, {"Markdown", Markdown}} {
		t.Run(f.name, func(t *testing.T) {
			var full bytes.Buffer
			if err := f.render(&full, p); err != nil {
				t.Fatal(err)
			}
			rendertest.CheckFailingWriter(t, full.Len(), func(w io.Writer) error { return f.render(w, p) })
		})
	}
}

// TestPlainOddInput renders portfolios no content file would give, which
// must neither panic nor fail.
func TestPlainOddInput(t *testing.T) {
	odd := []incident.Portfolio{
		{},
		{Incidents: []incident.Incident{{}}},
		{Title: "T", Incidents: []incident.Incident{{ID: "Not A Slug", Role: "unknown", Severity: "P9", When: incident.Period{Start: incident.Date{Year: 2023, Month: 13, Day: 40}}}}},
		{Lessons: incident.Lessons{Items: []string{""}}},
		plainHostile(),
	}
	for i, p := range odd {
		for _, opts := range [][]Option{nil, {Width(-5)}, {HeadingOffset(99)}, {Sort(ByDuration), Tags("x", "x")}} {
			var b bytes.Buffer
			if err := Text(&b, p, opts...); err != nil {
				t.Errorf("Text(odd[%d]): %v", i, err)
			}
			checkTerminalSafe(t, "odd", b.Bytes())
			b.Reset()
			if page.NewConfig(opts).Given != 0 {
				continue // Width: Markdown refuses it
			}
			if err := Markdown(&b, p, opts...); err != nil {
				t.Errorf("Markdown(odd[%d]): %v", i, err)
			}
		}
	}
}

func TestPlainConcurrent(t *testing.T) {
	p := plainFull(t)
	want := [2][]byte{renderText(t, p, Width(50)), renderMarkdown(t, p)}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var a, b strings.Builder // not a *bytes.Buffer: goes through the pool
				if err := Text(&a, p, Width(50)); err != nil {
					t.Error(err)
				}
				if err := Markdown(&b, p); err != nil {
					t.Error(err)
				}
				if a.String() != string(want[0]) || b.String() != string(want[1]) {
					t.Error("a concurrent render differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

// benchmarkPlain renders the bundled and the full portfolio, next to a
// single Write of the same bytes as the baseline.
func benchmarkPlain(b *testing.B, render plainRenderer) {
	for _, page := range []struct {
		name string
		p    incident.Portfolio
	}{{"bundled", plainBundled()}, {"full", plainFull(b)}} {
		want := renderPlain(b, render, page.p)
		var buf bytes.Buffer
		buf.Grow(4 * len(want))
		b.Run(page.name, func(b *testing.B) {
			b.SetBytes(int64(len(want)))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := render(&buf, page.p); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(page.name+"-write", func(b *testing.B) {
			b.SetBytes(int64(len(want)))
			for b.Loop() {
				buf.Reset()
				buf.Write(want)
			}
		})
	}
}

func BenchmarkText(b *testing.B) { benchmarkPlain(b, Text) }

// widthsTo100 are the widths 15 to 100.
var widthsTo100 = func() (ws []int) {
	for w := 15; w <= 100; w++ {
		ws = append(ws, w)
	}
	return ws
}()

// TestTextLineOn checks that flowPlain, which places plain text a line at
// a time, draws every page exactly as flowWords does a word at a time:
// synthetic incidents, the bundled page, full.yaml, the hostile page and
// the fuzz texts, at every width from 15 to 100 and at widths so large
// that adding to them overflows.
func TestTextLineOn(t *testing.T) {
	pages := map[string]incident.Portfolio{
		"synth":   synth.Portfolio(40),
		"bundled": portfolio.Page(),
		"full":    fixture(t, "../testdata/full.yaml"),
		"hostile": fixture(t, "../testdata/hostile.yaml"),
	}
	for i, s := range append(fuzzTexts, "a  b c   d e f "+strings.Repeat("word ", 30), strings.Repeat("ab ", 50)+"\u00e9 "+strings.Repeat("cd ", 50)) {
		pages[fmt.Sprintf("fuzz text %d", i)] = fuzzPortfolio(s, "https://example.com/")
	}
	draw := func(p incident.Portfolio, width int, lineOn bool) string {
		defer func(old bool) { textLineOn = old }(textLineOn)
		textLineOn = lineOn
		var b strings.Builder
		if err := Text(&b, p, Width(width)); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for name, p := range pages {
		for _, width := range append(widthsTo100, 1<<20, math.MaxInt-1, math.MaxInt) {
			if diff := cmp.Diff(draw(p, width, false), draw(p, width, true)); diff != "" {
				t.Fatalf("%s at width %d: the line-at-a-time path changes the page (-word at a time +line at a time):\n%s", name, width, diff)
			}
		}
	}
}

// TestTextFlowPlain checks that paragraphs placed a line at a time by
// flowPlain come out as flow places them word by word: strings with two
// spaces, control characters and runes of every width at every place,
// at every width from the narrowest, after a lead or none.
func TestTextFlowPlain(t *testing.T) {
	pieces := []string{"a", "word", "é", "café", "’", "–", "漢", "漢字", "e\u0301", "\u200d", "\u2764\ufe0f", "\U0001F600", "\u00a0", "\u2028",
		"\t", "\x00", "\x1b[31m", "\xff", "  ", " ", " ", " ", "longlonglonglonglongword", strings.Repeat("x", 30)}
	r := rand.New(rand.NewPCG(9, 10))
	var in []string
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			if r.IntN(3) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				b.WriteString("ab cde f ghij"[:1+r.IntN(12)])
			}
		}
		in = append(in, b.String())
	}
	for _, s := range in {
		checkFlowPlain(t, s)
	}
}

func FuzzTextFlowPlain(f *testing.F) {
	for _, s := range append(fuzzTexts, "ab cde  f", "caf\u00e9 na\u00efve \u2019quoted\u2019 \u6f22\u5b57 e\u0301") {
		f.Add(s)
	}
	f.Fuzz(checkFlowPlain)
}

// checkFlowPlain checks that flow places s the same a line at a time as
// word by word, at the start of a paragraph after a lead or none, and
// after a word on the line, at widths from the narrowest to 50.
func checkFlowPlain(t *testing.T, s string) {
	draw := func(lead string, width int, lineOn bool) string {
		defer func(old bool) { textLineOn = old }(textLineOn)
		textLineOn = lineOn
		var buf bytes.Buffer
		o := page.NewSpare(&buf)
		tw := textWriter{Spare: &o, width: width}
		tw.para(lead, s)
		tw.para(lead, s) // again, after the first: widest and col must be right
		for _, first := range []string{"Kind", "a-word-of-thirty-cells-and-one"} {
			tw.start(lead+"  ", len(lead)+4) // after a word, as the details put text
			tw.flow("", first, ":")
			tw.flow("", s, "")
			tw.flow("", s, "")
			tw.flow("(", s, ")")
			tw.flow("", s, ",")
			tw.flow("<", s, ">")
			tw.flow("a-prefix-of-twenty-one", s, "")
			tw.endLine()
		}
		if err := o.Finish(); err != nil {
			t.Fatal(err)
		}
		return buf.String() + fmt.Sprintf("|%d %d", tw.col, tw.widest)
	}
	for _, lead := range []string{"", "  "} {
		for width := minWidth; width <= 50; width++ {
			if got, want := draw(lead, width, true), draw(lead, width, false); got != want {
				t.Fatalf("para(%q, %q) at width %d:\n got %q\nwant %q", lead, s, width, got, want)
			}
		}
	}
}

// TestPeriodWords: the words Text and Markdown write for a period; a
// range of one day is that day.
func TestPeriodWords(t *testing.T) {
	d := func(y int, m time.Month, day int) incident.Date { return incident.Date{Year: y, Month: m, Day: day} }
	for _, c := range []struct {
		p    incident.Period
		want string
	}{
		{incident.Period{Start: d(2023, 0, 0)}, "2023"},
		{incident.Period{Start: d(2023, 3, 14)}, "14 March 2023"},
		{incident.Period{Start: d(2024, 5, 2), End: d(2024, 5, 2)}, "2 May 2024"},
		{incident.Period{Start: d(2024, 5, 0), End: d(2024, 5, 2)}, "May 2024 – 2 May 2024"},
		{incident.Period{Start: d(2023, 12, 31), End: d(2024, 1, 2)}, "31 December 2023 – 2 January 2024"},
	} {
		words, n := page.PeriodWords(c.p)
		var got []string
		for _, w := range words[:n] {
			if w.S != "" {
				got = append(got, w.S)
			} else {
				got = append(got, strconv.Itoa(w.N))
			}
		}
		if s := strings.Join(got, " "); s != c.want {
			t.Errorf("periodWords(%v) = %q, want %q", c.p, s, c.want)
		}
	}
}

// TestTextLegendSeparator: the "|" between roles and severities stands
// only between the two, when the legend has both.
func TestTextLegendSeparator(t *testing.T) {
	in := incident.Incident{ID: "a", Title: "A", Role: incident.CausedAndFixed, Severity: "P1", Duration: incident.Duration{Text: "1h"}}
	for _, c := range []struct {
		role   incident.Role
		sev    incident.Severity
		legend string
	}{
		{incident.CausedAndFixed, "P1", "Legend: Caused & Fixed | P1 Critical\n"},
		{incident.CausedAndFixed, "X9", "Legend: Caused & Fixed\n"},
		{"unknown", "P1", "Legend: P1 Critical\n"},
	} {
		in.Role, in.Severity = c.role, c.sev
		out := string(renderText(t, incident.Portfolio{Incidents: []incident.Incident{in}}))
		if !strings.Contains(out, "\n"+c.legend) && !strings.HasPrefix(out, c.legend) {
			t.Errorf("role %s, severity %s: no legend %q in\n%s", c.role, c.sev, c.legend, out)
		}
	}
}

// TestTextURLWhole checks that a URL too wide for a line is never broken
// but takes a line of its own, and that other long words still break.
func TestTextURLWhole(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"See https://example.com/a/very/long/path for more.",
			[]string{"  See", "  https://example.com/a/very/long/path", "  for more."}},
		{"Mail mailto:someone@example.com now",
			[]string{"  Mail", "  mailto:someone@example.com", "  now"}},
		{"Go to www.example.com/status/page",
			[]string{"  Go to", "  www.example.com/status/page"}},
		{"A short http://x.io link", []string{"  A short", "  http://x.io link"}},
		{"Supercalifragilistic", []string{"  Supercalifragilist", "  ic"}},
	} {
		out := textDraw(func(t *textWriter) {
			t.width = 20
			t.para("  ", tt.in)
		})
		if diff := cmp.Diff(tt.want, strings.Split(strings.TrimSuffix(out, "\n"), "\n")); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.in, diff)
		}
	}
}
