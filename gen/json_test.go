package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident/load"
)

// TestJSONContent generates the content package from each content file
// as real JSON encoders write it (testdata/json at the root, which
// incident/load's TestJSONEncoders makes), and wants what its YAML gives,
// byte for byte; from the bundled portfolio, the committed
// portfolio_gen.go itself. Both sides name the same source file, the one
// input of the output besides the content.
func TestJSONContent(t *testing.T) {
	yamlFiles := map[string]string{
		"portfolio": "../portfolio.yaml",
		"full":      "../testdata/full.yaml",
		"hostile":   "../testdata/hostile.yaml",
	}
	names, err := filepath.Glob("../testdata/json/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 3*6 {
		t.Fatalf("%d files in testdata/json, want 3 content files in 6 encodings", len(names))
	}
	committed, err := os.ReadFile("../portfolio_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			source, _, _ := strings.Cut(filepath.Base(name), ".")
			fromYAML, err := load.File(yamlFiles[source])
			if err != nil {
				t.Fatal(err)
			}
			fromJSON, err := load.File(name)
			if err != nil {
				t.Fatal(err)
			}
			want := mustGenerate(t, fromYAML, "portfolio", filepath.Base(name))
			if got := mustGenerate(t, fromJSON, "portfolio", filepath.Base(name)); !bytes.Equal(got, want) {
				t.Errorf("the package differs from %s's (-yaml +json):\n%s", yamlFiles[source], cmp.Diff(string(want), string(got)))
			}
			if source != "portfolio" {
				return
			}
			if got := mustGenerate(t, fromJSON, "portfolio", "portfolio.yaml"); !bytes.Equal(got, committed) {
				t.Errorf("the package differs from portfolio_gen.go (-committed +json):\n%s", cmp.Diff(string(committed), string(got)))
			}
		})
	}
}
