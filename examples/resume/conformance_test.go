package main

// The conformance suite: the résumé this program writes, checked by the
// JSON Resume project's own validators and rendered by its CLI and a stock
// theme. The clients come from .ci/run (see package
// internal/conformance); without them these tests skip and say
// why, and with CI set they fail.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/internal/conformance"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

// merged is what the program writes from the minimal résumé with the given
// options (-projects is jsonresume.Projects, -top-level jsonresume.TopLevel).
func merged(t *testing.T, opts ...render.Option) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jsonresume.Merge(&b, []byte(minimal), portfolio.Page(), opts...); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("the merged résumé is not JSON: %v\n%s", err, b.Bytes())
	}
	return b.Bytes()
}

// standard are the top-level keys of a JSON Resume document.
var standard = []string{
	"$schema", "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
	"skills", "languages", "interests", "references", "projects", "meta",
}

// TestConformanceResumeSchema validates the merged résumé with both JSON
// Resume schema generations through their own validate(resume, callback):
// resume-schema 1.0.1 (draft-04, no unknown top-level key) and
// @jsonresume/schema 1.3.1 (draft-07). The default placement under meta,
// with -projects, must pass both; the top-level placement must pass the
// newer one and, as the older one's negative control, be rejected by it
// for exactly its extension key.
func TestConformanceResumeSchema(t *testing.T) {
	node := conformance.FindNode(t, "resume-schema", "@jsonresume/schema")
	type doc struct {
		Name   string          `json:"name"`
		Resume json.RawMessage `json:"resume"`
	}
	top := merged(t, jsonresume.Projects(), jsonresume.TopLevel())
	docs := []doc{
		{"meta", merged(t, jsonresume.Projects())},
		{"meta without projects", merged(t)},
		{"top level", top},
	}
	var res struct {
		Validators map[string]string `json:"validators"`
		Results    []struct {
			Name    string `json:"name"`
			Old     result `json:"resume-schema"`
			Current result `json:"@jsonresume/schema"`
		} `json:"results"`
	}
	node.Run(t, "resume.mjs", map[string]any{"documents": docs}, &res)
	t.Logf("validators: %v", res.Validators)
	if len(res.Results) != len(docs) {
		t.Fatalf("resume.mjs gave %d results, want %d", len(res.Results), len(docs))
	}

	var keys map[string]json.RawMessage
	if err := json.Unmarshal(top, &keys); err != nil {
		t.Fatal(err)
	}
	var extension []string
	for k := range keys {
		if !slices.Contains(standard, k) {
			extension = append(extension, k)
		}
	}
	if len(extension) != 1 {
		t.Fatalf("the top-level placement adds keys %q, want exactly one extension key", extension)
	}

	for _, r := range res.Results {
		t.Run(r.Name, func(t *testing.T) {
			r.Current.check(t, "@jsonresume/schema")
			if r.Name != "top level" {
				r.Old.check(t, "resume-schema")
				return
			}
			if r.Old.Valid {
				t.Fatalf("resume-schema 1.0.1 accepted an unknown top-level key %q: the check is not working", extension[0])
			}
			want := "Additional properties not allowed: " + extension[0]
			if !slices.ContainsFunc(r.Old.Errors, func(e string) bool { return strings.Contains(e, want) }) {
				t.Errorf("resume-schema 1.0.1 rejected the top-level placement, but not with %q: %q", want, r.Old.Errors)
			}
		})
	}
}

// result is one validator's verdict.
type result struct {
	Valid  bool     `json:"valid"`
	Errors []string `json:"errors"`
}

func (r result) check(t *testing.T, validator string) {
	t.Helper()
	if !r.Valid || len(r.Errors) > 0 {
		t.Errorf("%s: invalid résumé:\n%s", validator, strings.Join(r.Errors, "\n"))
	}
}

// TestConformanceResumeTheme renders the merged résumé (-projects) with the
// resumed CLI and jsonresume-theme-even, as the program's doc suggests, and
// checks that the HTML shows every incident's title. (The theme shows only
// the standard sections, so without -projects the incidents would not show.)
func TestConformanceResumeTheme(t *testing.T) {
	node := conformance.FindNode(t, "resumed", "jsonresume-theme-even")
	dir := t.TempDir()
	in := filepath.Join(dir, "resume.json")
	out := filepath.Join(dir, "resume.html")
	if err := os.WriteFile(in, merged(t, jsonresume.Projects()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := node.Command(node.Module("resumed", "bin", "resumed.js"), "render", in, "--theme", "jsonresume-theme-even", "-o", out)
	cmd.Dir = dir
	conformance.Output(t, cmd)
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := textOf(t, page)
	for _, in := range portfolio.Page().Incidents {
		if !strings.Contains(text, in.Title) {
			t.Errorf("resumed with jsonresume-theme-even does not show the incident %q", in.Title)
		}
	}
	// The theme prints a project's type beside its name: it must say what
	// the incident was, not the bare word "incident".
	var doc struct {
		Projects []struct{ Name, Type string }
	}
	if err := json.Unmarshal(merged(t, jsonresume.Projects()), &doc); err != nil {
		t.Fatal(err)
	}
	for _, pr := range doc.Projects {
		if pr.Type == jsonresume.ProjectType || !strings.Contains(text, pr.Type) {
			t.Errorf("the theme shows %q's type %q, want it to read as more than %q", pr.Name, pr.Type, jsonresume.ProjectType)
		}
	}
	for line := range strings.Lines(text) {
		if strings.TrimSpace(line) == jsonresume.ProjectType {
			t.Errorf("the theme prints the bare word %q on a line of its own", jsonresume.ProjectType)
		}
	}
	if t.Failed() {
		t.Logf("text of the rendered résumé:\n%s", text)
	}
}

// textOf returns the text a reader sees in an HTML page: its text nodes
// outside script and style, each followed by a newline.
func textOf(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.Data != "script" && n.Parent.Data != "style" {
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			b.WriteString("\n")
		}
	}
	return b.String()
}
