package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio/internal/diskfull"
)

// TestSiteDiskFull runs the command as if the disk filled up while it
// wrote the site: it must fail, say why, leave the page that was there as
// it was (index.html, the first it writes), and leave no temporary file
// anywhere.
func TestSiteDiskFull(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "site")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building site: %v\n%s", err, out)
	}
	dir := t.TempDir()
	index := filepath.Join(dir, "index.html")
	const old = "<!doctype html><title>old</title>\n"
	if err := os.WriteFile(index, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if stderr := diskfull.Fail(t, dir, bin, "-out", dir); !strings.Contains(stderr, "index.html") {
		t.Errorf("stderr %q does not name index.html", stderr)
	}
	if got, err := os.ReadFile(index); err != nil || string(got) != old {
		t.Errorf("index.html holds %.80q (%v), want the old content", got, err)
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".tmp") {
			t.Errorf("a temporary file is left: %s", path)
		}
		return err
	})
}
