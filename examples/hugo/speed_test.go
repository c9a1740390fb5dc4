package hugosite

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
	"github.com/incident-leadership/portfolio/render"
)

// TestThousand builds the site on a synthetic portfolio of 1,000
// incidents: the page must equal render.HTML's, and with
// PORTFOLIO_HUGO_SPEED set the build must take under 3 s (the issue's
// bound) by the wall clock.
func TestThousand(t *testing.T) {
	data, err := synth.YAML(synth.Portfolio(1000))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "portfolio.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("PORTFOLIO_SYNTH_OUT"); dump != "" {
		if err := os.WriteFile(dump, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := load.File(file)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := render.HTML(&want, p, render.Fragment()); err != nil {
		t.Fatal(err)
	}
	for _, hugo := range hugos(t) {
		t.Run(version(t, hugo), func(t *testing.T) {
			start := time.Now()
			public, stderr, err := build(t, hugo, file)
			wall := time.Since(start)
			if err != nil {
				t.Fatalf("%s: %v\n%s", hugo, err, stderr)
			}
			t.Logf("%s: %v wall", hugo, wall)
			page, err := os.ReadFile(filepath.Join(public, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), fragment(t, page)); diff != "" {
				t.Errorf("Hugo's page differs from render.HTML (-render +hugo):\n%s", diff)
			}
			// The bound holds on an idle machine only: on one shared with
			// other builds the wall clock says little, so it is checked
			// when asked for.
			if os.Getenv("PORTFOLIO_HUGO_SPEED") == "" {
				t.Logf("build time not checked against 3 s: set PORTFOLIO_HUGO_SPEED=1 on an idle machine")
			} else if wall > 3*time.Second {
				t.Errorf("the build took %v, over 3 s", wall)
			}
		})
	}
}
