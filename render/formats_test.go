package render_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

// formats are the functions that render a portfolio, each as a render;
// all take Lang and IDs.
var formats = []struct {
	name   string
	render func(io.Writer, incident.Portfolio, ...render.Option) error
}{
	{"render: HTML", render.HTML},
	{"render: Markdown", render.Markdown},
	{"render: Text", render.Text},
	{"jsonresume: Write", jsonresume.Write},
	{"jsonresume: WriteExtension", jsonresume.WriteExtension},
	{"jsonresume: Merge", func(w io.Writer, p incident.Portfolio, opts ...render.Option) error {
		return jsonresume.Merge(w, []byte(`{"basics": {"name": "N"}}`), p, opts...)
	}},
}

// TestLangTag checks which values Lang takes: every format that takes
// Lang renders with a tag, and refuses a value that is not one, naming
// it, before writing anything.
func TestLangTag(t *testing.T) {
	p := portfolio.Page()
	tag35 := "en-" + strings.Repeat("a1b2c3d4", 4)
	type result struct {
		Err     string
		Written bool
	}
	bad := func(fn, quoted string) result {
		return result{Err: fn + ": Lang(" + quoted + `): not a language tag: want a BCP 47 tag such as "de" or "pt-BR"`}
	}
	for _, f := range formats {
		for _, tc := range []struct {
			tag  string
			want result
		}{
			{"", result{Written: true}},
			{"de", result{Written: true}},
			{"pt-BR", result{Written: true}},
			{"FR-ca", result{Written: true}},
			{"zh-Hant-TW", result{Written: true}},
			{tag35, result{Written: true}},
			{"not a tag", bad(f.name, `"not a tag"`)},
			{"pt_BR", bad(f.name, `"pt_BR"`)},
			{"-de", bad(f.name, `"-de"`)},
			{"de-", bad(f.name, `"de-"`)},
			{"-", bad(f.name, `"-"`)},
			{tag35 + "x", bad(f.name, `"`+tag35+`x"`)},
			{"dé", bad(f.name, `"dé"`)},
			{`en" onload="x`, bad(f.name, `"en\" onload=\"x"`)},
			{"de\n", bad(f.name, `"de\n"`)},
		} {
			var b bytes.Buffer
			var got result
			if err := f.render(&b, p, render.Lang(tc.tag)); err != nil {
				got.Err = err.Error()
			}
			got.Written = b.Len() > 0
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s with Lang(%q) (-want +got):\n%s", f.name, tc.tag, diff)
			}
		}
	}
}

// TestLangEmpty checks that Lang("") is the default, also after another
// Lang (the last wins), and that a bad Lang is refused whatever follows
// it; of two bad options, the first is reported.
func TestLangEmpty(t *testing.T) {
	p := portfolio.Page()
	for _, f := range formats {
		var none, empty, reset, de bytes.Buffer
		for _, r := range []struct {
			b    *bytes.Buffer
			opts []render.Option
		}{{&none, nil}, {&empty, []render.Option{render.Lang("")}},
			{&reset, []render.Option{render.Lang("de"), render.Lang("")}}, {&de, []render.Option{render.Lang("de")}}} {
			if err := f.render(r.b, p, r.opts...); err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
		}
		if diff := cmp.Diff(none.String(), empty.String()); diff != "" {
			t.Errorf("%s: Lang(\"\") differs from no Lang (-none +Lang(\"\")):\n%s", f.name, diff)
		}
		if diff := cmp.Diff(none.String(), reset.String()); diff != "" {
			t.Errorf("%s: Lang(\"de\"), Lang(\"\") differs from no Lang (-none +both):\n%s", f.name, diff)
		}
		if strings.HasPrefix(f.name, "render: HTML") && de.String() == none.String() {
			t.Errorf("%s: Lang(\"de\") changes nothing; the case proves nothing", f.name)
		}
		var b bytes.Buffer
		err := f.render(&b, p, render.Lang("x y"), render.Lang("de"), render.Sort(99))
		want := f.name + `: Lang("x y"): not a language tag: want a BCP 47 tag such as "de" or "pt-BR"`
		if err == nil || err.Error() != want || b.Len() != 0 {
			t.Errorf("%s: %v, %d bytes written; want %q and none", f.name, err, b.Len(), want)
		}
	}
}

// TestIDsUnknown checks that every format refuses an ID the portfolio
// has no incident of, naming every such ID once, in the order given,
// before writing anything; and that an ID the other filters leave out is
// no error.
func TestIDsUnknown(t *testing.T) {
	p := portfolio.Page()
	const (
		db     = portfolio.DatabaseConnectionPoolExhaustion
		mq     = portfolio.MessageQueueBacklog
		notice = "No incidents to show."
	)
	type result struct {
		Err     string
		Written bool
	}
	for _, f := range formats {
		for _, tc := range []struct {
			name string
			opts []render.Option
			want result
		}{
			{"known", []render.Option{render.IDs(db, mq)}, result{Written: true}},
			{"none", []render.Option{render.IDs()}, result{Written: true}},
			{"known but filtered out", []render.Option{render.IDs(db), render.Tags("no-such-tag")}, result{Written: true}},
			{"typo", []render.Option{render.IDs("typo")},
				result{Err: f.name + `: IDs: no incident "typo" in the portfolio`}},
			{"typo among known", []render.Option{render.IDs(db, "typo", mq)},
				result{Err: f.name + `: IDs: no incident "typo" in the portfolio`}},
			{"typo filtered too", []render.Option{render.IDs("typo"), render.Tags("no-such-tag"), render.Roles()},
				result{Err: f.name + `: IDs: no incident "typo" in the portfolio`}},
			{"several, one twice", []render.Option{render.IDs("b", db, "a", "b", "<x>")},
				result{Err: f.name + `: IDs: no incidents "b", "a", "<x>" in the portfolio`}},
			{"a case apart", []render.Option{render.IDs(incident.ID(strings.ToUpper(string(db))))},
				result{Err: f.name + `: IDs: no incident "DATABASE-CONNECTION-POOL-EXHAUSTION" in the portfolio`}},
			{"control characters quoted", []render.Option{render.IDs("a\x1b[2Jb")},
				result{Err: f.name + `: IDs: no incident "a\x1b[2Jb" in the portfolio`}},
			{"the last IDs counts", []render.Option{render.IDs("typo"), render.IDs(db)}, result{Written: true}},
			{"a bad option first", []render.Option{render.IDs("typo"), render.Sort(99)},
				result{Err: f.name + ": Sort(99): no such order"}},
		} {
			var b bytes.Buffer
			var got result
			if err := f.render(&b, p, tc.opts...); err != nil {
				got.Err = err.Error()
			}
			got.Written = b.Len() > 0
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s, %s (-want +got):\n%s", f.name, tc.name, diff)
			}
			if tc.name == "known but filtered out" && !strings.HasPrefix(f.name, "jsonresume") && !strings.Contains(b.String(), notice) {
				t.Errorf("%s, %s: no notice that nothing is left", f.name, tc.name)
			}
		}
	}
}

// TestRolesSeveritiesUnknown checks that every format refuses a role the
// portfolio does not know (neither built in nor declared) and a severity
// not on its scale (the default one when it declares none), naming every
// such value once, in the order given, and the known ones, before
// writing anything; and that a known value no incident has is no error
// but leaves none.
func TestRolesSeveritiesUnknown(t *testing.T) {
	bundled := portfolio.Page() // built-in roles only, the default scale; no P3 or P4 incident
	declared := incident.Portfolio{
		Roles:      []incident.RoleDef{{Key: "on-call", Label: "On call"}, {Key: "unused", Label: "Unused"}},
		Severities: []incident.SeverityDef{{Code: "SEV-1", Label: "Major", Level: 1}, {Code: "SEV-2", Label: "Minor", Level: 2}},
		Incidents: []incident.Incident{{
			ID: "a", Title: "A", Role: "on-call", Severity: "SEV-1",
			Situation: []string{"s"}, MyRole: []string{"m"}, Resolution: []string{"r"}, PermanentFix: []string{"f"},
		}},
	}
	// Not valid: a built-in role declared again, a key and a code with a
	// space and a control character, a code twice.
	invalid := incident.Portfolio{
		Roles:      []incident.RoleDef{{Key: incident.CausedAndFixed}, {Key: "on call\x1b"}},
		Severities: []incident.SeverityDef{{Code: "SEV 1"}, {Code: "SEV-2"}, {Code: "SEV-2"}},
	}
	const (
		notice       = "No incidents to show."
		builtinRoles = "want caused-and-fixed, led-resolution"
		defaultScale = "want P1, P2, P3, P4"
	)
	type result struct {
		Err     string
		Written bool
		Notice  bool // the page says it has no incidents to show (never in JSON)
	}
	for _, f := range formats {
		json := strings.HasPrefix(f.name, "jsonresume")
		for _, tc := range []struct {
			name string
			p    incident.Portfolio
			opts []render.Option
			want result
		}{
			{"known roles", bundled, []render.Option{render.Roles(incident.LedResolution, incident.CausedAndFixed)}, result{Written: true}},
			{"known severities", bundled, []render.Option{render.Severities(incident.P1, incident.P2)}, result{Written: true}},
			{"none", bundled, []render.Option{render.Roles(), render.Severities()}, result{Written: true, Notice: !json}},
			{"known severity no incident has", bundled, []render.Option{render.Severities(incident.P4)}, result{Written: true, Notice: !json}},
			{"declared role no incident has", declared, []render.Option{render.Roles("unused")}, result{Written: true, Notice: !json}},
			{"declared role and scale", declared, []render.Option{render.Roles("on-call", incident.LedResolution), render.Severities("SEV-2", "SEV-1")}, result{Written: true}},
			{"role typo", bundled, []render.Option{render.Roles("lead-resolution")},
				result{Err: f.name + `: Roles: no role "lead-resolution" in the portfolio: ` + builtinRoles}},
			{"roles, one twice, among known", bundled, []render.Option{render.Roles("b", incident.LedResolution, "a", "b")},
				result{Err: f.name + `: Roles: no roles "b", "a" in the portfolio: ` + builtinRoles}},
			{"a role's label", bundled, []render.Option{render.Roles("Led Resolution")},
				result{Err: f.name + `: Roles: no role "Led Resolution" in the portfolio: ` + builtinRoles}},
			{"a role of another portfolio", bundled, []render.Option{render.Roles("on-call")},
				result{Err: f.name + `: Roles: no role "on-call" in the portfolio: ` + builtinRoles}},
			{"declared roles listed", declared, []render.Option{render.Roles("on-cal")},
				result{Err: f.name + `: Roles: no role "on-cal" in the portfolio: want caused-and-fixed, led-resolution, on-call, unused`}},
			{"control characters quoted", bundled, []render.Option{render.Roles("a\x1b[2Jb")},
				result{Err: f.name + `: Roles: no role "a\x1b[2Jb" in the portfolio: ` + builtinRoles}},
			{"an invalid portfolio's roles quoted, each once", invalid, []render.Option{render.Roles("x")},
				result{Err: f.name + `: Roles: no role "x" in the portfolio: want caused-and-fixed, led-resolution, "on call\x1b"`}},
			{"an invalid portfolio's codes quoted, each once", invalid, []render.Option{render.Severities("x")},
				result{Err: f.name + `: Severities: no severity "x" in the portfolio's scale: want "SEV 1", SEV-2`}},
			{"severity off the scale", bundled, []render.Option{render.Severities("P9")},
				result{Err: f.name + `: Severities: no severity "P9" in the portfolio's scale: ` + defaultScale}},
			{"severities in another case", bundled, []render.Option{render.Severities("p1", incident.P2, "p1", "")},
				result{Err: f.name + `: Severities: no severities "p1", "" in the portfolio's scale: ` + defaultScale}},
			{"the default scale when another is declared", declared, []render.Option{render.Severities(incident.P1)},
				result{Err: f.name + `: Severities: no severity "P1" in the portfolio's scale: want SEV-1, SEV-2`}},
			{"roles before severities before IDs", bundled, []render.Option{render.IDs("typo"), render.Severities("P9"), render.Roles("x")},
				result{Err: f.name + `: Roles: no role "x" in the portfolio: ` + builtinRoles}},
			{"severities before IDs", bundled, []render.Option{render.IDs("typo"), render.Severities("P9")},
				result{Err: f.name + `: Severities: no severity "P9" in the portfolio's scale: ` + defaultScale}},
			{"unknown even when another filter leaves none", bundled, []render.Option{render.Tags("no-such-tag"), render.Severities("P9")},
				result{Err: f.name + `: Severities: no severity "P9" in the portfolio's scale: ` + defaultScale}},
			{"the last Roles counts", bundled, []render.Option{render.Roles("x"), render.Roles(incident.LedResolution)}, result{Written: true}},
			{"a bad option first", bundled, []render.Option{render.Roles("x"), render.Sort(99)},
				result{Err: f.name + ": Sort(99): no such order"}},
		} {
			var b bytes.Buffer
			var got result
			if err := f.render(&b, tc.p, tc.opts...); err != nil {
				got.Err = err.Error()
			}
			got.Written = b.Len() > 0
			got.Notice = strings.Contains(b.String(), notice)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s, %s (-want +got):\n%s", f.name, tc.name, diff)
			}
		}
	}
}
