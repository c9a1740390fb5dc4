package jsonresume

import (
	"errors"
	"path/filepath"
	"testing"

	goldenfile "github.com/incident-leadership/portfolio/internal/golden"
)

// golden compares got with testdata/name, or rewrites the file with
// -update: go test ./render/jsonresume -update rewrites the golden files
// with what the writers write now.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// errFail and failAfter make a writer that fails, as render's tests do.
var errFail = errors.New("writer failed")

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errFail
}
