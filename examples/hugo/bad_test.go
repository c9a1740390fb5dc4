package hugosite

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/render"
)

// badBase is a valid content file; each case of TestBadData spoils it.
const badBase = `title: T
tagline: A tagline.
incidents:
  - id: first
    title: First
    role: led-resolution
    severity: P1
    duration: 4h
    situation: [S]
    myRole: [M]
    resolution: [R]
    permanentFix: [F]
    org: O
    impact:
      - {label: L, value: 1}
    actions:
      - {text: A, kind: prevent, done: true}
    links:
      - {title: W, url: "https://example.com/", kind: talk}
`

// TestBadData builds the site on content files the loader refuses: each
// build must fail, naming the field, on every Hugo.
func TestBadData(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown key", "    severity: P1\n", "    severty: P1\n", "incidents[0].severty: unknown field"},
		{"misplaced key", "    org: O\n", "    org: O\n    unit: h\n", "incidents[0].unit: unknown field"},
		{"missing key", "    title: First\n", "", "incidents[0].title: missing"},
		{"boolean tag", "    org: O\n", "    org: O\n    tags: [true]\n", "incidents[0].tags[0]: want text"},
		{"number title", "title: T\n", "title: 123\n", "title: want text"},
		{"unknown role", "role: led-resolution", "role: bystander", `incidents[0].role: unknown role "bystander"`},
		{"unknown severity", "severity: P1", "severity: P9", `incidents[0].severity: unknown severity "P9"`},
		{"C0 control", "org: O", `org: "a\u0007b"`, "incidents[0].org: control character"},
		{"C1 control", "org: O", `org: "a\u0085b"`, "incidents[0].org: control character"},
		{"DEL", "org: O", `org: "a\u007fb"`, "incidents[0].org: control character"},
		{"tab", "org: O", `org: "a\tb"`, "incidents[0].org: control character"},
		{"line break inside", "situation: [S]", `situation: ["a\nb"]`, "incidents[0].situation[0]: control character"},
		{"malformed date", "    org: O\n", "    org: O\n    when: 2023-3\n", "incidents[0].when: malformed date"},
		{"month 13", "    org: O\n", "    org: O\n    when: 2023-13\n", "incidents[0].when: date \"2023-13\": month out of range"},
		{"no such day", "    org: O\n", "    org: O\n    when: 2023-02-29\n", "incidents[0].when: date \"2023-02-29\": no such day"},
		{"year 1899", "    org: O\n", "    org: O\n    when: 1899\n", "incidents[0].when: date \"1899\": year out of range"},
		{"backwards range", "    org: O\n", "    org: O\n    when: 2023-03-16/2023-03\n", "incidents[0].when: period \"2023-03-16/2023-03\" ends before it starts"},
		{"malformed duration", "duration: 4h", "duration: 4x", "incidents[0].duration: malformed duration"},
		{"malformed length", "duration: 4h", "duration: {text: x, length: 4x}", "incidents[0].duration.length: malformed duration"},
		{"quoted number value", "value: 1", `value: "12"`, "incidents[0].impact[0].value: want a number"},
		{"string done", "done: true", `done: "yes"`, "incidents[0].actions[0].done: want true or false"},
		{"empty section", "situation: [S]", "situation: []", "incidents[0].situation: empty section"},
		{"javascript link", `url: "https://example.com/"`, `url: "javascript:alert(1)"`, "incidents[0].links[0].url: want an http or https URL"},
		{"unknown link kind", "kind: talk", "kind: podcast", `incidents[0].links[0].kind: unknown link kind "podcast"`},
		// Issue 16's content format.
		{"unknown tier", "title: T\n", "title: T\nseverities:\n  - {code: P1, label: Critical, level: 1, tier: purple}\n", `severities[0].tier: unknown colour tier "purple"`},
		{"unknown event kind", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-03-14T13:42Z, text: x, kind: noticed}\n", `incidents[0].timeline[0].kind: unknown event kind "noticed"`},
		{"unknown event state", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-03-14T13:42Z, text: x, state: sideways}\n", `incidents[0].timeline[0].state: unknown service state "sideways"`},
		{"date-only event", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-03-14, text: x}\n", `incidents[0].timeline[0].at: malformed time "2023-03-14"`},
		{"event without zone", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-03-14T13:42, text: x}\n", `incidents[0].timeline[0].at: malformed time`},
		{"event out of order", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-03-14T13:42Z, text: x}\n      - {at: \"2023-03-14T14:00+01:00\", text: y}\n", `incidents[0].timeline[1].at: 2023-03-14T14:00+01:00 is earlier than the event above it`},
		{"event no such day", "    org: O\n", "    org: O\n    timeline:\n      - {at: 2023-02-30T13:42Z, text: x}\n", `incidents[0].timeline[0].at: date "2023-02-30T13:42Z": no such day`},
		{"event before when", "    org: O\n", "    org: O\n    when: 2023-03-14\n    timeline:\n      - {at: 2023-03-13T23:42Z, text: x}\n", `incidents[0].timeline[0].at: 2023-03-13T23:42Z is before the incident's when, 2023-03-14`},
		{"event after timed when", "    org: O\n", "    org: O\n    when: 2023-03-14T10:00Z/2023-03-14T12:00Z\n    timeline:\n      - {at: \"2023-03-14T14:00+01:00\", text: x}\n", `incidents[0].timeline[0].at: 2023-03-14T14:00+01:00 is after the incident's when`},
		{"event after month", "    org: O\n", "    org: O\n    when: 2023-03\n    timeline:\n      - {at: 2023-04-01T00:10Z, text: x}\n", `incidents[0].timeline[0].at: 2023-04-01T00:10Z is after the incident's when, 2023-03`},
		{"duration without unit", "duration: 4h", "duration: 2h 15", `incidents[0].duration: malformed duration "2h 15"`},
		{"misspelt unit", "duration: 4h", "duration: 90 minuets", `incidents[0].duration: malformed duration "90 minuets"`},
		{"approximate misspelt", "duration: 4h", "duration: about 6 hourz", `incidents[0].duration: malformed duration "about 6 hourz"`},
		{"zero length", "duration: 4h", "duration: ~0h", `incidents[0].duration: malformed duration "~0h"`},
		{"approximate length", "duration: 4h", "duration: {text: x, length: about 4h}", "incidents[0].duration.length: malformed duration"},
		{"figure text starting with a number", "value: 1", "value: 3 of 5 regions", `incidents[0].impact[0].value: want a number, or a text`},
		{"empty figure text", "value: 1", `value: ""`, `incidents[0].impact[0].value: want a number, or a text`},
		{"when without zone", "    org: O\n", "    org: O\n    when: 2023-03-14T13:42\n", "incidents[0].when: malformed date"},
		{"when no such time", "    org: O\n", "    org: O\n    when: 2023-03-14T24:10Z\n", `incidents[0].when: time "2023-03-14T24:10Z": no such time of day`},
		{"when one end timed", "    org: O\n", "    org: O\n    when: 2023-03-14/2023-03-14T13:42Z\n", "incidents[0].when: period \"2023-03-14/2023-03-14T13:42Z\": one end has a time of day"},
		{"when timed backwards", "    org: O\n", "    org: O\n    when: 2023-03-14T13:42Z/2023-03-14T14:00+01:00\n", "ends before it starts"},
		{"list not mapping", "  - id: first\n", "  - 7\n  - id: first\n", "incidents[0]: want a mapping of Incident"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(badBase, tc.old) {
				t.Fatalf("the base has no %q", tc.old)
			}
			data := strings.Replace(badBase, tc.old, tc.new, 1)
			if _, err := load.Bytes("portfolio.yaml", []byte(data)); err == nil {
				t.Fatalf("the loader accepts the file; the case proves nothing:\n%s", data)
			}
			file := filepath.Join(t.TempDir(), "portfolio.yaml")
			if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, hugo := range hugos(t) {
				_, stderr, err := build(t, hugo, file)
				if err == nil {
					t.Errorf("%s: the build succeeded", version(t, hugo))
				}
				if !strings.Contains(stderr, tc.want) {
					t.Errorf("%s: stderr lacks %q:\n%s", version(t, hugo), tc.want, stderr)
				}
			}
		})
	}
	t.Run("no data file", func(t *testing.T) {
		for _, hugo := range hugos(t) {
			_, stderr, err := build(t, hugo, "")
			if err == nil {
				t.Errorf("%s: the build succeeded", version(t, hugo))
			}
			if want := "data/portfolio.yaml"; !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", version(t, hugo), want, stderr)
			}
		}
	})
}

// TestBadParams builds a page whose shortcode has a parameter the module
// refuses: each build must fail, naming the parameter and its value, on
// every Hugo. A lang is refused where render.Lang refuses it.
func TestBadParams(t *testing.T) {
	tag36 := "en-" + strings.Repeat("a1b2c3d4", 4) + "x"
	for _, tc := range []struct{ name, params, want string }{
		{"lang with a space", `lang="not a tag"`, `incident-portfolio: lang "not a tag": want a BCP 47 language tag such as de or pt-BR`},
		{"lang with an underscore", `lang="pt_BR"`, `incident-portfolio: lang "pt_BR": want a BCP 47 language tag`},
		{"lang with a leading hyphen", `lang="-de"`, `incident-portfolio: lang "-de": want a BCP 47 language tag`},
		{"lang with a trailing hyphen", `lang="de-"`, `incident-portfolio: lang "de-": want a BCP 47 language tag`},
		{"lang of 36 bytes", `lang="` + tag36 + `"`, `incident-portfolio: lang "` + tag36 + `": want a BCP 47 language tag`},
		{"lang not ASCII", `lang="dé"`, `incident-portfolio: lang "dé": want a BCP 47 language tag`},
		{"theme", `theme="blue"`, `incident-portfolio: theme "blue": want light or dark`},
		{"order", `order="random"`, `incident-portfolio: order "random": want severity, date or duration`},
		{"headingOffset", `headingOffset=6`, `incident-portfolio: headingOffset 6: want 0 to 5`},
		{"intro", `intro="no"`, `incident-portfolio: intro "no": want true or false`},
		{"legend", `legend="flase"`, `incident-portfolio: legend "flase": want true or false`},
		{"lessons", `lessons="0"`, `incident-portfolio: lessons "0": want true or false`},
		{"details", `details="False"`, `incident-portfolio: details "False": want true or false`},
		{"jsonld", `jsonld="yes"`, `incident-portfolio: jsonld "yes": want true or false`},
		{"jsonld as a bare boolean", `jsonld=1`, `incident-portfolio: jsonld "1": want true or false`},
		// Given but empty is a value too, not the default.
		{"intro empty", `intro=""`, `incident-portfolio: intro "": want true or false`},
		{"jsonld empty", `jsonld=""`, `incident-portfolio: jsonld "": want true or false`},
		{"headingOffset not a number", `headingOffset="abc"`, `incident-portfolio: headingOffset "abc": want 0 to 5`},
		{"headingOffset negative", `headingOffset="-1"`, `incident-portfolio: headingOffset "-1": want 0 to 5`},
		{"headingOffset empty", `headingOffset=""`, `incident-portfolio: headingOffset "": want 0 to 5`},
		{"headingOffset 99", `headingOffset="99"`, `incident-portfolio: headingOffset 99: want 0 to 5`},
		// An ID the data lacks, as render.IDs refuses it: every such ID, once.
		{"ids typo", `ids="typo"`, `incident-portfolio: ids: no incident "typo" in data/portfolio`},
		{"ids typos among known", `ids="b, database-connection-pool-exhaustion,a,b"`, `incident-portfolio: ids: no incidents "b", "a" in data/portfolio`},
		// A role the data does not know, a severity off its scale, as
		// render.Roles and render.Severities refuse them: every such value,
		// once, and the known ones.
		{"roles typo", `roles="lead-resolution"`, `incident-portfolio: roles: no role "lead-resolution" in data/portfolio: want caused-and-fixed, led-resolution`},
		{"roles typos among known", `roles="b, led-resolution,a,b"`, `incident-portfolio: roles: no roles "b", "a" in data/portfolio: want caused-and-fixed, led-resolution`},
		{"roles label", `roles="Led Resolution"`, `incident-portfolio: roles: no role "Led Resolution" in data/portfolio: want caused-and-fixed, led-resolution`},
		{"severities off the scale", `severities="P9"`, `incident-portfolio: severities: no severity "P9" in data/portfolio's scale: want P1, P2, P3, P4`},
		{"severities in another case, among known", `severities="p1,P2,SEV-1,p1"`, `incident-portfolio: severities: no severities "p1", "SEV-1" in data/portfolio's scale: want P1, P2, P3, P4`},
		// A list given but empty: a mistake, not a wish to keep none.
		{"roles empty", `roles=""`, `incident-portfolio: roles "": want a comma-separated list of roles (leave roles out to keep every incident)`},
		{"severities blank", `severities=" "`, `incident-portfolio: severities " ": want a comma-separated list of severities`},
		{"tags commas", `tags=" , ,"`, `incident-portfolio: tags " , ,": want a comma-separated list of tags`},
		{"ids empty", `ids=""`, `incident-portfolio: ids "": want a comma-separated list of incident IDs (leave ids out to keep every incident)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if lang, ok := strings.CutPrefix(tc.params, `lang="`); ok {
				if err := render.HTML(io.Discard, incident.Portfolio{}, render.Lang(strings.TrimSuffix(lang, `"`))); err == nil {
					t.Fatalf("render.Lang takes %s; the module must too", tc.params)
				}
			}
			// A list render refuses too, by the option of the same name.
			for name, option := range map[string]func([]string) render.Option{
				"ids":        func(v []string) render.Option { return render.IDs(as[incident.ID](v)...) },
				"roles":      func(v []string) render.Option { return render.Roles(as[incident.Role](v)...) },
				"severities": func(v []string) render.Option { return render.Severities(as[incident.Severity](v)...) },
			} {
				list, ok := strings.CutPrefix(tc.params, name+`="`)
				if !ok || strings.Trim(list, `" ,`) == "" {
					continue
				}
				p, err := load.File("data/portfolio.yaml")
				if err != nil {
					t.Fatal(err)
				}
				var v []string
				for s := range strings.SplitSeq(strings.TrimSuffix(list, `"`), ",") {
					v = append(v, strings.TrimSpace(s))
				}
				if err := render.HTML(io.Discard, p, option(v)); err == nil {
					t.Fatalf("render takes %s; the module must too", tc.params)
				}
			}
			page := [2]string{"bad.md", "---\ntitle: bad\n---\n{{< incidents " + tc.params + " >}}\n"}
			for _, hugo := range hugos(t) {
				_, out, err := build(t, hugo, "data/portfolio.yaml", page)
				if err == nil {
					t.Errorf("%s: the build succeeded", version(t, hugo))
				}
				// Each error names where the shortcode stands: the page's
				// fourth line, first column.
				if want := filepath.Join("content", "bad.md") + ":4:1: " + tc.want; !strings.Contains(out, want) {
					t.Errorf("%s: the output lacks %q:\n%s", version(t, hugo), want, out)
				}
			}
		})
	}
}

// as converts strings to another string type.
func as[T ~string](s []string) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = T(v)
	}
	return out
}

// TestBadIncidentID builds a page drawn by incident.html (the layout of
// the /incidents/<id>/ pages) with an ID the data lacks: the build must
// fail, naming the ID, on every Hugo, where it wrote nothing before.
func TestBadIncidentID(t *testing.T) {
	page := [2]string{"typo.md", "---\ntitle: typo\ntype: incidents\nincident: typo\n---\n"}
	const want = `incident-portfolio: incident "typo": no such incident in data/portfolio`
	for _, hugo := range hugos(t) {
		_, out, err := build(t, hugo, "data/portfolio.yaml", page)
		if err == nil {
			t.Errorf("%s: the build succeeded", version(t, hugo))
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s: the output lacks %q:\n%s", version(t, hugo), want, out)
		}
	}
}
