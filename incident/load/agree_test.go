package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/internal/conformance"
	"github.com/incident-leadership/portfolio/internal/textchar"
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

// Why the schema accepts what the loader refuses, for disagreements that
// come more than once.
const (
	whyUnique       = "uniqueness of a property across array items"
	whyDuplicateKey = "JSON readers keep the last of duplicate keys; the schema never sees the first"
	whyStream       = "editors check each document of a stream on its own"
	whySurrogate    = "JSON readers turn half a surrogate pair into U+FFFD; the schema never sees it"
	whyEventOrder   = "an order between items of an array"
	whyInsideWhen   = "an order between the times of the events and the incident's when"
	whyDateOrder    = "an order between two dates in one string"
	whyFinalBreak   = "the schema allows the final line break of a block scalar, which the loader drops; it cannot tell a quoted one"
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
		why:    whyUnique,
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
		why:    whyUnique,
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
		want: `f.yaml:8:36: incidents[0].duration.length: malformed duration "4x": unknown unit "x": the units are d, h, m and s, or day, hour, minute and second; want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~`,
	},
	{
		name: "unreadable duration",
		doc:  edit("duration: 4h", "duration: 2h 15"),
		want: `f.yaml:8:15: incidents[0].duration: malformed duration "2h 15": 15 has no unit; want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~ (for other words, write {text: ..., length: ...})`,
	},
	{
		name: "approximate duration with a misspelt unit",
		doc:  edit("duration: 4h", "duration: about 6 hourz"),
		want: `f.yaml:8:15: incidents[0].duration: malformed duration "about 6 hourz": unknown unit "hourz": the units are d, h, m and s, or day, hour, minute and second; want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~ (for other words, write {text: ..., length: ...})`,
	},
	{
		name: "approximate duration without a length",
		doc:  edit("duration: 4h", "duration: {text: A while, approximate: true}"),
		want: `f.yaml:8:44: incidents[0].duration.approximate: approximate needs a length: give one, as in length: 6h`,
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
		want:   `f.yaml:13:11: incidents[0].when: period "2023-03-16/2023-03-14" ends before it starts: write the earlier end first`,
		schema: schemaAccepts,
		why:    whyDateOrder,
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
		want: `f.yaml:11:12: incidents[0].situation[0]: line break in a "|" block: one paragraph is one line; write ">" instead of "|" to fold the lines into one, or start a new list item for a new paragraph`,
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
		why:    whyFinalBreak,
	},
	{
		name: "quoted line breaks at the end",
		doc:  edit("title: T", `title: "T\n\n"`),
		want: `f.yaml:1:8: title: line break at byte 1: one paragraph is one line; start a new list item for a new paragraph`,
	},
	{
		name: "block scalar keeping two line breaks",
		doc:  edit("title: T", "title: |+\n  T\n\n"),
		want: `f.yaml:2:4: title: line break in a "|" block: one paragraph is one line; write ">" instead of "|" to fold the lines into one, or start a new list item for a new paragraph`,
	},
	{
		name:   "quoted line break after an ID",
		doc:    edit("id: a", `id: "a\n"`),
		want:   `f.yaml:4:9: incidents[0].id: malformed id "a\n": want lower-case letters and digits in words joined by single hyphens, at most 64 bytes; try "a"`,
		schema: schemaAccepts,
		why:    whyFinalBreak,
	},
	{
		name: "line breaks after a severity",
		doc:  edit("severity: P1", `severity: "P1\n\n"`),
		want: `f.yaml:7:15: incidents[0].severity: malformed severity "P1\n\n": want letters, digits, '-', '_' or '.'`,
	},
	{
		name: "line breaks after a date",
		doc:  good + "    when: \"2023\\n\\n\"\n",
		want: `f.yaml:13:11: incidents[0].when: want a date such as 2023-03-14, 2023-03 or 2023, a date and time such as 2023-03-14T13:42Z, or a range such as 2023-03-14/2023-03-16, got "2023\n\n"`,
	},
	{
		name: "line breaks after a URL",
		doc:  good + "    links:\n      - {title: X, url: \"https://example.com/\\n\\n\", kind: article}\n",
		want: `f.yaml:14:25: incidents[0].links[0].url: line break at byte 20: one paragraph is one line; start a new list item for a new paragraph`,
	},
	{
		name: "title of a language tag, above U+FFFF",
		doc:  edit("title: T", `title: "\U000E0001"`),
		want: `f.yaml:1:8: title: blank text: only white space and invisible characters such as U+E0001`,
	},
	{
		name: "title of tag characters and a zero width space",
		doc:  edit("title: T", `title: "\U000E0020\U000E007F \u200b"`),
		want: `f.yaml:1:8: title: blank text: only white space and invisible characters such as U+E0020`,
	},
	{
		name: "title of a soft hyphen, a blank braille pattern and a musical format character",
		doc:  edit("title: A", `title: "\u00ad\u2800\U0001D173"`),
		want: `f.yaml:5:12: incidents[0].title: blank text: only white space and invisible characters such as U+00AD`,
	},
	{
		name: "tagline of a vowel separator, a byte order mark and an ideographic space",
		doc:  edit("tagline: Tag", `tagline: "\u180e\ufeff\u3000"`),
		want: `f.yaml:2:10: tagline: blank text: only white space and invisible characters such as U+180E`,
	},
	{
		name: "tag of a Kaithi number sign, a format character above U+FFFF",
		doc:  good + "    tags: [\"\\U000110BD\"]\n",
		want: `f.yaml:13:12: incidents[0].tags[0]: blank text: only white space and invisible characters such as U+110BD`,
	},
	{
		name:   "invisible character in a URL",
		doc:    good + "    links:\n      - {title: X, url: \"https://example.com/\\u200b\", kind: article}\n",
		want:   `f.yaml:14:25: incidents[0].links[0].url: bad URL "https://example.com/\u200b": invisible character U+200B at byte 20 must be percent-encoded`,
		schema: schemaAccepts,
		why:    "the URL patterns refuse control characters, spaces and backslashes only; the loader also refuses invisible and unassigned characters, which above U+FFFF no portable pattern can list",
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
		name: "time without a zone",
		doc:  good + "    when: 2023-03-14T13:42\n",
		want: `f.yaml:13:11: incidents[0].when: time "2023-03-14T13:42" has no zone: add Z if it is UTC, as in 2023-03-14T13:42Z, or its offset from UTC, as in 2023-03-14T13:42+01:00`,
	},
	{
		name: "time after a space",
		doc:  good + "    when: 2023-03-14 13:42Z\n",
		want: `f.yaml:13:11: incidents[0].when: date "2023-03-14 13:42Z": write T between the date and the time, as in 2023-03-14T13:42Z`,
	},
	{
		name: "range from a date to a time",
		doc:  good + "    when: 2023-03-14/2023-03-14T13:42Z\n",
		want: `f.yaml:13:11: incidents[0].when: period "2023-03-14/2023-03-14T13:42Z": one end has a time of day and the other not; give both ends as dates, or both as date-times such as 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`,
	},
	{
		name:   "time range ends before it starts",
		doc:    good + "    when: 2023-03-14T14:09+01:00/2023-03-14T13:00Z\n",
		want:   `f.yaml:13:11: incidents[0].when: period "2023-03-14T14:09+01:00/2023-03-14T13:00Z" ends before it starts: write the earlier end first`,
		schema: schemaAccepts,
		why:    whyDateOrder,
	},
	{
		name: "event without a time of day",
		doc:  good + "    timeline: [{at: 2023-03-14, text: Alert fired}]\n",
		want: `f.yaml:13:21: incidents[0].timeline[0].at: 2023-03-14 has no time of day: a timeline event needs one, with its zone, as in at: 2023-03-14T13:42Z`,
	},
	{
		name: "event of an unknown kind and state",
		doc:  good + "    timeline: [{at: \"2023-03-14T13:42Z\", text: Alert fired, kind: alerted, state: up}]\n",
		want: "f.yaml:13:67: incidents[0].timeline[0].kind: unknown event kind \"alerted\"; want one of started, detected, escalated, mitigated, resolved\n" +
			`f.yaml:13:83: incidents[0].timeline[0].state: unknown service state "up"; want one of down, degraded, recovered`,
	},
	{
		name:   "events out of order",
		doc:    good + "    timeline:\n      - {at: 2023-03-14T13:42Z, text: Alert fired}\n      - {at: 2023-03-14T14:00+01:00, text: Paged}\n",
		want:   `f.yaml:15:14: incidents[0].timeline[1].at: 2023-03-14T14:00+01:00 is earlier than the event above it, at 2023-03-14T13:42Z: list the timeline's events in the order they happened`,
		schema: schemaAccepts,
		why:    whyEventOrder,
	},
	{
		name:   "event outside when",
		doc:    good + "    when: 2023-03-14\n    timeline: [{at: 2023-03-15T00:30Z, text: Resolved}]\n",
		want:   `f.yaml:14:21: incidents[0].timeline[0].at: 2023-03-15T00:30Z is after the incident's when, 2023-03-14: move the event, or end when later, as in when: 2023-03-14/2023-03-15`,
		schema: schemaAccepts,
		why:    whyInsideWhen,
	},
	{
		name: "unknown colour tier",
		doc:  edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: 1, tier: urgent}]\n",
		want: `f.yaml:13:53: severities[0].tier: unknown colour tier "urgent"; want one of critical, high, medium, low, info`,
	},
	{
		name: "figure text that starts with a number",
		doc:  good + "    impact: [{label: Regions, value: 3 of 5}]\n",
		want: `f.yaml:13:38: incidents[0].impact[0].value: want a number, got "3 of 5"; a text may not start with a number: write the number as the value and the words after it as the unit, as in value: 3, unit: of 5 regions`,
	},
	{
		name: "blank postmortem paragraph",
		doc:  good + "    wentWell: [\"\"]\n",
		want: `f.yaml:13:16: incidents[0].wentWell[0]: missing text`,
	},
	{
		name:   "duplicate key",
		doc:    edit("tagline: Tag\n", "tagline: Tag\ntagline: Tag\n"),
		want:   `f.yaml:3:1: tagline: given twice: first at 2:1; keep one`,
		schema: schemaAccepts,
		why:    whyDuplicateKey,
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
		why:    whyStream,
	},
	{
		name:   "invalid UTF-8",
		doc:    edit("title: T", "title: T\xff"),
		want:   `f.yaml:1:9: invalid UTF-8: save the file as UTF-8`,
		schema: noDocument,
	},
}

// TestBadFiles checks the loader's message for each bad file, and that
// the files marked noDocument, and only they, are no YAML document to a
// JSON Schema validator. TestSchemaAgrees checks the validators' verdicts.
func TestBadFiles(t *testing.T) {
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
			if _, convErr := toJSON([]byte(tc.doc)); (convErr != nil) != (tc.schema == noDocument) {
				t.Errorf("converting to JSON: error %v; want one only for a file marked noDocument", convErr)
			}
			if (tc.why != "") != (tc.schema == schemaAccepts) {
				t.Errorf("why = %q: want a reason exactly for a disagreement", tc.why)
			}
		})
	}
}

// goodFiles are the bundled portfolio, the full one, and a few variants:
// content files both the loader and the schema accept.
func goodFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{
		"good":             []byte(good),
		"block scalars":    []byte(edit("situation: [S]", "situation:\n      - >\n        one\n        two\n      - |\n        three")),
		"block scalar ID":  []byte(edit("id: a", "id: |\n      a")),
		"bare year":        []byte(good + "    when: 2023\n"),
		"hex year":         []byte(good + "    when: 0x7E7\n"),
		"signed year":      []byte(good + "    when: +2023\n"),
		"float year":       []byte(good + "    when: 2023.0\n"),
		"float level":      []byte(edit("severity: P1", "severity: S1") + "severities: [{code: S1, label: One, level: 1.0}]\n"),
		"partial date":     []byte(good + "    when: 2023-03\n"),
		"range":            []byte(good + "    when: 2023-03-14/2023-03-16\n"),
		"duration mapping": []byte(edit("duration: 4h", "duration: {text: \"Weekend (Fri-Sun)\", length: 2d12h}")),
		"date-time":        []byte(good + "    when: 2023-03-14T13:42Z\n"),
		"date-time range":  []byte(good + "    when: 2023-03-14T13:42:05.25+05:30/2023-03-14T14:09-08:00\n"),
		"timeline": []byte(good + "    when: 2023-03-14/2023-03-15\n    timeline:\n" +
			"      - {at: 2023-03-14T23:42Z, text: Deploy, kind: started, state: degraded}\n" +
			"      - {at: \"2023-03-15T00:50+01:00\", text: Paged, kind: detected, state: down}\n" +
			"      - at: 2023-03-15T01:10:30Z\n        text: >\n          Rolled back\n        kind: mitigated\n        state: recovered\n" +
			"      - {at: 2023-03-15T02:00Z, text: Closed, kind: resolved}\n"),
		"figure text": []byte(good + "    results: [{label: Rule rollout, before: seconds, value: staged over hours}, {label: Lost, value: NaN}, {label: Moved, value: \".NET 8\"}]\n"),
		"colour tiers": []byte(edit("severity: P1", "severity: P0") +
			"severities: [{code: P0, label: Emergency, level: 0, tier: critical}, {code: P1, label: Critical, level: 1}, {code: P5, label: Notice, level: 5, tier: info}]\n"),
		"postmortem parts":                []byte(good + "    summary: [S]\n    trigger: [T]\n    rootCause: [R]\n    detection: [D]\n    wentWell: [W]\n    wentWrong: [X]\n    gotLucky: [L]\n"),
		"duration text":                   []byte(edit("duration: 4h", "duration: Weekend (Fri-Sun)")),
		"duration in words":               []byte(edit("duration: 4h", "duration: 24 hours 11 minutes")),
		"duration with spaces":            []byte(edit("duration: 4h", "duration: 1h 30 min")),
		"decimal duration":                []byte(edit("duration: 4h", "duration: 1.5h")),
		"approximate duration":            []byte(edit("duration: 4h", "duration: about 6 hours")),
		"approximate duration, tilde":     []byte(edit("duration: 4h", `duration: "~6h"`)),
		"approximate duration, approx.":   []byte(edit("duration: 4h", "duration: approx. 2h")),
		"approximate duration mapping":    []byte(edit("duration: 4h", "duration: {text: Most of a day, length: 20 hours, approximate: true}")),
		"prose duration after about":      []byte(edit("duration: 4h", "duration: about a day")),
		"declared role":                   []byte(edit("role: caused-and-fixed", "role: on-call") + "roles: [{key: on-call, label: On call}]\n"),
		"empty lists given":               []byte(good + "roles: []\nseverities: []\nintro: []\n"),
		"emoji title":                     []byte(edit("title: T", `title: "\U0001F692"`)),
		"emoji after a tag":               []byte(edit("title: T", `title: "\U000E0001\U0001F692"`)),
		"letter after a tag":              []byte(edit("title: T", `title: "\u200b\U000E0001x"`)),
		"drawn format sign":               []byte(edit("title: T", `title: "\u0600"`)),
		"variation selector above U+FFFF": []byte(edit("title: T", `title: "\U000E0100"`)),
		"unassigned above U+FFFF":         []byte(edit("title: T", `title: "\U000E0002"`)),
		"JSON": []byte(`{"title": "T", "tagline": "Tag", "incidents": [{"id": "a", "title": "A",
			"role": "led-resolution", "severity": "P2", "duration": {"text": "Two hours", "length": "2h"},
			"situation": ["S"], "myRole": ["M"], "resolution": ["R"], "permanentFix": ["F"],
			"when": "2023", "impact": [{"label": "Lost", "value": 12, "before": 0}]}]}`),
	}
	for _, name := range []string{portfolioFile, fullFile} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	return files
}

// How the schema sees the files of the error catalogue (testdata/errors)
// that are not simply rejected, as in the bad table above.
var catalogueSchema = map[string]struct {
	schema verdict
	why    string
}{
	"duplicate-id.yaml":  {schemaAccepts, whyUnique},
	"duplicate-key.yaml": {schemaAccepts, whyDuplicateKey},
	"two-documents.yaml": {schemaAccepts, whyStream},

	"timeline-out-of-order.yaml":  {schemaAccepts, whyEventOrder},
	"timeline-outside-when.yaml":  {schemaAccepts, whyInsideWhen},
	"when-ends-before-start.yaml": {schemaAccepts, whyDateOrder},

	"json-duplicate-key.json":   {schemaAccepts, whyDuplicateKey},
	"json-lone-surrogate.json":  {schemaAccepts, whySurrogate},
	"json-bad-escape.json":      {schema: noDocument},
	"json-comment.json":         {schema: noDocument},
	"json-missing-comma.json":   {schema: noDocument},
	"json-nan.json":             {schema: noDocument},
	"json-single-quotes.json":   {schema: noDocument},
	"json-unclosed-string.json": {schema: noDocument},

	"colon-in-paragraph.yaml":               {schema: noDocument},
	"indented-key.yaml":                     {schema: noDocument},
	"latin1.yaml":                           {schema: noDocument},
	"line-separator.yaml":                   {schema: noDocument},
	"no-space-after-dash.yaml":              {schema: noDocument},
	"quote-over-two-lines-then-indent.yaml": {schema: noDocument},
	"quote-over-two-lines.yaml":             {schema: noDocument},
	"tab-before-key.yaml":                   {schema: noDocument},
	"tab-in-folded.yaml":                    {schema: noDocument},
	"tab-indentation.yaml":                  {schema: noDocument},
	"trailing-comma.json":                   {schema: noDocument},
	"unclosed-quote.yaml":                   {schema: noDocument},
	"unclosed-single-quote.yaml":            {schema: noDocument},
	"unquoted-colon.yaml":                   {schema: noDocument},
	"wrong-indentation-after-quote.yaml":    {schema: noDocument},
	"wrong-indentation-later.yaml":          {schema: noDocument},
	"wrong-indentation-three-lines.yaml":    {schema: noDocument},
	"wrong-indentation.yaml":                {schema: noDocument},
}

// A document the validators judge: a content file converted to JSON, and
// the verdict every validator must give.
type agreeDoc struct {
	name  string
	data  json.RawMessage
	valid bool // the loader's verdict, but for the disagreements marked
}

// agreeDocs returns the documents of TestSchemaAgrees: the good files and
// the bad ones of the tables above, every file of the error catalogue
// (TestErrorCatalogue checks that the loader refuses them), and
// one-title documents of the characters on either side of each edge
// between control, blank and visible characters, in all of Unicode, whose
// verdict it checks with the loader on the way.
func agreeDocs(t *testing.T) []agreeDoc {
	t.Helper()
	var docs []agreeDoc
	add := func(name string, src []byte, isJSON, valid bool) {
		t.Helper()
		data, err := jsonOf(src, isJSON)
		if err != nil {
			t.Fatalf("%s: converting to JSON: %v", name, err)
		}
		docs = append(docs, agreeDoc{name, data, valid})
	}
	files := goodFiles(t)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if _, err := Bytes(name, files[name]); err != nil {
			t.Errorf("good/%s: the loader refuses it: %v", name, err)
		}
		add("good/"+name, files[name], false, true)
	}
	for _, tc := range bad {
		if tc.schema != noDocument {
			add("bad/"+tc.name, []byte(tc.doc), false, tc.schema == schemaAccepts)
		}
	}

	names, err := filepath.Glob("testdata/errors/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		base, ext := filepath.Base(name), filepath.Ext(name)
		if ext != ".yaml" && ext != ".json" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want := catalogueSchema[base]
		if _, err := jsonOf(src, ext == ".json"); (err != nil) != (want.schema == noDocument) {
			t.Errorf("%s: converting to JSON: error %v; want one only for a file marked noDocument", base, err)
			continue
		}
		if want.schema != noDocument {
			add("catalogue/"+base, src, ext == ".json", want.schema == schemaAccepts)
		}
	}
	for base, want := range catalogueSchema {
		if _, err := os.Stat(filepath.Join("testdata/errors", base)); err != nil {
			t.Errorf("catalogueSchema names %s: %v", base, err)
		}
		if (want.why != "") != (want.schema == schemaAccepts) {
			t.Errorf("catalogueSchema[%s].why = %q: want a reason exactly for a disagreement", base, want.why)
		}
	}

	for _, r := range charEdges() {
		name, doc := fmt.Sprintf("char/%U", r), []byte(edit("title: T", fmt.Sprintf(`title: "\U%08X"`, r)))
		valid := textchar.Visible(r) && !textchar.Control(r)
		if _, err := Bytes(name, doc); (err == nil) != valid {
			t.Errorf("%s: the loader says %v; want valid = %v", name, err, valid)
		}
		add(name, doc, false, valid)
	}
	return docs
}

// charEdges returns the characters on either side of each edge between
// control, blank (white space or invisible) and visible characters, in
// order, without surrogates.
func charEdges() []rune {
	kind := func(r rune) int {
		switch {
		case textchar.Control(r):
			return 0
		case !textchar.Visible(r):
			return 1
		}
		return 2
	}
	var edges []rune
	prev := rune(0)
	for r := rune(1); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		if kind(r) != kind(prev) {
			if len(edges) == 0 || edges[len(edges)-1] != prev {
				edges = append(edges, prev)
			}
			edges = append(edges, r)
		}
		prev = r
	}
	return edges
}

// jsonOf converts a content file to the JSON a validator checks: a .json
// file strictly, as JSON (one value, no trailing commas), any other as
// YAML (toJSON).
func jsonOf(src []byte, isJSON bool) (json.RawMessage, error) {
	var v any
	if isJSON {
		d := json.NewDecoder(bytes.NewReader(src))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		if _, err := d.Token(); err != io.EOF {
			return nil, errors.New("more after the JSON value")
		}
	} else {
		var err error
		if v, err = toJSON(src); err != nil {
			return nil, err
		}
	}
	return json.Marshal(v)
}

// TestSchemaAgrees checks that the committed content schema gives the
// loader's verdict, but for the disagreements marked above, on the
// documents of agreeDocs, in every validator users reach it through: Go's
// santhosh-tekuri/jsonschema, Ajv (draft 2020-12 with ajv-formats, with the
// u flag, as Ajv compiles patterns, and without it, as ECMAScript reads
// them by default) and Python's jsonschema (Draft202012Validator with the
// format checker), each in one process for all documents. Node and Python
// are skipped when missing, or fail the test when the CI environment
// variable is set.
func TestSchemaAgrees(t *testing.T) {
	schemaFile, err := os.ReadFile("../../portfolio.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := agreeDocs(t)
	valid := 0
	for _, d := range docs {
		if d.valid {
			valid++
		}
	}
	t.Logf("%d documents: %d valid, %d invalid", len(docs), valid, len(docs)-valid)

	// check compares a validator's verdicts with the wanted ones.
	check := func(t *testing.T, validator string, got map[string]bool, errs map[string][]string) {
		t.Helper()
		if len(got) != len(docs) {
			t.Errorf("%s judged %d documents, want %d", validator, len(got), len(docs))
		}
		for _, d := range docs {
			if v, ok := got[d.name]; ok && v != d.valid {
				t.Errorf("%s: %s says valid = %v, want %v\n%s\n%s", d.name, validator, v, d.valid, d.data, strings.Join(errs[d.name], "\n"))
			}
		}
		t.Logf("%s checked %d documents", validator, len(got))
	}

	t.Run("go", func(t *testing.T) {
		sch := compileSchema(t, schemaFile)
		got, errs := map[string]bool{}, map[string][]string{}
		for _, d := range docs {
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(d.data))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(v)
			got[d.name] = err == nil
			if err != nil {
				errs[d.name] = []string{err.Error()}
			}
		}
		check(t, "santhosh-tekuri/jsonschema/v6", got, errs)
	})

	type request struct {
		Schema             json.RawMessage `json:"schema"`
		Documents          []jsonDoc       `json:"documents"`
		WithoutUnicodeFlag bool            `json:"withoutUnicodeFlag,omitempty"`
	}
	type result struct {
		Name          string   `json:"name"`
		Valid         bool     `json:"valid"`
		Errors        []string `json:"errors"`
		ValidWithoutU *bool    `json:"validWithoutU"`
	}
	req := request{Schema: schemaFile}
	for _, d := range docs {
		req.Documents = append(req.Documents, jsonDoc{d.name, d.data})
	}
	verdicts := func(rs []result) (got, gotWithoutU map[string]bool, errs map[string][]string) {
		got, gotWithoutU, errs = map[string]bool{}, map[string]bool{}, map[string][]string{}
		for _, r := range rs {
			got[r.Name], errs[r.Name] = r.Valid, r.Errors
			if r.ValidWithoutU != nil {
				gotWithoutU[r.Name] = *r.ValidWithoutU
			}
		}
		return got, gotWithoutU, errs
	}

	t.Run("ajv", func(t *testing.T) {
		t.Parallel()
		node := conformance.FindNode(t, "ajv", "ajv-formats")
		req := req
		req.WithoutUnicodeFlag = true
		var res struct {
			Ajv          string   `json:"ajv"`
			AjvFormats   string   `json:"ajvFormats"`
			CompileError string   `json:"compileError"`
			Results      []result `json:"results"`
		}
		node.Run(t, "schema.mjs", req, &res)
		t.Logf("ajv %s, ajv-formats %s", res.Ajv, res.AjvFormats)
		if res.CompileError != "" {
			t.Fatalf("ajv cannot compile portfolio.schema.json: %s", res.CompileError)
		}
		got, withoutU, errs := verdicts(res.Results)
		check(t, "ajv", got, errs)
		check(t, "ajv without the u flag", withoutU, nil)
	})

	t.Run("python", func(t *testing.T) {
		t.Parallel()
		py := conformance.FindPython(t, "jsonschema")
		var res struct {
			Jsonschema    string   `json:"jsonschema"`
			Python        string   `json:"python"`
			SchemaErrors  []string `json:"schemaErrors"`
			ValidateError string   `json:"validateError"`
			Results       []result `json:"results"`
		}
		py.Run(t, "schema.py", req, &res)
		t.Logf("python %s, jsonschema %s", res.Python, res.Jsonschema)
		if len(res.SchemaErrors) > 0 {
			t.Errorf("jsonschema finds portfolio.schema.json invalid against its metaschema:\n%s", strings.Join(res.SchemaErrors, "\n"))
		}
		if res.ValidateError != "" {
			t.Fatalf("jsonschema fails validating: %s", res.ValidateError)
		}
		got, _, errs := verdicts(res.Results)
		check(t, "python jsonschema", got, errs)
	})
}

// jsonDoc is a document as the conformance scripts take it.
type jsonDoc struct {
	Name string          `json:"name"`
	Data json.RawMessage `json:"data"`
}

// compileSchema compiles the content schema b with santhosh-tekuri's
// validator, formats asserted.
func compileSchema(t *testing.T, b []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
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
