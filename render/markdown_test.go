package render

import (
	"bufio"
	"bytes"
	"fmt"
	stdhtml "html"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/internal/rendertest"
	"github.com/incident-leadership/portfolio/internal/scan"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

func renderMarkdown(t testing.TB, p incident.Portfolio, opts ...Option) []byte {
	t.Helper()
	return renderPlain(t, Markdown, p, opts...)
}

func TestMarkdownGolden(t *testing.T) {
	full := plainFull(t)
	checkGoldens(t, Markdown, "md", []plainGolden{
		{"portfolio", plainBundled(), nil},
		{"portfolio-led-resolution", plainBundled(), []Option{Roles(incident.LedResolution)}},
		{"portfolio-p2", plainBundled(), []Option{Severities(incident.P2), Intro(false), Lessons(false)}},
		{"portfolio-offset", plainBundled(), []Option{HeadingOffset(1)}},
		{"portfolio-site", plainBundled(), []Option{SiteGenerator()}},
		{"full", full, nil},
		{"full-bare", full, []Option{Details(false), Legend(false), Lessons(false), Intro(false), Sort(BySeverity)}},
	})
}

// The parsed page, reduced to what a reader sees: blocks in order, each
// with its inline content. Any node the renderer must never make shows
// up as a kind starting with "!".
type mdBlock struct {
	Kind    string // "h1" to "h6", "p", "li", "code:<info>", or "!<node kind>"
	Inlines []mdInline
}

type mdInline struct {
	Kind string // "text", "strong", "link", "raw", "check", or "!<node kind>"
	Text string
	Dest string `json:",omitempty"`
}

// mdParser parses CommonMark with GitHub's extensions: tables,
// strikethrough, autolinks without brackets, task lists and footnotes.
var mdParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))

func mdParse(t *testing.T, src []byte) []mdBlock {
	t.Helper()
	doc := mdParser.Parser().Parse(text.NewReader(src))
	var blocks []mdBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			blocks = append(blocks, mdBlock{"h" + strconv.Itoa(n.Level), mdInlines(src, n)})
		case *ast.Paragraph:
			blocks = append(blocks, mdBlock{"p", mdInlines(src, n)})
		case *ast.List:
			if n.IsOrdered() || n.Marker != '-' {
				blocks = append(blocks, mdBlock{Kind: "!ordered or non-dash list"})
			}
			for li := n.FirstChild(); li != nil; li = li.NextSibling() {
				c := li.FirstChild()
				if c == nil || c.NextSibling() != nil || (c.Kind() != ast.KindTextBlock && c.Kind() != ast.KindParagraph) {
					blocks = append(blocks, mdBlock{Kind: "!list item with blocks"})
					continue
				}
				blocks = append(blocks, mdBlock{"li", mdInlines(src, c)})
			}
		case *ast.FencedCodeBlock:
			var b strings.Builder
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
			blocks = append(blocks, mdBlock{"code:" + string(n.Language(src)), []mdInline{{Kind: "text", Text: b.String()}}})
		default:
			blocks = append(blocks, mdBlock{Kind: "!" + n.Kind().String()})
		}
	}
	return blocks
}

// mdInlines flattens a block's inline content, merging adjacent text.
func mdInlines(src []byte, parent ast.Node) []mdInline {
	var out []mdInline
	add := func(in mdInline) {
		if n := len(out); n > 0 && in.Kind == "text" && out[n-1].Kind == "text" {
			out[n-1].Text += in.Text
			return
		}
		out = append(out, in)
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text, *ast.String:
			add(mdInline{Kind: "text", Text: mdText(src, n)})
		case *ast.Emphasis:
			kind := "strong"
			if n.Level != 2 {
				kind = "!emphasis"
			}
			add(mdInline{Kind: kind, Text: mdTextOnly(src, n)})
		case *ast.Link:
			// goldmark keeps the destination as written, and resolves it so.
			dest := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(n.Destination)))
			add(mdInline{Kind: "link", Text: mdTextOnly(src, n), Dest: string(dest)})
		case *ast.RawHTML:
			add(mdInline{Kind: "raw", Text: string(n.Segments.Value(src))})
		case *east.TaskCheckBox:
			add(mdInline{Kind: "check", Text: strconv.FormatBool(n.IsChecked)})
		default:
			add(mdInline{Kind: "!" + n.Kind().String(), Text: mdTextOnly(src, n)})
		}
	}
	return out
}

// mdTextOnly returns the text of n's children, or a marker when they are
// not all text.
func mdTextOnly(src []byte, n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Text, *ast.String:
			b.WriteString(mdText(src, c))
		default:
			return "!" + c.Kind().String() + " inside"
		}
	}
	return b.String()
}

// mdText returns the text a Text or String node stands for, the way
// goldmark's HTML renderer resolves backslash escapes and references,
// with line breaks marked.
func mdText(src []byte, n ast.Node) string {
	var raw []byte
	switch n := n.(type) {
	case *ast.Text:
		raw = n.Segment.Value(src)
		if n.SoftLineBreak() || n.HardLineBreak() {
			raw = append(raw[:len(raw):len(raw)], "!linebreak"...)
		}
		if n.IsRaw() {
			return string(raw)
		}
	case *ast.String:
		raw = n.Value
		if n.IsCode() || n.IsRaw() {
			return string(raw)
		}
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(w, raw)
	w.Flush()
	return stdhtml.UnescapeString(b.String())
}

// mdExpect is what a reader of Markdown(p) with default options must see,
// derived from p independently of the renderer.
func mdExpect(p incident.Portfolio) []mdBlock {
	var bs []mdBlock
	add := func(kind string, in ...mdInline) { bs = append(bs, mdBlock{kind, in}) }
	txt := func(s string) mdInline { return mdInline{Kind: "text", Text: s} }
	strong := func(s string) mdInline { return mdInline{Kind: "strong", Text: s} }
	link := func(s, href string) mdInline {
		if incident.SafeURL(href) {
			return mdInline{Kind: "link", Text: s, Dest: href}
		}
		return txt(s)
	}

	if p.Back.Text != "" {
		add("p", link(p.Back.Text, p.Back.Href))
	}
	add("h1", txt(p.Title))
	add("p", txt(p.Tagline))
	for _, s := range p.Intro {
		add("p", txt(s))
	}
	var roles, sevs []string
	var pg page.Page
	pg.Use(p)
	legendRoles, legendSevs := pg.Legend()
	for _, d := range legendRoles {
		roles = append(roles, d.Label)
	}
	for _, d := range legendSevs {
		sevs = append(sevs, string(d.Code)+" "+d.Label)
	}
	legend := p.Legend
	if legend == "" {
		legend = "Legend"
	}
	add("p", strong(legend+":"), txt(" "+strings.Join(roles, " · ")+" | "+strings.Join(sevs, " · ")))

	for _, in := range p.Incidents {
		add("p", mdInline{Kind: "raw", Text: `<a id="` + string(in.ID) + `">`}, mdInline{Kind: "raw", Text: "</a>"})
		add("h2", txt(in.Title))
		sev, _ := p.Severity(in.Severity)
		add("p", strong(p.RoleLabel(in.Role)), txt(" · "), strong(string(in.Severity)), txt(" "+sev.Label+" · "+in.Duration.Text))
		for _, s := range rendertest.WantParts(&in) {
			add("h3", txt(s.Name))
			for _, para := range s.Paragraphs {
				add("p", txt(para))
			}
		}
		if in.When.IsZero() && in.Org == "" && in.Command == "" && in.Tags == nil && in.Impact == nil && in.Results == nil && in.Actions == nil && in.Links == nil {
			continue
		}
		add("h3", txt("Details"))
		if !in.When.IsZero() {
			add("li", strong("When:"), txt(" "+mdExpectPeriod(in.When)))
		}
		if in.Org != "" {
			add("li", strong("Organisation:"), txt(" "+in.Org))
		}
		if in.Command != "" {
			add("li", strong("Command role:"), txt(" "+in.Command.String()))
		}
		if in.Tags != nil {
			add("li", strong("Tags:"), txt(" "+strings.Join(in.Tags, ", ")))
		}
		for _, figs := range []struct {
			name string
			figs []incident.Figure
		}{{"Impact", in.Impact}, {"Results", in.Results}} {
			if figs.figs == nil {
				continue
			}
			add("p", strong(figs.name))
			for _, f := range figs.figs {
				s := f.Label + ": "
				if f.HasBefore {
					s += mdExpectNumber(f.Before, f.Unit) + " → "
				}
				s += mdExpectNumber(f.Value, f.Unit)
				if f.Note != "" {
					s += " (" + f.Note + ")"
				}
				add("li", txt(s))
			}
		}
		if in.Actions != nil {
			add("p", strong(wantActionsLabel(in.Actions)))
			for _, a := range in.Actions {
				if wantMixed(in.Actions) {
					add("li", mdInline{Kind: "check", Text: strconv.FormatBool(a.Done)}, txt(a.Kind.String()+": "+a.Text))
				} else {
					add("li", txt(a.Kind.String()+": "+a.Text))
				}
			}
		}
		if in.Links != nil {
			add("p", strong("Write-ups"))
			for _, l := range in.Links {
				add("li", txt(l.Kind.String()+": "), link(l.Title, l.URL))
			}
		}
	}
	if len(p.Lessons.Items) > 0 {
		add("h2", txt(p.Lessons.File))
		code := "# " + p.Lessons.Heading + "\n"
		for i, s := range p.Lessons.Items {
			code += fmt.Sprintf("%d. %s\n", i+1, s)
		}
		add("code:sh", txt(code))
	}
	// Adjacent text merges, as in mdInlines; the line and paragraph
	// separators are spaces.
	seps := strings.NewReplacer("\u2028", " ", "\u2029", " ")
	for i := range bs {
		var merged []mdInline
		for _, in := range bs[i].Inlines {
			if in.Kind != "raw" {
				in.Text = seps.Replace(in.Text)
			}
			if n := len(merged); n > 0 && in.Kind == "text" && merged[n-1].Kind == "text" {
				merged[n-1].Text += in.Text
				continue
			}
			merged = append(merged, in)
		}
		bs[i].Inlines = merged
	}
	return bs
}

func mdExpectPeriod(p incident.Period) string {
	date := func(d incident.Date) string {
		switch {
		case d.Day > 0:
			return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
		case d.Month > 0:
			return fmt.Sprintf("%s %d", d.Month, d.Year)
		}
		return strconv.Itoa(d.Year)
	}
	if p.End.IsZero() {
		return date(p.Start)
	}
	return date(p.Start) + " – " + date(p.End)
}

func mdExpectNumber(v float64, unit string) string {
	s := rendertest.EnglishNumber(v)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit
}

func TestMarkdownStructure(t *testing.T) {
	for name, p := range map[string]incident.Portfolio{"bundled": plainBundled(), "full": plainFull(t)} {
		t.Run(name, func(t *testing.T) {
			got := mdParse(t, renderMarkdown(t, p))
			if diff := cmp.Diff(mdExpect(p), got); diff != "" {
				t.Errorf("parsed page (-want +got):\n%s", diff)
			}
		})
	}
}

// mdHostile is text that means something in Markdown, GitHub's flavour
// of it, or HTML. Each must come back as the same text and open nothing.
var mdHostile = []string{
	"*emph* _u_ **b** __b__ ***bi*** a*b*c a_b_c",
	"# hash", "## not a heading ##", "ends with #", "#5 issue", "C# and F#",
	"| a | b |", "a | b", "|---|---|", "-|-",
	"<script>alert(1)</script>", "<a href=x>y</a>", "<!-- comment -->", "<div>", "</div>", "<?php ?>", "<![CDATA[x]]>", "a <b> c",
	"> quote", ">> nested", "> [!NOTE] alert",
	"1. item", "1) item", "123456789. big", "2023. A year", "0. zero", "1.5 is a number", "1.",
	"- item", "+ item", "* item", "= underline", "-", "--", "---", "***", "___", "- - -", "===", "-x", "+1",
	"[link](http://x.example)", "![img](x.png)", "[ref]: /url", "[ref]", "[^1]", "[^1]: note", "[x] task", "[ ] task", "[]", "]",
	"`code`", "``double``", "```fence", "~~~fence", "```", "~~strike~~", "~one~", "a ~ b",
	`\backslash\`, `a\*b`, `ends with \`, `\\`, `\`,
	"&amp; &lt; &#42; &#x2A; &copy; &nbsp; & alone &", "&", "&#", "AT&T", "&amp",
	"    four spaces", " one leading", "trailing space ", "  both  ", "\u00a0leading nbsp", "nbsp trailing\u00a0", "\u3000ideographic space", "a  two  spaces",
	"www.example.com", "see www.example.com/x", "WWW.EXAMPLE.COM", "http://example.com", "https://x.example/z?q=1", "ftp://x.example", "(https://x.example)",
	"mailto:a@b.example", "user@example.com", "a user@example.com b", "xmpp:foo@bar.example", "<https://autolink.example>", "<user@example.com>",
	"example.com", "lessons-learned.sh", "git@github.com:x/y", "(www.example.com)", "*www.example.com*",
	"max_connections", "snake_case_name", "a__b__c", "_a_", "a_", "_a", "x_*y*_z", "__init__", "a_b_c_d", "_a_b", "é_é_é", "1_000_000", "a_é_b",
	"a > b", "x -> y", ">", "a >> b", "a>b<c",
	"$x$ and $$y$$", `\(x\)`, "$", "100$",
	"全角文字 🚒 שלום e\u0301 a\u200db 👩\u200d🚒", "a\u2028b\u2029c", "\u2028",
	":fire: @user #123",
	`"quotes" & 'apostrophes'`,
	"{#id} ^sup^ ==mark== ++ins++",
	"a  \\", "trailing two spaces  ",
	"x", ".", "!", "![", "*", "_", "<", ">", "|", "~", "`", "#", "@",
	"---\ntitle: not front matter", // a line break: Validate forbids it, the renderer must still hold
}

// mdPortfolio puts s in every text field of a portfolio that uses every
// optional field.
func mdPortfolio(s string) incident.Portfolio {
	in := incident.Incident{
		ID: "hostile-text", Title: s, Role: "custom", Severity: "P_1.x",
		Duration:  incident.Duration{Text: s},
		Situation: []string{s, s}, MyRole: []string{s}, Resolution: []string{s}, PermanentFix: []string{s},
		When: incident.Period{Start: incident.Date{Year: 2023, Month: 3}},
		Org:  s, Tags: []string{s, "b"}, Command: incident.Scribe,
		Impact:  []incident.Figure{{Label: s, Value: -2.5, Unit: s, Note: s}},
		Results: []incident.Figure{{Label: s, Before: 4, HasBefore: true, Value: 70, Unit: "%"}},
		Actions: []incident.Action{{Text: s, Kind: incident.Prevent, Done: true}, {Text: s, Kind: incident.Process}},
		Links:   []incident.WriteUp{{Title: s, URL: "https://example.com/a_b*c(d)<e>&amp;", Kind: incident.Talk}, {Title: s, URL: "javascript:alert(1)", Kind: incident.Article}},
	}
	return incident.Portfolio{
		Title: s, Tagline: s, Intro: []string{s}, Legend: s,
		Back:       incident.Link{Text: s, Href: "https://example.com/?a=1&copy=2"},
		Roles:      []incident.RoleDef{{Key: "custom", Label: s}},
		Severities: []incident.SeverityDef{{Code: "P_1.x", Label: s, Level: 1}},
		Incidents:  []incident.Incident{in},
		Lessons:    incident.Lessons{File: s, Heading: s, Items: []string{s, s}},
	}
}

func TestMarkdownHostileText(t *testing.T) {
	for _, s := range mdHostile {
		p := mdPortfolio(s)
		want := mdExpect(p)
		if strings.TrimSpace(s) == "" {
			// Blank text breaks Validate's rules; the renderer must still hold.
		} else if strings.ContainsAny(s, "\n") {
			// Line breaks are spaces, in text and listing alike.
			want = mdExpect(mdPortfolio(strings.ReplaceAll(s, "\n", " ")))
		} else {
			// All valid but the javascript: link, which must show as text.
			q := mdPortfolio(s)
			q.Incidents[0].Links = q.Incidents[0].Links[:1]
			if err := q.Validate(); err != nil {
				t.Fatalf("%q: the test portfolio is not valid: %v", s, err)
			}
		}
		src := renderMarkdown(t, p)
		if diff := cmp.Diff(want, mdParse(t, src)); diff != "" {
			t.Errorf("%q (-want +got):\n%s\nMarkdown:\n%s", s, diff, src)
		}
	}
}

// TestMarkdownControls checks that control characters, escape sequences
// and bidi controls are dropped, and the rest kept exactly.
func TestMarkdownControls(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\x1b[31mred\x1b[0m", "red"},
		{"a\x1b]0;owned\x07b", "ab"},
		{"\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"\u009b2Jx", "x"},
		{"\u202eevil\u202c \u2066x\u2069 \u200ey\u200f\u061c", "evil x y"},
		{"a\x00b\x07c\x08d\x7fe\u0085f", "abcdef"},
		{"\xff\xfe", "\uFFFD\uFFFD"},
		{"a\tb\nc\r\nd", "a b c  d"},
		{"\t    code?", "     code?"},
		{"\x1b[0m    code?", "    code?"},
		{"\x1b[0m- list?", "- list?"},
		{"1\x1b[0m. list?", "1. list?"},
		{"&\x1b[0mamp;", "&amp;"},
		{"http:\x1b[0m//x.example", "http://x.example"},
		{"www\x1b[0m.example.com", "www.example.com"},
		{"x \x1b[0m", "x "},
	}
	for _, tt := range tests {
		p := mdPortfolio(tt.in)
		want := mdExpect(mdPortfolio(tt.want))
		src := renderMarkdown(t, p)
		if diff := cmp.Diff(want, mdParse(t, src)); diff != "" {
			t.Errorf("%+q (-want +got):\n%s\nMarkdown:\n%s", tt.in, diff, src)
		}
		checkTerminalSafe(t, fmt.Sprintf("%+q", tt.in), src)
	}
}

func TestMarkdownFence(t *testing.T) {
	p := plainBundled()
	p.Lessons.Heading = "uses ``` and ````"
	p.Lessons.Items = []string{"`one`", "`````five`````"}
	src := renderMarkdown(t, p, Tags("no-such-tag"))
	_, got, _ := strings.Cut(string(src), "## lessons-learned.sh\n\n")
	want := "``````sh\n# uses ``` and ````\n1. `one`\n2. `````five`````\n``````\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestMarkdownHeadingOffset(t *testing.T) {
	for offset := 0; offset <= 6; offset++ {
		blocks := mdParse(t, renderMarkdown(t, plainBundled(), HeadingOffset(offset)))
		var levels []string
		for _, b := range blocks {
			if b.Kind[0] == 'h' {
				levels = append(levels, b.Kind)
			}
		}
		lvl := func(n int) string { return "h" + strconv.Itoa(min(n+min(offset, 5), 6)) }
		want := []string{lvl(1)}
		for range 4 {
			want = append(want, lvl(2), lvl(3), lvl(3), lvl(3), lvl(3), lvl(3))
		}
		want = append(want, lvl(2))
		if diff := cmp.Diff(want, levels); diff != "" {
			t.Errorf("HeadingOffset(%d) (-want +got):\n%s", offset, diff)
		}
	}
}

func TestMarkdownLegendFiltered(t *testing.T) {
	src := string(renderMarkdown(t, plainBundled(), Severities(incident.P2)))
	want := "\n**Legend:** Caused & Fixed | P2 High\n"
	if !strings.Contains(src, want) {
		t.Errorf("no %q in\n%s", want, src)
	}
}

func TestMarkdownUnsafeIDs(t *testing.T) {
	p := plainBundled()
	p.Incidents[0].ID = `x"><script>alert(1)</script>`
	src := string(renderMarkdown(t, p, IDs(p.Incidents[0].ID)))
	if strings.Contains(src, "<script") || strings.Contains(src, "<a id") {
		t.Errorf("an unsafe ID reached the page:\n%s", src)
	}
}

func TestMarkdownAllocs(t *testing.T) {
	race.SkipAllocs(t)
	pages := map[string]incident.Portfolio{"bundled": plainBundled(), "full": plainFull(t)}
	for name, p := range pages {
		for _, opts := range [][]Option{nil, {HeadingOffset(1)}, {Roles(incident.LedResolution), Sort(ByDate)}} {
			var b bytes.Buffer
			b.Grow(1 << 20)
			allocs := testing.AllocsPerRun(20, func() {
				b.Reset()
				if err := Markdown(&b, p, opts...); err != nil {
					t.Fatal(err)
				}
			})
			want := 0.0
			if len(opts) > 1 {
				want++ // the selection
			}
			if name == "full" {
				want++ // its relative back link, checked by url.Parse
			}
			if allocs != want {
				t.Errorf("%s with %d options: %v allocations per render, want %v", name, len(opts), allocs, want)
			}
		}
	}
}

func BenchmarkMarkdown(b *testing.B) { benchmarkPlain(b, Markdown) }

// mdTextBoth writes s with text, which takes textPlain's one pass where
// it can, and with textAny alone.
func mdTextBoth(s string) (text, any string) {
	draw := func(f func(*mdWriter, string)) string {
		var b bytes.Buffer
		sp := page.NewSpare(&b)
		m := mdWriter{Spare: &sp}
		f(&m, s)
		if err := sp.Finish(); err != nil {
			panic(err)
		}
		return b.String()
	}
	return draw((*mdWriter).text), draw((*mdWriter).textAny)
}

// mdTextInputs are strings with each byte text treats with care at the
// start, in the middle and at the end of plain text, and the fuzz texts.
func mdTextInputs() []string {
	in := append([]string(nil), fuzzTexts...)
	specials := []string{"\\", "`", "*", "[", "]", "<", "#", "|", "~", "@", "$", "&", "&amp;", "&#1;", ":", "://", ".", "www.", "WwW.",
		"_", "a_b", "1.", "2)", "-", "+", "=", ">", " ", "  ", "\t", "\n", "\x00", "\x1b[1m", "\u0085", "\u00a0", "\u061c", "\u200e",
		"\u2028", "\u2029", "\u202e", "\u2066", "é", "–", "’", "\U0001F600", "\uFFFE", "\xff", "\xe2\x80", "\xd8"}
	for _, sp := range specials {
		for _, pad := range []string{"a", "word ", "\u00e9"} {
			for _, n := range []int{0, 1, 3, 31, 32, 33, 70} {
				p := strings.Repeat(pad, n)
				in = append(in, sp+p, p+sp, p+sp+p, "x"+p+sp+"y", p+sp+sp+p)
			}
		}
	}
	return in
}

// TestMarkdownTextPlain checks that textPlain's one pass writes what
// textAny's two do.
func TestMarkdownTextPlain(t *testing.T) {
	if !scan.Vector() {
		t.Log("no vector code here: text never takes textPlain's pass, and this test compares textAny with itself")
	}
	plain := 0
	for _, s := range mdTextInputs() {
		got, want := mdTextBoth(s)
		if got != want {
			t.Fatalf("text(%q) = %q; textAny writes %q", s, got, want)
		}
		var b bytes.Buffer
		sp := page.NewSpare(&b)
		if (&mdWriter{Spare: &sp}).textPlain(s) {
			plain++
		}
	}
	if scan.Vector() && plain < 100 {
		t.Errorf("textPlain took only %d of the inputs", plain)
	}
}

func FuzzMarkdownText(f *testing.F) {
	// A few seeds of each kind: TestMarkdownTextPlain runs the thousands
	// of mdTextInputs, which would leave the fuzzer little time of its own.
	for i, s := range mdTextInputs() {
		if i < len(fuzzTexts) || i%97 == 0 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mdTextBoth(s); got != want {
			t.Fatalf("text(%q) = %q; textAny writes %q", s, got, want)
		}
	})
}

// TestMarkdownLinkTextParen: in link text, a "(" after "]" is escaped,
// even where a character the renderer drops stood between them.
func TestMarkdownLinkTextParen(t *testing.T) {
	for _, title := range []string{"[Status](https://evil.example) page", "a](b", "a]\u200e(b", "a]\u202e(b"} {
		p := plainBundled()
		p.Incidents[0].Links = []incident.WriteUp{{Title: title, URL: "https://example.org/x", Kind: incident.Postmortem}}
		src := string(renderMarkdown(t, p))
		if !strings.Contains(src, `\](`) && !strings.Contains(src, `](https://example.org/x)`) {
			t.Fatalf("%q: no link in\n%s", title, src)
		}
		line := src[strings.Index(src, "Postmortem: ["):]
		line = line[:strings.IndexByte(line, '\n')]
		if strings.Count(line, "](") != 1 || !strings.Contains(line, `\]\(`) {
			t.Errorf("%q: link text not escaped for marked: %s", title, line)
		}
	}
}
