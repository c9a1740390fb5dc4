// Package atomicfile writes files so that a reader, or a crash, never sees
// half of one: the bytes go to a temporary file in the same directory, which
// is synced and then renamed over the target. On any error the old file is
// left as it was and the temporary file is removed.
package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// testHookWrite, when set by a test, wraps the temporary file's writer so a
// failure can be injected mid-write.
var testHookWrite func(io.Writer) io.Writer

// Write replaces name with data atomically, with permissions perm for a new
// file (an existing file keeps its own). It reports whether the file
// changed: when name already holds exactly data, nothing is written.
func Write(name string, data []byte, perm os.FileMode) (changed bool, err error) {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	if fi, err := os.Stat(name); err == nil {
		perm = fi.Mode().Perm()
	}
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp*")
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	var w io.Writer = f
	if testHookWrite != nil {
		w = testHookWrite(w)
	}
	if _, err = w.Write(data); err != nil {
		return false, err
	}
	if err = f.Chmod(perm); err != nil {
		return false, err
	}
	if err = f.Sync(); err != nil {
		return false, err
	}
	if err = f.Close(); err != nil {
		return false, err
	}
	if err = os.Rename(tmp, name); err != nil {
		return false, errors.Join(err, os.Remove(tmp))
	}
	return true, nil
}
