package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/invopop/jsonschema"

	goldenfile "github.com/incident-leadership/portfolio/internal/golden"
)

// update is the -update flag: it rewrites comments.json,
// resume_comments.json and the committed schemas.
var update = goldenfile.Update

const (
	module      = "github.com/incident-leadership/portfolio"
	incidentPkg = module + "/incident"
	schemaFile  = "../../portfolio.schema.json"
)

// TestComments checks that the embedded comments are those of package
// incident's source now.
func TestComments(t *testing.T) {
	checkComments(t, "./incident", func(key string) bool { return strings.HasPrefix(key, incidentPkg+".") }, "internal/schema/comments.json", comments)
}

// checkComments extracts the doc comments of the package in dir (relative
// to the module root) whose keys keep likes, each made one line, and
// compares them with embedded, which -update rewrites as file.
func checkComments(t *testing.T, dir string, keep func(key string) bool, file string, embedded []byte) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	r := new(jsonschema.Reflector)
	if err := r.AddGoComments(module, dir); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for k, v := range r.CommentMap {
		if keep(k) {
			// A comment wrapped over lines is one description: its
			// line breaks are spaces.
			want[k] = strings.ReplaceAll(v, "\n", " ")
		}
	}
	if len(want) == 0 {
		t.Fatalf("found no comments in %s", dir)
	}
	if *update {
		b, err := json.MarshalIndent(want, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, file), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var got map[string]string
	if err := json.Unmarshal(embedded, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s is stale; run go test ./internal/schema -update (-want +got):\n%s", file, diff)
	}
}

// TestCommitted checks that portfolio.schema.json is what Content makes.
func TestCommitted(t *testing.T) {
	got, err := Content()
	if err != nil {
		t.Fatal(err)
	}
	checkCommitted(t, schemaFile, got)
}

// checkCommitted compares the file at path with got; -update writes got
// there.
func checkCommitted(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

func TestContentForm(t *testing.T) {
	checkForm(t, Content)
}

// checkForm checks the form of a generated schema: the same on every
// call, draft 2020-12, indented by two spaces, a final newline, and no
// HTML escapes.
func checkForm(t *testing.T, generate func() ([]byte, error)) {
	t.Helper()
	a, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	b, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two calls differ")
	}
	if !bytes.HasSuffix(a, []byte("}\n")) {
		t.Error("the schema does not end with a newline")
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, a, "", "  "); err != nil {
		t.Fatal(err)
	}
	if buf.String() != string(a) {
		t.Error("the schema is not indented by two spaces")
	}
	if bytes.Contains(a, []byte(`\u0026`)) || bytes.Contains(a, []byte(`\u003c`)) {
		t.Error(`the schema escapes & or < as \u0026 or \u003c`)
	}
	var top struct {
		Schema string `json:"$schema"`
	}
	if err := json.Unmarshal(a, &top); err != nil {
		t.Fatal(err)
	}
	if top.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q, want draft 2020-12", top.Schema)
	}
}

// TestDescriptions checks that every property of every object in the
// schema has a description and that no object allows other properties.
func TestDescriptions(t *testing.T) {
	b, err := Content()
	if err != nil {
		t.Fatal(err)
	}
	if n := checkDescribed(t, b); n < 40 {
		t.Errorf("found only %d properties", n)
	}
}

// checkDescribed checks that every property in the schema b has a
// description and that every object schema sets additionalProperties to
// false (the conditions of an allOf aside). It returns how many
// properties it saw.
func checkDescribed(t *testing.T, b []byte) int {
	t.Helper()
	var s any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	var props, missing, open []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if ps, ok := v["properties"].(map[string]any); ok && !strings.Contains(path, "allOf") {
				for name, p := range ps {
					props = append(props, path+"."+name)
					if d, _ := p.(map[string]any)["description"].(string); d == "" {
						missing = append(missing, path+"."+name)
					}
				}
				if v["additionalProperties"] != false {
					open = append(open, path)
				}
			}
			for k, c := range v {
				walk(path+"/"+k, c)
			}
		case []any:
			for _, c := range v {
				walk(path+"[]", c)
			}
		}
	}
	walk("#", s)
	slices.Sort(missing)
	slices.Sort(open)
	if len(missing) > 0 {
		t.Errorf("properties without a description:\n%s", strings.Join(missing, "\n"))
	}
	if len(open) > 0 {
		t.Errorf("objects without additionalProperties: false:\n%s", strings.Join(open, "\n"))
	}
	return len(props)
}

// TestContentAnywhere checks that Content needs no source tree: its
// descriptions are the same from any working directory.
func TestContentAnywhere(t *testing.T) {
	want, err := Content()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	got, err := Content()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, got) {
		t.Error("Content differs in another working directory")
	}
	if !bytes.Contains(got, []byte(`"description": "Incident is one production incident."`)) {
		t.Error("no description from the doc comments")
	}
}
