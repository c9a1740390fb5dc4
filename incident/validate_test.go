package incident_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

// valid returns a small valid portfolio with three incidents, new on each
// call.
func valid() incident.Portfolio {
	in := func(id incident.ID, sev incident.Severity) incident.Incident {
		return incident.Incident{
			ID: id, Title: "Outage " + string(id), Role: incident.CausedAndFixed, Severity: sev,
			Duration:  incident.Duration{Text: "4 hours", Length: 4 * 3600e9},
			Situation: []string{"It broke."}, MyRole: []string{"I fixed it."},
			Resolution: []string{"Rolled back."}, PermanentFix: []string{"Added a test."},
		}
	}
	return incident.Portfolio{
		Title:     "Incident Leadership",
		Tagline:   "Lessons from production.",
		Intro:     []string{"An intro."},
		Back:      incident.Link{Text: "Back to Home", Href: "/"},
		Legend:    "Legend",
		Incidents: []incident.Incident{in("first", incident.P1), in("second", incident.P2), in("third", incident.P3)},
		Lessons:   incident.Lessons{File: "lessons.sh", Heading: "Takeaways", Items: []string{"Write it down"}},
	}
}

func TestValidate(t *testing.T) {
	type fe = incident.FieldError
	tests := []struct {
		name   string
		change func(p *incident.Portfolio)
		want   []fe
	}{
		{"valid", func(p *incident.Portfolio) {}, nil},
		{"every optional field", func(p *incident.Portfolio) {
			p.Roles = []incident.RoleDef{{Key: "on-call", Label: "On call"}}
			p.Severities = []incident.SeverityDef{{Code: "SEV-1", Label: "Critical", Level: 1}, {Code: "SEV-2", Label: "Major", Level: 2}}
			for i := range p.Incidents {
				p.Incidents[i].Severity = "SEV-2"
			}
			in := &p.Incidents[0]
			in.Role = "on-call"
			in.When = incident.Period{Start: incident.Date{Year: 2023, Month: 3, Day: 14}, End: incident.Date{Year: 2023, Month: 3, Day: 16}}
			in.Org, in.Tags, in.Command = "Acme", []string{"kubernetes", "aws"}, incident.Scribe
			in.Impact = []incident.Figure{{Label: "Lost", Value: 12}}
			in.Results = []incident.Figure{{Label: "MTTR", Before: 4, Value: 1, HasBefore: true, Unit: "h"}}
			in.Actions = []incident.Action{{Text: "Alert", Kind: incident.Prevent, Done: true}}
			in.Links = []incident.WriteUp{{Title: "Postmortem", URL: "https://example.com/pm", Kind: incident.Postmortem}}
			p.Back.Href = "mailto:me@example.com"
		}, nil},
		{"unknown severity", func(p *incident.Portfolio) { p.Incidents[2].Severity = "P9" },
			[]fe{{"incidents[2].severity", `unknown severity "P9"; want one of P1, P2, P3, P4`}}},
		{"severity by its label or in the wrong case", func(p *incident.Portfolio) {
			p.Incidents[0].Severity, p.Incidents[1].Severity = "critical", "p2"
		}, []fe{
			{"incidents[0].severity", `unknown severity "critical"; want one of P1, P2, P3, P4; did you mean "P1" (Critical)?`},
			{"incidents[1].severity", `unknown severity "p2"; want one of P1, P2, P3, P4; did you mean "P2" (High)?`},
		}},
		{"role by its label", func(p *incident.Portfolio) { p.Incidents[0].Role = "Led Resolution" },
			[]fe{{"incidents[0].role", `unknown role "Led Resolution"; want one of caused-and-fixed, led-resolution; did you mean "led-resolution"?`}}},
		{"bare domain", func(p *incident.Portfolio) { p.Back.Href = "example.org/about" },
			[]fe{{"back.href", `bad URL "example.org/about": no scheme; write "https://example.org/about"`}}},
		{"host name without scheme", func(p *incident.Portfolio) {
			p.Back = incident.Link{Text: "Home", Href: "www.example.com/home"}
			p.Incidents[0].Links = []incident.WriteUp{{Title: "PM", URL: "example.com/pm", Kind: incident.Postmortem}}
		}, []fe{
			{"back.href", `bad URL "www.example.com/home": no scheme; write "https://www.example.com/home"`},
			{"incidents[0].links[0].url", `bad URL "example.com/pm": no scheme; write "https://example.com/pm"`},
		}},
		{"severity off the declared scale", func(p *incident.Portfolio) {
			p.Severities = []incident.SeverityDef{{Code: "SEV-1", Label: "Critical", Level: 1}}
			p.Incidents = p.Incidents[:1]
		}, []fe{{"incidents[0].severity", `unknown severity "P1"; want one of SEV-1`}}},
		{"missing text", func(p *incident.Portfolio) { p.Title, p.Tagline = "", " \t" },
			[]fe{{"title", "missing text"}, {"tagline", "blank text"}}},
		{"invisible text", func(p *incident.Portfolio) {
			p.Title, p.Tagline, p.Incidents[0].Title = "\u202e\u2066", " \u200b ", "\u202eA"
			p.Incidents[0].Tags = []string{"\ufeff", "\u06dd", "\u3164\u2800"}
		}, []fe{
			{"title", "blank text: only white space and invisible characters such as U+202E"},
			{"tagline", "blank text: only white space and invisible characters such as U+200B"},
			{"incidents[0].tags[0]", "blank text: only white space and invisible characters such as U+FEFF"},
			{"incidents[0].tags[2]", "blank text: only white space and invisible characters such as U+3164"},
		}},
		{"line break", func(p *incident.Portfolio) { p.Intro = []string{"one\ntwo"} },
			[]fe{{"intro[0]", "line break at byte 3: one paragraph is one line; start a new list item for a new paragraph"}}},
		{"control characters", func(p *incident.Portfolio) { p.Legend, p.Title = "\x1b[31m", "a\u0085b" },
			[]fe{{"title", "control character U+0085 at byte 1"}, {"legend", "control character U+001B at byte 0"}}},
		{"invalid UTF-8", func(p *incident.Portfolio) { p.Title = "ok\xff" },
			[]fe{{"title", "invalid UTF-8 at byte 2"}}},
		{"replacement character is text", func(p *incident.Portfolio) { p.Title = "ok\uFFFD" }, nil},
		{"back link", func(p *incident.Portfolio) { p.Back = incident.Link{Text: "Home"} },
			[]fe{{"back.href", "missing URL"}}},
		{"back link scheme", func(p *incident.Portfolio) { p.Back.Href = "javascript:alert(1)" },
			[]fe{{"back.href", `bad URL "javascript:alert(1)": scheme "javascript" not allowed; want http, https, mailto or a relative URL`}}},
		{"scheme-relative back link", func(p *incident.Portfolio) { p.Back.Href = "//evil.example" },
			[]fe{{"back.href", `bad URL "//evil.example": a scheme-relative URL; write http:// or https://`}}},
		{"URL without host", func(p *incident.Portfolio) { p.Back.Href = "https:///x" },
			[]fe{{"back.href", `bad URL "https:///x": no host`}}},
		{"URL with a space", func(p *incident.Portfolio) { p.Back.Href = "/a b" },
			[]fe{{"back.href", `bad URL "/a b": spaces and backslashes must be percent-encoded`}}},
		{"roles", func(p *incident.Portfolio) {
			p.Roles = []incident.RoleDef{{Key: "Bad Key", Label: "X"}, {Key: "caused-and-fixed", Label: "Again"}, {Key: "ok", Label: ""}, {Key: "ok", Label: "Twice"}}
			p.Incidents[0].Role = "k"
		}, []fe{
			{"roles[0].key", `malformed role key "Bad Key": want lower-case words joined by hyphens`},
			{"roles[1].key", `role "caused-and-fixed" is built in: leave it out of roles`},
			{"roles[2].label", "missing text"},
			{"roles[3].key", `duplicate role "ok"`},
			{"incidents[0].role", `unknown role "k"; want one of caused-and-fixed, led-resolution, Bad Key, ok`},
		}},
		{"severities", func(p *incident.Portfolio) {
			p.Severities = []incident.SeverityDef{{Code: "P 1", Label: "X"}, {Code: "P2", Label: "Y"}, {Code: "P2", Label: "", Level: -1}}
			p.Incidents = p.Incidents[1:2]
		}, []fe{
			{"severities[0].code", `malformed severity code "P 1": want letters, digits, '-', '_' or '.'`},
			{"severities[2].code", `duplicate severity "P2"`},
			{"severities[2].label", "missing text"},
			{"severities[2].level", "negative level -1"},
		}},
		{"no incidents", func(p *incident.Portfolio) { p.Incidents = nil },
			[]fe{{"incidents", "no incidents: a portfolio needs at least one"}}},
		{"ids", func(p *incident.Portfolio) {
			p.Incidents[0].ID, p.Incidents[1].ID, p.Incidents[2].ID = "", "Bad_ID", "third"
			p.Incidents = append(p.Incidents, p.Incidents[2])
		}, []fe{
			{"incidents[0].id", "missing id"},
			{"incidents[1].id", `malformed id "Bad_ID": want lower-case letters and digits in words joined by single hyphens, at most 64 bytes; try "bad-id"`},
			{"incidents[3].id", `duplicate id "third": incidents[2] has it too`},
		}},
		{"role, severity, duration", func(p *incident.Portfolio) {
			in := &p.Incidents[0]
			in.Role, in.Severity, in.Duration = "", "", incident.Duration{}
			p.Incidents[1].Role = "scapegoat"
			p.Incidents[2].Duration.Length = -1
		}, []fe{
			{"incidents[0].role", "missing role"},
			{"incidents[0].severity", "missing severity"},
			{"incidents[0].duration", "missing text"},
			{"incidents[1].role", `unknown role "scapegoat"; want one of caused-and-fixed, led-resolution`},
			{"incidents[2].duration", "negative length"},
		}},
		{"sections", func(p *incident.Portfolio) {
			p.Incidents[0].Situation = nil
			p.Incidents[0].PermanentFix = []string{"ok", ""}
		}, []fe{
			{"incidents[0].situation", "empty: want at least one paragraph"},
			{"incidents[0].permanentFix[1]", "missing text"},
		}},
		{"periods", func(p *incident.Portfolio) {
			p.Incidents[0].When = incident.Period{End: incident.Date{Year: 2023}}
			p.Incidents[1].When = incident.Period{Start: incident.Date{Year: 2023, Month: 2, Day: 30}}
		}, []fe{
			{"incidents[0].when", "an end without a start"},
			{"incidents[1].when", `malformed period "2023-02-30"`},
		}},
		{"tags and command", func(p *incident.Portfolio) {
			p.Incidents[0].Tags = []string{"k8s", " ", "k8s"}
			p.Incidents[0].Command = "boss"
		}, []fe{
			{"incidents[0].tags[1]", "blank text"},
			{"incidents[0].tags[2]", `duplicate tag "k8s"`},
			{"incidents[0].command", `unknown command role "boss"; want one of incident-commander, deputy-commander, communications-lead, operations-lead, scribe, subject-matter-expert, responder`},
		}},
		{"figures", func(p *incident.Portfolio) {
			p.Incidents[0].Impact = []incident.Figure{{Label: "", Value: math.NaN()}, {Label: "x", Before: math.Inf(-1), HasBefore: true}}
			p.Incidents[0].Results = []incident.Figure{{Label: "x", Unit: "\n"}}
		}, []fe{
			{"incidents[0].impact[0].label", "missing text"},
			{"incidents[0].impact[0].value", "NaN is not a finite number"},
			{"incidents[0].impact[1].before", "-Inf is not a finite number"},
			{"incidents[0].results[0].unit", "line break at byte 0: one paragraph is one line; start a new list item for a new paragraph"},
		}},
		{"actions and links", func(p *incident.Portfolio) {
			p.Incidents[1].Actions = []incident.Action{{Text: "", Kind: "maybe"}}
			p.Incidents[1].Links = []incident.WriteUp{
				{Title: "", URL: "/relative", Kind: "blog"},
				{Title: "x", URL: "mailto:me@example.com", Kind: incident.Talk},
				{Title: "y", URL: "ftp://example.com", Kind: incident.Article},
			}
		}, []fe{
			{"incidents[1].actions[0].text", "missing text"},
			{"incidents[1].actions[0].kind", `unknown action kind "maybe"; want one of mitigate, prevent, process`},
			{"incidents[1].links[0].title", "missing text"},
			{"incidents[1].links[0].url", `bad URL "/relative": want an absolute http or https URL`},
			{"incidents[1].links[0].kind", `unknown link kind "blog"; want one of postmortem, status-page, talk, article`},
			{"incidents[1].links[1].url", `bad URL "mailto:me@example.com": want an http or https URL`},
			{"incidents[1].links[2].url", `bad URL "ftp://example.com": scheme "ftp" not allowed; want http or https`},
		}},
		{"lessons without items", func(p *incident.Portfolio) { p.Lessons.Items = nil },
			[]fe{{"lessons.items", "empty: want at least one paragraph"}}},
		{"no lessons", func(p *incident.Portfolio) { p.Lessons = incident.Lessons{} }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := valid()
			tc.change(&p)
			err := p.Validate()
			var got []fe
			if err != nil {
				var es incident.Errors
				if !errors.As(err, &es) {
					t.Fatalf("%T is not incident.Errors", err)
				}
				for _, e := range es {
					got = append(got, *e)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorsText(t *testing.T) {
	p := valid()
	p.Title = ""
	p.Incidents[2].Severity = "P9"
	err := p.Validate()
	want := "title: missing text\nincidents[2].severity: unknown severity \"P9\"; want one of P1, P2, P3, P4"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	var fe *incident.FieldError
	if !errors.As(err, &fe) || fe.Path != "title" {
		t.Errorf("errors.As found %v, want the title's error", fe)
	}
}

func TestSafeURL(t *testing.T) {
	for url, want := range map[string]bool{
		"https://example.com/x":             true,
		"HTTP://example.com":                true,
		"mailto:me@example.com":             true,
		"/relative?a=1#b":                   true,
		"relative/path":                     true,
		"#frag":                             true,
		"javascript:alert(1)":               false,
		"JavaScript:alert(1)":               false,
		"data:text/html,<b>":                false,
		"vbscript:x":                        false,
		"//evil.example":                    false,
		"https://":                          false,
		"/a b":                              false,
		`\\evil`:                            false,
		"/x\n":                              false,
		"java\x00script:alert()":            false,
		"https://example.com/\u202egnp.exe": false,
		"https://example.com/a\u200bb":      false,
		"https://example.com/a\u00a0b":      false,
		"https://例え.jp/パス?q=é":              true,
		"https://\"":                        false,
		"https://a<b>.example/":             false,
		"https://[::1]:8080/x":              true,
		"http://127.0.0.1/":                 true,
		"https://%E4%BE%8B.jp/":             true,
		"example.org":                       false, // a host, not a file: the link would be broken
		"Example.COM/about?x=1":             false,
		"blog.example.dev#post":             false,
		"index.html":                        true,
		"docs/runbook.md":                   true,
		"report.v2.pdf?dl=1":                true,
		"logo.ai":                           true, // an Illustrator file, not a host
		"cv.de":                             true,
		"example.de/about":                  false,
		"shop.co.uk/about":                  false,
		"example.ai/x":                      false,
		"notes.v2.txt":                      true,
	} {
		if got := incident.SafeURL(url); got != want {
			t.Errorf("SafeURL(%q) = %v, want %v", url, got, want)
		}
	}
}

func TestCheckText(t *testing.T) {
	for s, want := range map[string]string{
		"":                      "",
		"plain — 全角 🚒 שלום":     "",
		"e\u0301 \u200d \u2028": "",
		"tab\there":             "tab at byte 3: use spaces",
		"cr\r":                  "line break at byte 2: one paragraph is one line; start a new list item for a new paragraph",
		"del\x7f":               "control character U+007F at byte 3",
		"\xc3":                  "invalid UTF-8 at byte 0",
	} {
		got := ""
		if err := incident.CheckText(s); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("CheckText(%q) = %q, want %q", s, got, want)
		}
	}
}
