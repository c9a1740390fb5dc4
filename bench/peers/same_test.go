package peers

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/synth"
	"github.com/incident-leadership/portfolio/render"
)

// peer is one engine's page, or render.HTML's.
type peer struct {
	name  string
	write func(io.Writer, *incident.Portfolio) error
}

var peers = []peer{
	{"render", func(w io.Writer, p *incident.Portfolio) error { return render.HTML(w, *p) }},
	{"templ", Templ},
	{"quicktemplate", QuickTemplate},
	{"htmltemplate", HTMLTemplate},
}

// TestSamePage checks that every peer writes the page render.HTML writes,
// for the portfolios the benchmarks draw: the same elements, attributes
// and text, once the spellings that mean the same (normalise) are made
// one.
func TestSamePage(t *testing.T) {
	for _, f := range fixtures() {
		checkPlain(t, f.name, &f.p)
		var want bytes.Buffer
		if err := render.HTML(&want, f.p); err != nil {
			t.Fatal(err)
		}
		w := normalise(want.String())
		for _, pr := range peers[1:] {
			var got bytes.Buffer
			if err := pr.write(&got, &f.p); err != nil {
				t.Fatalf("%s, %s: %v", pr.name, f.name, err)
			}
			if g := normalise(got.String()); g != w {
				t.Errorf("%s, %s: not render.HTML's page:\n%s", pr.name, f.name, firstDiff(w, g))
			}
		}
	}
}

// fixtures are the portfolios the benchmarks draw.
func fixtures() []struct {
	name string
	p    incident.Portfolio
} {
	return []struct {
		name string
		p    incident.Portfolio
	}{{"seed", portfolio.Page()}, {"1k", synth.Portfolio(1000)}}
}

// checkPlain fails the test if p's text holds anything the peers write
// otherwise than render.HTML by design, which the fixtures must not: the
// peers escape & < > " ' alone, where render.HTML also makes U+2028 and
// U+2029 line breaks, drops the bidi embedding, override and isolate
// controls, and replaces control characters, noncharacters and invalid
// UTF-8 with U+FFFD.
func checkPlain(t *testing.T, name string, p *incident.Portfolio) {
	t.Helper()
	s := fmt.Sprintf("%+v", *p) // every string of p, as it is
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8", name)
	}
	for i, r := range s {
		if r < ' ' || r >= 0x7f && r < 0xa0 || r == '\u2028' || r == '\u2029' ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe {
			t.Fatalf("%s: byte %d holds %U, which the peers write otherwise than render.HTML", name, i, r)
		}
	}
}

// inline are the elements of the page that sit in a line of text: the
// whitespace between two of them is a space a browser shows.
var inline = map[string]bool{"a": true, "span": true, "time": true, "code": true}

// normalise makes one the spellings of a page that mean the same to a
// browser, and that render.HTML and the engines choose differently:
//
//   - quicktemplate escapes '"' as "&quot;", the others as "&#34;";
//   - html/template escapes '+' as "&#43;", the others not at all;
//   - outside <pre> and <style>, a run of whitespace is one space, as a
//     browser shows it, and whitespace next to the tag of an element that
//     is not inline goes, as a browser shows none there: templ writes no
//     line breaks between tags, where the others do. Whitespace next to
//     an inline element, such as between the legend's badges, stays one
//     space, since it shows.
//
// Nothing else is changed: the pages must then be the same bytes.
func normalise(page string) string {
	page = strings.NewReplacer("&quot;", "&#34;", "&#43;", "+").Replace(page)
	var b strings.Builder
	prev, raw := "", "" // the tag before the text; "pre" or "style" inside one
	for page != "" {
		text, tag := page, ""
		if lt := strings.IndexByte(page, '<'); lt >= 0 {
			text, tag = page[:lt], page[lt:]
			if gt := strings.IndexByte(tag, '>'); gt >= 0 {
				tag = tag[:gt+1]
			}
		}
		page = page[len(text)+len(tag):]
		next := tagName(tag)
		if raw == "" {
			text = collapse(text, prev, next)
		}
		b.WriteString(text)
		b.WriteString(tag)
		switch next {
		case "pre", "style":
			raw = next
		case "/" + raw:
			raw = ""
		}
		prev = next
	}
	return b.String()
}

// tagName returns the name of the element a tag opens ("p") or closes
// ("/p"), "!doctype" for the doctype, or "" for no tag.
func tagName(tag string) string {
	name := strings.TrimPrefix(tag, "<")
	if i := strings.IndexAny(name, " \t\n>"); i >= 0 {
		name = name[:i]
	}
	return strings.ToLower(name)
}

// collapse makes each run of whitespace in text one space, and drops a
// space next to a tag (prev before, next after) that is not of an inline
// element.
func collapse(text, prev, next string) string {
	s := strings.Join(strings.Fields(text), " ")
	if s == "" && text != "" {
		s = " "
	}
	if s == " " && !(inline[strings.TrimPrefix(prev, "/")] && inline[strings.TrimPrefix(next, "/")]) {
		return ""
	}
	if text != "" && isSpace(text[0]) && s != " " && inline[strings.TrimPrefix(prev, "/")] {
		s = " " + s
	}
	if text != "" && isSpace(text[len(text)-1]) && s != " " && inline[strings.TrimPrefix(next, "/")] {
		s += " "
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// firstDiff shows where got first differs from want, with some context.
func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("at byte %d:\nwant %q\n got %q", i, want[from:min(len(want), i+120)], got[from:min(len(got), i+120)])
}

// TestNormalise checks that normalise makes one only what a browser shows
// the same.
func TestNormalise(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{`<p title="&quot;x&quot;">a &#43; b</p>`, `<p title="&#34;x&#34;">a + b</p>`, true},
		{"<div>\n<p>a</p>\n</div>\n", "<div><p>a</p></div>", true},
		{"<p>a  b\n c</p>", "<p>a b c</p>", true},
		{"<p>\n<span>a</span>\n<span>b</span></p>", "<p><span>a</span> <span>b</span></p>", true},
		{"<p><span>a</span>  \n <span>b</span></p>", "<p><span>a</span> <span>b</span></p>", true},
		{"<p><span>a</span>\n<span>b</span></p>", "<p><span>a</span><span>b</span></p>", false},
		{"<p><span>a</span> b</p>", "<p><span>a</span>b</p>", false},
		{"<p>a <span>b</span></p>", "<p>a<span>b</span></p>", false},
		{"<p>a</p>", "<p>b</p>", false},
		{`<p class="a">x</p>`, `<p class="b">x</p>`, false},
		{"<pre><code>a\nb</code></pre>", "<pre><code>a b</code></pre>", false},
		{"<pre><code><span>1.</span> a\n<span>2.</span></code></pre>", "<pre><code><span>1.</span> a\n <span>2.</span></code></pre>", false},
		{"<style>\na { }</style>", "<style>a { }</style>", false},
		{"<pre>a  b</pre> <p>x</p>", "<pre>a  b</pre><p>x</p>", true},
		{"<p>&amp;</p>", "<p>&</p>", false},
		{"<p>&#39;</p>", "<p>'</p>", false},
	} {
		if got := normalise(tt.a) == normalise(tt.b); got != tt.same {
			t.Errorf("normalise(%q) == normalise(%q) is %v, want %v:\n%q\n%q", tt.a, tt.b, got, tt.same, normalise(tt.a), normalise(tt.b))
		}
	}
}
