package render

import (
	"path/filepath"
	"testing"

	goldenfile "github.com/incident-leadership/portfolio/internal/golden"
)

// update is the -update flag: go test ./render -update rewrites the golden
// files under testdata with what the renderers produce now.
var update = goldenfile.Update

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}
