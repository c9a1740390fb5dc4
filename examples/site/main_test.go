package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio"
)

// TestSiteIdempotent writes the site twice into a directory that already
// holds a file of the user's: the second run changes nothing, and the
// user's file survives both.
func TestSiteIdempotent(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "CNAME")
	if err := os.WriteFile(mine, []byte("incidents.example.com\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := build(portfolio.Page())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range files {
		want = append(want, f.path)
	}
	for run, wantChanged := range []bool{true, false} {
		written, err := write(dir, files)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if written[f.path] != wantChanged {
				t.Errorf("run %d: %s changed = %v, want %v", run+1, f.path, written[f.path], wantChanged)
			}
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.path)))
			if err != nil || !bytes.Equal(got, f.data) {
				t.Errorf("run %d: %s does not hold what was built (err %v)", run+1, f.path, err)
			}
		}
	}
	if got, err := os.ReadFile(mine); err != nil || string(got) != "incidents.example.com\n" {
		t.Errorf("the user's own file changed: %q, %v", got, err)
	}
	var got []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path != mine {
			rel, _ := filepath.Rel(dir, path)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("files in the output directory (-want +got):\n%s", diff)
	}
}

// TestSiteFiles checks what the site holds: the full page, a page per
// incident linking back to its card, the other formats and the schemas.
func TestSiteFiles(t *testing.T) {
	p := portfolio.Page()
	files, err := build(p)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]string{}
	for _, f := range files {
		byPath[f.path] = string(f.data)
	}
	for _, path := range []string{"index.html", "portfolio.md", "portfolio.txt", "resume.json", "portfolio.schema.json", "jsonresume-incidents.schema.json"} {
		if byPath[path] == "" {
			t.Errorf("site has no %s", path)
		}
	}
	for _, in := range p.Incidents {
		page := byPath["incidents/"+string(in.ID)+".html"]
		if page == "" {
			t.Errorf("no page for incident %s", in.ID)
			continue
		}
		if !strings.Contains(page, `href="../index.html#`+string(in.ID)+`"`) {
			t.Errorf("page of %s does not link back to its card on the index", in.ID)
		}
		if !strings.Contains(page, `id="`+string(in.ID)+`"`) {
			t.Errorf("page of %s has no anchor for the incident", in.ID)
		}
		for _, other := range p.Incidents {
			if other.ID != in.ID && strings.Contains(page, `id="`+string(other.ID)+`"`) {
				t.Errorf("page of %s also holds incident %s", in.ID, other.ID)
			}
		}
		if !strings.Contains(byPath["index.html"], `id="`+string(in.ID)+`"`) {
			t.Errorf("index.html has no anchor for %s", in.ID)
		}
	}
}

// TestReport checks the listing printed after a run.
func TestReport(t *testing.T) {
	files := []file{{"index.html", []byte("12345")}, {"incidents/a.html", []byte("12")}}
	var b bytes.Buffer
	report(&b, "public", files, map[string]bool{"index.html": true})
	want := "public/index.html              5 bytes  written\n" +
		"public/incidents/a.html        2 bytes  unchanged\n" +
		"2 files, 7 bytes in public\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// TestSiteSymlinks: a file of the site that is a symbolic link, as when
// the user keeps resume.json elsewhere, is written through: its target is
// created when it is not there yet, and the link stays a link.
func TestSiteSymlinks(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	link, target := filepath.Join(dir, "resume.json"), filepath.Join(elsewhere, "resume.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	files := []file{{"index.html", []byte("<!doctype html>")}, {"resume.json", []byte("{}")}}
	if _, err := write(dir, files); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(target); err != nil || string(got) != "{}" {
		t.Errorf("the link's target holds %q (%v), want the site's resume.json", got, err)
	}
	if got, err := os.Readlink(link); err != nil || got != target {
		t.Errorf("resume.json now reads %q (%v), want a link to %s", got, err, target)
	}
}
