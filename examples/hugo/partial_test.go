package hugosite

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// partialPage returns the files of a page /name/ whose layout is call, a
// template that calls the module's partials from a theme's layout, not
// through the shortcode.
func partialPage(name, call string) [][2]string {
	return [][2]string{
		{"content/" + name + ".md", "---\ntitle: " + name + "\ntype: partialcase\nlayout: " + name + "\n---\n"},
		{"layouts/partialcase/" + name + ".html", call + "\n"},
	}
}

// TestFragmentPartialSameAsRender builds pages whose layout calls
// fragment.html with a dict of options (lists as slices, switches as
// booleans, headingOffset as an int), as README's "The partials" shows
// theme authors, and compares each page's portfolio with render.HTML's
// for the same options, as TestOptionsSameAsRender does for the
// shortcode.
func TestFragmentPartialSameAsRender(t *testing.T) {
	const dateOrder = "testdata/date-order.yaml"
	type partialCase struct {
		name, dict, theme string
		opts              []render.Option
		data              string // the one data file the case is for, when its ids, roles or tags are that file's
		empty             bool   // whether render's page is the notice that no incident is shown
	}
	cases := []partialCase{
		{"none", ``, "", nil, "", false},
		{"lang-theme", `"lang" "de" "theme" "dark"`, "dark", []render.Option{render.Lang("de")}, "", false},
		{"offset-jsonld", `"headingOffset" 1 "jsonld" true`, "", []render.Option{render.HeadingOffset(1), render.JSONLD()}, "", false},
		{"offset0", `"headingOffset" 0 "theme" "light"`, "light", nil, "", false},
		// A float64, as JSON front matter or data gives 2: a whole number is a number.
		{"offset-float", `"headingOffset" 2.0`, "", []render.Option{render.HeadingOffset(2)}, "", false},
		{"offset5-selection", `"headingOffset" 5 "lang" "pt-BR" "jsonld" true "order" "date" "intro" false`, "",
			[]render.Option{render.HeadingOffset(5), render.Lang("pt-BR"), render.JSONLD(), render.Sort(render.ByDate), render.Intro(false)}, "", false},
		{"switches-true", `"intro" true "legend" true "lessons" true "details" true "jsonld" true`, "", []render.Option{render.JSONLD()}, "", false},
		{"switches-false", `"intro" false "legend" false "lessons" false "details" false "jsonld" false`, "",
			[]render.Option{render.Intro(false), render.Legend(false), render.Lessons(false), render.Details(false)}, "", false},
		{"lang-de-ch-duration", `"lang" "de-CH" "order" "duration"`, "", []render.Option{render.Lang("de-CH"), render.Sort(render.ByDuration)}, "", false},
		{"order-severity", `"order" "severity" "lang" "FR-ca"`, "", []render.Option{render.Sort(render.BySeverity), render.Lang("FR-ca")}, "", false},
		{"no-such-tag", `"tags" (slice "no-such-tag")`, "", []render.Option{render.Tags("no-such-tag")}, "", true},
		// An empty slice keeps none, as render.Roles() does (the shortcode
		// refuses roles="": that is its own check, not the partial's).
		{"roles-none", `"roles" (slice)`, "", []render.Option{render.Roles()}, "", true},
		{"tags-none", `"tags" (slice)`, "", []render.Option{render.Tags()}, "", true},
		// README's example.
		{"readme", `"roles" (slice "led-resolution") "order" "severity"`, "",
			[]render.Option{render.Roles("led-resolution"), render.Sort(render.BySeverity)}, "data/portfolio.yaml", false},
		{"tags-severities", `"tags" (slice "kubernetes" "database") "severities" (slice "P1" "P2")`, "",
			[]render.Option{render.Tags("kubernetes", "database"), render.Severities(incident.P1, incident.P2)}, "data/portfolio.yaml", false},
		{"unused-severity", `"severities" (slice "P4" "P3")`, "", []render.Option{render.Severities(incident.P4, incident.P3)}, "data/portfolio.yaml", true},
		{"declared-role-severity", `"roles" (slice "incident-commander-on-call") "severities" (slice "SEV-1")`, "",
			[]render.Option{render.Roles("incident-commander-on-call"), render.Severities("SEV-1")}, "../../testdata/hostile.yaml", false},
		// Ties keep the order of ids.
		{"ids-date", `"ids" (slice "undated-two" "brt-same-instant" "undated-one" "z-minute" "c-day") "order" "date"`, "",
			[]render.Option{render.IDs("undated-two", "brt-same-instant", "undated-one", "z-minute", "c-day"), render.Sort(render.ByDate)}, dateOrder, false},
		{"ids-written", `"ids" (slice "c-day" "a-ist-early" "c-day")`, "", []render.Option{render.IDs("c-day", "a-ist-early", "c-day")}, dateOrder, false},
		{"filtered-ids", `"ids" (slice "a-ist-early") "tags" (slice "no-such-tag")`, "", []render.Option{render.IDs("a-ist-early"), render.Tags("no-such-tag")}, dateOrder, true},
		{"ids-none", `"ids" (slice)`, "", []render.Option{render.IDs()}, dateOrder, true},
	}
	eachData(t, []string{"data/portfolio.yaml", "../../testdata/hostile.yaml", "testdata/postmortem.yaml", dateOrder}, func(t *testing.T, hugo, data string, p incident.Portfolio) {
		cases := slices.DeleteFunc(slices.Clone(cases), func(tc partialCase) bool { return tc.data != "" && tc.data != data })
		var files [][2]string
		for _, tc := range cases {
			files = append(files, partialPage(tc.name, `{{ partial "incident-portfolio/fragment.html" (dict `+tc.dict+`) }}`)...)
		}
		public, out, err := buildFiles(t, hugo, data, files...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", hugo, err, out)
		}
		for _, tc := range cases {
			want := renderHTML(t, p, tc.opts...)
			// The notice shows where the case is for it, and only there.
			if strings.Contains(want, `<p class="empty">`) != tc.empty {
				t.Fatalf("%s: render's page lacks what the case is for:\n%s", tc.name, want)
			}
			samePortfolio(t, public, tc.name, want, tc.theme)
		}
	})
}

// TestBadPartialOptions builds a page whose layout gives fragment.html
// an option the module refuses: each build must fail with the module's
// message, after "at" when the dict has it and with no position of the
// module's own when it has none.
func TestBadPartialOptions(t *testing.T) {
	for _, tc := range []struct{ name, dict, want string }{
		{"lang", `"lang" "x y"`, `incident-portfolio: lang "x y": want a BCP 47 language tag such as de or pt-BR`},
		{"theme", `"theme" "blue"`, `incident-portfolio: theme "blue": want light or dark`},
		{"order", `"order" "random"`, `incident-portfolio: order "random": want severity, date or duration`},
		{"headingOffset", `"headingOffset" 6`, `incident-portfolio: headingOffset 6: want 0 to 5`},
		{"headingOffset negative", `"headingOffset" -1`, `incident-portfolio: headingOffset -1: want 0 to 5`},
		{"ids", `"ids" (slice "typo" "database-connection-pool-exhaustion" "typo")`, `incident-portfolio: ids: no incident "typo" in data/portfolio`},
		{"roles", `"roles" (slice "lead-resolution")`, `incident-portfolio: roles: no role "lead-resolution" in data/portfolio: want caused-and-fixed, led-resolution`},
		{"severities", `"severities" (slice "P9" "p1")`, `incident-portfolio: severities: no severities "P9", "p1" in data/portfolio's scale: want P1, P2, P3, P4`},
		// A switch is a boolean: the string "false" is no false (it would
		// keep the intro, and add the JSON-LD).
		{"intro string", `"intro" "false"`, `incident-portfolio: intro "false" (string): want the boolean true or false`},
		{"jsonld string", `"jsonld" "false"`, `incident-portfolio: jsonld "false" (string): want the boolean true or false`},
		{"details number", `"details" 0`, `incident-portfolio: details 0 (int): want the boolean true or false`},
		// A list is a slice, and headingOffset a number: Hugo's own
		// errors about them would not name the option.
		{"roles string", `"roles" "led-resolution"`, `incident-portfolio: roles "led-resolution" (string): want a slice, such as (slice "a" "b") or (split "a,b" ",")`},
		{"ids string", `"ids" "a,b"`, `incident-portfolio: ids "a,b" (string): want a slice, such as (slice "a" "b") or (split "a,b" ",")`},
		{"headingOffset string", `"headingOffset" "1"`, `incident-portfolio: headingOffset "1" (string): want a whole number, 0 to 5`},
		{"headingOffset fraction", `"headingOffset" 1.5`, `incident-portfolio: headingOffset 1.5 (float64): want a whole number, 0 to 5`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, hugo := range hugos(t) {
				const at = "layouts/x.html:3:5: "
				files := slices.Concat(
					partialPage("bare", `{{ partial "incident-portfolio/fragment.html" (dict `+tc.dict+`) }}`),
					partialPage("at", `{{ partial "incident-portfolio/fragment.html" (dict `+tc.dict+` "at" "`+at+`") }}`))
				_, out, err := buildFiles(t, hugo, "data/portfolio.yaml", files...)
				if err == nil {
					t.Errorf("%s: the build succeeded", version(t, hugo))
				}
				if !strings.Contains(out, at+tc.want) {
					t.Errorf("%s: the output lacks %q:\n%s", version(t, hugo), at+tc.want, out)
				}
				// Without "at", the message follows what Hugo puts before
				// an error ("ERROR " and maybe a time), no position.
				if !bareError(out, tc.want) {
					t.Errorf("%s: the output lacks %q without a position:\n%s", version(t, hugo), tc.want, out)
				}
			}
		})
	}
}

// bareError reports whether out has a line where msg follows no
// file:line:col (Hugo's "ERROR " and a date and time may come first).
func bareError(out, msg string) bool {
	for line := range strings.Lines(out) {
		before, _, ok := strings.Cut(line, msg)
		if ok && !strings.Contains(before, ".html:") && !strings.Contains(before, ".md:") {
			return true
		}
	}
	return false
}

// TestIncidentPartial builds a page whose layout calls incident.html by
// each incident's ID, and one by an ID the data lacks.
func TestIncidentPartial(t *testing.T) {
	eachData(t, []string{"data/portfolio.yaml", "../../testdata/hostile.yaml", "testdata/postmortem.yaml"}, func(t *testing.T, hugo, data string, p incident.Portfolio) {
		var files [][2]string
		for i, in := range p.Incidents {
			files = append(files, partialPage("incident"+strconv.Itoa(i), `{{ partial "incident-portfolio/incident.html" `+strconv.Quote(string(in.ID))+` }}`)...)
		}
		public, out, err := buildFiles(t, hugo, data, files...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", hugo, err, out)
		}
		for i, in := range p.Incidents {
			samePortfolio(t, public, "incident"+strconv.Itoa(i), renderIncident(t, p, in.ID), "")
		}
	})
	for _, hugo := range hugos(t) {
		t.Run(version(t, hugo)+"/unknown", func(t *testing.T) {
			_, out, err := buildFiles(t, hugo, "data/portfolio.yaml", partialPage("typo", `{{ partial "incident-portfolio/incident.html" "typo" }}`)...)
			if err == nil {
				t.Errorf("%s: the build succeeded", version(t, hugo))
			}
			if want := `incident-portfolio: incident "typo": no such incident in data/portfolio`; !strings.Contains(out, want) {
				t.Errorf("%s: the output lacks %q:\n%s", version(t, hugo), want, out)
			}
		})
	}
}
