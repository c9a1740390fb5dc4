package htmltemplate_test

import (
	"bytes"
	"html/template"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/htmltemplate"
)

// TestSameAsRender puts Fragment and Style into an html/template layout:
// what comes out between the layout's pieces is, byte for byte, what
// render.HTML and render.HTMLStyle give, hostile text included.
func TestSameAsRender(t *testing.T) {
	page := template.Must(template.New("").Parse(`<style>{{.Style}}</style>|{{.Portfolio}}|`))
	for _, name := range []string{"full.yaml", "hostile.yaml"} {
		t.Run(name, func(t *testing.T) {
			p, err := load.File(filepath.Join("..", "..", "testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			opts := []render.Option{render.Lessons(false), render.HeadingOffset(1)}
			frag, err := htmltemplate.Fragment(p, opts...)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := render.HTML(&want, p, append(opts, render.Fragment())...); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := page.Execute(&got, struct {
				Style     template.CSS
				Portfolio template.HTML
			}{htmltemplate.Style(), frag}); err != nil {
				t.Fatal(err)
			}
			wantPage := "<style>" + render.HTMLStyle() + "</style>|" + want.String() + "|"
			if diff := cmp.Diff(wantPage, got.String()); diff != "" {
				t.Errorf("the layout's output differs from render's (-render +template):\n%s", diff)
			}
			if strings.Contains(got.String(), "ZgotmplZ") {
				t.Error("html/template refused a value (ZgotmplZ)")
			}
		})
	}
}
