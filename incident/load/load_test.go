package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/textpos"
)

const (
	portfolioFile = "../../portfolio.yaml"
	fullFile      = "../../testdata/full.yaml"
	seedFile      = "../../testdata/seed-page.txt" // a copy of the original page's text
)

// TestPortfolio checks the shape of the bundled content file.
func TestPortfolio(t *testing.T) {
	p, err := File(portfolioFile)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		ID       incident.ID
		Role     incident.Role
		Severity incident.Severity
		Duration incident.Duration
		Org      string
		Tags     []string
	}
	var got []row
	for _, in := range p.Incidents {
		got = append(got, row{in.ID, in.Role, in.Severity, in.Duration, in.Org, in.Tags})
	}
	want := []row{
		{"database-connection-pool-exhaustion", incident.CausedAndFixed, incident.P1, incident.Duration{Text: "4 hours", Length: 4 * time.Hour}, "", []string{"database"}},
		{"message-queue-backlog", incident.LedResolution, incident.P1, incident.Duration{Text: "Weekend (Fri-Sun)", Length: 48 * time.Hour}, "a publicly traded financial services company", []string{"message-queue", "kubernetes", "argocd", "helm", "gitops"}},
		{"ci-cd-pipeline-breakage", incident.CausedAndFixed, incident.P2, incident.Duration{Text: "2 hours", Length: 2 * time.Hour}, "", []string{"ci-cd"}},
		{"kubernetes-node-group-rollout", incident.LedResolution, incident.P1, incident.Duration{Text: "6 hours", Length: 6 * time.Hour}, "", []string{"kubernetes", "eks", "aws", "cni"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("incidents (-want +got):\n%s", diff)
	}
	if want := (incident.Link{Text: "Back to Home", Href: "/"}); p.Back != want {
		t.Errorf("back = %+v, want %+v", p.Back, want)
	}
	if p.Legend != "Legend" || p.Lessons.File != "lessons-learned.sh" || p.Lessons.Heading != "Key takeaways from production incidents" {
		t.Errorf("legend %q, lessons file %q, heading %q", p.Legend, p.Lessons.File, p.Lessons.Heading)
	}
	// The seed has no dates, command roles, figures, actions or links:
	// the bundled file must not invent them.
	for _, in := range p.Incidents {
		if !in.When.IsZero() || in.Command != "" || in.Impact != nil || in.Results != nil || in.Actions != nil || in.Links != nil {
			t.Errorf("%s: has facts the seed page does not state", in.ID)
		}
	}
}

// TestSeedWords checks that the bundled portfolio holds the seed page's
// words exactly: every sentence of its title, tagline, intro, incidents
// and lessons, in the field it belongs to.
func TestSeedWords(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := File(portfolioFile)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(seed)), "\n\n")
	next := func() string {
		if len(paras) == 0 {
			t.Fatal("the seed page ended early")
		}
		s := paras[0]
		paras = paras[1:]
		return s
	}
	// same checks that got holds every sentence of want, then that it is
	// want exactly.
	same := func(field, got, want string) {
		t.Helper()
		for _, s := range sentences(want) {
			if !strings.Contains(got, s) {
				t.Errorf("%s: the seed's sentence %q is missing", field, s)
			}
		}
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", field, got, want)
		}
	}
	one := func(field string, got []string, want string) {
		t.Helper()
		if len(got) != 1 {
			t.Errorf("%s: %d paragraphs, want 1", field, len(got))
			return
		}
		same(field, got[0], want)
	}

	same("back.text", p.Back.Text, next())
	same("title", p.Title, next())
	same("tagline", p.Tagline, next())
	one("intro", p.Intro, next())
	legend := next()
	same("legend", p.Legend, strings.TrimSuffix(legend[:strings.Index(legend, ":")+1], ":"))
	for _, in := range p.Incidents {
		if label := p.RoleLabel(in.Role); !strings.Contains(legend, label) {
			t.Errorf("the seed's legend %q lacks the role %q", legend, label)
		}
		if d, _ := p.Severity(in.Severity); !strings.Contains(legend, string(d.Code)+" "+d.Label) {
			t.Errorf("the seed's legend %q lacks the severity %s %s", legend, d.Code, d.Label)
		}
	}

	for i, in := range p.Incidents {
		path := fmt.Sprintf("incidents[%d]", i)
		same(path+".title", in.Title, next())
		meta, heading, _ := strings.Cut(next(), "\n")
		same(path+" role, severity and duration", p.RoleLabel(in.Role)+string(in.Severity)+in.Duration.Text, meta)
		for j, s := range in.Sections() {
			if j > 0 {
				heading = next()
			}
			same(path+" section name", s.Name, heading)
			one(path+"."+s.Key, s.Paragraphs, next())
		}
	}

	lines := strings.Split(next(), "\n")
	same("lessons.file", p.Lessons.File, lines[0])
	same("lessons.heading", "# "+p.Lessons.Heading, lines[1])
	if len(p.Lessons.Items) != len(lines)-2 {
		t.Errorf("%d lessons, the seed has %d", len(p.Lessons.Items), len(lines)-2)
	}
	for i, item := range p.Lessons.Items {
		if i+2 < len(lines) {
			same(fmt.Sprintf("lessons.items[%d]", i), fmt.Sprintf("%d. %s", i+1, item), lines[i+2])
		}
	}
	if len(paras) > 0 {
		t.Errorf("the seed page has more than the portfolio: %q", paras)
	}
}

// sentences splits a paragraph after each '.', '!' or '?' that a space
// follows.
func sentences(para string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(para); i++ {
		if strings.ContainsRune(".!?", rune(para[i])) && para[i+1] == ' ' {
			out = append(out, para[start:i+1])
			start = i + 2
		}
	}
	return append(out, para[start:])
}

func TestSentences(t *testing.T) {
	got := sentences("One. Two? Three! Not.here 4.5 five.")
	want := []string{"One.", "Two?", "Three!", "Not.here 4.5 five."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestForms checks how values are read: the duration, period and figure
// forms, block scalars and JSON.
func TestForms(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		get  func(p incident.Portfolio) any
		want any
	}{
		{"short duration", good, func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "4 hours", Length: 4 * time.Hour}},
		{"compound duration", edit("duration: 4h", "duration: 1d6h"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "30 hours", Length: 30 * time.Hour}},
		{"spaced duration", edit("duration: 4h", "duration: 2h 15m"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "2 hours 15 minutes", Length: 135 * time.Minute}},
		{"duration in words", edit("duration: 4h", "duration: 24 hours 11 minutes"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "24 hours 11 minutes", Length: 24*time.Hour + 11*time.Minute}},
		{"approximate duration", edit("duration: 4h", "duration: about 6 hours"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}},
		{"approximate duration with a tilde", edit("duration: 4h", `duration: "~6h"`), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}},
		{"approximate mapping duration", edit("duration: 4h", "duration: {text: Most of a day, length: 20 hours, approximate: true}"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "Most of a day", Length: 20 * time.Hour, Approximate: true}},
		{"text duration", edit("duration: 4h", "duration: Weekend (Fri-Sun)"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "Weekend (Fri-Sun)"}},
		{"mapping duration", edit("duration: 4h", "duration:\n      text: Weekend (Fri-Sun)\n      length: 60h"), func(p incident.Portfolio) any { return p.Incidents[0].Duration },
			incident.Duration{Text: "Weekend (Fri-Sun)", Length: 60 * time.Hour}},
		{"range", good + "    when: \"2023-03-14/2023-03-16\"\n", func(p incident.Portfolio) any { return p.Incidents[0].When },
			incident.Period{Start: incident.Date{Year: 2023, Month: 3, Day: 14}, End: incident.Date{Year: 2023, Month: 3, Day: 16}}},
		{"plain date", good + "    when: 2023-03-14\n", func(p incident.Portfolio) any { return p.Incidents[0].When },
			incident.Period{Start: incident.Date{Year: 2023, Month: 3, Day: 14}}},
		{"bare year", good + "    when: 2023\n", func(p incident.Portfolio) any { return p.Incidents[0].When },
			incident.Period{Start: incident.Date{Year: 2023}}},
		{"figure with before", good + "    results: [{label: MTTR, before: 0, value: 1.5, unit: h}]\n", func(p incident.Portfolio) any { return p.Incidents[0].Results },
			[]incident.Figure{{Label: "MTTR", Before: 0, Value: 1.5, Unit: "h", HasBefore: true}}},
		{"figure without before", good + "    results: [{label: Restored in, value: 0x1e, unit: min}]\n", func(p incident.Portfolio) any { return p.Incidents[0].Results },
			[]incident.Figure{{Label: "Restored in", Value: 30, Unit: "min"}}},
		{"folded paragraph", edit("situation: [S]", "situation:\n      - >\n        one\n        two"), func(p incident.Portfolio) any { return p.Incidents[0].Situation },
			[]string{"one two"}},
		{"literal paragraph", edit("situation: [S]", "situation:\n      - |\n        one two"), func(p incident.Portfolio) any { return p.Incidents[0].Situation },
			[]string{"one two"}},
		{"stripped paragraph", edit("situation: [S]", "situation:\n      - >-\n        one\n        two"), func(p incident.Portfolio) any { return p.Incidents[0].Situation },
			[]string{"one two"}},
		{"quoted number", edit("title: T", `title: "123"`), func(p incident.Portfolio) any { return p.Title },
			"123"},
		{"date-like text", edit("title: T", "title: 2023-03-14"), func(p incident.Portfolio) any { return p.Title },
			"2023-03-14"},
		{"done", good + "    actions: [{text: X, kind: process, done: True}]\n", func(p incident.Portfolio) any { return p.Incidents[0].Actions },
			[]incident.Action{{Text: "X", Kind: incident.Process, Done: true}}},
		{"JSON", `{"title": "T", "tagline": "Tag", "incidents": [{"id": "a", "title": "A", "role": "led-resolution",
			"severity": "P2", "duration": "2h", "situation": ["S"], "myRole": ["M"], "resolution": ["R"], "permanentFix": ["F"]}]}`,
			func(p incident.Portfolio) any { return p.Incidents[0].Duration }, incident.Duration{Text: "2 hours", Length: 2 * time.Hour}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Bytes("f.yaml", []byte(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, tc.get(p)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestHostile feeds files made to hurt a parser: each must fail fast with
// a clear error.
func TestHostile(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'i'; i++ {
		laughs += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"billion laughs", laughs, "f.yaml:1:4: anchors (&a) are not allowed: write each value out in full"},
		{"unknown alias", "title: *a\n", "f.yaml:1:1: YAML syntax: unknown anchor 'a' referenced"},
		{"deep lists", "title: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n", "f.yaml:1:16: nested deeper than 8 levels"},
		{"deep mappings", strings.Repeat("{a: ", 5000) + "b" + strings.Repeat("}", 5000) + "\n", "f.yaml:1:34: nested deeper than 8 levels"},
		{"deeper than the parser allows", strings.Repeat("[", 20000), "f.yaml:1:1: YAML syntax: exceeded max depth of 10000"},
		{"too large", "title: " + strings.Repeat("x", MaxSize), "f.yaml: file larger than 67108864 bytes"},
		{"too many values", "title: [" + strings.Repeat("0,", MaxValues) + "0]\n", "f.yaml: too many values: 2000001 line breaks and commas, more than the 2000000 allowed"},
		{"invalid UTF-8", "title: ok\ntagline: caf\xe9\n", "f.yaml:2:13: invalid UTF-8: save the file as UTF-8"},
		{"NUL byte", "title: a\x00b\n", "f.yaml:1:1: YAML syntax: control characters are not allowed"},
		{"only a document marker", "---\n", "f.yaml: empty file: want a mapping with title, tagline and incidents"},
		{"null", "null\n", "f.yaml: empty file: want a mapping with title, tagline and incidents"},
		{"a scalar", "hello\n", "f.yaml:1:1: want a mapping with title, tagline and incidents, got \"hello\""},
		{"a list", "- a\n- b\n", "f.yaml:1:1: want a mapping with title, tagline and incidents, got a list"},
		{"empty", "", "f.yaml: empty file: want a mapping with title, tagline and incidents"},
		{"complex key", good + "? [a]\n: b\n", "f.yaml:13:3: want a field name, got a list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes("f.yaml", []byte(tc.doc))
			if err == nil {
				t.Fatal("accepted")
			}
			got := err.Error()
			if i := strings.IndexByte(got, '\n'); i >= 0 {
				got = got[:i] // the first problem is enough here
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(name, make([]byte, MaxSize+10), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := File(name)
	if want := name + ": file larger than 67108864 bytes"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestFileMissing(t *testing.T) {
	_, err := File(filepath.Join(t.TempDir(), "nothing.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got %v, want an error wrapping fs.ErrNotExist", err)
	}
}

// TestErrorValues checks what errors.As finds in an error of Bytes.
func TestErrorValues(t *testing.T) {
	_, err := Bytes("f.yaml", []byte(edit("severity: P1", "severity: P9")+"colour: red\n"))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("%T is not load.Errors", err)
	}
	type pos struct {
		File      string
		Line, Col int
		Path      string
	}
	var got []pos
	for _, e := range es {
		got = append(got, pos{e.File, e.Line, e.Col, e.Path})
	}
	want := []pos{{"f.yaml", 7, 15, "incidents[0].severity"}, {"f.yaml", 13, 1, "colour"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var fe *incident.FieldError
	if !errors.As(err, &fe) {
		t.Fatal("no *incident.FieldError in the error")
	}
	if want := (incident.FieldError{Path: "incidents[0].severity", Msg: `unknown severity "P9"; want one of P1, P2, P3, P4`}); *fe != want {
		t.Errorf("field error %+v, want %+v", *fe, want)
	}
	var e *Error
	if !errors.As(err, &e) || e != es[0] {
		t.Errorf("errors.As(*Error) = %v, want the first problem", e)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "f.yaml", Line: 3, Col: 7, Path: "title", Err: errors.New("bad")}, "f.yaml:3:7: title: bad"},
		{&Error{File: "f.yaml", Line: 3, Err: errors.New("bad")}, "f.yaml:3: bad"},
		{&Error{File: "f.yaml", Err: errors.New("bad")}, "f.yaml: bad"},
		{&Error{File: "f.yaml", Line: 1, Col: 1, Path: "x", Err: &incident.FieldError{Path: "x", Msg: "bad"}}, "f.yaml:1:1: x: bad"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// FuzzBytes checks that no input makes Bytes panic or hang, and that the
// result is either a portfolio that validates or errors that each say
// where: a line (and column) inside the file, or, for the few problems of
// the whole file, no position at all. No message carries a control
// character from the file to the terminal. The committed seeds under
// testdata/fuzz/FuzzBytes hold alias bombs, deep nesting and JSON forms;
// the seeds include JSON as Python and JavaScript write it.
func FuzzBytes(f *testing.F) {
	for _, name := range []string{portfolioFile, fullFile, jsonFile("full", "python"), jsonFile("hostile", "node-indent")} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(good))
	// Found by fuzzing: hints that copied a tab, a column inside a character.
	for _, s := range []string{"0: 0\t: ", "0\t: : 0", "\"字", "title: T\nincidents:\n  - tags: tls,\tcert\tmanager\n",
		"title: T\nincidents:\n  - situation:\n      - Root\tcause: the\trenewal job\n",
		"title: !e%E2%80%AE%07q T\n", "title: !<tag:x%E2%80%AEy%09z> T\n"} {
		f.Add([]byte(s))
	}
	for _, tc := range bad {
		f.Add([]byte(tc.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// As YAML, and as a .json file, which must also be strict JSON.
		checkLoad(t, "f.yaml", data)
		checkLoad(t, "f.json", data)
	})
}

// checkLoad checks what Bytes makes of data under a name: a portfolio that
// validates, or positioned errors.
// A hang shows as the fuzzer's or go test's own time-out, not as a timed
// assertion that a loaded machine could trip.
func checkLoad(t *testing.T, name string, data []byte) {
	p, err := Bytes(name, data)
	if err == nil {
		if verr := p.Validate(); verr != nil {
			t.Fatalf("%s: loaded a portfolio that does not validate: %v", name, verr)
		}
		return
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("%s: %T is not load.Errors: %v", name, err, err)
	}
	if len(es) == 0 || len(es) > maxErrors+1 {
		t.Errorf("%s: %d errors", name, len(es))
	}
	if !reflect.DeepEqual(p, incident.Portfolio{}) {
		t.Errorf("%s: the portfolio is not the zero value on error", name)
	}
	// Lines end as YAML ends them: at LF, CR LF or a lone CR.
	lines := bytes.Split(bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n")), []byte("\n"))
	for _, e := range es {
		msg := e.Error()
		if e.File != name || e.Err == nil {
			t.Errorf("bad error %+v", e)
		}
		if i := strings.IndexFunc(msg, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 }); i >= 0 {
			t.Errorf("message holds a control character at byte %d: %q", i, msg)
		}
		switch {
		case e.Line == 0:
			if !wholeFile(msg) {
				t.Errorf("a problem without a position: %q", msg)
			}
		case e.Line > len(lines):
			t.Errorf("line %d of a file of %d lines: %q", e.Line, len(lines), msg)
		case e.Col > utf8.RuneCount(lines[e.Line-1])+1:
			t.Errorf("column %d of line %d, %q: %q", e.Col, e.Line, lines[e.Line-1], msg)
		}
	}
}

// wholeFile reports whether an unpositioned message is one of the
// problems of a whole file, which have no line.
func wholeFile(msg string) bool {
	for _, s := range []string{": " + emptyFile, ": file larger than ", ": too many errors: ", ": too many values: "} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func TestErrorsEmpty(t *testing.T) {
	if got := (Errors{}).Error(); got != "no errors" {
		t.Errorf("Errors{}.Error() = %q", got)
	}
}

// TestManyErrors checks that a file of many problems is reported in few
// lines: the first maxErrors, then a count of the rest. (How fast that is
// is for the benchmarks to say, not a timed test.)
func TestManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: T\ntagline: T\nincidents:\n")
	for b.Len() < MaxSize/256 { // 256 KiB
		b.WriteString("  - {id: a, title: 1, role: x, severity: P9, duration: 4h, situation: [], myRole: [M], resolution: [R], permanentFix: [F]}\n")
	}
	p, err := Bytes("f.yaml", []byte(b.String()))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v", err)
	}
	if len(es) != maxErrors+1 || !strings.HasPrefix(es[maxErrors].Error(), "f.yaml: too many errors: ") {
		t.Errorf("%d errors, the last %v", len(es), es[len(es)-1])
	}
	if p.Incidents != nil {
		t.Error("the portfolio is not the zero value on error")
	}
}

// TestLineText checks that the lines syntax errors are placed on end where
// YAML ends them, at LF, CR LF or a lone CR, as textpos.LineCol counts them.
func TestLineText(t *testing.T) {
	data := []byte("one\ntwo\r\nthree\rfour: \r: x\n\nlast")
	want := []string{"", "one", "two", "three", "four: ", ": x", "", "last", ""}
	for n := range want {
		if got := lineText(data, n); got != want[n] {
			t.Errorf("lineText(%q, %d) = %q, want %q", data, n, got, want[n])
		}
	}
	for _, d := range []string{"", "x\n", "x\r", "x\r\n"} {
		if got := lineText([]byte(d), 2); got != "" {
			t.Errorf("lineText(%q, 2) = %q, want \"\"", d, got)
		}
	}
	// Every line lineText finds starts where textpos.LineCol says it does.
	for off := range data {
		line, col := textpos.LineCol(data, off)
		if col == 1 && lineText(data, line) != "" && !bytes.HasPrefix(data[off:], []byte(lineText(data, line))) {
			t.Errorf("line %d starts at %d, but lineText gives %q", line, off, lineText(data, line))
		}
	}
}

func TestColonHint(t *testing.T) {
	const generic = `; a value holding ": " needs quotes, as in title: "Outage: the sequel"`
	const indented = "; the line is indented more than the key above it, so it reads as more of that key's value: line it up with the keys around it"
	for _, c := range []struct{ text, above, want string }{
		{"    org: Acme: the company", "    role: led-resolution", `; a value holding ": " needs quotes, as in org: "Acme: the company"`},
		{"  - title: Outage: again", "incidents:", `; a value holding ": " needs quotes, as in title: "Outage: again"`},
		{`    title: Say "no": twice`, "", generic},
		{"    title: " + strings.Repeat("long ", 10) + ": end", "", generic},
		{"      severity: P1", "    role: caused-and-fixed", indented},
		{"      severity: P1", "  - role: caused-and-fixed", indented},
		{"    severity: P1", "  - role: caused-and-fixed", generic},
		{"      severity: P1", "    # a comment", generic},
		{"severity: P1", "", generic},
		{"      - Root cause: the config: it was wrong", "    situation:", `; a list item holding ": " needs quotes around all of it, as in - "Root cause: the config: it was wrong"`},
		{"      - Cause: " + strings.Repeat("long ", 12) + ": end", "    situation:", `; a list item holding ": " needs quotes around all of it, as in - "Cause: a config change"`},
		{"  - title: Outage: again", "", `; a value holding ": " needs quotes, as in title: "Outage: again"`},
	} {
		if got := colonHint(c.text, c.above); got != c.want {
			t.Errorf("colonHint(%q, %q) = %q, want %q", c.text, c.above, got, c.want)
		}
	}
}

// TestPlace: problems are put in file order at their fields, or at the
// nearest field that holds them, and without a position where the data
// does not load.
func TestPlace(t *testing.T) {
	data := []byte("title: T\ntagline: x\nincidents:\n  - id: a\n    title: A\n    role: caused-and-fixed\n    severity: P1\n    duration: 4h\n    situation: [x]\n    myRole: [x]\n    resolution: [x]\n    permanentFix: [x]\n")
	if _, err := Bytes("f.yaml", data); err != nil {
		t.Fatal(err)
	}
	problems := incident.Errors{
		{Path: "incidents[0].severity", Msg: "second"},
		{Path: "title", Msg: "first"},
		{Path: "incidents[0].tags[3]", Msg: "at the incident"},
	}
	var got []string
	for _, e := range Place("f.yaml", data, problems) {
		got = append(got, e.Error())
	}
	want := []string{"f.yaml:1:8: title: first", "f.yaml:4:5: incidents[0].tags[3]: at the incident", "f.yaml:7:15: incidents[0].severity: second"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Place (-want +got):\n%s", diff)
	}
	es := Place("f.yaml", []byte("title: [\n"), problems[:1])
	if len(es) != 1 || es[0].Line != 0 || es[0].Error() != "f.yaml: incidents[0].severity: second" {
		t.Errorf("Place on data that does not parse: %v", es)
	}
}

// TestSyntaxErrorLine: only a problem about a tab moves to the line a tab
// indents; another one stays where the parser put it, whatever tabs
// follow (here one inside a literal block, which is allowed).
func TestSyntaxErrorLine(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"title: @x\ntagline: |\n  a\n  \tb\nincidents: []\n", "f.yaml:1:1: YAML syntax: found character that cannot start any token"},
		{"title: T\ntagline: |\n  a\n\tb\nincidents: []\n", "f.yaml:4:1: YAML syntax: found a tab character where an indentation space is expected; the line holds a tab: YAML indents with spaces only"},
		{"title: T\r\ntagline: |\r\n  a\r\n\tb\r\nincidents: []\r\n", "f.yaml:4:1: YAML syntax: found a tab character where an indentation space is expected; the line holds a tab: YAML indents with spaces only"},
	} {
		_, err := Bytes("f.yaml", []byte(c.data))
		if err == nil || err.Error() != c.want {
			t.Errorf("Bytes(%q):\n got %v\nwant %s", c.data, err, c.want)
		}
	}
}

// TestFigureHints: a quoted decimal number is told to lose its quotes, a
// number with a unit, or any text that starts with a number, to move the
// words to the unit, and anything else gets no hint. Text that does not
// start with a number is a figure's text (TestFigureText).
func TestFigureHints(t *testing.T) {
	base := "title: T\ntagline: x\nincidents:\n  - id: a\n    title: A\n    role: caused-and-fixed\n    severity: P1\n    duration: 4h\n    situation: [x]\n    myRole: [x]\n    resolution: [x]\n    permanentFix: [x]\n    impact: [{label: L, value: %s}]\n"
	for _, c := range []struct{ value, hint string }{
		{`"12.5"`, "; write the number without quotes"},
		{`'-3'`, "; write the number without quotes"},
		{`"1e3"`, "; write the number without quotes"},
		{`"20min"`, `; put the unit in "unit", as in value: 20, unit: min`},
		{`20 min`, `; put the unit in "unit", as in value: 20, unit: min`},
		{`"0x10"`, "; a text may not start with a number: write the number as the value and the words after it as the unit, as in value: 3, unit: of 5 regions"},
		{`"1_0"`, "; a text may not start with a number: write the number as the value and the words after it as the unit, as in value: 3, unit: of 5 regions"},
		{`3 of 5 regions`, "; a text may not start with a number: write the number as the value and the words after it as the unit, as in value: 3, unit: of 5 regions"},
		{`true`, ""}, {`[1]`, ""}, {`""`, ""},
	} {
		_, err := Bytes("f.yaml", fmt.Appendf(nil, base, c.value))
		if err == nil {
			t.Errorf("value: %s loaded", c.value)
			continue
		}
		msg := err.Error()
		_, hint, _ := strings.Cut(msg, ", got ")
		if i := strings.Index(hint, "; "); i >= 0 {
			hint = hint[i:]
		} else {
			hint = ""
		}
		if hint != c.hint {
			t.Errorf("value: %s: %s\nwant the hint %q", c.value, msg, c.hint)
		}
	}
}

func TestOpenQuote(t *testing.T) {
	for text, want := range map[string]byte{
		`      - "Unclosed quote`:            '"',
		`      - "Closed quote"`:             0,
		`    title: "a \" b`:                 '"',
		`    title: "a \" b"`:                0,
		`    title: "ends in a backslash \\`: '"',
		`    org: 'it''s`:                    '\'',
		`    org: 'it''s'`:                   0,
		`      - it's plain text`:            0,
		`    title: Plain "quotes" inside`:   0,
		`"key": "value`:                      0, // a quoted key: not the value's quote
		`  - - "nested`:                      '"',
		`    title:`:                         0,
		``:                                   0,
	} {
		if got := openQuote(text); got != want {
			t.Errorf("openQuote(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestFigureText: a figure's value or before given as text, which does
// not start with a number, goes to ValueText or BeforeText, and before
// sets HasBefore either way.
func TestFigureText(t *testing.T) {
	base := "title: T\ntagline: x\nincidents:\n  - id: a\n    title: A\n    role: caused-and-fixed\n    severity: P1\n    duration: 4h\n    situation: [x]\n    myRole: [x]\n    resolution: [x]\n    permanentFix: [x]\n    results: [%s]\n"
	for _, c := range []struct {
		figure string
		want   incident.Figure
	}{
		{`{label: Rule rollout, before: seconds, value: staged over hours}`, incident.Figure{Label: "Rule rollout", BeforeText: "seconds", ValueText: "staged over hours", HasBefore: true}},
		{`{label: L, before: 12, value: "manual, by hand"}`, incident.Figure{Label: "L", Before: 12, ValueText: "manual, by hand", HasBefore: true}},
		{`{label: L, value: NaN}`, incident.Figure{Label: "L", ValueText: "NaN"}},
		{`{label: L, value: lots, unit: queries}`, incident.Figure{Label: "L", ValueText: "lots", Unit: "queries"}},
	} {
		p, err := Bytes("f.yaml", fmt.Appendf(nil, base, c.figure))
		if err != nil {
			t.Errorf("%s: %v", c.figure, err)
			continue
		}
		if diff := cmp.Diff(c.want, p.Incidents[0].Results[0]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.figure, diff)
		}
	}
}
