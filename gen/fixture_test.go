package main

import (
	"reflect"
	"testing"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

// hostile is text that must come back byte for byte: quotes, backslashes,
// backquotes, comment closers, directives, U+2028, a bidirectional
// override, right-to-left text, emoji, a combining mark and U+FFFD.
const hostile = "`raw` \"q\" \\n */ /* //go:generate rm -rf / \u2028 \u202e evil \u05e9\u05dc\u05d5\u05dd 🔥 e\u0301 \uFFFD ${x} <b>&amp;</b>"

// full returns a valid portfolio in which every field of every type of the
// model holds a value, so a round trip through generated code covers them
// all (TestFullCoversModel checks that it does).
func full() incident.Portfolio {
	return incident.Portfolio{
		Title:   "Incident Leadership",
		Tagline: "Lessons from production: " + hostile,
		Intro:   []string{"In DevOps culture, we embrace blameless postmortems.", hostile},
		Back:    incident.Link{Text: "Back to Home", Href: "/"},
		Legend:  "Legend",
		Roles:   []incident.RoleDef{{Key: "on-call-scribe", Label: "Scribe " + hostile}},
		Severities: []incident.SeverityDef{
			{Code: "SEV-1", Label: "Critical", Level: 1},
			{Code: "SEV-2", Label: "High", Level: 2, Tier: incident.TierHigh},
		},
		Incidents: []incident.Incident{
			{
				ID:           "database-connection-pool-exhaustion",
				Title:        "Production Database Connection Pool Exhaustion",
				Role:         incident.CausedAndFixed,
				Severity:     "SEV-1",
				Duration:     incident.Duration{Text: "4 hours", Length: 4 * time.Hour},
				Situation:    []string{"Deployed a configuration change.", hostile},
				MyRole:       []string{"Identified the root cause."},
				Resolution:   []string{"Immediate rollback restored service within 30 minutes."},
				PermanentFix: []string{"Implemented connection pool monitoring."},
				When:         incident.Period{Start: incident.Date{Year: 2023, Month: time.March, Day: 14}, End: incident.Date{Year: 2023, Month: time.March, Day: 16}},
				Org:          "a publicly traded financial services company",
				Tags:         []string{"postgresql", hostile},
				Command:      incident.IncidentCommander,
				Impact:       []incident.Figure{{Label: "Queries lost", Value: 1.2e9, Unit: "queries", Note: hostile}},
				Results: []incident.Figure{
					{Label: "MTTR", Value: 1.2, Before: 4, HasBefore: true, Unit: "h", Note: "lower"},
					{Label: "Tiny", Value: 5e-324},
					{Label: "Third", Value: point3, Before: -1e300, HasBefore: true},
					{Label: "Rule rollout", BeforeText: "seconds " + hostile, ValueText: "staged over hours", HasBefore: true},
				},
				Actions:   []incident.Action{{Text: "Add alerting " + hostile, Kind: incident.Prevent, Done: true}},
				Links:     []incident.WriteUp{{Title: "Postmortem " + hostile, URL: "https://example.com/pm?a=1&b=%22", Kind: incident.Postmortem}},
				Summary:   []string{"A config change exhausted the pool.", hostile},
				Trigger:   []string{"Deploy " + hostile},
				RootCause: []string{"Pool size was static."},
				Detection: []string{"Paging alert on error rate."},
				WentWell:  []string{"Rollback was fast."},
				WentWrong: []string{"No canary."},
				GotLucky:  []string{"Low traffic " + hostile},
				Timeline: []incident.Event{
					{At: incident.Date{Year: 2023, Month: time.March, Day: 14, Clock: incident.Clock{Hour: 8, Minute: 42, Set: true}}, Text: "Deploy " + hostile, Kind: incident.Started, State: incident.Degraded},
					{At: incident.Date{Year: 2023, Month: time.March, Day: 14, Clock: incident.Clock{Hour: 15, Minute: 5, Second: 9, Nanosecond: 250_000_000, Offset: 5*3600 + 1800, Set: true}}, Text: "Paged", Kind: incident.Detected, State: incident.Down},
					{At: incident.Date{Year: 2023, Month: time.March, Day: 14, Clock: incident.Clock{Hour: 14, Set: true}}, Text: "Rolled back", Kind: incident.Mitigated, State: incident.Recovered},
				},
			},
			{
				ID:           "2023-" + hostileID,
				Title:        hostile,
				Role:         "on-call-scribe",
				Severity:     "SEV-2",
				Duration:     incident.Duration{Text: "Weekend (Fri-Sun)", Length: 90*time.Minute + 7*time.Nanosecond, Approximate: true},
				Situation:    []string{hostile},
				MyRole:       []string{hostile},
				Resolution:   []string{hostile},
				PermanentFix: []string{hostile},
				When:         incident.Period{Start: incident.Date{Year: 2024}},
			},
		},
		Lessons: incident.Lessons{File: "lessons-learned.sh", Heading: "Key takeaways", Items: []string{"Document everything in real-time", hostile}},
	}
}

const hostileID = "queue-backlog"

// point3 is 0.1 + 0.2 computed in float64, 0.30000000000000004; the
// constant expression would be exactly 0.3.
var point3 = func(a, b float64) float64 { return a + b }(0.1, 0.2)

// TestFullCoversModel checks that full sets every field of every struct
// type of the model somewhere, so that a field added to the model and
// forgotten by the generator makes the round-trip tests fail.
func TestFullCoversModel(t *testing.T) {
	set := map[string]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			for i := range v.NumField() {
				if !v.Field(i).IsZero() {
					set[v.Type().String()+"."+v.Type().Field(i).Name] = true
				}
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(full()))
	var check func(t reflect.Type, seen map[reflect.Type]bool)
	var missing []string
	check = func(typ reflect.Type, seen map[reflect.Type]bool) {
		for typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			if key := typ.String() + "." + typ.Field(i).Name; !set[key] {
				missing = append(missing, key)
			}
			check(typ.Field(i).Type, seen)
		}
	}
	check(reflect.TypeFor[incident.Portfolio](), map[reflect.Type]bool{})
	if len(missing) > 0 {
		t.Errorf("full() leaves these fields zero everywhere: %v", missing)
	}
	p := full()
	if err := p.Validate(); err != nil {
		t.Fatalf("full() is invalid: %v", err)
	}
}
