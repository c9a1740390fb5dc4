package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-leadership/portfolio/internal/diskfull"
)

// TestResumeDiskFull runs the command as if the disk filled up while it
// wrote the merged résumé: it must fail, say why, and leave the old file
// as it was, with no temporary file beside it.
func TestResumeDiskFull(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "resume.full.json")
	const old = `{"basics":{"name":"old"}}`
	if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	diskfull.Fail(t, dir, bin, "-out", out, "-projects")
	if got, err := os.ReadFile(out); err != nil || string(got) != old {
		t.Errorf("the résumé holds %q (%v), want the old content", got, err)
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 1 {
		t.Errorf("the directory holds %v (%v), want only the résumé", entries, err)
	}
}
