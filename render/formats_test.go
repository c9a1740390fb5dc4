package render_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

// TestLangDigits checks that Lang sets the digit grouping of figures in
// the text of every format, and that JSON's numbers stay numbers.
func TestLangDigits(t *testing.T) {
	p := incident.Portfolio{Incidents: []incident.Incident{{
		ID: "a", Title: "A", Role: incident.CausedAndFixed, Severity: incident.P2,
		Situation: []string{"s"}, MyRole: []string{"m"}, Resolution: []string{"r"}, PermanentFix: []string{"f"},
		Impact: []incident.Figure{{Label: "Requests lost", Value: 5000, Before: 1234.5, HasBefore: true}},
	}}}
	for _, f := range []struct {
		name   string
		render func(io.Writer, incident.Portfolio, ...render.Option) error
		want   string
	}{
		{"HTML", render.HTML, "Requests lost:</span> 1.234,5 <span"},
		{"Markdown", render.Markdown, "- Requests lost: 1.234,5 → 5.000\n"},
		{"Text", render.Text, "    Requests lost: 1.234,5 → 5.000\n"},
		{"jsonresume.Write", jsonresume.Write, `"value": 5000,`},
		{"jsonresume.Write with Projects", func(w io.Writer, p incident.Portfolio, opts ...render.Option) error {
			return jsonresume.Write(w, p, append(opts, jsonresume.Projects())...)
		}, `"Impact: Requests lost: 1.234,5 → 5.000"`},
	} {
		var b bytes.Buffer
		if err := f.render(&b, p, render.Lang("de")); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if !strings.Contains(b.String(), f.want) {
			t.Errorf("%s with Lang(\"de\"): no %q in\n%s", f.name, f.want, b.String())
		}
	}
}

// TestEmptyNotice checks that a selection that leaves no incident says so
// in every format but JSON, whose empty list of incidents says it, and
// that a page with incidents does not.
func TestEmptyNotice(t *testing.T) {
	p := portfolio.Page()
	for _, f := range []struct {
		name   string
		render func(io.Writer, incident.Portfolio, ...render.Option) error
		want   string
	}{
		{"HTML", render.HTML, "<p class=\"empty\">No incidents to show.</p>\n"},
		{"Markdown", render.Markdown, "\nNo incidents to show.\n"},
		{"Text", render.Text, "\nNo incidents to show.\n"},
		{"jsonresume.Write", jsonresume.Write, `"incidents": []`},
	} {
		for _, tt := range []struct {
			opts []render.Option
			want bool
		}{{[]render.Option{render.Tags("no-such-tag")}, true}, {[]render.Option{render.IDs()}, true}, {nil, false}} {
			var b bytes.Buffer
			if err := f.render(&b, p, tt.opts...); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(b.String(), f.want); got != tt.want {
				t.Errorf("%s, %d options: holds %q: %v, want %v", f.name, len(tt.opts), f.want, got, tt.want)
			}
			if f.name == "jsonresume.Write" && strings.Contains(b.String(), "No incidents") {
				t.Errorf("jsonresume.Write writes the notice")
			}
		}
	}
}
