package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/incident-leadership/portfolio/incident"
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
		page := renderHTML(t, p, opts...)
		checkHTML(t, page, opts)
		checkHostileHTML(t, p, page)
		golden(t, "hostile.golden.html", htmlElideStyle(t, page))
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
	for _, w := range []int{80, 32} {
		name := "hostile.golden.txt"
		if w != 80 {
			name = "hostile-width32.golden.txt"
		}
		t.Run(name, func(t *testing.T) {
			out := renderText(t, p, Width(w))
			checkTerminalSafe(t, name, out)
			for i, line := range strings.Split(string(out), "\n") {
				if n := plainCells(line); n > w {
					t.Errorf("line %d is %d cells: %q", i+1, n, line)
				}
			}
			golden(t, name, out)
		})
	}
}

// checkHostileHTML checks that the page has no element, attribute or
// comment a content file could have put there, and that the text of the
// intro comes back paragraph for paragraph.
func checkHostileHTML(t *testing.T, p incident.Portfolio, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
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
