package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// TestHostileGolden draws testdata/hostile.yaml in every format and
// compares each with its golden file, testdata/hostile.*; go test ./render
// -update rewrites them, to be read by eye before committing. Beside the
// golden comparison it checks what a reader of the file cannot miss: the
// HTML has only the renderer's elements, the Markdown parses to the
// blocks mdExpect derives, the text is terminal-safe.
func TestHostileGolden(t *testing.T) {
	p := fixture(t, "../testdata/hostile.yaml")
	t.Run("html", func(t *testing.T) {
		opts := []Option{JSONLD()}
		pg := renderHTML(t, p, opts...)
		checkHTML(t, pg, opts)
		checkHostileHTML(t, p, pg)
		golden(t, "hostile.golden.html", htmlElideStyle(t, pg))
	})
	t.Run("markdown", func(t *testing.T) {
		src := renderMarkdown(t, p)
		checkMarkdownSafe(t, "hostile.yaml", src)
		for _, b := range mdParse(t, src) {
			if strings.HasPrefix(b.Kind, "!") {
				t.Errorf("a %s block", b.Kind)
			}
			for _, in := range b.Inlines {
				if strings.HasPrefix(in.Kind, "!") || in.Kind == "raw" && !strings.HasPrefix(in.Text, `<a id="`) && in.Text != "</a>" {
					t.Errorf("a %s inline: %q", in.Kind, in.Text)
				}
				if in.Kind == "link" && !incident.SafeURL(in.Dest) {
					t.Errorf("a link to %q", in.Dest)
				}
			}
		}
		golden(t, "hostile.golden.md", src)
	})
	t.Run("markdown-site", func(t *testing.T) {
		src := renderMarkdown(t, p, SiteGenerator())
		body := checkFrontMatter(t, src, p)
		checkMarkdownSafe(t, "hostile.yaml", body)
		for _, b := range mdParse(t, body) {
			if strings.HasPrefix(b.Kind, "!") {
				t.Errorf("a %s block", b.Kind)
			}
			for _, in := range b.Inlines {
				if strings.HasPrefix(in.Kind, "!") || in.Kind == "raw" {
					t.Errorf("a %s inline: %q", in.Kind, in.Text)
				}
			}
		}
		golden(t, "hostile-site.golden.md", src)
	})
	textGoldens(t, p, "hostile", func(t *testing.T, name string, out []byte) { checkTerminalSafe(t, name, out) })
}

// textGoldens draws p as text 80 and 32 cells wide, checks that no line
// is wider and, with check when it is not nil, what else a page must be,
// and compares them with base.golden.txt and base-width32.golden.txt.
func textGoldens(t *testing.T, p incident.Portfolio, base string, check func(t *testing.T, name string, out []byte)) {
	for _, w := range []int{80, 32} {
		name := base + ".golden.txt"
		if w != 80 {
			name = base + "-width32.golden.txt"
		}
		t.Run(name, func(t *testing.T) {
			out := renderText(t, p, Width(w))
			if check != nil {
				check(t, name, out)
			}
			lines := strings.Split(string(out), "\n")
			for i, line := range lines {
				if textTooWide(lines, i, w) {
					t.Errorf("line %d is %d cells: %q", i+1, plainCells(line), line)
				}
			}
			golden(t, name, out)
		})
	}
}

// checkHostileHTML checks that the page has no element, attribute or
// comment a content file could have put there, and that the text of the
// intro comes back paragraph for paragraph.
func checkHostileHTML(t *testing.T, p incident.Portfolio, pg []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(pg))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		checkHTMLAllowed(t, n)
	}
	htmlBRs(doc)
	var intro []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if href := htmlAttr(n, "href"); href != "" && !strings.HasPrefix(href, "#") && !incident.SafeURL(href) {
			t.Errorf("a link to %q", href)
		}
		if n.Data == "p" && n.Parent != nil && htmlAttr(n.Parent, "class") == "intro" {
			intro = append(intro, htmlTextOf(n))
		}
	}
	if shown, _ := htmlShown(strings.Join(p.Intro, "\n")); strings.Join(intro, "\n") != shown {
		t.Errorf("intro paragraphs\n%q\nwant\n%q", intro, shown)
	}
	// Each event's text comes back as written, at the end of its item.
	var events []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "li" && n.Parent != nil && n.Parent.Data == "ol" {
			events = append(events, htmlTextOf(n))
		}
	}
	var want []string
	for _, in := range p.Incidents {
		for _, e := range in.Timeline {
			shown, _ := htmlShown(e.Text)
			want = append(want, strings.Map(func(r rune) rune { // dropped, as the renderer does
				if page.BidiControl(r) {
					return -1
				}
				return r
			}, shown))
		}
	}
	if len(events) != len(want) || len(want) == 0 {
		t.Fatalf("%d timeline events, want %d (and some)", len(events), len(want))
	}
	for i, s := range want {
		if !strings.HasSuffix(events[i], page.Separator+s) {
			t.Errorf("event %d: %q, want it to end in %q", i, events[i], s)
		}
	}
}

// checkHTMLAllowed fails for a comment at n, or an element or attribute
// that is not in htmlAllowed: one the renderer never writes.
func checkHTMLAllowed(t *testing.T, n *html.Node) {
	t.Helper()
	switch n.Type {
	case html.CommentNode:
		t.Errorf("a comment: %q", n.Data)
	case html.ElementNode:
		keys, ok := htmlAllowed[n.Data]
		if !ok {
			t.Errorf("unexpected element <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if !slices.Contains(keys, a.Key) {
				t.Errorf("unexpected attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
		}
	}
}
