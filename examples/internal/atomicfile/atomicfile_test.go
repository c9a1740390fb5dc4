package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		return n, errors.New("disk full (injected)")
	}
	f.n -= len(p)
	return f.w.Write(p)
}

func TestWriteFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.html")
	if err := os.WriteFile(name, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	testHookWrite = func(w io.Writer) io.Writer { return &failAfter{w: w, n: 5} }
	defer func() { testHookWrite = nil }()

	_, err := Write(name, []byte("new content that will not fit"), 0o644)
	if err == nil {
		t.Fatal("Write succeeded despite the injected failure")
	}
	got, _ := os.ReadFile(name)
	if string(got) != "old content" {
		t.Errorf("old file changed to %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only index.html (no temp file left)", names)
	}
}

func TestWriteReplacesAndReportsChange(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.txt")
	for i, tc := range []struct {
		data    string
		changed bool
	}{{"one", true}, {"one", false}, {"two", true}} {
		changed, err := Write(name, []byte(tc.data), 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if changed != tc.changed {
			t.Errorf("write %d: changed = %v, want %v", i, changed, tc.changed)
		}
		got, _ := os.ReadFile(name)
		if string(got) != tc.data {
			t.Errorf("write %d: file holds %q, want %q", i, got, tc.data)
		}
	}
	fi, _ := os.Stat(name)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}
