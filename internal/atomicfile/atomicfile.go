package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
)

// tempFile is what writeFile needs of the temporary file.
type tempFile interface {
	io.Writer
	Name() string
	Sync() error
	Close() error
}

// createTemp creates the temporary file; tests replace it to inject
// failures.
var createTemp = func(dir, pattern string) (tempFile, error) { return os.CreateTemp(dir, pattern) }

// writeFile replaces name with data atomically: it writes a temporary file
// in the same directory, syncs it and renames it over name. On any error
// name is left as it was and the temporary file is removed. When name
// already holds data, nothing is written. A new file gets mode 0644, a
// replaced one keeps its mode.
func writeFile(name string, data []byte) (err error) {
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
			return nil
		}
		perm = fi.Mode().Perm()
	}
	f, err := createTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			if rerr := os.Remove(tmp); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
				err = errors.Join(err, rerr)
			}
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
