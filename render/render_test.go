package render

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

func selectionIDs(p *incident.Portfolio, opts ...Option) []incident.ID {
	c := page.NewConfig(opts)
	sel := c.Select(p)
	var ids []incident.ID
	for i := range sel.Len() {
		ids = append(ids, sel.At(i).ID)
	}
	return ids
}

// TestSelection checks the filters and orders, and that a filter given an
// empty list keeps nothing, however the list was built.
func TestSelection(t *testing.T) {
	p := &incident.Portfolio{Incidents: []incident.Incident{
		{ID: "a", Role: incident.CausedAndFixed, Severity: incident.P2, Tags: []string{"db"},
			Duration: incident.Duration{Length: 2}, When: incident.Period{Start: incident.Date{Year: 2021}}},
		{ID: "b", Role: incident.LedResolution, Severity: incident.P1, Tags: []string{"k8s"},
			Duration: incident.Duration{Length: 5}},
		{ID: "c", Role: incident.LedResolution, Severity: incident.P3, Tags: []string{"db", "k8s"},
			Duration: incident.Duration{Length: 9}, When: incident.Period{Start: incident.Date{Year: 2023, Month: 4}}},
	}}
	var noIDs []incident.ID
	for _, tc := range []struct {
		name string
		opts []Option
		want []incident.ID
	}{
		{"none", nil, []incident.ID{"a", "b", "c"}},
		{"role", []Option{Roles(incident.LedResolution)}, []incident.ID{"b", "c"}},
		{"severity", []Option{Severities(incident.P1, incident.P3)}, []incident.ID{"b", "c"}},
		{"tag", []Option{Tags("db")}, []incident.ID{"a", "c"}},
		{"ids in the order given", []Option{IDs("c", "a")}, []incident.ID{"c", "a"}},
		{"ids and a role", []Option{IDs("c", "a"), Roles(incident.CausedAndFixed)}, []incident.ID{"a"}},
		{"by severity", []Option{Sort(BySeverity)}, []incident.ID{"b", "a", "c"}},
		{"by date, undated last", []Option{Sort(ByDate)}, []incident.ID{"c", "a", "b"}},
		{"by duration", []Option{Sort(ByDuration)}, []incident.ID{"c", "b", "a"}},
		{"empty IDs", []Option{IDs()}, nil},
		{"empty IDs from a nil slice", []Option{IDs(noIDs...)}, nil},
		{"empty IDs from an empty slice", []Option{IDs([]incident.ID{}...)}, nil},
		{"empty tags", []Option{Tags([]string{}...)}, nil},
		{"empty roles", []Option{Roles()}, nil},
		{"empty severities", []Option{Severities()}, nil},
	} {
		if diff := cmp.Diff(tc.want, selectionIDs(p, tc.opts...)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestLegendSeverities checks the legend's order, by level, for any int
// level, and that it lists only what the selection uses.
func TestLegendSeverities(t *testing.T) {
	p := &incident.Portfolio{
		Severities: []incident.SeverityDef{
			{Code: "huge", Label: "Huge", Level: math.MaxInt},
			{Code: "low", Label: "Low", Level: -5},
			{Code: "mid", Label: "Mid", Level: 7},
			{Code: "unused", Label: "Unused", Level: 8},
			{Code: "mid2", Label: "Mid too", Level: 7},
		},
		Incidents: []incident.Incident{{Severity: "huge"}, {Severity: "mid2"}, {Severity: "low"}, {Severity: "mid"}},
	}
	var pg page.Page
	pg.Use(*p)
	var got []incident.Severity
	_, sevs := pg.Legend()
	for _, d := range sevs {
		got = append(got, d.Code)
	}
	want := []incident.Severity{"low", "mid", "mid2", "huge"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
}

// TestDefaultScale keeps render's copy of the default scale, which it
// walks without allocating, equal to package incident's.
func TestDefaultScale(t *testing.T) {
	if diff := cmp.Diff(incident.DefaultScale(), page.DefaultScale[:]); diff != "" {
		t.Errorf("render's default scale differs from incident.DefaultScale (-incident +render):\n%s", diff)
	}
}

// TestForeignOptions checks that a format refuses an option it cannot
// honour, or an option's value that means nothing, before writing
// anything.
func TestForeignOptions(t *testing.T) {
	p := portfolio.Page()
	for _, tt := range []struct {
		name   string
		render func(io.Writer) error
		want   string
	}{
		{"HTML", func(w io.Writer) error { return HTML(w, p, Width(40)) }, "render: HTML cannot honour the Width option"},
		{"Markdown", func(w io.Writer) error { return Markdown(w, p, Roles(), Fragment()) }, "render: Markdown cannot honour the Fragment option"},
		{"Text", func(w io.Writer) error { return Text(w, p, JSONLD()) }, "render: Text cannot honour the JSONLD option"},
		{"HTML", func(w io.Writer) error { return HTML(w, p, SiteGenerator()) }, "render: HTML cannot honour the SiteGenerator option"},
		{"Text", func(w io.Writer) error { return Text(w, p, SiteGenerator()) }, "render: Text cannot honour the SiteGenerator option"},
		{"Markdown", func(w io.Writer) error { return Markdown(w, p, Sort(Order(99))) }, "render: Markdown: Sort(99): no such order"},
		{"HTML", func(w io.Writer) error { return HTML(w, p, Sort(-1)) }, "render: HTML: Sort(-1): no such order"},
	} {
		var b bytes.Buffer
		err := tt.render(&b)
		if err == nil || err.Error() != tt.want || b.Len() != 0 {
			t.Errorf("%s: %v, %d bytes written; want %q and none", tt.name, err, b.Len(), tt.want)
		}
	}
}

// TestFigureText checks that a figure written as text shows as its text in
// every format, escaped as the format needs, and not as the 0 its number
// holds.
func TestFigureText(t *testing.T) {
	p := htmlExtra()
	in := &p.Incidents[0]
	in.Results = []incident.Figure{{Label: "rule rollout", BeforeText: "seconds", HasBefore: true, ValueText: "staged <over> hours"}}
	for _, tc := range []struct {
		name string
		fn   func(io.Writer, incident.Portfolio, ...Option) error
		want []string
	}{
		{"html", HTML, []string{`seconds <span aria-hidden="true">→</span><span class="visually-hidden">to</span> staged &lt;over&gt; hours`}},
		{"markdown", Markdown, []string{`rule rollout: seconds → staged \<over> hours`}},
		{"text", Text, []string{"rule rollout: seconds → staged <over> hours"}},
	} {
		var b bytes.Buffer
		if err := tc.fn(&b, p); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, want := range tc.want {
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: no %q in\n%s", tc.name, want, b.String())
			}
		}
		if strings.Contains(b.String(), "rule rollout: 0") {
			t.Errorf("%s: the text figure shows as 0", tc.name)
		}
	}
}

// TestActionStates checks that action items show their state only where
// done and open items are mixed, and that a list of open items says so
// in its label, in every format but JSON, which holds each state.
func TestActionStates(t *testing.T) {
	done := incident.Action{Text: "Fix it", Kind: incident.Prevent, Done: true}
	open := incident.Action{Text: "Test it", Kind: incident.Process}
	for _, tt := range []struct {
		name    string
		actions []incident.Action
		text    []string // the Text page's lines from the list's label on
		md      []string
		html    []string
	}{
		{"all done", []incident.Action{done, done},
			[]string{"  Action items:", "    Prevent: Fix it", "    Prevent: Fix it"},
			[]string{"**Action items**", "", "- Prevent: Fix it", "- Prevent: Fix it"},
			[]string{`<div><dt>Action items</dt><dd><ul class="actions">`, `<li><span class="action-kind">Prevent:</span> Fix it</li>`, `<li><span class="action-kind">Prevent:</span> Fix it</li>`}},
		{"all open", []incident.Action{open},
			[]string{"  Open action items:", "    Process: Test it"},
			[]string{"**Open action items**", "", "- Process: Test it"},
			[]string{`<div><dt>Open action items</dt><dd><ul class="actions">`, `<li><span class="action-kind">Process:</span> Test it</li>`}},
		{"mixed", []incident.Action{done, open},
			[]string{"  Action items:", "    [x] Prevent: Fix it", "    [ ] Process: Test it"},
			[]string{"**Action items**", "", "- [x] Prevent: Fix it", "- [ ] Process: Test it"},
			[]string{`<div><dt>Action items</dt><dd><ul class="actions">`, `<li><span class="action-kind">Prevent:</span> Fix it <span class="action-state">(done)</span></li>`, `<li><span class="action-kind">Process:</span> Test it <span class="action-state">(open)</span></li>`}},
	} {
		p := incident.Portfolio{Incidents: []incident.Incident{{
			ID: "a", Title: "A", Role: incident.CausedAndFixed, Severity: incident.P2,
			Situation: []string{"s"}, MyRole: []string{"m"}, Resolution: []string{"r"}, PermanentFix: []string{"f"},
			Actions: tt.actions,
		}}}
		for _, f := range []struct {
			name   string
			render func(io.Writer, incident.Portfolio, ...Option) error
			label  string
			want   []string
		}{
			{"Text", Text, "ction items:", tt.text},
			{"Markdown", Markdown, "ction items**", tt.md},
			{"HTML", HTML, "ction items</dt>", tt.html},
		} {
			var b bytes.Buffer
			if err := f.render(&b, p); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			i := strings.Index(page, f.label)
			if i < 0 {
				t.Errorf("%s, %s: no action items in\n%s", tt.name, f.name, page)
				continue
			}
			i = strings.LastIndexByte(page[:i], '\n') + 1
			got := strings.Split(page[i:], "\n")[:len(f.want)]
			if diff := cmp.Diff(f.want, got); diff != "" {
				t.Errorf("%s, %s (-want +got):\n%s", tt.name, f.name, diff)
			}
		}
	}
}
