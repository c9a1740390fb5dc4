//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/incident-leadership/portfolio/internal/interrupt"
)

// TestResumeUmask: under umask 077 a new résumé is the user's alone, as
// any file a Unix tool creates would be. (The umask is process wide: no
// test of this package runs in parallel.)
func TestResumeUmask(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o077))
	out := filepath.Join(t.TempDir(), "resume.full.json")
	if _, stderr, code := runResume(t, "-out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the résumé: %v (%v), want -rw-------", fi.Mode().Perm(), err)
	}
}

// TestResumeSymlink: an -out that is a symbolic link is written through,
// as `echo > link` writes: its target is created when it is not there
// yet, or replaced, and the link stays. A loop of links is refused.
func TestResumeSymlink(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "build"), 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{"resume.json": "build/resume.full.json", "loop.json": "loop.json"}
	for link, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	want, stderr, code := runResume(t, "-out", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for run := range 2 { // creates the target, then replaces it
		if _, stderr, code := runResume(t, "-out", filepath.Join(dir, "resume.json")); code != 0 {
			t.Fatalf("run %d: exit %d: %s", run, code, stderr)
		}
		if got, err := os.ReadFile(filepath.Join(dir, "build", "resume.full.json")); err != nil || string(got) != want {
			t.Errorf("run %d: the link's target holds %.40q (%v), want the merged résumé", run, got, err)
		}
		if run == 0 {
			os.WriteFile(filepath.Join(dir, "build", "resume.full.json"), []byte("{}"), 0o644)
		}
	}
	loop := filepath.Join(dir, "loop.json")
	_, stderr, code = runResume(t, "-out", loop)
	if want := "resume: write " + loop + ": symbolic links in a loop: " + loop + " -> loop.json\n"; code != 1 || stderr != want {
		t.Errorf("a loop of links: exit %d, stderr %q; want 1 and %q", code, stderr, want)
	}
	for link, target := range links {
		if got, err := os.Readlink(filepath.Join(dir, link)); err != nil || got != target {
			t.Errorf("link %s now reads %q (%v), want %q", link, got, err, target)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the directory holds %v, want only build and the two links", entries)
	}
}

// TestResumeInterrupt interrupts the command while it writes: the
// temporary file goes, the old résumé stays, and the command dies of the
// signal.
func TestResumeInterrupt(t *testing.T) {
	bin := interrupt.Build(t, ".")
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		out := filepath.Join(dir, "resume.full.json")
		const old = `{"basics":{"name":"old"}}`
		if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		interrupt.Check(t, exec.Command(bin, "-out", out, "-projects"), dir, sig)
		if got, err := os.ReadFile(out); err != nil || string(got) != old {
			t.Errorf("%v: the résumé holds %.40q (%v), want the old content", sig, got, err)
		}
	}
}
