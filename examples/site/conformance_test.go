package main

// The conformance suite: the site this program writes, checked by the real
// clients that will read it. The clients come from .ci/run (see package
// internal/conformance); without them these tests skip and say
// why, and with CI set they fail.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
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
// optional field and hostile text, for the clients to judge as well.
func site(t *testing.T) (dir string, pages []page) {
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
	dir = t.TempDir()
	if _, err := write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		switch {
		case f.path == "index.html":
			pages = append(pages, page{f.path, ids(portfolio.Page())})
		case f.path == "full.html":
			pages = append(pages, page{f.path, ids(full)})
		case strings.HasPrefix(f.path, "incidents/") && strings.HasSuffix(f.path, ".html"):
			id := strings.TrimSuffix(strings.TrimPrefix(f.path, "incidents/"), ".html")
			pages = append(pages, page{f.path, []string{id}})
		case strings.HasSuffix(f.path, ".html"):
			t.Fatalf("the site has a page %s this test does not know", f.path)
		}
	}
	if want := 2 + len(portfolio.IDs()); len(pages) != want {
		t.Fatalf("the site has %d HTML pages %v, want index.html and one per incident", len(pages)-1, pages)
	}
	return dir, pages
}

// page is an HTML page and the IDs of the incidents it shows.
type page struct {
	path string
	ids  []string
}

func ids(p incident.Portfolio) []string {
	var ids []string
	for _, in := range p.Incidents {
		ids = append(ids, string(in.ID))
	}
	return ids
}

// fullPortfolio loads testdata/full.yaml.
func fullPortfolio(t *testing.T) incident.Portfolio {
	t.Helper()
	p, err := load.File(filepath.Join(conformance.Root(t), "testdata", "full.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// control is the negative control for the HTML checks: a page broken on
// purpose, which every check must find fault with.
const control = "broken.html"

func controlPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(conformance.Root(t), ".ci", "conformance", control))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"` // error, or non-document-error when vnu could not read a file
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

func (m vnuMessage) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s (%q)", path.Base(m.URL), m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract)
}

// TestConformanceHTMLChecker runs the W3C Nu HTML Checker (vnu) on every
// page: it must report no error.
func TestConformanceHTMLChecker(t *testing.T) {
	node := conformance.FindNode(t, "vnu-jar")
	java := conformance.FindJava(t)
	jar := node.Module("vnu-jar", "build", "dist", "vnu.jar")
	dir, pages := site(t)
	if err := os.WriteFile(filepath.Join(dir, control), controlPage(t), 0o644); err != nil {
		t.Fatal(err)
	}

	v, _ := conformance.Output(t, exec.Command(java, "-jar", jar, "--version"))
	t.Logf("vnu %s", strings.TrimSpace(string(v)))

	// vnu exits 1 when it finds errors, which the control guarantees; its
	// report goes to stderr.
	args := []string{"-jar", jar, "--format", "json", "--errors-only"}
	for _, p := range pages {
		args = append(args, p.path)
	}
	cmd := exec.Command(java, append(args, control)...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal([]byte(stderr.String()), &report); jerr != nil {
		t.Fatalf("vnu: %v; its output is not JSON: %v\n%s", err, jerr, stderr.String())
	}
	byFile := map[string][]vnuMessage{}
	for _, m := range report.Messages {
		rel, _ := filepath.Rel(dir, strings.TrimPrefix(m.URL, "file:"))
		byFile[filepath.ToSlash(rel)] = append(byFile[filepath.ToSlash(rel)], m)
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			for _, m := range byFile[p.path] {
				t.Errorf("vnu: %s:%d:%d: %s: %s (%q)", p.path, m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract)
			}
		})
	}
	t.Run("control", func(t *testing.T) {
		if len(byFile[control]) == 0 {
			t.Errorf("vnu found no error in %s, which is broken on purpose: the check is not working", control)
		}
		for _, m := range byFile[control] {
			t.Logf("vnu on the control (expected): %s", m)
		}
	})
	for f := range byFile {
		if f != control && !slices.ContainsFunc(pages, func(p page) bool { return p.path == f }) {
			t.Errorf("vnu reported on %s, which it was not asked about: %v", f, byFile[f])
		}
	}
}

// browserResult is what .ci/conformance/browser.mjs reports.
type browserResult struct {
	Chromium   string        `json:"chromium"`
	Playwright string        `json:"playwright"`
	Axe        string        `json:"axe"`
	Pages      []browserPage `json:"pages"`
}

type browserPage struct {
	Name     string `json:"name"`
	Problems []struct {
		Phase string `json:"phase"`
		Kind  string `json:"kind"`
		Text  string `json:"text"`
	} `json:"problems"`
	Axe    map[string][]axeViolation `json:"axe"`
	Narrow struct {
		ScrollWidth int      `json:"scrollWidth"`
		ClientWidth int      `json:"clientWidth"`
		Wide        []string `json:"wide"`
	} `json:"narrow"`
	Print struct {
		Bytes  int    `json:"bytes"`
		Header string `json:"header"`
		Pages  int    `json:"pages"`
		Area   struct {
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"area"`
		Overflow    bool `json:"overflow"`
		PDFArticles int  `json:"pdfArticles"`
		Articles    []struct {
			ID          string  `json:"id"`
			Height      float64 `json:"height"`
			BreakInside string  `json:"breakInside"`
			Fits        bool    `json:"fits"`
			PDFPages    []int   `json:"pdfPages"`
		} `json:"articles"`
	} `json:"print"`
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// phoneWidth is the viewport width of the narrow check, in CSS px.
const phoneWidth = 375

// TestConformanceBrowser loads every page in Debian's Chromium (one browser
// for the whole run) and checks what a reader gets: nothing fetched from
// elsewhere and no console error, no serious or critical axe-core
// violation in the light or the dark colour scheme, no horizontal scroll
// on a 375 px phone, and a PDF print in which no incident card that fits on
// a page is split across two.
//
// The print check reads the real PDF: Chromium prints a tagged PDF whose
// structure tree has one /Art element per <article>, and each piece of
// marked content in it names its page; a card is split when its content
// lands on more than one page. Whether a card fits on a page is measured
// in the print layout (print media, viewport as wide as the paper's
// printable area, A4 with 15 mm margins unless the page's @page rule sets
// its own). The control page must fail every one of these checks.
//
// With PORTFOLIO_SCREENSHOT=path it also writes a screenshot of index.html
// (light scheme, 1000x1100 CSS px) to path.
func TestConformanceBrowser(t *testing.T) {
	chromium := conformance.FindChromium(t)
	node := conformance.FindNode(t, "playwright-core", "axe-core")
	dir, pages := site(t)
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dir)))
	broken := controlPage(t)
	mux.HandleFunc("/"+control, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(broken)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	type target struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	req := struct {
		Chromium   string   `json:"chromium"`
		Origin     string   `json:"origin"`
		Pages      []target `json:"pages"`
		Screenshot any      `json:"screenshot,omitempty"`
	}{Chromium: chromium, Origin: srv.URL}
	for _, p := range append(pages, page{path: control}) {
		req.Pages = append(req.Pages, target{p.path, srv.URL + "/" + p.path})
	}
	if shot := os.Getenv("PORTFOLIO_SCREENSHOT"); shot != "" {
		abs, err := filepath.Abs(shot)
		if err != nil {
			t.Fatal(err)
		}
		req.Screenshot = map[string]any{"url": srv.URL + "/index.html", "path": abs, "width": 1000, "height": 1100}
		t.Logf("screenshot of index.html written to %s", abs)
	}
	var res browserResult
	node.Run(t, "browser.mjs", req, &res)
	t.Logf("Chromium %s, playwright-core %s, axe-core %s", res.Chromium, res.Playwright, res.Axe)
	if len(res.Pages) != len(req.Pages) {
		t.Fatalf("browser.mjs reported %d pages, want %d", len(res.Pages), len(req.Pages))
	}

	for i, p := range res.Pages[:len(pages)] {
		if p.Name != pages[i].path {
			t.Fatalf("browser.mjs reported page %d as %s, want %s", i, p.Name, pages[i].path)
		}
		t.Run(p.Name, func(t *testing.T) {
			t.Run("requests and console", func(t *testing.T) {
				for _, pr := range p.Problems {
					report := t.Errorf
					if pr.Kind == "console warning" {
						report = t.Logf
					}
					report("%s (%s): %s", pr.Kind, pr.Phase, pr.Text)
				}
			})
			for _, scheme := range []string{"light", "dark"} {
				t.Run("axe "+scheme, func(t *testing.T) {
					vs, ok := p.Axe[scheme]
					if !ok {
						t.Fatalf("no axe result for the %s scheme", scheme)
					}
					for _, v := range vs {
						report := t.Logf
						if v.Impact == "serious" || v.Impact == "critical" {
							report = t.Errorf
						}
						for _, n := range v.Nodes {
							report("axe %s (%s): %s: %s\n%s", v.ID, v.Impact, v.Help, n.Target, n.Summary)
						}
					}
				})
			}
			t.Run("phone width", func(t *testing.T) {
				n := p.Narrow
				if n.ClientWidth != phoneWidth {
					t.Errorf("at a %d px wide phone the page lays out %d px wide (is the viewport meta missing?)", phoneWidth, n.ClientWidth)
				}
				if n.ScrollWidth > n.ClientWidth {
					t.Errorf("at %d px the page scrolls sideways: scrollWidth %d > clientWidth %d; too wide: %q", phoneWidth, n.ScrollWidth, n.ClientWidth, n.Wide)
				}
			})
			t.Run("print", func(t *testing.T) {
				pr := p.Print
				if pr.Header != "%PDF-" || pr.Bytes < 1000 || pr.Pages < 1 {
					t.Fatalf("page.pdf gave %d bytes starting %q with %d pages, want a PDF", pr.Bytes, pr.Header, pr.Pages)
				}
				if pr.Overflow {
					t.Errorf("the print layout is wider than the paper's printable area (%.0f px), so Chromium shrinks it", pr.Area.Width)
				}
				if pr.PDFArticles != len(pr.Articles) {
					t.Fatalf("the PDF's structure tree has %d articles, the page %d", pr.PDFArticles, len(pr.Articles))
				}
				wantIDs := slices.Sorted(slices.Values(pages[i].ids))
				var gotIDs []string
				for _, a := range pr.Articles {
					gotIDs = append(gotIDs, a.ID)
					if !a.Fits {
						t.Logf("card %s is %.0f px high, more than a page (%.0f px): it may break", a.ID, a.Height, pr.Area.Height)
						continue
					}
					if len(a.PDFPages) != 1 {
						t.Errorf("card %s (%.0f px high, fits in %.0f px; break-inside: %s) is split across PDF pages %v",
							a.ID, a.Height, pr.Area.Height, a.BreakInside, a.PDFPages)
					}
				}
				slices.Sort(gotIDs)
				if diff := cmp.Diff(wantIDs, gotIDs); diff != "" {
					t.Errorf("articles in print (-want +got):\n%s", diff)
				}
				t.Logf("%d PDF pages, %d bytes", pr.Pages, pr.Bytes)
			})
		})
	}

	t.Run("control", func(t *testing.T) {
		p := res.Pages[len(res.Pages)-1]
		kinds := map[string]bool{}
		for _, pr := range p.Problems {
			kinds[pr.Kind] = true
		}
		for _, k := range []string{"external request", "console error", "HTTP error"} {
			if !kinds[k] {
				t.Errorf("no %q found on the control page: the check is not working; found %v", k, p.Problems)
			}
		}
		for _, scheme := range []string{"light", "dark"} {
			var ids, lowContrast []string
			for _, v := range p.Axe[scheme] {
				if v.Impact == "serious" || v.Impact == "critical" {
					ids = append(ids, v.ID)
				}
				if v.ID == "color-contrast" {
					for _, n := range v.Nodes {
						lowContrast = append(lowContrast, n.Target)
					}
				}
			}
			for _, want := range []string{"color-contrast", "image-alt", "html-has-lang"} {
				if !slices.Contains(ids, want) {
					t.Errorf("axe (%s) did not report %s on the control page; it reported %q", scheme, want, ids)
				}
			}
			// .dark-only is faint in the dark scheme only: this proves
			// the page was really seen in each scheme.
			want := map[string][]string{"light": {".faint"}, "dark": {".faint", ".dark-only"}}[scheme]
			if diff := cmp.Diff(want, lowContrast); diff != "" {
				t.Errorf("axe color-contrast on the control page in the %s scheme (-want +got):\n%s", scheme, diff)
			}
		}
		if p.Narrow.ScrollWidth <= p.Narrow.ClientWidth || p.Narrow.ClientWidth == phoneWidth {
			t.Errorf("the control page has no viewport meta and a 1200 px wide block, yet the phone check found scrollWidth %d, clientWidth %d",
				p.Narrow.ScrollWidth, p.Narrow.ClientWidth)
		}
		split := map[string][]int{}
		for _, a := range p.Print.Articles {
			split[a.ID] = a.PDFPages
		}
		if diff := cmp.Diff(map[string][]int{"fits": {1}, "split": {1, 2}}, split); diff != "" {
			t.Errorf("the control page's cards in the PDF (-want +got):\n%s", diff)
		}
	})
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
