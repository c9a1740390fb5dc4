package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// The fuzz targets of this file put the fuzzer's text in every text field
// of a small portfolio, and its URL in the back link and a write-up, then
// check each format's promise against the same portfolio with a plain
// mark in the text fields. Their seeds are committed under
// testdata/fuzz/<target>.

// fuzzMark is the plain text the fuzzed text is compared with: a
// private-use character, which no static text of a page holds, so that it
// can be replaced afterwards by what the fuzzed text must become.
const fuzzMark = "\uE000"

// fuzzPortfolio holds s in every text field, u as the back link's target
// and the first write-up's URL, and a safe and an unsafe URL besides.
func fuzzPortfolio(s, u string) incident.Portfolio {
	in := incident.Incident{
		ID: "fuzz-incident", Title: s, Role: "fuzz-role", Severity: "SEV-1",
		Duration:  incident.Duration{Text: s, Length: 4 * time.Hour},
		Situation: []string{s, s}, MyRole: []string{s}, Resolution: []string{s}, PermanentFix: []string{s},
		Summary: []string{s}, RootCause: []string{s, s}, GotLucky: []string{s},
		When: incident.Period{Start: incident.Date{Year: 2023, Month: time.March, Day: 14}},
		Org:  s, Tags: []string{s}, Command: incident.Scribe,
		Impact:  []incident.Figure{{Label: s, Value: 1.5, Unit: "u" + s, Note: s}}, // not "%", which has no space before it
		Results: []incident.Figure{{Label: s, Before: 4, HasBefore: true, Value: 1.2, Unit: "%", Note: s}},
		Actions: []incident.Action{{Text: s, Kind: incident.Prevent, Done: true}, {Text: s, Kind: incident.Process}},
		Links: []incident.WriteUp{
			{Title: s, URL: u, Kind: incident.Talk},
			{Title: s, URL: "https://example.com/pm?a=1&b=2", Kind: incident.Postmortem},
			{Title: s, URL: "javascript:alert(1)", Kind: incident.Article},
		},
	}
	second := incident.Incident{
		ID: "second", Title: s, Role: incident.CausedAndFixed, Severity: "SEV-2",
		Duration:  incident.Duration{Text: s},
		Situation: []string{s}, MyRole: []string{s}, Resolution: []string{s}, PermanentFix: []string{s},
	}
	return incident.Portfolio{
		Title: s, Tagline: s, Intro: []string{s, s}, Legend: s,
		Back:       incident.Link{Text: s, Href: u},
		Roles:      []incident.RoleDef{{Key: "fuzz-role", Label: s}},
		Severities: []incident.SeverityDef{{Code: "SEV-1", Label: s, Level: 1}, {Code: "SEV-2", Label: s, Level: 2}},
		Incidents:  []incident.Incident{in, second},
		Lessons:    incident.Lessons{File: s, Heading: s, Items: []string{s, s}},
	}
}

// fuzzTexts are the seeds of the text-fuzzing targets: markup, Markdown,
// escape sequences, bidi controls, invisible characters and invalid UTF-8.
var fuzzTexts = []string{
	"plain text",
	htmlHostile,
	"</script><script>alert(1)</script></style><style>*{}</style>",
	"\" onmouseover=\"alert(1)\" ' onfocus='x' <img src=x onerror=alert(1)>",
	"<!-- c --> <![CDATA[x]]> <?php ?> &amp; &#60; &lt;",
	"# h", "- li", "1. ol", "> q", "```", "    code", "[a](javascript:x)", "![i](x)", "*e* __s__ `c` | t |", "---", "===",
	"a\\", "trailing  ", " leading", "&#32;", "www.example.com http://x.example <http://y.example>",
	"\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ \u009b2J",
	"\u202eevil\u202c \u2066x\u2069 \u200ey\u200f\u061c",
	"a\x00b\x07c\x08d\x7fe\u0085f\tg\nh\ri",
	"\xff\xfe\xc3",
	"noncharacters \ufffe \uffff \ufdd0 \ufdef \U0001fffe \U0010ffff",
	"e\u0301 \u200b\u200d\ufeff 👩\u200d🚒 ⚠\ufe0f 全角 \u2028\u2029 \u00a0\u3000",
	strings.Repeat("Wordwithoutanyspaces", 8),
	" ", "\u00a0",
}

// fuzzURLs are the seeds of the URL argument.
var fuzzURLs = []string{
	"https://example.com/", "/", "#top", "mailto:me@example.com", "javascript:alert(1)", " JavaScript:alert(1)",
	"data:text/html,<script>alert(1)</script>", "https://example.com/\"><script>alert(1)</script>",
	"https://example.com/a b", "//evil.example", "https://example.com/%zz?q=%2", "https://example.com/#a#b",
	"https://example.com/(x)<y>&amp;", "vbscript:x", "https://ex\u0085ample.com", "https://example.com/\u202e",
}

// htmlNeutral is what HTML makes of text: invalid UTF-8, control
// characters and noncharacters become U+FFFD, the rest stays.
func htmlNeutral(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe:
			return utf8.RuneError
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return -1 // bidi embeddings, overrides and isolates are dropped
		}
		return r
	}, s)
}

// brMark stands for a <br> in the text of a parsed page (see htmlBRs):
// it is what a line or paragraph separator in the content becomes in
// element content.
const brMark = "\U0010FFFD"

// htmlBRs makes every <br> under n the text brMark, merged with the text
// around it, so that a page's text reads as the content did.
func htmlBRs(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.Data == "br" && c.FirstChild == nil {
			c.Type, c.Data, c.DataAtom, c.Attr = html.TextNode, brMark, 0, nil
		}
		if c.Type == html.TextNode {
			if p := c.PrevSibling; p != nil && p.Type == html.TextNode {
				p.Data += c.Data
				n.RemoveChild(c)
			}
		} else {
			htmlBRs(c)
		}
		c = next
	}
}

// htmlInPre reports whether n is inside a <pre>.
func htmlInPre(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.Data == "pre" {
			return true
		}
	}
	return false
}

// htmlShown is s as it reads in element content (with line and paragraph
// separators as brMark) and in attribute values and <title> (as spaces).
func htmlShown(s string) (content, attr string) {
	return strings.NewReplacer("\u2028", brMark, "\u2029", brMark).Replace(s),
		strings.NewReplacer("\u2028", " ", "\u2029", " ").Replace(s)
}

// htmlEvents parses a page into a list of what it holds, in order:
// elements with their attributes, text, comments; a <br> is text (see
// htmlBRs). The JSON-LD in a script is parsed and written back
// canonically. Every string of the page has the fuzz mark replaced by
// with, as htmlShown shows it in each place.
func htmlEvents(t *testing.T, page []byte, with string) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	htmlBRs(doc)
	content, attr := htmlShown(with)
	sub := func(s string) string { return strings.ReplaceAll(s, fuzzMark, content) }
	subAttr := func(s string) string { return strings.ReplaceAll(s, fuzzMark, attr) }
	subJSON := func(s string) string { return strings.ReplaceAll(s, fuzzMark, with) }
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Parent != nil && n.Parent.Data == "script" {
				var v any
				if err := json.Unmarshal([]byte(n.Data), &v); err != nil {
					t.Fatalf("JSON-LD does not parse: %v\n%s", err, n.Data)
				}
				b, err := json.Marshal(jsonSub(v, subJSON))
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, "json "+string(b))
				return
			}
			if n.Parent != nil && n.Parent.Data == "title" || htmlInPre(n) {
				// The title and a listing's lines show separators as spaces.
				out = append(out, "text "+strconv.Quote(subAttr(n.Data)))
				return
			}
			out = append(out, "text "+strconv.Quote(sub(n.Data)))
		case html.CommentNode:
			out = append(out, "comment "+strconv.Quote(n.Data))
		case html.DoctypeNode:
			out = append(out, "doctype "+n.Data)
		case html.ElementNode:
			var b strings.Builder
			b.WriteString("<" + n.Data)
			for _, a := range n.Attr {
				b.WriteString(" " + a.Key + "=" + strconv.Quote(subAttr(a.Val)))
			}
			out = append(out, b.String()+">")
		}
		for c := range n.ChildNodes() {
			walk(c)
		}
		if n.Type == html.ElementNode {
			out = append(out, "</"+n.Data+">")
		}
	}
	walk(doc)
	return out
}

// jsonSub applies sub to every string of a decoded JSON value.
func jsonSub(v any, sub func(string) string) any {
	switch v := v.(type) {
	case string:
		return sub(v)
	case []any:
		for i := range v {
			v[i] = jsonSub(v[i], sub)
		}
	case map[string]any:
		for k := range v {
			v[k] = jsonSub(v[k], sub)
		}
	}
	return v
}

// lenientUnescape decodes the well-formed percent escapes of s and leaves
// the rest as it is: the URL a browser follows, whichever bytes were
// escaped.
func lenientUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && page.IsHex(s[i+1]) && page.IsHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(n))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// FuzzHTML checks that any text in any field, and any URL, leaves the
// page's structure as it is for plain text: the same elements with the
// same attributes, no comment, JSON-LD that parses to the same value; that
// the field's text comes back exactly from the parsed page (as U+FFFD
// where it held invalid UTF-8 or control characters); and that every link
// goes to an incident.SafeURL, the same one the content gave.
func FuzzHTML(f *testing.F) {
	for i, s := range fuzzTexts {
		f.Add(s, fuzzURLs[i%len(fuzzURLs)])
	}
	f.Fuzz(func(t *testing.T, s, u string) {
		if s == "" {
			return // an empty field leaves its element out: another structure
		}
		for _, opts := range [][]Option{{JSONLD()}, {Fragment(), JSONLD()}} {
			page := renderHTML(t, fuzzPortfolio(s, u), opts...)
			want := htmlEvents(t, renderHTML(t, fuzzPortfolio(fuzzMark, u), opts...), htmlNeutral(s))
			got := htmlEvents(t, page, "")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%+q, %+q, %d options: the parsed page (-want +got):\n%s\npage:\n%s", s, u, len(opts), diff, page)
			}
			checkHTMLLinks(t, page, u)
			if !utf8.Valid(page) {
				t.Errorf("the page is not valid UTF-8")
			}
			if i := bytes.IndexFunc(page, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }); i >= 0 {
				t.Errorf("control byte %#x at %d", page[i], i)
			}
			script := page[bytes.Index(page, []byte(`<script type="application/ld+json">`))+1:]
			script = bytes.ToLower(script[:bytes.Index(script, []byte("</script>"))])
			for _, bad := range []string{"</script", "<!--", "<script"} {
				if bytes.Contains(script, []byte(bad)) {
					t.Errorf("JSON-LD holds %q", bad)
				}
			}
		}
	})
}

// checkHTMLLinks checks every link of a page: to an incident's own
// anchor, or to a safe URL; and when u is safe, the links to it go where
// u goes.
func checkHTMLLinks(t *testing.T, src []byte, u string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	toU := 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "a" {
			continue
		}
		href := htmlAttr(n, "href")
		switch {
		case href == "#fuzz-incident" || href == "#second":
		case href == "https://example.com/pm?a=1&b=2":
		case !incident.SafeURL(href):
			t.Errorf("a link to %q, not a safe URL", href)
		case lenientUnescape(href) != lenientUnescape(u):
			t.Errorf("a link to %q, for the URL %q", href, u)
		default:
			toU++
		}
	}
	if want := 2 * page.BoolInt(u != "" && incident.SafeURL(u)); toU != want && u != "https://example.com/pm?a=1&b=2" && u != "#fuzz-incident" && u != "#second" {
		t.Errorf("%d links to %q, want %d", toU, u, want)
	}
}

// FuzzMarkdown checks that any text in any field, and any URL, parses
// (by goldmark, a CommonMark parser with GitHub's extensions) to the
// blocks and inlines mdExpect derives from the content: the same headings,
// lists, paragraphs and code block as for plain text, with each field's
// text back exactly. Markdown drops control characters, escape sequences
// and bidi controls (checked by checkTerminalSafe), so the text to get back
// is the fuzzed text as sanitize leaves it.
func FuzzMarkdown(f *testing.F) {
	for i, s := range fuzzTexts {
		f.Add(s, fuzzURLs[i%len(fuzzURLs)])
	}
	f.Fuzz(func(t *testing.T, s, u string) {
		clean := sanitize(s)
		p, want := mdPortfolio(s), mdPortfolio(clean)
		if u != "" { // an empty URL makes no link, where mdExpect would expect one
			p.Back.Href, p.Incidents[0].Links[0].URL = u, u
			want.Back.Href, want.Incidents[0].Links[0].URL = u, u
		}
		src := renderMarkdown(t, p)
		checkMarkdownSafe(t, s, src)
		if strings.TrimSpace(clean) == "" {
			// Blank text makes blocks a reader cannot see; the page must
			// still hold no construct the renderer never makes.
			for _, b := range mdParse(t, src) {
				if strings.HasPrefix(b.Kind, "!") {
					t.Errorf("%+q: a %s block", s, b.Kind)
				}
				for _, in := range b.Inlines {
					if strings.HasPrefix(in.Kind, "!") {
						t.Errorf("%+q: a %s inline", s, in.Kind)
					}
				}
			}
			return
		}
		if diff := cmp.Diff(mdExpect(want), mdParse(t, src)); diff != "" {
			t.Fatalf("%+q, %+q (-want +got):\n%s\nMarkdown:\n%s", s, u, diff, src)
		}
	})
}

// checkMarkdownSafe fails if Markdown holds a control character, a bidi
// control, a line or paragraph separator (which it writes as a space) or
// invalid UTF-8.
func checkMarkdownSafe(t *testing.T, s string, src []byte) {
	t.Helper()
	if !utf8.Valid(src) {
		t.Errorf("%+q: invalid UTF-8", s)
	}
	for i, r := range string(src) {
		if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x2028 || r == 0x2029 {
			t.Errorf("%+q: %U at byte %d", s, r, i)
			return
		}
	}
}

// FuzzText checks that no control character, escape sequence, bidi
// control or invalid UTF-8 reaches a terminal; that no line is wider than
// the width asked for, measured by golang.org/x/text/width, or ends in a
// space; and that text Validate accepts keeps all its visible characters,
// in order.
func FuzzText(f *testing.F) {
	for i, s := range fuzzTexts {
		f.Add(s, fuzzURLs[i%len(fuzzURLs)], uint8(i))
	}
	f.Fuzz(func(t *testing.T, s, u string, width uint8) {
		p := fuzzPortfolio(s, u)
		// A field with nothing to show leaves its lead alone on a line,
		// spaces at the end included; Validate refuses such text.
		_, _, _, _, shows := nextWord(s, 0)
		for _, w := range []int{int(width), 20, 80} {
			out := renderText(t, p, Width(w))
			name := fmt.Sprintf("%+q at width %d", s, w)
			checkTerminalSafe(t, name, out)
			limit := max(w, minWidth)
			lines := strings.Split(string(out), "\n")
			for i, line := range lines {
				if textTooWide(lines, i, limit) {
					t.Errorf("%s: line %d is %d cells: %q", name, i+1, plainCells(line), line)
				}
				if shows && strings.HasSuffix(line, " ") {
					t.Errorf("%s: line %d ends with a space: %q", name, i+1, line)
				}
			}
		}
		if incident.CheckText(s) != nil {
			return
		}
		// Visible characters: all but white space and bidi controls, with
		// noncharacters shown as U+FFFD.
		visible := func(s string) string {
			return strings.Map(func(r rune) rune {
				switch {
				case unicode.IsSpace(r) || r == 0x061c || r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
					return -1
				case r >= 0xfdd0 && (r <= 0xfdef || r&0xfffe == 0xfffe):
					return utf8.RuneError
				}
				return r
			}, s)
		}
		want := visible(s)
		// The lessons' heading wraps onto comment lines, which add "#".
		for _, w := range []int{20, 1 << 16} {
			if got := visible(string(renderText(t, p, Width(w), Lessons(false)))); !strings.Contains(got, want) {
				t.Fatalf("%+q at width %d: the page lacks its visible characters %q:\n%s", s, w, want, got)
			}
		}
	})
}
