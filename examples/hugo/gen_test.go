package hugosite

import (
	"os"
	"os/exec"
	"testing"
)

// TestGeneratedFresh fails when the generated parts of the Hugo module
// (../../hugo) differ from what internal/hugogen writes now from packages
// incident and render.
func TestGeneratedFresh(t *testing.T) {
	cmd := exec.Command("go", "run", "../../internal/hugogen", "-out", "../../hugo", "-check")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run ./internal/hugogen -out hugo -check: %v (run go run ./internal/hugogen -out hugo)", err)
	}
}

// TestDataIsBundled keeps the example site's content file the bundled
// portfolio.yaml, so that the site shows what the README's other examples
// show and a stale copy cannot pass the comparisons with render.
func TestDataIsBundled(t *testing.T) {
	want, err := os.ReadFile("../../portfolio.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("data/portfolio.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("examples/hugo/data/portfolio.yaml differs from portfolio.yaml: cp portfolio.yaml examples/hugo/data/")
	}
}
