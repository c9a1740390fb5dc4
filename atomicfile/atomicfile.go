// Package atomicfile writes files so that nobody ever finds half of one:
// not a reader, and not the next run after a crash, a full disk or Ctrl-C.
//
// [Write] puts the new bytes in a temporary file beside the file, syncs it
// and renames it over the file. It promises:
//
//   - At every moment the file holds either all its old bytes or all the
//     new ones, for any reader and after a crash, as far as the file
//     system keeps rename atomic and sync durable, as local file systems do.
//   - On any error the old file is left as it was and no temporary file
//     remains. The error names the file, not the temporary one.
//   - A file that already holds the bytes is not touched at all.
//   - A new file gets the permissions 0666 less the process's umask, as a
//     file made by any Unix tool does. A replaced file keeps its mode, and
//     its owner and group where the process may set them (as root does).
//   - A symbolic link is written through, as the shell's > writes through
//     it: its target is replaced, or created when it is not there yet, and
//     the link stays a link. A loop of links is an error.
//   - A name that is there but is no regular file (a directory, a device, a
//     pipe) is an error, and is neither read nor replaced.
//   - A signal that ends the process while a Write is in progress does not
//     leave the temporary file behind (see Interrupts).
//
// It does not carry over what a rename cannot: another hard link to the
// file keeps the old bytes, and extended attributes and ACLs are not
// copied. Of two processes that write one file at once, each makes a
// whole file, and the last rename wins. A crash, or a SIGKILL, during a
// Write can leave its temporary file (".name.NNN.tmp") beside the file,
// never a half-written file in its place.
//
// # Interrupts
//
// Only while a Write is in progress, the package listens (with
// signal.Notify) for SIGINT, SIGTERM and SIGHUP, leaving alone any the
// process ignores. When one arrives it removes the temporary file of every
// Write in progress, stops listening (signal.Stop) and sends the signal to
// the process again, so that it takes its course: a process that does not
// handle it ends as it would have ended (a shell reports status 130 after
// Ctrl-C), and a program that handles it itself receives it, twice, and
// sees the interrupted Write return an error. Once every Write has
// returned, the package listens for nothing. On systems other than Unix
// it listens for os.Interrupt, and exits with status 130 once it has
// removed the temporary files, as it cannot send the signal again.
package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Write replaces the file name with data, as the package doc describes,
// and reports whether it changed: false when the file already held data.
// Its errors are *fs.PathError values naming name, as in
// "write out/index.html: no space left on device".
func Write(name string, data []byte) (changed bool, err error) {
	defer func() {
		if err != nil {
			err = named(name, err)
		}
	}()
	path, old, err := resolve(name)
	if err != nil {
		return false, err
	}
	if old != nil {
		if !old.Mode().IsRegular() {
			// A directory, a device such as /dev/full, a pipe: reading it
			// could hang or never end, and renaming over it would replace
			// it.
			return false, errNotRegular
		}
		if old.Size() == int64(len(data)) {
			if b, err := os.ReadFile(path); err == nil && bytes.Equal(b, data) {
				return false, nil
			}
		}
	}
	f, err := begin(filepath.Dir(path), filepath.Base(path))
	if err != nil {
		return false, err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			if rerr := os.Remove(tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
				err = errors.Join(err, rerr)
			}
		}
		if end(tmp) && err != nil {
			err = errInterrupted
		}
	}()
	if old != nil {
		if err = keep(f, old); err != nil {
			return false, err
		}
	}
	if _, err = f.Write(data); err != nil {
		return false, err
	}
	if testStall != "" {
		for {
			time.Sleep(time.Hour)
		}
	}
	if err = f.Sync(); err != nil {
		return false, err
	}
	if err = f.Close(); err != nil {
		return false, err
	}
	if err = os.Rename(tmp, path); err != nil {
		return false, err
	}
	// Make the rename itself durable; a directory that cannot be synced
	// (some file systems refuse) still holds the new file.
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return true, nil
}

// testStall, set only by this module's tests (go build
// -ldflags=-X=github.com/incident-leadership/portfolio/atomicfile.testStall=on),
// makes Write stop for ever once the temporary file holds its bytes, for
// a test to interrupt it there.
var testStall string

var (
	// errNotRegular is the cause of the error for a name that is there
	// but is no regular file.
	errNotRegular = errors.New("not a regular file")
	// errInterrupted is the cause of the error of a Write that a signal
	// interrupted, in a process that lived on.
	errInterrupted = errors.New("interrupted by a signal")
)

// maxLinks is how many symbolic links in a row resolve follows, as Linux
// does.
const maxLinks = 40

// resolve returns the path of the file that writing name writes, and its
// FileInfo, nil when there is no file yet: name, or when name is a
// symbolic link, the file its links lead to, followed as the system
// follows them to open a file for writing. The directory of the path holds
// no links, so the rename stays in the target's directory.
func resolve(name string) (string, fs.FileInfo, error) {
	chain := []string{name} // for the message about a loop
	seen := map[string]bool{}
	for {
		dir, base := filepath.Split(name) // no cleaning: "a/../b" is for the system to resolve
		if base == "" || base == "." || base == ".." {
			return "", nil, errNotRegular
		}
		if dir == "" {
			dir = "."
		}
		dir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return "", nil, err
		}
		path := filepath.Join(dir, base)
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return path, nil, nil
		case err != nil:
			return "", nil, err
		case fi.Mode()&fs.ModeSymlink == 0:
			return path, fi, nil
		case seen[path]:
			return "", nil, errors.New("symbolic links in a loop: " + strings.Join(chain, " -> "))
		case len(seen) == maxLinks:
			return "", nil, errors.New("more than " + strconv.Itoa(maxLinks) + " symbolic links in a row")
		}
		seen[path] = true
		link, err := os.Readlink(path)
		if err != nil {
			return "", nil, err
		}
		chain = append(chain, link)
		if !filepath.IsAbs(link) {
			link = dir + string(filepath.Separator) + link
		}
		name = link
	}
}

// tempFile is what Write needs of the temporary file.
type tempFile interface {
	io.Writer
	Name() string
	Stat() (fs.FileInfo, error)
	Chmod(fs.FileMode) error
	Chown(uid, gid int) error
	Sync() error
	Close() error
}

// createTemp creates the temporary file for base in dir; tests replace it
// to inject failures.
var createTemp = func(dir, base string) (tempFile, error) {
	f, err := create(dir, base)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// create creates a new file in dir named ".base.NNN.tmp", with the
// permissions 0666, which the system lessens by the umask.
func create(dir, base string) (*os.File, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		return f, err
	}
}

// keep gives the temporary file f the mode of the file old it replaces,
// and its owner and group where the process may set them. The owner goes
// first, since changing it clears the set-user-ID bit.
func keep(f tempFile, old fs.FileInfo) error {
	if err := chown(f, old); err != nil && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return f.Chmod(old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
}

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
