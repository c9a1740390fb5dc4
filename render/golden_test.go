package render

import (
	"path/filepath"
	"testing"

	goldenfile "github.com/incident-leadership/portfolio/internal/golden"
)

// golden compares got with testdata/name, or rewrites the file with
// -update: go test ./render -update rewrites the golden files with what
// the renderers produce now.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}
