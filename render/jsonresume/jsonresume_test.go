package jsonresume

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/internal/rendertest"
	"github.com/incident-leadership/portfolio/internal/synth"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

func jsonBundled(t testing.TB) incident.Portfolio { return jsonFixture(t, "../../portfolio.yaml") }
func jsonFull(t testing.TB) incident.Portfolio    { return jsonFixture(t, "../../testdata/full.yaml") }

// jsonHostile holds what Validate would refuse but a renderer must still
// write as encoding/json does: every control character, invalid UTF-8,
// U+2028 and U+2029, HTML specials, numbers at the edges of the
// ECMAScript number format, an unknown role and severity, missing
// sections, unsafe and odd URLs.
func jsonHostile() incident.Portfolio {
	var ctl strings.Builder
	for c := range 0x20 {
		ctl.WriteByte(byte(c))
	}
	ctl.WriteString("\x7f\u0080\u009f")
	return incident.Portfolio{
		Title:   ctl.String(),
		Tagline: "bad \xff\xfe utf-8 \xe2\x80 and a cut rune \xf0\x9f\x9a",
		Intro:   []string{"\u2028 line \u2029 paragraph", `<script>&amp;</script> "q" \ back\slash`, ""},
		Back:    incident.Link{Text: "js", Href: "javascript:alert(1)"},
		Incidents: []incident.Incident{{
			ID: "odd", Title: "🚒 e\u0301 שלום", Role: "no-such-role", Severity: "P9",
			Duration:  incident.Duration{Text: "a blink", Length: 1500 * time.Millisecond, Approximate: true},
			Situation: []string{"x"},
			When:      incident.Period{Start: incident.Date{Year: 999, Month: 1}},
			Command:   "no-such-command",
			Impact: []incident.Figure{
				{Label: "tiny", Value: 1e-7}, {Label: "edge", Value: 1e-6}, {Label: "big", Value: 1e21},
				{Label: "below", Value: 999999999999999900000}, {Label: "neg zero", Value: math.Copysign(0, -1)},
				{Label: "min", Value: 5e-324, Before: -1.5e300, HasBefore: true}, {Label: "max", Value: math.MaxFloat64},
				{Label: "third", Value: 1.0 / 3},
			},
			Actions: []incident.Action{{Text: "", Kind: "odd-kind"}},
			Timeline: []incident.Event{{
				At:   incident.Date{Year: 2023, Month: 3, Day: 14, Clock: incident.Clock{Hour: 1, Minute: 2, Second: 3, Nanosecond: 5e8, Offset: -(8*3600 + 30*60), Set: true}},
				Text: ctl.String(), Kind: "odd-kind", State: "odd-state",
			}, {At: incident.Date{Year: 2023, Month: 3}, Text: "a date alone"}},
			Links: []incident.WriteUp{
				{Title: "unsafe", URL: "javascript:alert(1)"},
				{Title: "relative", URL: "/postmortem"},
				{Title: "query", URL: "https://example.com/a?b=c&d=<e>"},
				{Title: "mailto", URL: "mailto:me@example.com"},
			},
		}, {
			ID: "empty",
		}},
		Lessons: incident.Lessons{Items: []string{"only items"}},
	}
}

// jsonPortfolios are the portfolios the writer is checked with.
func jsonPortfolios(t testing.TB) map[string]incident.Portfolio {
	return map[string]incident.Portfolio{
		"bundled":  jsonBundled(t),
		"full":     jsonFull(t),
		"hostile":  jsonHostile(),
		"timeline": jsonFixture(t, "../../testdata/timeline.yaml"),
		"empty":    {},
	}
}

// jsonOptionSets are the option sets the writer is checked with.
var jsonOptionSets = map[string][]render.Option{
	"default":     nil,
	"toplevel":    {TopLevel()},
	"projects":    {Projects()},
	"both":        {Projects(), TopLevel()},
	"nodetails":   {render.Details(false), Projects()},
	"bare":        {render.Intro(false), render.Legend(false), render.Lessons(false)},
	"filtered":    {render.Roles(incident.LedResolution), render.Sort(render.BySeverity), Projects()},
	"none":        {render.Tags("no-such-tag"), Projects()},
	"irrelevant":  {render.HeadingOffset(3), nil},
	"date-sorted": {render.Sort(render.ByDate), render.Tags("kubernetes", "postgresql")},
}

func renderJSONResume(t testing.TB, p incident.Portfolio, opts ...render.Option) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, p, opts...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONResumeGolden(t *testing.T) {
	bundled, full := jsonBundled(t), jsonFull(t)
	for _, tt := range []struct {
		name string
		p    incident.Portfolio
		opts []render.Option
	}{
		{"portfolio", bundled, nil},
		{"portfolio-toplevel", bundled, []render.Option{TopLevel()}},
		{"portfolio-projects", bundled, []render.Option{Projects()}},
		{"full", full, nil},
		{"full-projects", full, []render.Option{Projects()}},
		{"full-nodetails", full, []render.Option{Projects(), render.Details(false), render.Intro(false), render.Legend(false), render.Lessons(false)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name+".golden.json", renderJSONResume(t, tt.p, tt.opts...))
		})
	}
}

// The reference: the same document as Go values, written by encoding/json.

type jsonDoc struct {
	Schema   string         `json:"$schema"`
	Projects *[]jsonProject `json:"projects,omitempty"`
	Meta     *jsonMeta      `json:"meta,omitempty"`
	TopLevel *Extension     `json:"incidentLeadership,omitempty"`
}

type jsonMeta struct {
	Extension Extension `json:"incidentLeadership"`
}

type jsonProject struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Highlights  []string `json:"highlights"`
	Keywords    []string `json:"keywords,omitempty"`
	StartDate   string   `json:"startDate,omitempty"`
	EndDate     string   `json:"endDate,omitempty"`
	URL         string   `json:"url,omitempty"`
	Roles       []string `json:"roles,omitempty"`
	Entity      string   `json:"entity,omitempty"`
	Type        string   `json:"type"`
	IncidentID  string   `json:"incidentId"`
}

// referenceDoc builds the document Write writes, from
// referenceExtension and the documented projects entries.
func referenceDoc(p incident.Portfolio, opts ...render.Option) jsonDoc {
	c := page.NewConfig(opts)
	x := referenceExtension(p, opts...)
	doc := jsonDoc{Schema: SchemaURL}
	if c.TopLevel {
		doc.TopLevel = &x
	} else {
		doc.Meta = &jsonMeta{x}
	}
	if c.Projects {
		entries := []jsonProject{}
		sel := c.Select(&p)
		for i := range sel.Len() {
			entries = append(entries, referenceProject(&c, &p, sel.At(i)))
		}
		doc.Projects = &entries
	}
	return doc
}

func referenceProject(c *page.Config, p *incident.Portfolio, in *incident.Incident) jsonProject {
	sev := string(in.Severity)
	if d, ok := p.Severity(in.Severity); ok && d.Label != "" {
		sev += " " + d.Label
	}
	typ := sev + " incident"
	if in.Duration.Text != "" {
		typ += " · " + in.Duration.Text
	}
	e := jsonProject{
		Name:        in.Title,
		Description: strings.Join(in.Summary, " "),
		Roles:       []string{p.RoleLabel(in.Role)},
		Type:        typ,
		IncidentID:  string(in.ID),
	}
	for _, s := range rendertest.WantParts(in) {
		e.Highlights = append(e.Highlights, s.Name+": "+strings.Join(s.Paragraphs, " "))
	}
	if c.NoDetails {
		return e
	}
	for _, g := range []struct {
		name string
		figs []incident.Figure
	}{{"Impact", in.Impact}, {"Results", in.Results}} {
		var figs []string
		value := func(v float64, text, unit string) string {
			if text == "" {
				text = rendertest.EnglishNumber(v)
			}
			return text + page.UnitSpace(unit) + unit
		}
		for _, f := range g.figs {
			s := f.Label + ": "
			if f.HasBefore {
				s += value(f.Before, f.BeforeText, f.Unit) + " → "
			}
			s += value(f.Value, f.ValueText, f.Unit)
			if f.Note != "" {
				s += " (" + f.Note + ")"
			}
			figs = append(figs, s)
		}
		if figs != nil {
			e.Highlights = append(e.Highlights, g.name+": "+strings.Join(figs, "; "))
		}
	}
	e.Keywords = in.Tags
	if !in.When.IsZero() {
		// JSON Resume's dates are calendar dates: a time of day is left out.
		e.StartDate, e.EndDate = dateString(in.When.Start), dateString(in.When.End)
		if e.EndDate == "" {
			e.EndDate = e.StartDate
		}
	}
	for _, l := range in.Links {
		if u := strings.ToLower(l.URL); (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) && incident.SafeURL(l.URL) {
			e.URL = l.URL
			break
		}
	}
	if in.Command != "" {
		e.Roles = append(e.Roles, in.Command.String())
	}
	e.Entity = in.Org
	return e
}

// omitEmpty is a postmortem's part as decoding gives it back: nil when
// not given, as omitempty leaves it out.
func omitEmpty(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	return cloneStrings(ss)
}

// encodeIndented is encoding/json's output with two-space indentation.
func encodeIndented(t testing.TB, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestJSONResumeEncodingJSON checks that the streaming writer writes
// exactly what encoding/json writes for the same Go values.
func TestJSONResumeEncodingJSON(t *testing.T) {
	for pname, p := range jsonPortfolios(t) {
		for oname, opts := range jsonOptionSets {
			got := renderJSONResume(t, p, opts...)
			want := encodeIndented(t, referenceDoc(p, opts...))
			if !bytes.Equal(got, want) {
				t.Errorf("%s, %s: Write differs from encoding/json:\n%s", pname, oname, cmp.Diff(string(want), string(got)))
			}
			var b bytes.Buffer
			if err := WriteExtension(&b, p, opts...); page.NewConfig(opts).Given != 0 {
				if err == nil || b.Len() > 0 {
					t.Errorf("%s, %s: WriteExtension took the document's options: %v, %d bytes", pname, oname, err, b.Len())
				}
				continue
			} else if err != nil {
				t.Fatal(err)
			}
			want = encodeIndented(t, referenceExtension(p, opts...))
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s, %s: WriteExtension differs from encoding/json:\n%s", pname, oname, cmp.Diff(string(want), b.String()))
			}
		}
	}
}

// TestResumeExtensionRoundTrip checks that decoding the written extension
// gives back referenceExtension's value.
func TestResumeExtensionRoundTrip(t *testing.T) {
	p := jsonFull(t)
	var b bytes.Buffer
	if err := WriteExtension(&b, p); err != nil {
		t.Fatal(err)
	}
	var got Extension
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(referenceExtension(p), got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestResumeExtensionShape(t *testing.T) {
	x := referenceExtension(jsonFull(t))
	in := x.Incidents[0]
	one := 0.1
	want := Incident{
		ID:           "script-injection-outage",
		Title:        "<script>alert(1)</script> & </style> outage",
		Role:         Role{incident.CausedAndFixed, "Caused & Fixed"},
		Severity:     Severity{"SEV-1", "Critical", 1},
		Duration:     Duration{Text: "Weekend (Fri–Sun) 🚒", Length: "PT60H"},
		Summary:      []string{"A <b>bad</b> change & a *full* pool took the site down."},
		Situation:    in.Situation,
		Trigger:      []string{"A deploy at 13:42 <UTC> | no canary."},
		RootCause:    []string{"The pool was sized for 5000 connections; `max` was 50.", "# Nobody owned it."},
		Detection:    []string{"An alert: [page](javascript:alert(1)) fired after 4 minutes."},
		MyRole:       in.MyRole,
		Resolution:   in.Resolution,
		PermanentFix: in.PermanentFix,
		WentWell:     []string{"Rollback took < 5 minutes & worked."},
		WentWrong:    []string{"</section><script>alert(1)</script>"},
		GotLucky:     []string{"It was a Sunday: {{ .Title }} & %s."},
		When:         &Period{"2023-03-14", "2023-03-16"},
		Org:          `"Acme" & 'Sons' <Ltd>`,
		Tags:         []string{"kubernetes", "c++", "全角文字", "<tag>"},
		Command:      &Command{incident.IncidentCommander, "Incident Commander"},
		Impact: []Figure{
			{Label: "Queries lost", Value: 1.2e9, Unit: "queries", Note: "<b>not bold</b>"},
			{Label: "Error rate", Before: &one, Value: 38.5, Unit: "%", Note: "peak"},
		},
		Results: in.Results,
		Actions: in.Actions,
		Links:   in.Links,
	}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("first incident of full.yaml (-want +got):\n%s", diff)
	}
	if got := x.Incidents[1].When; *got != (Period{Start: "2022-07"}) {
		t.Errorf("when 2022-07: got %+v", *got)
	}
	wantLegend := &Legend{
		Label:      "Legend | Key <b>",
		Roles:      []Role{{incident.CausedAndFixed, "Caused & Fixed"}, {incident.LedResolution, "Led Resolution"}, {"on-call-responder", "On-call Responder <i>&</i>"}},
		Severities: []Severity{{"SEV-1", "Critical", 1}, {"SEV-3", "Minor `x`", 3}, {"SEV-5", "Cosmetic 🚒", 5}},
	}
	if diff := cmp.Diff(wantLegend, x.Legend); diff != "" {
		t.Errorf("legend (-want +got):\n%s", diff)
	}
}

// jsonSchemas compiles the official JSON Resume schemas copied under
// testdata.
func jsonSchemas(t testing.TB) (v1, v13 *jsonschema.Schema) {
	t.Helper()
	compile := func(path string) *jsonschema.Schema {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		url := "file:///" + path
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		s, err := c.Compile(url)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	return compile("testdata/resume-schema-1.0.1.schema.json"), compile("testdata/jsonresume-schema-1.3.1.schema.json")
}

func validateJSON(s *jsonschema.Schema, doc []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// TestJSONResumeSchemas validates the documents against both generations
// of the JSON Resume schema: the meta placement passes both, the top-level
// one only the newer.
func TestJSONResumeSchemas(t *testing.T) {
	v1, v13 := jsonSchemas(t)
	sample, err := os.ReadFile("testdata/jsonresume-sample-1.3.1.resume.json")
	if err != nil {
		t.Fatal(err)
	}
	for pname, p := range map[string]incident.Portfolio{"bundled": jsonBundled(t), "full": jsonFull(t), "timeline": jsonFixture(t, "../../testdata/timeline.yaml")} {
		for oname, opts := range jsonOptionSets {
			c := page.NewConfig(opts)
			doc := renderJSONResume(t, p, opts...)
			var merged bytes.Buffer
			if err := Merge(&merged, sample, p, opts...); err != nil {
				t.Fatal(err)
			}
			for _, d := range []struct {
				name string
				doc  []byte
			}{{"Write", doc}, {"Merge", merged.Bytes()}} {
				if err := validateJSON(v13, d.doc); err != nil {
					t.Errorf("%s, %s, %s: @jsonresume/schema 1.3.1: %v", pname, oname, d.name, err)
				}
				err := validateJSON(v1, d.doc)
				switch {
				case !c.TopLevel && err != nil:
					t.Errorf("%s, %s, %s: resume-schema 1.0.1: %v", pname, oname, d.name, err)
				case c.TopLevel && err == nil:
					t.Errorf("%s, %s, %s: resume-schema 1.0.1 accepts an unknown top-level key", pname, oname, d.name)
				}
			}
		}
	}
	// The sample itself is valid under both, so the checks above test the merge.
	for _, s := range []*jsonschema.Schema{v1, v13} {
		if err := validateJSON(s, sample); err != nil {
			t.Errorf("the sample résumé: %v", err)
		}
	}
}

func TestJSONResumeAllocs(t *testing.T) {
	race.SkipAllocs(t)
	bundled, full := jsonBundled(t), jsonFull(t)
	for _, tt := range []struct {
		name string
		p    incident.Portfolio
		opts []render.Option
		ext  bool
	}{
		{"default", bundled, nil, false},
		{"toplevel+projects", bundled, []render.Option{TopLevel(), Projects()}, false},
		{"extension", bundled, nil, true},
		{"full", full, []render.Option{Projects()}, false},
	} {
		render := func(b *bytes.Buffer) error {
			if tt.ext {
				return WriteExtension(b, tt.p, tt.opts...)
			}
			return Write(b, tt.p, tt.opts...)
		}
		var first bytes.Buffer
		if err := render(&first); err != nil {
			t.Fatal(err)
		}
		b := bytes.NewBuffer(make([]byte, 0, first.Len())) // room for the output, no more
		allocs := testing.AllocsPerRun(100, func() {
			b.Reset()
			if err := render(b); err != nil {
				t.Fatal(err)
			}
		})
		// full.yaml's links have query strings and percent escapes, which
		// take the slow path through incident.SafeURL (url.Parse).
		max := 0.0
		if tt.p.Title == full.Title {
			max = 2
		}
		t.Logf("%s: %v allocations a render", tt.name, allocs)
		if allocs > max {
			t.Errorf("%s: %v allocations a render, want at most %v", tt.name, allocs, max)
		}
	}
}

func TestJSONResumeWriterErrors(t *testing.T) {
	p := jsonFull(t)
	size := len(renderJSONResume(t, p, Projects()))
	var merged bytes.Buffer
	if err := Merge(&merged, []byte("{}"), p); err != nil {
		t.Fatal(err)
	}
	rendertest.CheckFailingWriter(t, size, func(w io.Writer) error { return Write(w, p, Projects()) })
	for n := 0; n < merged.Len(); n += 1 + n/8 {
		if err := Merge(&rendertest.FailAfter{N: n}, []byte("{}"), p); !errors.Is(err, rendertest.ErrFail) {
			t.Errorf("merge failing after %d bytes: got %v", n, err)
		}
	}
}

// TestJSONResumeSmallBuffers writes through bufio.Writers smaller than
// many of the strings and numbers written.
func TestJSONResumeSmallBuffers(t *testing.T) {
	p := jsonFull(t)
	want := renderJSONResume(t, p, Projects())
	for _, size := range []int{16, 17, 23, 31, 64, 100, 4096} {
		var b bytes.Buffer
		w := bufio.NewWriterSize(&b, size)
		if err := Write(w, p, Projects()); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("through a bufio.Writer of %d bytes:\n%s", size, cmp.Diff(string(want), b.String()))
		}
	}
	// A bytes.Buffer with no room to start with, or a little.
	for _, room := range []int{0, 1, 100} {
		b := bytes.NewBuffer(make([]byte, 0, room))
		if err := Write(b, p, Projects()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("into a bytes.Buffer with room for %d bytes:\n%s", room, cmp.Diff(string(want), b.String()))
		}
	}
}

func TestJSONResumeNotANumber(t *testing.T) {
	p := jsonBundled(t)
	p.Incidents[1].Results = []incident.Figure{{Label: "ok", Value: 1}, {Label: "inf", Value: math.Inf(1)}}
	want := `jsonresume: incident "message-queue-backlog": results[1]: not a finite number, which JSON cannot hold`
	for name, write := range map[string]func(*bytes.Buffer) error{
		"Write":          func(b *bytes.Buffer) error { return Write(b, p) },
		"WriteExtension": func(b *bytes.Buffer) error { return WriteExtension(b, p) },
		"Merge":          func(b *bytes.Buffer) error { return Merge(b, []byte(`{}`), p) },
	} {
		var b bytes.Buffer
		err := write(&b)
		if err == nil || err.Error() != want {
			t.Errorf("%s: got error %v, want %s", name, err, want)
		}
		if b.Len() > 0 {
			t.Errorf("%s wrote %d bytes before failing", name, b.Len())
		}
	}
	// Without details the figures are not written, so they do not matter.
	if err := Write(new(bytes.Buffer), p, render.Details(false)); err != nil {
		t.Errorf("render.Details(false): %v", err)
	}
	p.Incidents[1].Results[1] = incident.Figure{Label: "nan before", Value: 1, Before: math.NaN(), HasBefore: true}
	if err := Write(new(bytes.Buffer), p); err == nil {
		t.Error("a NaN before: no error")
	}
}

func TestJSONResumeConcurrent(t *testing.T) {
	p := jsonFull(t)
	want := renderJSONResume(t, p, Projects())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var b strings.Builder // not a *bytes.Buffer: goes through the pool
				if err := Write(&b, p, Projects()); err != nil {
					t.Error(err)
					return
				}
				if b.String() != string(want) {
					t.Error("concurrent render differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

// The benchmarks: the streaming writer, the encoding/json baseline (build
// the Go values, then encode them), a single Write of the same bytes, and
// a merge into the sample résumé.

// benchJSON runs write into a reused buffer, counting size bytes a run.
func benchJSON(b *testing.B, size int, write func(*bytes.Buffer) error) {
	var buf bytes.Buffer
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := write(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

// jsonSizes are the portfolios the JSON benchmarks write: the bundled
// one (seed) and 1,000 synthetic incidents (1k).
func jsonSizes(b *testing.B) []struct {
	name string
	p    incident.Portfolio
} {
	return []struct {
		name string
		p    incident.Portfolio
	}{{"seed", jsonBundled(b)}, {"1k", synth.Portfolio(1000)}}
}

func BenchmarkJSONResume(b *testing.B) {
	for _, size := range jsonSizes(b) {
		b.Run(size.name, func(b *testing.B) {
			benchJSON(b, len(renderJSONResume(b, size.p)), func(w *bytes.Buffer) error { return Write(w, size.p) })
		})
	}
}

// BenchmarkJSONResumeEncodingJSON writes the same bytes with
// encoding/json, from the types a user decodes the extension into.
func BenchmarkJSONResumeEncodingJSON(b *testing.B) {
	for _, size := range jsonSizes(b) {
		b.Run(size.name, func(b *testing.B) {
			want := renderJSONResume(b, size.p)
			encode := func(w *bytes.Buffer) error {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(referenceDoc(size.p))
			}
			var got bytes.Buffer
			if err := encode(&got); err != nil || !bytes.Equal(got.Bytes(), want) {
				b.Fatalf("encoding/json does not write Write's bytes (err %v)", err)
			}
			benchJSON(b, len(want), encode)
		})
	}
}

func BenchmarkJSONResumeWrite(b *testing.B) {
	doc := renderJSONResume(b, jsonBundled(b))
	benchJSON(b, len(doc), func(w *bytes.Buffer) error {
		_, err := w.Write(doc)
		return err
	})
}

func BenchmarkMergeResume(b *testing.B) {
	p := jsonBundled(b)
	sample, err := os.ReadFile("testdata/jsonresume-sample-1.3.1.resume.json")
	if err != nil {
		b.Fatal(err)
	}
	benchJSON(b, len(sample), func(w *bytes.Buffer) error { return Merge(w, sample, p, Projects()) })
}

// FuzzJSONString checks the string escaper against encoding/json.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text of some length", "<&>\"\\", "\u2028\u2029", "\xff\xfe", "é🚒\x00\x1f\x7f", "12345678<", "1234567\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		j := newJSONWriter(&b)
		j.string(s)
		if err := j.Finish(); err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%q: got %s, want %s", s, b.Bytes(), want)
		}
	})
}

// referenceExtension builds the value Write and WriteExtension write
// for p with the same options, as Go values, independently of the
// writer: encoding/json (an Encoder with SetIndent("", "  ")) writes it
// as WriteExtension must.
func referenceExtension(p incident.Portfolio, opts ...render.Option) Extension {
	c := page.NewConfig(opts)
	sel := c.Select(&p)
	x := Extension{
		Version:   Version,
		Title:     p.Title,
		Tagline:   p.Tagline,
		Incidents: make([]Incident, 0, sel.Len()),
	}
	if !c.NoIntro {
		x.Intro = cloneOrNil(p.Intro)
	}
	if jsonHasBack(&p) {
		x.Back = &Link{Text: p.Back.Text, Href: p.Back.Href}
	}
	if !c.NoLegend && sel.Len() > 0 {
		label := p.Legend
		if label == "" {
			label = page.LegendLabel
		}
		lg := &Legend{Label: label, Roles: []Role{}, Severities: []Severity{}}
		pg := page.Page{C: c}
		pg.Use(p)
		roles, sevs := pg.Legend()
		for _, d := range roles {
			lg.Roles = append(lg.Roles, Role{d.Key, d.Label})
		}
		for _, d := range sevs {
			lg.Severities = append(lg.Severities, Severity{d.Code, d.Label, d.Level})
		}
		x.Legend = lg
	}
	for i := range sel.Len() {
		x.Incidents = append(x.Incidents, resumeIncident(&c, &p, sel.At(i)))
	}
	if jsonHasLessons(&c, &p) {
		x.Lessons = &Lessons{File: p.Lessons.File, Heading: p.Lessons.Heading, Items: cloneStrings(p.Lessons.Items)}
	}
	return x
}

func resumeIncident(c *page.Config, p *incident.Portfolio, in *incident.Incident) Incident {
	sev, _ := p.Severity(in.Severity)
	r := Incident{
		ID:           in.ID,
		Title:        in.Title,
		Role:         Role{in.Role, p.RoleLabel(in.Role)},
		Severity:     Severity{in.Severity, sev.Label, sev.Level},
		Duration:     Duration{Text: in.Duration.Text, Approximate: in.Duration.Approximate},
		Summary:      omitEmpty(in.Summary),
		Situation:    cloneStrings(in.Situation),
		Trigger:      omitEmpty(in.Trigger),
		RootCause:    omitEmpty(in.RootCause),
		Detection:    omitEmpty(in.Detection),
		MyRole:       cloneStrings(in.MyRole),
		Resolution:   cloneStrings(in.Resolution),
		PermanentFix: cloneStrings(in.PermanentFix),
		WentWell:     omitEmpty(in.WentWell),
		WentWrong:    omitEmpty(in.WentWrong),
		GotLucky:     omitEmpty(in.GotLucky),
	}
	if in.Duration.Length > 0 {
		var buf [40]byte
		r.Duration.Length = string(page.AppendISODuration(buf[:0], in.Duration.Length))
	}
	if c.NoDetails {
		return r
	}
	if !in.When.IsZero() {
		r.When = &Period{Start: isoString(in.When.Start), End: isoString(page.PeriodEnd(in.When))}
	}
	for _, t := range []struct {
		s  *string
		to func() (time.Duration, bool)
	}{{&r.TimeToDetect, in.TimeToDetect}, {&r.TimeToMitigate, in.TimeToMitigate}, {&r.TimeToResolve, in.TimeToResolve}} {
		if d, ok := t.to(); ok && d > 0 {
			*t.s = string(page.AppendISODuration(nil, d))
		}
	}
	for _, e := range in.Timeline {
		r.Timeline = append(r.Timeline, Event{At: isoString(e.At), Text: e.Text, Kind: e.Kind, State: e.State})
	}
	r.Org = in.Org
	r.Tags = cloneOrNil(in.Tags)
	if in.Command != "" {
		r.Command = &Command{in.Command, in.Command.String()}
	}
	r.Impact = resumeFigures(in.Impact)
	r.Results = resumeFigures(in.Results)
	for _, a := range in.Actions {
		r.Actions = append(r.Actions, Action{a.Text, a.Kind, a.Done})
	}
	for _, l := range in.Links {
		if page.SafeHref(l.URL) {
			r.Links = append(r.Links, WriteUp{l.Title, l.URL, l.Kind})
		}
	}
	return r
}

func resumeFigures(figs []incident.Figure) []Figure {
	var out []Figure
	for _, f := range figs {
		rf := Figure{Label: f.Label, Value: f.Value, ValueText: f.ValueText, Unit: f.Unit, Note: f.Note}
		if f.HasBefore {
			rf.Before, rf.BeforeText = &f.Before, f.BeforeText
		}
		out = append(out, rf)
	}
	return out
}

// cloneStrings returns a copy of ss that is never nil, so an absent list
// is written as [] like the streaming writer does.
func cloneStrings(ss []string) []string { return append([]string{}, ss...) }

// cloneOrNil returns a copy of ss, or nil when ss is empty, for the lists
// left out when empty.
func cloneOrNil(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	return cloneStrings(ss)
}

func dateString(d incident.Date) string {
	var buf [16]byte
	return string(page.AppendDate(buf[:0], d))
}

// isoString is d as time.Time writes it, RFC 3339 with seconds, when it
// has a time of day, and dateString otherwise.
func isoString(d incident.Date) string {
	if t, ok := d.Time(); ok {
		return strings.Replace(t.Format(time.RFC3339Nano), "+00:00", "Z", 1)
	}
	return dateString(d)
}

func jsonHasBack(p *incident.Portfolio) bool {
	return p.Back.Text != "" && page.SafeHref(p.Back.Href)
}

func jsonHasLessons(c *page.Config, p *incident.Portfolio) bool {
	l := &p.Lessons
	return !c.NoLessons && len(l.Items) > 0
}

// TestForeignOptions checks that each function refuses an option it
// cannot honour, before writing anything.
func TestForeignOptions(t *testing.T) {
	p := portfolio.Page()
	resume := []byte("{}")
	for _, tt := range []struct {
		name  string
		write func(io.Writer) error
		want  string
	}{
		{"Write", func(w io.Writer) error { return Write(w, p, Projects(), Replace()) }, "jsonresume: Write cannot honour the Replace option"},
		{"WriteExtension", func(w io.Writer) error { return WriteExtension(w, p, TopLevel()) }, "jsonresume: WriteExtension cannot honour the TopLevel option"},
		{"Merge", func(w io.Writer) error { return Merge(w, resume, p, render.Width(40)) }, "jsonresume: Merge cannot honour the Width option"},
		{"render", func(w io.Writer) error { return render.Text(w, p, Projects()) }, "render: Text cannot honour the Projects option"},
	} {
		var b bytes.Buffer
		err := tt.write(&b)
		if err == nil || err.Error() != tt.want || b.Len() != 0 {
			t.Errorf("%s: %v, %d bytes written; want %q and none", tt.name, err, b.Len(), tt.want)
		}
	}
}

// TestFigureText checks that a figure written as text is written as its
// text, and not as the 0 its number holds.
func TestFigureText(t *testing.T) {
	p := jsonFull(t)
	in := &p.Incidents[0]
	in.Results = []incident.Figure{{Label: "rule rollout", BeforeText: "seconds", HasBefore: true, ValueText: "staged <over> hours"}}
	got := string(renderJSONResume(t, p))
	for _, want := range []string{`"valueText": "staged \u003cover\u003e hours",`, `"beforeText": "seconds"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}
