// Package atomicfile replaces files so that a reader, or a crash, never
// sees half of one: the bytes go to a temporary file in the same directory,
// which is synced and renamed over the target. On any error the old file is
// left as it was and no temporary file remains.
package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
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

// Write replaces name with data atomically: it writes a temporary file in
// the same directory, syncs it and renames it over name. On any error name
// is left as it was and the temporary file is removed. A name that is
// there but is no regular file (a directory, a device, a pipe) is an
// error, and is neither read nor replaced. When name already
// holds data, nothing is written and changed is false. A new file gets mode
// 0644, a replaced one keeps its mode.
//
// Its errors name the file being replaced, not the temporary one, as in
// "write out/index.html: no space left on device"; only when the
// temporary file cannot be removed either does the error name it too.
func Write(name string, data []byte) (changed bool, err error) {
	defer func() {
		if err != nil {
			err = named(name, err)
		}
	}()
	// Write through a symbolic link to its target, rather than replacing
	// the link with a file.
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	perm := os.FileMode(0o644)
	if fi, err := os.Stat(name); err == nil {
		if !fi.Mode().IsRegular() {
			// A directory, a device such as /dev/full, a pipe: reading it
			// could hang or never end, and renaming over it would replace
			// it.
			return false, errNotRegular
		}
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
			return false, nil
		}
		perm = fi.Mode().Perm()
	}
	f, err := createTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return false, err
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
	if _, err = f.Write(data); err != nil {
		return false, err
	}
	if err = f.Sync(); err != nil {
		return false, err
	}
	if err = f.Close(); err != nil {
		return false, err
	}
	if err = os.Chmod(tmp, perm); err != nil {
		return false, err
	}
	if err = os.Rename(tmp, name); err != nil {
		return false, err
	}
	// Make the rename itself durable; a directory that cannot be synced
	// (some file systems refuse) still holds the new file.
	if d, err := os.Open(filepath.Dir(name)); err == nil {
		d.Sync()
		d.Close()
	}
	return true, nil
}

// errNotRegular is the cause of the error for a name that is there but
// is no regular file.
var errNotRegular = errors.New("not a regular file")

// named makes err, about the temporary file or the rename, an error about
// name: a *fs.PathError with name as its path and the same cause, which
// errors.Is still sees (fs.ErrNotExist, ENOSPC).
func named(name string, err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		err = e.Err
	case *os.LinkError:
		err = e.Err
	}
	return &fs.PathError{Op: "write", Path: name, Err: err}
}
