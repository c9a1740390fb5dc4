package peers

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
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
// for the portfolios the benchmarks draw and for the repository's full
// and hostile content files (made plain), which take every branch of the
// templates: the same elements, attributes and text, once the spellings
// that mean the same (normalise) are made one.
func TestSamePage(t *testing.T) {
	for _, f := range append(fixtures(), contentFiles(t)...) {
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

// fixture is a portfolio to draw, and its name.
type fixture struct {
	name string
	p    incident.Portfolio
}

// fixtures are the portfolios the benchmarks draw.
func fixtures() []fixture {
	return []fixture{{"seed", portfolio.Page()}, {"1k", synth.Portfolio(1000)}}
}

// contentFiles returns testdata/full.yaml and testdata/hostile.yaml of the
// root module, loaded, made plain (makePlain) and without timelines.
func contentFiles(t *testing.T) []fixture {
	var out []fixture
	for _, name := range []string{"full.yaml", "hostile.yaml"} {
		p, err := load.File(filepath.Join("..", "..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		makePlain(reflect.ValueOf(&p).Elem(), false)
		// The peers draw what the benchmarks' pages hold; a timeline, and
		// the times to detect, mitigate and resolve that come from it, are
		// render.HTML's alone.
		for i := range p.Incidents {
			p.Incidents[i].Timeline = nil
		}
		out = append(out, fixture{name + ", made plain, without timelines", p})
	}
	return out
}

// makePlain removes from every string in v what the engines write
// otherwise than render.HTML by design: the characters checkPlain lists,
// and from link targets (url is true for the fields URL and Href) every
// byte but ASCII letters, digits and -._~/?&=:;@,+$!* and a first '#':
// render.HTML percent-encodes the others in upper case, html/template
// some of them in lower case, and templ and quicktemplate none.
func makePlain(v reflect.Value, url bool) {
	switch v.Kind() {
	case reflect.String:
		hash := false
		v.SetString(strings.Map(func(r rune) rune {
			switch {
			case byDesign(r):
				return -1
			case !url:
				return r
			case r == '#' && !hash:
				hash = true
				return r
			case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~/?&=:;@,+$!*", r)):
				return r
			}
			return -1
		}, v.String()))
	case reflect.Struct:
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			makePlain(v.Field(i), name == "URL" || name == "Href")
		}
	case reflect.Slice:
		for i := range v.Len() {
			makePlain(v.Index(i), url)
		}
	}
}

// byDesign reports whether render.HTML writes r otherwise than the peers
// by design (see checkPlain).
func byDesign(r rune) bool {
	return r < ' ' || r >= 0x7f && r < 0xa0 || r == '\u2028' || r == '\u2029' || r == utf8.RuneError ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r >= 0xfdd0 && r <= 0xfdef || r&0xfffe == 0xfffe
}

// checkPlain fails the test if p's text holds anything the peers write
// otherwise than render.HTML by design (byDesign), which the fixtures
// must not: the peers escape & < > " ' alone, where render.HTML also makes
// U+2028 and U+2029 line breaks, drops the bidi embedding, override and
// isolate controls, and replaces control characters, noncharacters and
// invalid UTF-8 with U+FFFD.
func checkPlain(t *testing.T, name string, p *incident.Portfolio) {
	t.Helper()
	s := fmt.Sprintf("%+v", *p) // every string of p, as it is
	if !utf8.ValidString(s) {
		t.Fatalf("%s: invalid UTF-8", name)
	}
	for i, r := range s {
		if byDesign(r) {
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
