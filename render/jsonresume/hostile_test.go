package jsonresume

import (
	"encoding/json"
	"testing"
)

// TestHostileGolden writes testdata/hostile.yaml of the repository with
// Projects and compares it with testdata/hostile.golden.json; -update
// rewrites it. The JSON holds every string as written.
func TestHostileGolden(t *testing.T) {
	p := jsonFixture(t, "../../testdata/hostile.yaml")
	doc := renderJSONResume(t, p, Projects())
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	strs := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			strs[v] = true
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	for _, s := range append([]string{p.Title, p.Tagline, p.Lessons.Heading}, p.Intro...) {
		if !strs[s] {
			t.Errorf("the JSON lacks %q", s)
		}
	}
	golden(t, "hostile.golden.json", doc)
}
