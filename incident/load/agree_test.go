package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/internal/schema"
)

// good is a small valid portfolio; the bad files of the table below are
// edits of it. Its lines, for reading the expected positions:
//
//	 1 title: T
//	 2 tagline: Tag
//	 3 incidents:
//	 4   - id: a
//	 5     title: A
//	 6     role: caused-and-fixed
//	 7     severity: P1
//	 8     duration: 4h
//	 9     situation: [S]
//	10     myRole: [M]
//	11     resolution: [R]
//	12     permanentFix: [F]
const good = `title: T
tagline: Tag
incidents:
  - id: a
    title: A
    role: caused-and-fixed
    severity: P1
    duration: 4h
    situation: [S]
    myRole: [M]
    resolution: [R]
    permanentFix: [F]
`

// edit returns good with old replaced by new, failing loudly when old is
// not in it.
func edit(old, new string) string {
	if !strings.Contains(good, old) {
		panic("edit: " + strconv.Quote(old) + " not in good")
	}
	return strings.Replace(good, old, new, 1)
}

// How the JSON Schema sees a bad file.
type verdict int

const (
	schemaRejects verdict = iota // the schema rejects it too: loader and schema agree
	schemaAccepts                // a disagreement: a rule the schema cannot state
	noDocument                   // not a YAML document at all: editors report the parse error
)

var bad = []struct {
	name   string
	doc    string
	want   string // the loader's error, golden
	schema verdict
	why    string // for schemaAccepts: why the schema cannot say it
}{
	{
		name: "unknown field",
		doc:  good + "colour: red\n",
		want: `f.yaml:13:1: colour: unknown field; want one of title, tagline, intro, back, legend, roles, severities, incidents, lessons`,
	},
	{
		name: "typo'd field",
		doc:  edit("    title: A", "    tittle: A"),
		want: "f.yaml:4:5: incidents[0].title: missing required field\n" +
			`f.yaml:5:5: incidents[0].tittle: unknown field; did you mean "title"?`,
	},
	{
		name: "misspelt case",
		doc:  edit("myRole:", "my_role:"),
		want: "f.yaml:4:5: incidents[0].myRole: missing required field\n" +
			`f.yaml:10:5: incidents[0].my_role: unknown field; did you mean "myRole"?`,
	},
	{
		name: "wrong enum",
		doc:  good + "    command: commander\n",
		want: `f.yaml:13:14: incidents[0].command: unknown command role "commander"; want one of incident-commander, deputy-commander, communications-lead, operations-lead, scribe, subject-matter-expert, responder`,
	},
	{
		name: "missing section",
		doc:  edit("    permanentFix: [F]\n", ""),
		want: `f.yaml:4:5: incidents[0].permanentFix: missing required field`,
	},
	{
		name: "empty section list",
		doc:  edit("situation: [S]", "situation: []"),
		want: `f.yaml:9:16: incidents[0].situation: empty: want at least one paragraph`,
	},
	{
		name: "no incidents",
		doc:  "title: T\ntagline: Tag\nincidents: []\n",
		want: `f.yaml:3:12: incidents: no incidents: a portfolio needs at least one`,
	},
	{
		name:   "duplicate ID",
		doc:    good + strings.SplitAfterN(good, "incidents:\n", 2)[1],
		want:   `f.yaml:13:9: incidents[1].id: duplicate id "a": incidents[0] has it too`,
		schema: schemaAccepts,
		why:    "uniqueness of a property across array items",
	},
	{
		name: "malformed ID",
		doc:  edit("id: a", "id: Bad_ID"),
		want: `f.yaml:4:9: incidents[0].id: malformed id "Bad_ID": want lower-case letters and digits in words joined by single hyphens, at most 64 bytes; try "bad-id"`,
	},
	{
		name: "javascript URL",
		doc:  good + "    links:\n      - {title: X, url: \"javascript:alert(1)\", kind: article}\n",
		want: `f.yaml:14:25: incidents[0].links[0].url: bad URL "javascript:alert(1)": scheme "javascript" not allowed; want http or https`,
	},
	{
		name: "relative write-up URL",
		doc:  good + "    links:\n      - {title: X, url: /postmortem, kind: postmortem}\n",
		want: `f.yaml:14:25: incidents[0].links[0].url: bad URL "/postmortem": want an absolute http or https URL`,
	},
	{
		name: "javascript back link",
		doc:  good + "back: {text: Home, href: \"JavaScript:alert(1)\"}\n",
		want: `f.yaml:13:26: back.href: bad URL "JavaScript:alert(1)": scheme "javascript" not allowed; want http, https, mailto or a relative URL`,
	},
	{
		name:   "URL the Go parser refuses",
		doc:    good + "    links:\n      - {title: X, url: \"https://example.com/%zz\", kind: article}\n",
		want:   `f.yaml:14:25: incidents[0].links[0].url: bad URL "https://example.com/%zz": parse "https://example.com/%zz": invalid URL escape "%zz"`,
		schema: schemaAccepts,
		why:    "the pattern checks the scheme, host and characters, not percent-escapes or ports",
	},
	{
		name: "number for title",
		doc:  edit("title: T", "title: 123"),
		want: `f.yaml:1:8: title: want a string, got an integer 123; write "123" in quotes if it is text`,
	},
	{
		name: "boolean for title",
		doc:  edit("title: A", "title: true"),
		want: `f.yaml:5:12: incidents[0].title: want a string, got a boolean true; write "true" in quotes if it is text`,
	},
	{
		name: "mapping where a string goes",
		doc:  edit("tagline: Tag", "tagline: {text: Tag}"),
		want: `f.yaml:2:10: tagline: want a string, got a mapping`,
	},
	{
		name: "list where a mapping goes",
		doc:  good + "lessons: [a, b]\n",
		want: `f.yaml:13:10: lessons: want a mapping with file, heading and items, got a list`,
	},
	{
		name: "null for an optional field",
		doc:  good + "    org:\n",
		want: `f.yaml:13:9: incidents[0].org: want a string, got null`,
	},
	{
		name: "JSON",
		doc:  `{"title": 123, "tagline": "T", "incidents": []}`,
		want: "f.yaml:1:11: title: want a string, got an integer 123; write \"123\" in quotes if it is text\n" +
			"f.yaml:1:45: incidents: no incidents: a portfolio needs at least one",
	},
	{
		name:   "malformed JSON",
		doc:    `{"title": "T" "tagline": "T"}`,
		want:   `f.yaml:1:1: YAML syntax: did not find expected ',' or '}'`,
		schema: noDocument,
	},
	{
		name:   "malformed YAML",
		doc:    edit("situation: [S]", "situation: [S"),
		want:   `f.yaml:9:5: YAML syntax: did not find expected ',' or ']'`,
		schema: noDocument,
	},
	{
		name: "empty file",
		doc:  "# nothing but a comment\n",
		want: `f.yaml: empty file: want a mapping with title, tagline and incidents`,
	},
	{
		name: "missing title",
		doc:  edit("title: T\n", ""),
		want: `f.yaml:1:1: title: missing required field`,
	},
	{
		name: "blank title",
		doc:  edit("title: T", `title: "  "`),
		want: `f.yaml:1:8: title: blank text`,
	},
	{
		name: "invisible title",
		doc:  edit("title: T", `title: "\u202e \u3164"`),
		want: `f.yaml:1:8: title: blank text: only white space and invisible characters such as U+202E`,
	},
	{
		name: "unknown severity",
		doc:  edit("severity: P1", "severity: P9"),
		want: `f.yaml:7:15: incidents[0].severity: unknown severity "P9"; want one of P1, P2, P3, P4`,
	},
	{
		name: "malformed severity",
		doc:  edit("severity: P1", `severity: "P 1"`),
		want: `f.yaml:7:15: incidents[0].severity: malformed severity "P 1": want letters, digits, '-', '_' or '.'`,
	},
	{
		name:   "severity not on the declared scale",
		doc:    good + "severities: [{code: SEV-1, label: Critical, level: 1}]\n",
		want:   `f.yaml:7:15: incidents[0].severity: unknown severity "P1"; want one of SEV-1`,
		schema: schemaAccepts,
		why:    "membership in a list declared elsewhere in the file",
	},
	{
		name:   "duplicate severity code",
		doc:    edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: 1}, {code: S1, label: Two, level: 2}]\n",
		want:   `f.yaml:13:55: severities[1].code: duplicate severity "S1"`,
		schema: schemaAccepts,
		why:    "uniqueness of a property across array items",
	},
	{
		name:   "role not among the declared ones",
		doc:    edit("role: caused-and-fixed", "role: scapegoat") + "roles: [{key: on-call, label: On call}]\n",
		want:   `f.yaml:6:11: incidents[0].role: unknown role "scapegoat"; want one of caused-and-fixed, led-resolution, on-call`,
		schema: schemaAccepts,
		why:    "membership in a list declared elsewhere in the file (the schema checks roles only when none are declared)",
	},
	{
		name: "undeclared role",
		doc:  edit("role: caused-and-fixed", "role: scapegoat"),
		want: `f.yaml:6:11: incidents[0].role: unknown role "scapegoat"; want one of caused-and-fixed, led-resolution`,
	},
	{
		name:   "duplicate declared role",
		doc:    good + "roles: [{key: led-resolution, label: Led}]\n",
		want:   `f.yaml:13:15: roles[0].key: role "led-resolution" is built in: leave it out of roles`,
		schema: schemaAccepts,
		why:    "uniqueness against the built-in roles",
	},
	{
		name: "bad duration length",
		doc:  edit("duration: 4h", "duration: {text: Long, length: 4x}"),
		want: `f.yaml:8:36: incidents[0].duration.length: malformed duration "4x": want a length such as 4h, 30m, 1h30m or 2d`,
	},
	{
		name: "zero duration length",
		doc:  edit("duration: 4h", "duration: {text: Long, length: 0h}"),
		want: `f.yaml:8:36: incidents[0].duration.length: malformed duration "0h": the length must be positive`,
	},
	{
		name:   "duration length too long",
		doc:    edit("duration: 4h", "duration: {text: Long, length: 200000d}"),
		want:   `f.yaml:8:36: incidents[0].duration.length: malformed duration "200000d": too long`,
		schema: schemaAccepts,
		why:    "the sum of a length's parts against the largest time.Duration",
	},
	{
		name: "duration length as a number",
		doc:  edit("duration: 4h", "duration: {text: Long, length: 3600}"),
		want: `f.yaml:8:36: incidents[0].duration.length: want a length such as 60h, got an integer 3600`,
	},
	{
		name: "duration without text",
		doc:  edit("duration: 4h", "duration: {length: 4h}"),
		want: `f.yaml:8:15: incidents[0].duration.text: missing required field`,
	},
	{
		name: "bad date",
		doc:  good + "    when: 2023-13-01\n",
		want: `f.yaml:13:11: incidents[0].when: date "2023-13-01": month out of range`,
	},
	{
		name:   "no such day",
		doc:    good + "    when: 2023-02-30\n",
		want:   `f.yaml:13:11: incidents[0].when: date "2023-02-30": no such day`,
		schema: schemaAccepts,
		why:    "the length of a month",
	},
	{
		name:   "period ends before it starts",
		doc:    good + "    when: 2023-03-16/2023-03-14\n",
		want:   `f.yaml:13:11: incidents[0].when: period "2023-03-16/2023-03-14" ends before it starts`,
		schema: schemaAccepts,
		why:    "an order between two dates in one string",
	},
	{
		name: "year out of range",
		doc:  good + "    when: 1850\n",
		want: `f.yaml:13:11: incidents[0].when: date "1850": year out of range`,
	},
	{
		name: "negative year",
		doc:  good + "    when: -2023\n",
		want: `f.yaml:13:11: incidents[0].when: malformed date "-2023": want YYYY, YYYY-MM or YYYY-MM-DD`,
	},
	{
		name: "huge year",
		doc:  good + "    when: 99999999999999999999\n",
		want: `f.yaml:13:11: incidents[0].when: year 99999999999999999999 out of range`,
	},
	{
		name: "fractional level",
		doc:  edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: 1.5}]\n",
		want: `f.yaml:13:44: severities[0].level: want an integer, got a number 1.5`,
	},
	{
		name: "level as text",
		doc:  edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: \"1\"}]\n",
		want: `f.yaml:13:44: severities[0].level: want an integer, got "1"`,
	},
	{
		name: "line break in a paragraph",
		doc:  edit("situation: [S]", "situation:\n      - |\n        one\n        two"),
		want: `f.yaml:10:9: incidents[0].situation[0]: line break at byte 3: one paragraph is one line; start a new list item for a new paragraph`,
	},
	{
		name: "control character",
		doc:  edit("title: A", `title: "A\u0007"`),
		want: `f.yaml:5:12: incidents[0].title: control character U+0007 at byte 1`,
	},
	{
		name:   "quoted line break at the end",
		doc:    edit("title: T", `title: "T\n"`),
		want:   `f.yaml:1:8: title: line break at byte 1: one paragraph is one line; start a new list item for a new paragraph`,
		schema: schemaAccepts,
		why:    "the schema allows the final line break of a block scalar, which the loader drops; it cannot tell a quoted one",
	},
	{
		name: "duplicate tag",
		doc:  good + "    tags: [k8s, k8s]\n",
		want: `f.yaml:13:17: incidents[0].tags[1]: duplicate tag "k8s"`,
	},
	{
		name: "figure not a number",
		doc:  good + "    impact: [{label: Lost, value: .nan}]\n",
		want: `f.yaml:13:35: incidents[0].impact[0].value: want a finite number, got .nan`,
	},
	{
		name: "figure value as text",
		doc:  good + "    impact: [{label: Lost, value: \"12\"}]\n",
		want: `f.yaml:13:35: incidents[0].impact[0].value: want a number, got "12"; write the number without quotes`,
	},
	{
		name: "negative level",
		doc:  edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: -1}]\n",
		want: `f.yaml:13:44: severities[0].level: negative level -1`,
	},
	{
		name: "lessons without items",
		doc:  good + "lessons: {file: l.sh, heading: Lessons}\n",
		want: `f.yaml:13:10: lessons.items: missing required field`,
	},
	{
		name: "action of an unknown kind",
		doc:  good + "    actions: [{text: Do it, kind: maybe}]\n",
		want: `f.yaml:13:35: incidents[0].actions[0].kind: unknown action kind "maybe"; want one of mitigate, prevent, process`,
	},
	{
		name:   "duplicate key",
		doc:    edit("tagline: Tag\n", "tagline: Tag\ntagline: Tag\n"),
		want:   `f.yaml:3:1: tagline: given twice: first at 2:1; keep one`,
		schema: schemaAccepts,
		why:    "JSON readers keep the last of duplicate keys; the schema never sees the first",
	},
	{
		name:   "anchor and alias",
		doc:    edit("tagline: Tag", "tagline: &t Tag\nlegend: *t"),
		want:   `f.yaml:2:10: anchors (&t) are not allowed: write each value out in full`,
		schema: schemaAccepts,
		why:    "aliases are YAML syntax, resolved before a schema sees the value",
	},
	{
		name:   "explicit tag",
		doc:    edit("title: T", "title: !!str 123"),
		want:   `f.yaml:1:8: tags are not allowed (!!str); quote a value to make it a string`,
		schema: schemaAccepts,
		why:    "tags are YAML syntax, resolved before a schema sees the value",
	},
	{
		name:   "two documents",
		doc:    good + "---\n" + good,
		want:   `f.yaml:13:1: a second document: a content file holds one portfolio`,
		schema: schemaAccepts,
		why:    "editors check each document of a stream on its own",
	},
	{
		name:   "invalid UTF-8",
		doc:    edit("title: T", "title: T\xff"),
		want:   `f.yaml:1:9: invalid UTF-8: save the file as UTF-8`,
		schema: noDocument,
	},
}

func TestBadFiles(t *testing.T) {
	sch := compileSchema(t)
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes("f.yaml", []byte(tc.doc))
			if err == nil {
				t.Fatalf("the loader accepts:\n%s", tc.doc)
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("loader error (-want +got):\n%s", diff)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Errorf("error is a %T, want load.Errors", err)
			}

			v, convErr := toJSON([]byte(tc.doc))
			switch tc.schema {
			case noDocument:
				if convErr == nil {
					t.Errorf("the file parses as YAML; want a parse error")
				}
				return
			case schemaRejects, schemaAccepts:
				if convErr != nil {
					t.Fatalf("converting to JSON: %v", convErr)
				}
			}
			schemaErr := sch.Validate(v)
			switch {
			case tc.schema == schemaRejects && schemaErr == nil:
				t.Errorf("the loader rejects it but the schema accepts it")
			case tc.schema == schemaAccepts && schemaErr != nil:
				t.Errorf("marked a disagreement (%s) but the schema rejects it too: %v", tc.why, schemaErr)
			}
		})
	}
}

// TestGoodFiles checks that the bundled portfolio, the full one, and a few
// variants pass both the loader and the schema.
func TestGoodFiles(t *testing.T) {
	sch := compileSchema(t)
	files := map[string][]byte{
		"good":              []byte(good),
		"block scalars":     []byte(edit("situation: [S]", "situation:\n      - >\n        one\n        two\n      - |\n        three")),
		"bare year":         []byte(good + "    when: 2023\n"),
		"hex year":          []byte(good + "    when: 0x7E7\n"),
		"signed year":       []byte(good + "    when: +2023\n"),
		"float year":        []byte(good + "    when: 2023.0\n"),
		"float level":       []byte(edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: 1.0}]\n"),
		"partial date":      []byte(good + "    when: 2023-03\n"),
		"range":             []byte(good + "    when: 2023-03-14/2023-03-16\n"),
		"duration mapping":  []byte(edit("duration: 4h", "duration: {text: \"Weekend (Fri-Sun)\", length: 2d12h}")),
		"duration text":     []byte(edit("duration: 4h", "duration: Weekend (Fri-Sun)")),
		"declared role":     []byte(edit("role: caused-and-fixed", "role: on-call") + "roles: [{key: on-call, label: On call}]\n"),
		"empty lists given": []byte(good + "roles: []\nseverities: []\nintro: []\n"),
		"JSON": []byte(`{"title": "T", "tagline": "Tag", "incidents": [{"id": "a", "title": "A",
			"role": "led-resolution", "severity": "P2", "duration": {"text": "Two hours", "length": "2h"},
			"situation": ["S"], "myRole": ["M"], "resolution": ["R"], "permanentFix": ["F"],
			"when": "2023", "impact": [{"label": "Lost", "value": 12, "before": 0}]}]}`),
	}
	for _, name := range []string{"../../portfolio.yaml", "../../testdata/full.yaml"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	for name, doc := range files {
		t.Run(name, func(t *testing.T) {
			if _, err := Bytes(name, doc); err != nil {
				t.Errorf("the loader rejects it:\n%v", err)
			}
			v, err := toJSON(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("the schema rejects it:\n%v", err)
			}
		})
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := schema.Content()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("portfolio.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("portfolio.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// toJSON reads the first YAML document of data into the values a JSON
// Schema validator takes, as an editor sees them: scalars resolved by the
// YAML 1.2 core schema, aliases expanded, a block scalar keeping its
// final line break. An infinity or NaN stays a string, since JSON has no
// such number.
func toJSON(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Kind == 0 {
		return nil, nil // an empty stream is a null document
	}
	return nodeJSON(doc.Content[0]), nil
}

func nodeJSON(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return nodeJSON(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeJSON(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := []any{}
		for _, c := range n.Content {
			s = append(s, nodeJSON(c))
		}
		return s
	}
	if n.Style&yaml.TaggedStyle != 0 && n.ShortTag() == "!!str" {
		return n.Value
	}
	switch scalarKind(n) {
	case kindNull:
		return nil
	case kindBool:
		return strings.EqualFold(n.Value, "true")
	case kindInt, kindFloat:
		f, err := scalarFloat(n)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return n.Value
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	return n.Value
}
