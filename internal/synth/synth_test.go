package synth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
)

func TestPortfolioValid(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		p := synth.Portfolio(n)
		if err := p.Validate(); err != nil {
			t.Errorf("Portfolio(%d): %v", n, err)
		}
		if want := max(n, 1); len(p.Incidents) != want {
			t.Errorf("Portfolio(%d) has %d incidents, want %d", n, len(p.Incidents), want)
		}
	}
}

func TestPortfolioDeterministic(t *testing.T) {
	if diff := cmp.Diff(synth.Portfolio(50), synth.Portfolio(50)); diff != "" {
		t.Errorf("two calls differ (-first +second):\n%s", diff)
	}
}

// TestPortfolioMix checks that a portfolio of some size has what the
// package promises: every role and severity, details on some incidents
// only, text to escape, and seed-like lengths.
func TestPortfolioMix(t *testing.T) {
	p := synth.Portfolio(1000)
	roles := map[incident.Role]int{}
	sevs := map[incident.Severity]int{}
	details, escapes, paras, bytes := 0, 0, 0, 0
	for _, in := range p.Incidents {
		roles[in.Role]++
		sevs[in.Severity]++
		if len(in.Tags) > 0 {
			details++
		}
		if len(in.Title) < 30 || len(in.Title) > 80 {
			t.Errorf("%s: title of %d bytes", in.ID, len(in.Title))
		}
		for _, s := range in.Sections() {
			for _, para := range s.Paragraphs {
				paras++
				bytes += len(para)
				if strings.ContainsAny(para, "&<>\"*`_") {
					escapes++
				}
				if strings.Contains(para, "+") {
					t.Errorf("%s: %q holds '+'", in.ID, para)
				}
			}
		}
	}
	got := []int{len(roles), len(sevs)}
	if diff := cmp.Diff([]int{3, 4}, got); diff != "" {
		t.Errorf("distinct roles and severities (-want +got):\n%s", diff)
	}
	if details < 300 || details > 700 {
		t.Errorf("%d of 1000 incidents have details, want about half", details)
	}
	if escapes < paras/20 || escapes > paras/4 {
		t.Errorf("%d of %d paragraphs need escaping, want about one in eight", escapes, paras)
	}
	if avg := bytes / paras; avg < 250 || avg > 400 {
		t.Errorf("paragraphs average %d bytes, want about 300 as the seed's", avg)
	}
}

// TestYAMLRoundTrip checks that the loader reads YAML's output back as
// the portfolio it was made of.
func TestYAMLRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		name string
		p    incident.Portfolio
	}{
		{"synth 1", synth.Portfolio(1)},
		{"synth 200", synth.Portfolio(200)},
		{"seed", portfolio.Page()},
	} {
		data, err := synth.YAML(tt.p)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		got, err := load.Bytes(tt.name+".yaml", data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.p, got); diff != "" {
			t.Errorf("%s: loaded back (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestYAMLRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   incident.Incident
		want string
	}{
		{"before", incident.Incident{Results: []incident.Figure{{Label: "x", HasBefore: true, Value: 1}}}, `incidents[0]: figure "x" has a zero before`},
	} {
		_, err := synth.YAML(incident.Portfolio{Incidents: []incident.Incident{tt.in}})
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: got error %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestYAMLLayout(t *testing.T) {
	p := incident.Portfolio{
		Title: "T", Tagline: "<&>",
		Incidents: []incident.Incident{{ID: "a", Situation: []string{"x"}, Duration: incident.Duration{Text: "Weekend", Length: 48 * time.Hour}, Impact: []incident.Figure{{Label: "l", Value: 1.5}}}},
	}
	data, err := synth.YAML(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `# A synthetic portfolio of 1 incidents, made by internal/synth.
title: "T"
tagline: "\u003c\u0026\u003e"
incidents:
  - id: "a"
    title: ""
    role: ""
    severity: ""
    duration:
      text: "Weekend"
      length: 48h0m0s
    situation:
      - "x"
    myRole: null
    resolution: null
    permanentFix: null
    impact:
      - label: "l"
        value: 1.5
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
