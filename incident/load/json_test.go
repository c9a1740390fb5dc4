package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/conformance"
	"github.com/incident-leadership/portfolio/internal/golden"
)

// jsonDir holds the content files converted to JSON by real encoders,
// committed so that the tests need nothing but Go; TestJSONEncoders
// makes them anew where the encoders are installed.
const jsonDir = "../../testdata/json"

// jsonSources are the YAML content files converted: the bundled portfolio
// (folded paragraphs, each with the final line break YAML keeps), and the
// full and hostile ones (emoji, U+2028, bidi controls, every field).
var jsonSources = map[string]string{
	"portfolio": portfolioFile,
	"full":      fullFile,
	"hostile":   "../../testdata/hostile.yaml",
}

// jsonEncoders name the encodings, each in testdata/json/SOURCE.NAME.json.
// "go" is the data every other one reads: the YAML file's values as the
// YAML 1.2 core schema reads them (as a YAML library gives them, a block
// scalar keeping its final line break), keys in the file's order, each
// value written by encoding/json's json.Marshal. The others are the usual
// calls of Python's json module and of JavaScript's JSON.stringify, as
// encoderScripts runs them.
var jsonEncoders = []string{"go", "python", "python-utf8", "python-indent", "node", "node-indent"}

// encoderScripts are the programs that write the encodings of each tool.
// Each reads an object of the sources' data, {"portfolio": {...}, ...},
// and writes an object of the text each encoding gives each source,
// {"portfolio.python": "{\"title\": ...", ...}: one run a tool, for all
// of them, since a run of python3 takes a second on a loaded machine.
// Python's json.dumps writes what json.dump does.
var encoderScripts = map[string][]string{
	"python3": {"-c", `import json, sys
sys.stdin.reconfigure(encoding="utf-8")
out = {}
for name, v in json.load(sys.stdin).items():
    out[name + ".python"] = json.dumps(v)
    out[name + ".python-utf8"] = json.dumps(v, ensure_ascii=False)
    out[name + ".python-indent"] = json.dumps(v, indent=2)
json.dump(out, sys.stdout)`},
	"node": {"-e", `const out = {};
for (const [name, v] of Object.entries(JSON.parse(require("fs").readFileSync(0, "utf8")))) {
  out[name + ".node"] = JSON.stringify(v);
  out[name + ".node-indent"] = JSON.stringify(v, null, 2);
}
process.stdout.write(JSON.stringify(out));`},
}

func jsonFile(source, encoder string) string {
	return filepath.Join(jsonDir, source+"."+encoder+".json")
}

// TestJSONFromEncoders loads each content file as every encoder writes it
// in JSON, and wants the portfolio its YAML gives.
func TestJSONFromEncoders(t *testing.T) {
	for source, yamlFile := range jsonSources {
		want, err := File(yamlFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range jsonEncoders {
			name := jsonFile(source, enc)
			t.Run(filepath.Base(name), func(t *testing.T) {
				got, err := File(name)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("the portfolio differs from %s's (-yaml +json):\n%s", yamlFile, diff)
				}
			})
		}
	}
	// The files hold what the YAML parser refused, or the test above
	// proves nothing.
	for _, c := range []struct{ source, encoder, holds, what string }{
		{"full", "python", `\ud83d\ude92`, "an emoji as an escaped surrogate pair"},
		{"portfolio", "python", `.\n"`, "a paragraph's final line break"},
		{"portfolio", "python-utf8", `.\n"`, "a paragraph's final line break"},
		{"portfolio", "node", `.\n"`, "a paragraph's final line break"},
		{"full", "python-utf8", "\u2028", "a raw U+2028"},
		{"full", "node", "\u2028", "a raw U+2028"},
		{"hostile", "node-indent", "\u2029", "a raw U+2029"},
	} {
		b, err := os.ReadFile(jsonFile(c.source, c.encoder))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(c.holds)) {
			t.Errorf("%s holds no %s (%q)", jsonFile(c.source, c.encoder), c.what, c.holds)
		}
	}
}

// TestJSONEncoders makes the files of testdata/json anew with the real
// encoders and wants what is committed (go test -update rewrites them).
// A missing encoder skips its files with the reason, or fails the test
// when CI is set.
func TestJSONEncoders(t *testing.T) {
	sources := map[string]json.RawMessage{}
	for source, yamlFile := range jsonSources {
		data, err := os.ReadFile(yamlFile)
		if err != nil {
			t.Fatal(err)
		}
		if sources[source], err = marshalYAML(data); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, jsonFile(source, "go"), sources[source])
	}
	in, err := json.Marshal(sources)
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"python3", "node"} {
		t.Run(tool, func(t *testing.T) {
			var out map[string]string
			if err := json.Unmarshal(runTool(t, in, tool, encoderScripts[tool]...), &out); err != nil {
				t.Fatal(err)
			}
			n := 0
			for source := range jsonSources {
				for _, enc := range jsonEncoders {
					if text, ok := out[source+"."+enc]; ok {
						golden.Check(t, jsonFile(source, enc), []byte(text))
						n++
					}
				}
			}
			if n != len(out) || n == 0 {
				t.Errorf("%s wrote %d encodings, of which %d are in jsonEncoders", tool, len(out), n)
			}
		})
	}
}

// TestJSONFromPyYAML converts the bundled portfolio as a Python user
// does, json.dump(yaml.safe_load(f), out), and wants the committed
// conversion: the "go" step gives the data a YAML library gives.
func TestJSONFromPyYAML(t *testing.T) {
	data, err := os.ReadFile(portfolioFile)
	if err != nil {
		t.Fatal(err)
	}
	out := runTool(t, data, "python3", "-c", `import json, sys, yaml
sys.stdin.reconfigure(encoding="utf-8"); sys.stdout.reconfigure(encoding="utf-8")
json.dump(yaml.safe_load(sys.stdin), sys.stdout)`)
	want, err := os.ReadFile(jsonFile("portfolio", "python"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(out)); diff != "" {
		t.Errorf("PyYAML and json.dump give (-committed +PyYAML):\n%s", diff)
	}
}

// runTool runs tool with args and stdin, returning its output. A tool
// that is not installed (a program, or a Python module: "import yaml"
// failing) skips the test with the reason, or fails it when CI is set.
func runTool(t *testing.T, stdin []byte, tool string, args ...string) []byte {
	t.Helper()
	var cmd *exec.Cmd
	if tool == "python3" {
		cmd = conformance.FindPython(t, "yaml").Command(args...)
	} else {
		cmd = conformance.FindNode(t).Command(args...)
	}
	cmd.Stdin = bytes.NewReader(stdin)
	out, _ := conformance.Output(t, cmd)
	return out
}

// marshalYAML writes the YAML content file data as JSON: the values as
// the YAML 1.2 core schema reads them (nodeJSON), keys in the file's
// order, each scalar and key written by json.Marshal.
func marshalYAML(data []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	var write func(n *yaml.Node) error
	write = func(n *yaml.Node) error {
		switch n.Kind {
		case yaml.MappingNode, yaml.SequenceNode:
			open, end := byte('['), byte(']')
			if n.Kind == yaml.MappingNode {
				open, end = '{', '}'
			}
			b.WriteByte(open)
			for i, c := range n.Content {
				switch {
				case n.Kind == yaml.MappingNode && i%2 == 1:
					b.WriteByte(':')
				case i > 0:
					b.WriteByte(',')
				}
				if err := write(c); err != nil {
					return err
				}
			}
			b.WriteByte(end)
			return nil
		}
		v := nodeJSON(n)
		if num, ok := v.(json.Number); ok {
			if i, isInt, err := scalarInteger(n); isInt && err == nil && scalarKind(n) == kindInt {
				v = i // 2023, not 2023.0
			} else if v, err = num.Float64(); err != nil {
				return err
			}
		}
		out, err := json.Marshal(v)
		b.Write(out)
		return err
	}
	err := write(doc.Content[0])
	return b.Bytes(), err
}

// TestJSONLikeYAML parses JSON that the YAML parser reads alike with both,
// and wants the same tree: every node of the same kind, style, tag and
// value, at the same line and column.
func TestJSONLikeYAML(t *testing.T) {
	docs := map[string][]byte{
		"escapes":     []byte(`{"a": "\"\\\b\f\n\r\t\u00e9\u0041", "b": ["x", "", "\u2014"]}`),
		"numbers":     []byte(`[0, -0, 12, -3.5, 1e6, 1E+6, 2.5e-3, 12345678901234567890, true, false, null]`),
		"layout":      []byte("{\r\n\t\"é字🚒\": [ {} , [ ] ,\t{\"x\"  :  1}],\r  \"b\":\n\n\"c\"\n}\n"),
		"byte order":  []byte("\xef\xbb\xbf{\"a\": 1,\n \"b\": {\"c\": [null]}}"),
		"nested list": []byte(`[[[["deep"]]], {"k": {"k": {"k": "v"}}}]`),
	}
	for _, enc := range []string{"go", "python", "python-indent", "node-indent"} {
		b, err := os.ReadFile(jsonFile("portfolio", enc))
		if err != nil {
			t.Fatal(err)
		}
		docs["portfolio."+enc+".json"] = b
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			got, err := readJSON(name, doc)
			if err != nil {
				t.Fatal(err)
			}
			var want yaml.Node
			if err := yaml.Unmarshal(doc, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(flatten(want.Content[0]), flatten(got)); diff != "" {
				t.Errorf("the trees differ (-yaml +json):\n%s", diff)
			}
		})
	}
}

// flatten lists a tree's nodes in order, one line each: what the decoder
// reads of them.
func flatten(n *yaml.Node) []string {
	out := []string{fmt.Sprintf("%d:%d kind %d style %d tag %s %q", n.Line, n.Column, n.Kind, n.Style&^jsonStyle, n.Tag, n.Value)}
	for _, c := range n.Content {
		out = append(out, flatten(c)...)
	}
	return out
}

// jsonGood is a small valid portfolio in JSON, one field a line; its
// intro's paragraph is PARA, to be replaced.
const jsonGood = `{
  "title": "T",
  "tagline": "Tag",
  "intro": [PARA],
  "incidents": [{"id": "a", "title": "A", "role": "caused-and-fixed", "severity": "P1", "duration": "4h",
    "situation": ["S"], "myRole": ["M"], "resolution": ["R"], "permanentFix": ["F"]}]
}
`

// TestJSONStrings checks that JSON strings are read by JSON's rules.
func TestJSONStrings(t *testing.T) {
	for _, tc := range []struct{ name, para, want string }{
		{"plain", `"A paragraph."`, "A paragraph."},
		{"escapes", `"\"q\" a\/b \\ \u00e9\u00E9"`, `"q" a/b \ éé`},
		{"surrogate pair", `"fire \ud83d\ude92 engine"`, "fire 🚒 engine"},
		{"surrogate pair in capitals", `"\uD83D\uDE92"`, "🚒"},
		{"the last character", `"\udbff\udfff"`, "\U0010FFFF"},
		{"raw emoji", `"fire 🚒 engine"`, "fire 🚒 engine"},
		{"raw U+2028 and an emoji", "\"Restored 🚒 in 20 minutes.\u2028Then verified.\"", "Restored 🚒 in 20 minutes.\u2028Then verified."},
		{"raw U+2029", "\"one\u2029two\"", "one\u2029two"},
		{"escaped U+2028", `"one\u2028two"`, "one\u2028two"},
		{"the final line break of a YAML block", `"One paragraph.\n"`, "One paragraph."},
		{"escaped final line break of a YAML block", `"One paragraph.\u000a"`, "One paragraph."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(jsonGood, "PARA", tc.para, 1)
			for _, name := range []string{"f.json", "f.yaml"} { // a JSON object is JSON whatever its name
				p, err := Bytes(name, []byte(doc))
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if diff := cmp.Diff([]string{tc.want}, p.Intro); diff != "" {
					t.Errorf("%s: intro (-want +got):\n%s", name, diff)
				}
			}
		})
	}
}

// TestJSONLineBreaks checks that a JSON string keeps every line break but
// the final one, as a YAML block scalar does, so that Validate refuses it
// at the string, and that a mistake after a raw U+2028 and an emoji is
// placed by characters on a line U+2028 does not end.
func TestJSONLineBreaks(t *testing.T) {
	for _, tc := range []struct{ name, para, want string }{
		{"two lines", `"One.\nTwo."`, `f.json:4:13: intro[0]: line break at byte 4: one paragraph is one line; start a new list item for a new paragraph`},
		{"two final line breaks", `"One.\n\n"`, `f.json:4:13: intro[0]: line break at byte 4: one paragraph is one line; start a new list item for a new paragraph`},
		{"a final CR LF", `"One.\r\n"`, `f.json:4:13: intro[0]: line break at byte 4: one paragraph is one line; start a new list item for a new paragraph`},
		{"after U+2028 and an emoji", "\"🚒\u2028x\", \"\", 7", `f.json:4:20: intro[1]: missing text` + "\n" + `f.json:4:24: intro[2]: want a string, got an integer 7; write "7" in quotes if it is text`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes("f.json", []byte(strings.Replace(jsonGood, "PARA", tc.para, 1)))
			if err == nil {
				t.Fatal("loaded")
			}
			if diff := cmp.Diff(tc.want, err.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONOrYAML checks how a file is told to be JSON: by its name, or by
// a first "{" and being JSON.
func TestJSONOrYAML(t *testing.T) {
	yamlFlow := `{title: T, tagline: Tag, incidents: [{id: a, title: A, role: caused-and-fixed, severity: P1, duration: 4h,
  situation: [S], myRole: [M], resolution: [R], permanentFix: [F]}]}  # YAML, not JSON`
	withPair := strings.Replace(jsonGood, "PARA", `"\ud83d\ude92"`, 1)
	for _, tc := range []struct {
		name, file, doc string
		want            string // the first error, or "" for none
	}{
		{"YAML flow mapping", "f.yaml", yamlFlow, ""},
		{"JSON named .yaml", "f.yaml", withPair, ""},
		{"JSON named .JSON", "F.JSON", withPair, ""},
		{"JSON named as nothing", "-", withPair, ""},
		{"JSON with a byte order mark", "f.json", "\xef\xbb\xbf" + withPair, ""},
		{"YAML flow mapping named .json", "f.json", yamlFlow, `f.json:1:2: JSON syntax: want a field name in double quotes, got 't'`},
		{"YAML named .json", "f.json", good, `f.json:1:1: JSON syntax: unquoted text "title": JSON strings take double quotes, and true, false and null are lower case`},
		{"a mistake after a byte order mark", "f.json", "\xef\xbb\xbf{\"title\" \"T\"}", `f.json:1:10: JSON syntax: want ':' after the field name, got '"'`},
		{"empty .json", "f.json", " \n\t\r\n", `f.json: empty file: want a mapping with title, tagline and incidents`},
		{"null .json", "f.json", "null", `f.json: empty file: want a mapping with title, tagline and incidents`},
		{"a list", "f.json", `["x"]`, `f.json:1:1: want a mapping with title, tagline and incidents, got a list`},
		{"two values", "f.json", `{} {}`, `f.json:1:4: JSON syntax: want the end of the file after the top-level value, got '{'`},
		// A JSON object with a YAML comment after it is YAML, and the YAML
		// parser refuses the surrogate pair, as before.
		{"not JSON, named .yaml", "f.yaml", withPair + "# a comment\n", `f.yaml:4:3: YAML syntax: found invalid Unicode character escape code`},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFirst(t, tc.file, tc.doc, tc.want) })
	}
}

// wantFirst loads doc under the name file and wants want as the first
// line of the error, or "" for none.
func wantFirst(t *testing.T, file, doc, want string) {
	t.Helper()
	_, err := Bytes(file, []byte(doc))
	got := ""
	if err != nil {
		got, _, _ = strings.Cut(err.Error(), "\n")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSONSyntax checks the messages of malformed JSON, each at its line
// and column. The error catalogue has the common mistakes in whole files.
func TestJSONSyntax(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"end inside an object", `{"title": "T"`, `f.json:1:14: JSON syntax: want ',' or '}' after a field of the object that starts at 1:1, got the end of the file`},
		{"end inside a list", "{\"intro\": [\"a\",\n", `f.json:2:1: JSON syntax: want a value, got the end of the file`},
		{"end inside a string", `{"title": "T`, `f.json:1:13: JSON syntax: the file ends inside the string that starts at 1:11`},
		{"end after a backslash", `{"title": "T\`, `f.json:1:13: JSON syntax: the file ends inside the string that starts at 1:11`},
		{"line break in a string", "{\"title\": \"T\n\"}", `f.json:1:13: JSON syntax: a line break inside the string that starts at 1:11: close the string on its line; \n writes a line break inside one`},
		{"tab in a string", "{\"title\": \"a\tb\"}", `f.json:1:13: JSON syntax: control character U+0009 inside a string: write it as \t`},
		{"NUL in a string", "{\"title\": \"a\x00b\"}", `f.json:1:13: JSON syntax: control character U+0000 inside a string: write it as \u0000`},
		{"a comment", "{\"title\": \"T\" /* the title */}", `f.json:1:15: JSON syntax: want ',' or '}' after a field of the object that starts at 1:1, got a comment: JSON has none`},
		{"a hash comment", "# my portfolio\n{}", `f.json:1:1: JSON syntax: want a value, got a comment: JSON has none`},
		{"single quotes", `{'title': 'T'}`, `f.json:1:2: JSON syntax: want a field name in double quotes, got a single quote: JSON strings take double quotes`},
		{"missing comma", "{\"title\": \"T\"\n \"tagline\": \"Tag\"}", `f.json:2:2: JSON syntax: want ',' or '}' after a field of the object that starts at 1:1, got '"': is a comma missing before it?`},
		{"trailing comma in a list", `{"intro": ["a", ]}`, `f.json:1:15: JSON syntax: a comma after the last item, before ']': JSON allows none there`},
		{"leading comma", `{"intro": [, "a"]}`, `f.json:1:12: JSON syntax: want a value, got ','`},
		{"a no-break space", "{\u00a0}", `f.json:1:2: JSON syntax: want a field name in double quotes, got the space character U+00A0: JSON's spaces are space, tab and line breaks`},
		{"a raw U+2028 outside a string", "{\"title\": \"T\",\u2028\"x\": 1}", `f.json:1:15: JSON syntax: want a field name in double quotes, got the space character U+2028: JSON's spaces are space, tab and line breaks`},
		{"NaN", `{"value": NaN}`, `f.json:1:11: JSON syntax: NaN is not a JSON number: JSON numbers are finite`},
		{"-Infinity", `{"value": -Infinity}`, `f.json:1:11: JSON syntax: -Infinity is not a JSON number: JSON numbers are finite`},
		{"leading zero", `{"value": 01}`, `f.json:1:11: JSON syntax: malformed number "01": JSON writes numbers as 12, -0.5 or 1.5e3, with no leading zero, '+' or bare '.'`},
		{"plus", `{"value": +1}`, `f.json:1:11: JSON syntax: malformed number "+1": JSON writes numbers as 12, -0.5 or 1.5e3, with no leading zero, '+' or bare '.'`},
		{"bare point", `{"value": .5}`, `f.json:1:11: JSON syntax: malformed number ".5": JSON writes numbers as 12, -0.5 or 1.5e3, with no leading zero, '+' or bare '.'`},
		{"hex", `{"value": 0x1F}`, `f.json:1:11: JSON syntax: malformed number "0x1F": JSON writes numbers as 12, -0.5 or 1.5e3, with no leading zero, '+' or bare '.'`},
		{"Python's True", `{"done": True}`, `f.json:1:10: JSON syntax: unquoted text "True": JSON strings take double quotes, and true, false and null are lower case`},
		{"long unquoted text", `{"title": ` + strings.Repeat("x", 100) + `}`, `f.json:1:11: JSON syntax: unquoted text "` + strings.Repeat("x", 40) + `...": JSON strings take double quotes, and true, false and null are lower case`},
		{"bad escape", `{"command": "C:\deploy"}`, `f.json:1:16: JSON syntax: unknown escape \d: JSON's are \" \\ \/ \b \f \n \r \t and \u followed by four hex digits`},
		{"escaped quote", `{"title": "it\'s"}`, `f.json:1:14: JSON syntax: unknown escape \': JSON's are \" \\ \/ \b \f \n \r \t and \u followed by four hex digits`},
		{"escape of a non-ASCII character", `{"title": "\é"}`, `f.json:1:12: JSON syntax: unknown escape "\" before U+00E9: JSON's are \" \\ \/ \b \f \n \r \t and \u followed by four hex digits`},
		{"short \\u", `{"title": "\u12"}`, `f.json:1:12: JSON syntax: \u takes four hex digits, as in \u00E9`},
		{"\\u with a sign", `{"title": "\u+123"}`, `f.json:1:12: JSON syntax: \u takes four hex digits, as in \u00E9`},
		{"lone first half", `{"title": "\ud83d fire"}`, `f.json:1:12: JSON syntax: \ud83d is the first half of a UTF-16 surrogate pair, and the second does not follow: write the character itself, or both halves, as in \uD83D\uDE92`},
		{"first half at the end", `{"title": "\ud83d"}`, `f.json:1:12: JSON syntax: \ud83d is the first half of a UTF-16 surrogate pair, and the second does not follow: write the character itself, or both halves, as in \uD83D\uDE92`},
		{"two first halves", `{"title": "\ud83d\ud83d"}`, `f.json:1:12: JSON syntax: \ud83d is the first half of a UTF-16 surrogate pair, and the second does not follow: write the character itself, or both halves, as in \uD83D\uDE92`},
		{"lone second half", `{"title": "x\ude92"}`, `f.json:1:13: JSON syntax: \ude92 is the second half of a UTF-16 surrogate pair, and the first does not come before it: write the character itself, or both halves`},
		{"a key not in quotes", `{title: "T"}`, `f.json:1:2: JSON syntax: want a field name in double quotes, got 't'`},
		{"a number as key", `{1: "T"}`, `f.json:1:2: JSON syntax: want a field name in double quotes, got '1'`},
		{"no colon", `{"title" "T"}`, `f.json:1:10: JSON syntax: want ':' after the field name, got '"'`},
		{"equals", `{"title"= "T"}`, `f.json:1:9: JSON syntax: want ':' after the field name, got '='`},
		{"columns count characters", `{"title": "全角🚒", "x": @}`, `f.json:1:23: JSON syntax: want a value, got '@'`},
		{"duplicate key", "{\"title\": \"T\",\n \"title\": \"U\", \"tagline\": \"Tag\", \"incidents\": []}", `f.json:2:2: title: given twice: first at 1:2; keep one`},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFirst(t, "f.json", tc.doc, tc.want) })
	}
}

// TestJSONHostile feeds JSON made to hurt a parser: each must fail fast,
// with the loader's limits.
func TestJSONHostile(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"deep lists", `{"title": ` + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "}", "f.json:1:19: nested deeper than 8 levels"},
		{"deep objects", strings.Repeat(`{"a": `, 1<<20) + "1" + strings.Repeat("}", 1<<20), "f.json:1:50: nested deeper than 8 levels"},
		{"deep and unclosed", strings.Repeat("[", 1<<20), "f.json:1:10: nested deeper than 8 levels"},
		{"a scalar too deep", `[[[[[[[[["x"]]]]]]]]]`, "f.json:1:10: nested deeper than 8 levels"},
		{"too many values", `{"title": [` + strings.Repeat("0,", MaxValues) + "0]}\n", "f.json: too many values: 2000001 line breaks and commas, more than the 2000000 allowed"},
		{"invalid UTF-8", "{\"title\": \"caf\xe9\"}", "f.json:1:15: invalid UTF-8: save the file as UTF-8"},
		{"too large", `{"title": "` + strings.Repeat("x", MaxSize) + `"}`, "f.json: file larger than 67108864 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantFirst(t, "f.json", tc.doc, tc.want) })
	}
}

// TestJSONOneLongLine loads a portfolio of many incidents written on one
// line, as JSON.stringify writes it, and checks that a mistake at its
// end is placed by its column: the reader counts each line once, not once
// a value.
func TestJSONOneLongLine(t *testing.T) {
	in := incident.Incident{ID: "x", Title: "Outage", Role: incident.CausedAndFixed, Severity: incident.P1,
		Duration: incident.Duration{Text: "4 hours", Length: 4 * time.Hour}, Situation: []string{"S"}, MyRole: []string{"M"},
		Resolution: []string{"R"}, PermanentFix: []string{"F"}}
	p := incident.Portfolio{Title: "T", Tagline: "Tag"}
	for i := range 5000 {
		in.ID = incident.ID(fmt.Sprintf("x%d", i))
		p.Incidents = append(p.Incidents, in)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Bytes("f.json", b); err != nil {
		t.Fatal(err)
	}
	at := bytes.LastIndex(b, []byte(`"P1"`))
	bad := append(append(b[:at:at], `"P9"`...), b[at+4:]...)
	_, err = Bytes("f.json", bad)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("got %v, want one error", err)
	}
	if want := (Error{Line: 1, Col: at + 1, Path: "incidents[4999].severity"}); es[0].Line != want.Line || es[0].Col != want.Col || es[0].Path != want.Path {
		t.Errorf("got %v, want it at 1:%d, %s", es[0], want.Col, want.Path)
	}
}
