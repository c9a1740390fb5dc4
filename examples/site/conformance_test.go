package main

// The conformance suite: the site this program writes, checked by the real
// clients that will read it. The clients come from .ci/run (see package
// internal/conformance); without them these tests skip and say
// why, and with CI set they fail.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/conformance"
	"github.com/incident-leadership/portfolio/render"
)

// site writes the bundled portfolio's site into a temporary directory, as
// the program would, and returns the directory and the HTML pages in it
// with the IDs of the incidents each shows. Beside the site's pages it
// writes full.html, testdata/full.yaml drawn by render.HTML: every
// optional field and hostile text, and timeline.html,
// testdata/timeline.yaml: times of day and timelines, for the clients to
// judge as well.
func site(t *testing.T) (dir string, pages []conformance.Page) {
	t.Helper()
	files, err := build(portfolio.Page())
	if err != nil {
		t.Fatal(err)
	}
	full := fullPortfolio(t)
	var b bytes.Buffer
	if err := render.HTML(&b, full, render.JSONLD()); err != nil {
		t.Fatal(err)
	}
	files = append(files, file{"full.html", b.Bytes()})
	timeline := loadTestdata(t, "timeline.yaml")
	var tb bytes.Buffer
	if err := render.HTML(&tb, timeline, render.JSONLD()); err != nil {
		t.Fatal(err)
	}
	files = append(files, file{"timeline.html", tb.Bytes()})
	dir = t.TempDir()
	if _, err := write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch {
		case f.path == "index.html":
			pages = append(pages, conformance.Page{Path: f.path, IDs: ids(portfolio.Page())})
		case f.path == "full.html":
			pages = append(pages, conformance.Page{Path: f.path, IDs: ids(full)})
		case f.path == "timeline.html":
			pages = append(pages, conformance.Page{Path: f.path, IDs: ids(timeline)})
		case strings.HasPrefix(f.path, "incidents/") && strings.HasSuffix(f.path, ".html"):
			id := strings.TrimSuffix(strings.TrimPrefix(f.path, "incidents/"), ".html")
			pages = append(pages, conformance.Page{Path: f.path, IDs: []string{id}})
		case strings.HasSuffix(f.path, ".html"):
			t.Fatalf("the site has a page %s this test does not know", f.path)
		}
	}
	if want := 3 + len(portfolio.IDs()); len(pages) != want {
		t.Fatalf("the site has %d HTML pages %v, want index.html and one per incident", len(pages)-2, pages)
	}
	return dir, pages
}

func ids(p incident.Portfolio) []string {
	var ids []string
	for _, in := range p.Incidents {
		ids = append(ids, string(in.ID))
	}
	return ids
}

// fullPortfolio loads testdata/full.yaml.
func fullPortfolio(t *testing.T) incident.Portfolio { return loadTestdata(t, "full.yaml") }

// loadTestdata loads the content file name from the repository's testdata.
func loadTestdata(t *testing.T, name string) incident.Portfolio {
	t.Helper()
	p, err := load.File(filepath.Join(conformance.Root(t), "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestConformanceHTMLChecker runs the W3C Nu HTML Checker (vnu) on every
// page: it must report no error.
func TestConformanceHTMLChecker(t *testing.T) {
	dir, pages := site(t)
	conformance.CheckHTML(t, dir, pages)
}

// TestConformanceBrowser loads every page in Debian's Chromium and checks
// what a reader gets (see conformance.CheckBrowser): no request elsewhere
// and no console error, no serious axe-core violation in the light or the
// dark scheme, no sideways scroll on a phone, no card split in print.
//
// With PORTFOLIO_SCREENSHOT=path it also writes a screenshot of index.html
// (light scheme, 1000x1100 CSS px) to path.
func TestConformanceBrowser(t *testing.T) {
	dir, pages := site(t)
	var shots []conformance.Screenshot
	if shot := os.Getenv("PORTFOLIO_SCREENSHOT"); shot != "" {
		shots = append(shots, conformance.Screenshot{Page: "index.html", Path: shot, Scheme: "light", Width: 1000, Height: 1100})
	}
	conformance.CheckBrowser(t, dir, pages, shots...)
}

// mdBlock is one block as markdown.mjs reports it.
type mdBlock struct {
	Type      string   `json:"type"`
	Level     int      `json:"level,omitempty"`
	Info      string   `json:"info,omitempty"`
	Container string   `json:"container"`
	Text      string   `json:"text"`
	Inlines   []string `json:"inlines"`
}

// TestConformanceMarkdown parses portfolio.md, and testdata/full.yaml drawn
// by render.Markdown, with the CommonMark reference parser and with
// markdown-it (GitHub-like, with linkify), and checks that both see the
// page's headings in order and every paragraph of every section as plain
// text, word for word, and the lessons as an sh code block; and that the
// two parsers agree.
func TestConformanceMarkdown(t *testing.T) {
	node := conformance.FindNode(t, "commonmark", "markdown-it")
	files, err := build(portfolio.Page())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(files, func(f file) bool { return f.path == "portfolio.md" })
	if i < 0 {
		t.Fatal("the site has no portfolio.md")
	}
	full := fullPortfolio(t)
	var b bytes.Buffer
	if err := render.Markdown(&b, full); err != nil {
		t.Fatal(err)
	}
	t.Run("portfolio.md", func(t *testing.T) { checkMarkdown(t, node, portfolio.Page(), files[i].data) })
	t.Run("full.yaml", func(t *testing.T) { checkMarkdown(t, node, full, b.Bytes()) })
}

func checkMarkdown(t *testing.T, node *conformance.Node, p incident.Portfolio, md []byte) {
	var res map[string]struct {
		Version string    `json:"version"`
		Blocks  []mdBlock `json:"blocks"`
	}
	node.Run(t, "markdown.mjs", map[string]string{"markdown": string(md)}, &res)

	// The headings, in order.
	// Markdown has no <dl> or <figcaption>: the details of an incident sit
	// under a "Details" heading, and the lessons under their file's name.
	wantHeadings := []mdBlock{heading(1, p.Title)}
	for _, in := range p.Incidents {
		wantHeadings = append(wantHeadings, heading(2, in.Title))
		for _, s := range in.Sections() {
			wantHeadings = append(wantHeadings, heading(3, s.Name))
		}
		if in.HasDetails() {
			wantHeadings = append(wantHeadings, heading(3, "Details"))
		}
	}
	if len(p.Lessons.Items) > 0 {
		wantHeadings = append(wantHeadings, heading(2, p.Lessons.File))
	}
	// Markdown writes the line and paragraph separators as spaces.
	seps := strings.NewReplacer("\u2028", " ", "\u2029", " ")
	plain := func(s string) mdBlock {
		return mdBlock{Type: "paragraph", Container: "document", Text: seps.Replace(s), Inlines: []string{"text"}}
	}
	for _, parser := range []string{"commonmark", "markdownit"} {
		r, ok := res[parser]
		if !ok {
			t.Fatalf("markdown.mjs gave no result for %s", parser)
		}
		t.Run(parser, func(t *testing.T) {
			t.Logf("%s %s", parser, r.Version)
			blocks := r.Blocks
			var headings []mdBlock
			for _, b := range blocks {
				if b.Type == "heading" {
					headings = append(headings, b)
				}
			}
			if diff := cmp.Diff(wantHeadings, headings); diff != "" {
				t.Errorf("headings (-want +got):\n%s", diff)
			}

			// Each section's paragraphs follow its heading, as plain text.
			next := 0 // index in blocks of the next heading to look for
			for _, in := range p.Incidents {
				for _, s := range in.Sections() {
					at := slices.IndexFunc(blocks[next:], func(b mdBlock) bool { return b.Type == "heading" && b.Level == 3 && b.Text == s.Name })
					if at < 0 {
						t.Errorf("%s: no heading %q", in.ID, s.Name)
						continue
					}
					at += next + 1
					var want []mdBlock
					for _, para := range s.Paragraphs {
						want = append(want, plain(para))
					}
					got := blocks[at:min(at+len(want), len(blocks))]
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("%s: %s (-want +got):\n%s", in.ID, s.Name, diff)
					}
					next = at
				}
			}

			// The tagline and intro are paragraphs before the first incident.
			first := slices.IndexFunc(blocks, func(b mdBlock) bool { return b.Type == "heading" && b.Level == 2 })
			if first < 0 {
				first = len(blocks)
			}
			for _, s := range append([]string{p.Tagline}, p.Intro...) {
				if !slices.ContainsFunc(blocks[:first], func(b mdBlock) bool { return cmp.Equal(b, plain(s)) }) {
					t.Errorf("no plain paragraph %q before the first incident", s)
				}
			}

			// The lessons are a code block, exactly as the seed shows them.
			want := mdBlock{Type: "code", Info: "sh", Container: "document", Text: lessons(p.Lessons), Inlines: []string{}}
			if !slices.ContainsFunc(blocks, func(b mdBlock) bool { return cmp.Equal(b, want) }) {
				var code []mdBlock
				for _, b := range blocks {
					if b.Type == "code" {
						code = append(code, b)
					}
				}
				t.Errorf("no lessons code block %+v; code blocks: %+v", want, code)
			}
		})
	}
	t.Run("parsers agree", func(t *testing.T) {
		if diff := cmp.Diff(res["commonmark"].Blocks, res["markdownit"].Blocks); diff != "" {
			t.Errorf("commonmark and markdown-it see different documents (-commonmark +markdown-it):\n%s", diff)
		}
	})
}

func heading(level int, text string) mdBlock {
	return mdBlock{Type: "heading", Level: level, Container: "document", Text: text, Inlines: []string{"text"}}
}

// lessons is the text of the lessons listing: the comment line, then the
// numbered lessons.
func lessons(l incident.Lessons) string {
	var b strings.Builder
	b.WriteString("# " + l.Heading + "\n")
	for i, item := range l.Items {
		b.WriteString(strconv.Itoa(i+1) + ". " + item + "\n")
	}
	return b.String()
}

// TestConformanceContentSchema validates the content files against the
// committed portfolio.schema.json with Ajv (draft 2020-12, strict mode,
// ajv-formats), as an editor or a CI linter would; a copy with an unknown
// field must be rejected.
func TestConformanceContentSchema(t *testing.T) {
	node := conformance.FindNode(t, "ajv", "ajv-formats")
	root := conformance.Root(t)
	schema, err := os.ReadFile(filepath.Join(root, "portfolio.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	type doc struct {
		Name string `json:"name"`
		Data any    `json:"data"`
	}
	var docs []doc
	for _, name := range []string{"portfolio.yaml", "testdata/full.yaml"} {
		v := yamlFile(t, filepath.Join(root, name))
		docs = append(docs, doc{name, v})
	}
	broken := yamlFile(t, filepath.Join(root, "portfolio.yaml")).(map[string]any)
	broken["titel"] = "a typo"
	first := broken["incidents"].([]any)[0].(map[string]any)
	first["severty"] = "P1"
	docs = append(docs, doc{"broken", broken})

	var res struct {
		Ajv          string `json:"ajv"`
		AjvFormats   string `json:"ajvFormats"`
		CompileError string `json:"compileError"`
		Results      []struct {
			Name   string   `json:"name"`
			Valid  bool     `json:"valid"`
			Errors []string `json:"errors"`
		} `json:"results"`
	}
	node.Run(t, "schema.mjs", map[string]any{"schema": json.RawMessage(schema), "documents": docs}, &res)
	t.Logf("ajv %s, ajv-formats %s", res.Ajv, res.AjvFormats)
	if res.CompileError != "" {
		t.Fatalf("ajv cannot compile portfolio.schema.json: %s", res.CompileError)
	}
	if len(res.Results) != len(docs) {
		t.Fatalf("ajv gave %d results, want %d", len(res.Results), len(docs))
	}
	for _, r := range res.Results {
		t.Run(r.Name, func(t *testing.T) {
			if r.Name != "broken" {
				if !r.Valid {
					t.Errorf("ajv: %s does not validate against portfolio.schema.json:\n%s", r.Name, strings.Join(r.Errors, "\n"))
				}
				return
			}
			if r.Valid {
				t.Fatal("ajv accepted a copy of portfolio.yaml with unknown fields: the check is not working")
			}
			for _, field := range []string{"titel", "severty"} {
				if !slices.ContainsFunc(r.Errors, func(e string) bool { return strings.Contains(e, `"`+field+`"`) }) {
					t.Errorf("ajv did not name the unknown field %q: %q", field, r.Errors)
				}
			}
		})
	}
}

// yamlFile reads a YAML content file as the JSON value an editor's YAML
// language server would check against the schema: YAML 1.2 core schema
// scalars, so 2023-03-14 and 4h stay strings and 2023 is a number.
func yamlFile(t *testing.T, name string) any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	v, err := yamlValue(&n)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func yamlValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		return yamlValue(n.Content[0])
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlValue(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			var f float64
			if err := n.Decode(&f); err != nil {
				return nil, err
			}
			return f, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, err
			}
			return b, nil
		case "!!null":
			return nil, nil
		}
		// !!str, and !!timestamp, which YAML 1.2 does not have.
		return n.Value, nil
	}
	return nil, fmt.Errorf("%d:%d: unsupported YAML node (aliases are not allowed)", n.Line, n.Column)
}
