package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"
	validator "github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

const (
	jsonresumePkg    = module + "/render/jsonresume"
	resumeSchemaFile = "../../jsonresume-incidents.schema.json"
)

// TestResumeComments checks that the embedded comments are those of
// package jsonresume's types of the extension now (-update rewrites them).
func TestResumeComments(t *testing.T) {
	extension := func(key string) bool {
		return strings.HasPrefix(key, jsonresumePkg+".") && !strings.HasPrefix(key, jsonresumePkg+".MergeError")
	}
	checkComments(t, "./render/jsonresume", extension, "internal/schema/resume_comments.json", resumeComments)
}

// TestResumeCommitted checks that jsonresume-incidents.schema.json is what
// ResumeExtension makes (-update rewrites it).
func TestResumeCommitted(t *testing.T) {
	got, err := ResumeExtension()
	if err != nil {
		t.Fatal(err)
	}
	checkCommitted(t, resumeSchemaFile, got)
}

// TestResumeForm checks the schema's shape: deterministic, indented,
// draft 2020-12, every object closed and every property described.
func TestResumeForm(t *testing.T) {
	a, err := ResumeExtension()
	if err != nil {
		t.Fatal(err)
	}
	b, err := ResumeExtension()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two calls of ResumeExtension differ")
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, a, "", "  "); err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(a) || !bytes.HasSuffix(a, []byte("}\n")) {
		t.Error("the schema is not indented by two spaces with a final newline")
	}
	var s jsonschema.Schema
	if err := json.Unmarshal(a, &s); err != nil {
		t.Fatal(err)
	}
	if s.Version != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", s.Version)
	}
	var undescribed, open []string
	check := func(name string, def *jsonschema.Schema) {
		if def.Description == "" {
			undescribed = append(undescribed, name)
		}
		if def.Properties == nil {
			return
		}
		if b, err := json.Marshal(def.AdditionalProperties); err != nil || string(b) != "false" {
			open = append(open, name)
		}
		for p := def.Properties.Oldest(); p != nil; p = p.Next() {
			if p.Value.Description == "" {
				undescribed = append(undescribed, name+"."+p.Key)
			}
		}
	}
	check("root", &s)
	for name, def := range s.Definitions {
		check(name, def)
	}
	if len(undescribed) > 0 {
		t.Errorf("without a description: %v", undescribed)
	}
	if len(open) > 0 {
		t.Errorf("objects that allow other properties: %v", open)
	}
	if len(s.Definitions) < 10 {
		t.Errorf("only %d definitions", len(s.Definitions))
	}
}

func compileResume(t *testing.T) *validator.Schema {
	t.Helper()
	text, err := ResumeExtension()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := validator.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	c := validator.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///jsonresume-incidents.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("file:///jsonresume-incidents.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(s *validator.Schema, text []byte) error {
	v, err := validator.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// TestResumeValidates checks that what render writes passes the schema,
// and that the schema refuses what render never writes.
func TestResumeValidates(t *testing.T) {
	s := compileResume(t)
	var portfolios []incident.Portfolio
	for _, path := range []string{"../../portfolio.yaml", "../../testdata/full.yaml", "../../testdata/timeline.yaml"} {
		p, err := load.File(path)
		if err != nil {
			t.Fatal(err)
		}
		portfolios = append(portfolios, p)
	}
	for i, p := range portfolios {
		for _, opts := range [][]render.Option{
			nil,
			{render.Details(false), render.Intro(false), render.Legend(false), render.Lessons(false)},
			{render.Tags("no-such-tag")},
			{render.Sort(render.ByDate), render.Roles(incident.LedResolution)},
		} {
			var b bytes.Buffer
			if err := jsonresume.WriteExtension(&b, p, opts...); err != nil {
				t.Fatal(err)
			}
			if err := validate(s, b.Bytes()); err != nil {
				t.Errorf("portfolio %d, %d options: %v", i, len(opts), err)
			}
			// In a document, the same value sits under meta.
			b.Reset()
			if err := jsonresume.Write(&b, p, opts...); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Meta map[string]json.RawMessage `json:"meta"`
			}
			if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if err := validate(s, doc.Meta[jsonresume.Key]); err != nil {
				t.Errorf("portfolio %d, %d options, in a document: %v", i, len(opts), err)
			}
		}
	}

	// Each case changes one portfolio's extension, as render writes it,
	// into what render never writes.
	goods := make([]string, len(portfolios))
	for i, p := range portfolios {
		var b bytes.Buffer
		if err := jsonresume.WriteExtension(&b, p); err != nil {
			t.Fatal(err)
		}
		goods[i] = b.String()
	}
	for _, tt := range []struct {
		name     string
		p        int // in portfolios
		from, to string
	}{
		{"unknown property", 1, `"version": "1",`, `"version": "1", "extra": true,`},
		{"other version", 1, `"version": "1"`, `"version": "2"`},
		{"bad length", 1, `"length": "PT60H"`, `"length": "60h"`},
		{"empty length", 1, `"length": "PT60H"`, `"length": "PT"`},
		{"bad date", 1, `"start": "2023-03-14"`, `"start": "14/03/2023"`},
		{"bad command", 1, `"key": "incident-commander"`, `"key": "boss"`},
		{"bad id", 1, `"id": "script-injection-outage"`, `"id": "Not A Slug"`},
		{"missing title", 1, `"title": "שלום`, `"name": "שלום`},
		{"empty section", 1, `"myRole": [
        "1. Rolled back. 2. Wrote it down."
      ]`, `"myRole": []`},
		{"negative level", 1, `"level": 1`, `"level": -1`},
		{"event time without seconds", 2, `"at": "2024-02-09T18:02:00Z"`, `"at": "2024-02-09T18:02Z"`},
		{"event time without zone", 2, `"at": "2024-02-09T18:02:00Z"`, `"at": "2024-02-09T18:02:00"`},
		{"event date alone", 2, `"at": "2024-02-09T18:02:00Z"`, `"at": "2024-02-09"`},
		{"unknown state", 2, `"state": "degraded"`, `"state": "sideways"`},
		{"unknown kind", 2, `"kind": "detected"`, `"kind": "noticed"`},
		{"bad time to detect", 2, `"timeToDetect": "PT7M"`, `"timeToDetect": "7 minutes"`},
		{"period end without zone", 2, `"end": "2024-02-09T19:37:00Z"`, `"end": "2024-02-09T19:37:00"`},
	} {
		bad := strings.Replace(goods[tt.p], tt.from, tt.to, 1)
		if bad == goods[tt.p] {
			t.Errorf("%s: %q is not in the extension", tt.name, tt.from)
			continue
		}
		if err := validate(s, []byte(bad)); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
}
