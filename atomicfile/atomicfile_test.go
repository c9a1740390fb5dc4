package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// faulty wraps the real temporary file and fails one step.
type faulty struct {
	*os.File
	failWriteAfter int // bytes written before Write fails; -1: never
	failSync       bool
	failClose      bool
}

var errInjected = errors.New("injected failure")

func (f *faulty) Write(p []byte) (int, error) {
	if f.failWriteAfter >= 0 && len(p) > f.failWriteAfter {
		n, _ := f.File.Write(p[:f.failWriteAfter])
		return n, errInjected
	}
	return f.File.Write(p)
}

func (f *faulty) Sync() error {
	if f.failSync {
		return errInjected
	}
	return f.File.Sync()
}

func (f *faulty) Close() error {
	if f.failClose {
		f.File.Close()
		return errInjected
	}
	return f.File.Close()
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestWriteFileFailure injects a failure at each step of writeFile and
// checks that the old file is untouched and no temporary file remains.
func TestWriteFileFailure(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    faulty
	}{
		{"write fails mid-way", faulty{failWriteAfter: 10}},
		{"write fails at once", faulty{failWriteAfter: 0}},
		{"sync fails", faulty{failWriteAfter: -1, failSync: true}},
		{"close fails", faulty{failWriteAfter: -1, failClose: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "portfolio_gen.go")
			if err := os.WriteFile(name, []byte("old content"), 0o600); err != nil {
				t.Fatal(err)
			}
			created := 0
			defer func(orig func(string, string) (tempFile, error)) { createTemp = orig }(createTemp)
			createTemp = func(dir, base string) (tempFile, error) {
				f, err := create(dir, base)
				if err != nil {
					return nil, err
				}
				created++
				ff := tc.f
				ff.File = f
				return &ff, nil
			}
			_, err := Write(name, []byte("new content, longer than ten bytes"))
			if !errors.Is(err, errInjected) {
				t.Errorf("writeFile: %v, want the injected failure", err)
			}
			if created != 1 {
				t.Errorf("created %d temporary files, want 1", created)
			}
			if got, _ := os.ReadFile(name); string(got) != "old content" {
				t.Errorf("old file changed to %q", got)
			}
			if diff := cmp.Diff([]string{"portfolio_gen.go"}, dirNames(t, dir)); diff != "" {
				t.Errorf("directory (-want +got):\n%s", diff)
			}
		})
	}
}

// TestWriteFileRenameFails makes the rename fail, with a directory where
// the file should go.
func TestWriteFileRenameFails(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.go")
	if err := os.Mkdir(name, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(name, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(name, []byte("package p\n")); err == nil {
		t.Fatal("writeFile over a directory succeeded")
	}
	if diff := cmp.Diff([]string{"out.go"}, dirNames(t, dir)); diff != "" {
		t.Errorf("directory (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"keep"}, dirNames(t, name)); diff != "" {
		t.Errorf("target directory (-want +got):\n%s", diff)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.go")
	created := 0
	defer func(orig func(string, string) (tempFile, error)) { createTemp = orig }(createTemp)
	createTemp = func(dir, base string) (tempFile, error) {
		created++
		return create(dir, base)
	}
	for i, tc := range []struct {
		data    string
		created int
		changed bool
	}{{"one", 1, true}, {"one", 1, false}, {"two", 2, true}} {
		changed, err := Write(name, []byte(tc.data))
		if err != nil {
			t.Fatal(err)
		}
		if changed != tc.changed {
			t.Errorf("write %d: changed = %v, want %v", i, changed, tc.changed)
		}
		if got, _ := os.ReadFile(name); string(got) != tc.data {
			t.Errorf("write %d: file holds %q, want %q", i, got, tc.data)
		}
		if created != tc.created {
			t.Errorf("write %d: %d files written in all, want %d", i, created, tc.created)
		}
	}
	if err := os.Chmod(name, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(name, []byte("three")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(name); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file has mode %v, want its old 0600", fi.Mode().Perm())
	}
	if diff := cmp.Diff([]string{"out.go"}, dirNames(t, dir)); diff != "" {
		t.Errorf("directory (-want +got):\n%s", diff)
	}
}

// TestWriteThroughSymlink: writing to a symbolic link replaces its target's
// content and leaves the link a link.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target holds %q, want the new content", got)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.json is no longer a symbolic link (%v, %v)", fi.Mode(), err)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("target's mode %v, want its own 0600", fi.Mode().Perm())
	}
}

// TestErrorNamesTarget: an error names the file being replaced, not the
// temporary one, and keeps its cause.
func TestErrorNamesTarget(t *testing.T) {
	name := filepath.Join(t.TempDir(), "missing", "out.json")
	_, err := Write(name, []byte("{}"))
	if want := "write " + name + ": no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("Write into a missing directory: %v, want %q", err, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%v is not fs.ErrNotExist", err)
	}
	defer func(f func(dir, base string) (tempFile, error)) { createTemp = f }(createTemp)
	createTemp = func(dir, base string) (tempFile, error) {
		f, err := create(dir, base)
		if err != nil {
			return nil, err
		}
		return &faulty{File: f, failWriteAfter: 0}, nil
	}
	name = filepath.Join(t.TempDir(), "out.json")
	_, err = Write(name, []byte("{}"))
	if want := "write " + name + ": " + errInjected.Error(); err == nil || err.Error() != want || !errors.Is(err, errInjected) {
		t.Errorf("Write with a failing write: %v, want %q", err, want)
	}
}

// TestNotRegular: a directory, a device or a pipe is neither read nor
// replaced; the error says what it is not. (Reading /dev/full or a pipe
// would never end.)
func TestNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	names := []string{dir, os.DevNull}
	if err := mkfifo(fifo); err == nil {
		names = append(names, fifo)
	} else {
		t.Logf("no named pipe: %v", err)
	}
	for _, name := range names {
		before, err := os.Lstat(name)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Write(name, []byte("x"))
		if want := "write " + name + ": not a regular file"; err == nil || err.Error() != want {
			t.Errorf("Write(%s): %v, want %q", name, err, want)
		}
		after, err := os.Lstat(name)
		if err != nil || after.Mode() != before.Mode() {
			t.Errorf("%s was replaced: mode %v, was %v (%v)", name, after.Mode(), before.Mode(), err)
		}
	}
	if got := dirNames(t, dir); len(got) > 1 {
		t.Errorf("files left behind: %v", got)
	}
}

// TestWriteThroughDanglingSymlink: a symbolic link whose target is not
// there yet is written through, as `echo > link` does: the target is
// created, and the link stays a link. So are links to links, and relative
// ones, resolved from the directory of the link even through a linked
// directory.
func TestWriteThroughDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a/b", "c"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"link.json":   "a/b/real.json",
		"a/b/up.json": "../../c/real.json", // from a/b, not from linked/
		"linked":      "a/b",
		"abs.json":    filepath.Join(dir, "c", "abs.json"),
		"chain.json":  "abs.json",
	}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ name, real string }{
		{"link.json", "a/b/real.json"},
		{"linked/up.json", "c/real.json"},
		{"chain.json", "c/abs.json"},
	} {
		data := "written through " + tc.name
		if changed, err := Write(filepath.Join(dir, tc.name), []byte(data)); err != nil || !changed {
			t.Errorf("Write(%s) = %v, %v; want it written", tc.name, changed, err)
		}
		if got, err := os.ReadFile(filepath.Join(dir, tc.real)); err != nil || string(got) != data {
			t.Errorf("%s: target %s holds %q (%v), want %q", tc.name, tc.real, got, err, data)
		}
	}
	for link, target := range links {
		if got, err := os.Readlink(filepath.Join(dir, link)); err != nil || got != target {
			t.Errorf("link %s now reads %q (%v), want %q", link, got, err, target)
		}
	}
	for _, d := range []string{".", "a/b", "c"} {
		for _, name := range dirNames(t, filepath.Join(dir, d)) {
			if strings.HasSuffix(name, ".tmp") {
				t.Errorf("temporary file left: %s", filepath.Join(d, name))
			}
		}
	}
}

// TestSymlinkLoop: a loop of symbolic links is refused, saying so, and
// left as it was.
func TestSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	for link, target := range map[string]string{"a.json": "b.json", "b.json": "a.json", "self.json": "self.json"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]string{
		"a.json":    "symbolic links in a loop: a.json -> b.json -> a.json",
		"self.json": "symbolic links in a loop: self.json -> self.json",
	} {
		path := filepath.Join(dir, name)
		_, err := Write(path, []byte("x"))
		if want := "write " + path + ": " + strings.Replace(want, name, path, 1); err == nil || err.Error() != want {
			t.Errorf("Write(%s): %v, want %q", name, err, want)
		}
	}
	if diff := cmp.Diff([]string{"a.json", "b.json", "self.json"}, dirNames(t, dir)); diff != "" {
		t.Errorf("directory (-want +got):\n%s", diff)
	}
	for _, name := range []string{"a.json", "b.json", "self.json"} {
		if fi, err := os.Lstat(filepath.Join(dir, name)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link (%v)", name, err)
		}
	}
}

// TestConcurrentWrites: writes in parallel, to one file and to several,
// each leave a whole file and no temporary one, and once they are all done
// the package listens for no signal.
func TestConcurrentWrites(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			data := []byte(strings.Repeat(strconv.Itoa(i), 1000))
			for _, name := range []string{"shared.json", "own" + strconv.Itoa(i) + ".json"} {
				if _, err := Write(filepath.Join(dir, name), data); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	names := dirNames(t, dir)
	if len(names) != 31 {
		t.Errorf("the directory holds %d files, want 31: %v", len(names), names)
	}
	got, err := os.ReadFile(filepath.Join(dir, "shared.json"))
	whole := false
	for i := range 30 {
		whole = whole || string(got) == strings.Repeat(strconv.Itoa(i), 1000)
	}
	if err != nil || !whole {
		t.Errorf("shared.json holds %.20q… (%d bytes, %v), not one writer's whole bytes", got, len(got), err)
	}
	progress.Lock()
	defer progress.Unlock()
	if progress.sigs != nil || len(progress.temps) != 0 {
		t.Errorf("after the writes: listening %v, %d temporary files known; want neither", progress.sigs != nil, len(progress.temps))
	}
}
