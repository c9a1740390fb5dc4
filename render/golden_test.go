package render

import (
	"path/filepath"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	goldenfile "github.com/incident-leadership/portfolio/internal/golden"
)

// golden compares got with testdata/name, or rewrites the file with
// -update: go test ./render -update rewrites the golden files with what
// the renderers produce now.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// fixture loads a content file of the repository.
func fixture(t testing.TB, path string) incident.Portfolio {
	t.Helper()
	p, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
