package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
)

// genBin is the gen command, built once by TestMain.
var genBin string

func TestMain(m *testing.M) {
	if args := os.Getenv(rssWrapperEnv); args != "" {
		os.Exit(rssWrapper(strings.Fields(args)))
	}
	dir, err := os.MkdirTemp("", "gen-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	genBin = filepath.Join(dir, "gen")
	if out, err := exec.Command("go", "build", "-o", genBin, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building gen: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeJSON writes p to dir/name as a JSON content file.
func writeJSON(t *testing.T, dir, name string, p incident.Portfolio) {
	t.Helper()
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// runGen runs the gen command in dir and returns its stderr and exit code.
func runGen(t *testing.T, dir string, args ...string) (stderr string, code int) {
	t.Helper()
	cmd := exec.Command(genBin, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if out.Len() > 0 {
		t.Errorf("gen %s wrote to stdout: %q", strings.Join(args, " "), out.String())
	}
	return errb.String(), code
}

func TestCommand(t *testing.T) {
	clash := full()
	clash.Incidents[1].ID = "page"
	const old = "// old content\n"
	usage := "usage: gen -in portfolio.yaml -out portfolio_gen.go [-pkg name] [-check]\n"
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		stderr  string         // the exact standard error, or
		errLike *regexp.Regexp // a pattern it matches
		want    string         // out_gen.go afterwards: old, "" for none, or "fresh"
	}{
		{name: "no flags", args: nil, code: 2,
			errLike: regexp.MustCompile(`^gen: missing -in\n` + regexp.QuoteMeta(usage) + `(?s).*-check`), want: old},
		{name: "no -out", args: []string{"-in", "ok.json"}, code: 2,
			errLike: regexp.MustCompile(`^gen: missing -out\n` + regexp.QuoteMeta(usage)), want: old},
		{name: "extra arguments", args: []string{"-in", "ok.json", "-out", "out_gen.go", "x", "y"}, code: 2,
			errLike: regexp.MustCompile(`^gen: unexpected arguments: x y\n` + regexp.QuoteMeta(usage)), want: old},
		{name: "bad -pkg", args: []string{"-in", "ok.json", "-out", "out_gen.go", "-pkg", "my-pkg"}, code: 2,
			errLike: regexp.MustCompile(`^gen: bad -pkg "my-pkg": want a Go identifier\n` + regexp.QuoteMeta(usage)), want: old},
		{name: "unknown flag", args: []string{"-pkgs", "p"}, code: 2,
			errLike: regexp.MustCompile(`^flag provided but not defined: -pkgs\n` + regexp.QuoteMeta(usage)), want: old},
		{name: "help", args: []string{"-h"}, code: 0,
			errLike: regexp.MustCompile(`^` + regexp.QuoteMeta(usage)), want: old},
		{name: "no such input", args: []string{"-in", "nope.yaml", "-out", "out_gen.go"}, code: 1,
			stderr: "gen: open nope.yaml: no such file or directory\n", want: old},
		{name: "content errors", args: []string{"-in", "bad.yaml", "-out", "out_gen.go", "-pkg", "p"}, code: 1,
			errLike: regexp.MustCompile(`^(gen: bad\.yaml:\d+:\d+: [^\n]+\n)*gen: bad\.yaml:2:1: tittle: [^\n]+\n$`), want: old},
		{name: "name clash", args: []string{"-in", "clash.json", "-out", "out_gen.go", "-pkg", "p"}, code: 1,
			stderr: `gen: clash.json:100:13: incidents[1].id: "page" gets the Go name Page, which the generated function Page has: change the id` + "\n", want: old},
		{name: "name clashes", args: []string{"-in", "clash2.json", "-out", "out_gen.go", "-pkg", "p"}, code: 1,
			stderr: `gen: clash2.json:33:13: incidents[0].id: "page" gets the Go name Page, which the generated function Page has: change the id` + "\n" +
				`gen: clash2.json:100:13: incidents[1].id: "i-ds" gets the Go name IDs, which the generated function IDs has: change the id` + "\n", want: old},
		{name: "generate", args: []string{"-in", "ok.json", "-out", "out_gen.go", "-pkg", "p"}, code: 0, want: "fresh"},
		{name: "check stale", args: []string{"-check", "-in", "ok.json", "-out", "out_gen.go", "-pkg", "p"}, code: 1,
			stderr: "gen: out_gen.go is stale: run go generate\n", want: old},
		{name: "check missing", args: []string{"-check", "-in", "ok.json", "-out", "new_gen.go", "-pkg", "p"}, code: 1,
			stderr: "gen: new_gen.go is missing: run go generate\n", want: old},
		{name: "check content errors", args: []string{"-check", "-in", "bad.yaml", "-out", "out_gen.go", "-pkg", "p"}, code: 1,
			errLike: regexp.MustCompile(`^(gen: bad\.yaml:\d+:\d+: [^\n]+\n)*gen: bad\.yaml:2:1: tittle: [^\n]+\n$`), want: old},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeJSON(t, dir, "ok.json", full())
			writeJSON(t, dir, "clash.json", clash)
			writeJSON(t, dir, "clash2.json", withIDs("page", "i-ds"))
			if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("title: T\ntittle: x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "out_gen.go"), []byte(old), 0o644); err != nil {
				t.Fatal(err)
			}
			stderr, code := runGen(t, dir, tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d", code, tc.code)
			}
			if tc.errLike != nil && !tc.errLike.MatchString(stderr) {
				t.Errorf("stderr %q does not match %s", stderr, tc.errLike)
			}
			if tc.errLike == nil && stderr != tc.stderr {
				t.Errorf("stderr %q, want %q", stderr, tc.stderr)
			}
			want := old
			if tc.want == "fresh" {
				p, err := load.File(filepath.Join(dir, "ok.json"))
				if err != nil {
					t.Fatal(err)
				}
				want = string(mustGenerate(t, p, "p", "ok.json"))
			}
			got, err := os.ReadFile(filepath.Join(dir, "out_gen.go"))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("out_gen.go (-want +got):\n%s", diff)
			}
			if names := dirNames(t, dir); len(names) != 5 {
				t.Errorf("directory holds %v, want only the five files it had", names)
			}
		})
	}
}

// TestCheckFresh generates a file, then checks it: fresh, exit 0; after a
// change to the content, stale, exit 1.
func TestCheckFresh(t *testing.T) {
	dir := t.TempDir()
	writeJSON(t, dir, "in.json", full())
	args := []string{"-in", "in.json", "-out", "x_gen.go", "-pkg", "x"}
	if stderr, code := runGen(t, dir, args...); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, stderr)
	}
	if stderr, code := runGen(t, dir, append(args, "-check")...); code != 0 || stderr != "" {
		t.Errorf("check of a fresh file: exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if stderr, code := runGen(t, dir, append(args[:4:4], "-check", "-pkg", "y")...); code != 1 || stderr != "gen: x_gen.go is stale: run go generate\n" {
		t.Errorf("check with another package name: exit %d, stderr %q; want 1 and stale", code, stderr)
	}
	p := full()
	p.Incidents[0].Tags = append(p.Incidents[0].Tags, "new")
	writeJSON(t, dir, "in.json", p)
	if stderr, code := runGen(t, dir, append(args, "-check")...); code != 1 || stderr != "gen: x_gen.go is stale: run go generate\n" {
		t.Errorf("check after a content change: exit %d, stderr %q; want 1 and stale", code, stderr)
	}
}

func TestPackageName(t *testing.T) {
	root := t.TempDir()
	mk := func(dir string, files map[string]string) string {
		d := filepath.Join(root, dir)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, src := range files {
			if err := os.WriteFile(filepath.Join(d, name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	for _, tc := range []struct {
		dir   string
		files map[string]string
		pkg   string // -pkg
		want  string
		err   string
	}{
		{dir: "content", want: "content"},
		{dir: "My-Content.v2", want: "mycontentv2"},
		{dir: "has-files", files: map[string]string{"a.go": "package site\n", "b_test.go": "package site_test\n"}, want: "site"},
		{dir: "generated-only", files: map[string]string{"p_gen.go": "// Code generated; DO NOT EDIT.\n\npackage pages\n"}, want: "pages"},
		{dir: "mixed", files: map[string]string{"a.go": "package a\n", "b.go": "package b\n"}, err: "mixed holds packages a and b: use -pkg"},
		{dir: "2024", err: `cannot make a package name of directory "2024": use -pkg`},
		{dir: "broken", files: map[string]string{"a.go": "packag a\n"}, err: "expected 'package'"},
		{dir: "broken-out", files: map[string]string{"out_gen.go": "<<<<<<< HEAD\n"}, want: "brokenout"},
		{dir: "ignored", files: map[string]string{"a.go": "package a\n", "tool.go": "//go:build ignore\n\npackage main\n"}, want: "a"},
		{dir: "named", pkg: "other", want: "other"},
		{dir: "named-same", files: map[string]string{"doc.go": "package content\n"}, pkg: "content", want: "content"},
		{dir: "named-broken", files: map[string]string{"a.go": "packag a\n"}, pkg: "content", want: "content"},
		{dir: "named-ignored", files: map[string]string{"tool.go": "//go:build ignore\n\npackage main\n"}, pkg: "content", want: "content"},
		{dir: "named-other", files: map[string]string{"doc.go": "package content\n", "x_test.go": "package other\n"}, pkg: "other",
			err: "-pkg other, but doc.go in " + filepath.Join(root, "named-other") + " is package content, and the two would not build together: use -pkg content, or leave -pkg out"},
	} {
		got, err := packageName(mk(tc.dir, tc.files), "out_gen.go", tc.pkg)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", tc.dir, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("%s: %q, %v; want %q", tc.dir, got, err, tc.want)
		}
	}
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

// TestSiblingClash: names declared in the package's other files clash
// with the generated ones, as ContentSchema does in this module's root
// package; gen says so instead of writing a package that does not build.
func TestSiblingClash(t *testing.T) {
	dir := t.TempDir()
	p := withIDs("content-schema", "fine")
	writeJSON(t, dir, "c.json", p)
	sibling := "package p\n\nfunc ContentSchema() []byte { return nil }\n\nvar byID = 1\n\nfunc (T) Page() {}\n\ntype T int\n"
	if err := os.WriteFile(filepath.Join(dir, "schemas.go"), []byte(sibling), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package p\n\nvar page = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr, code := runGen(t, dir, "-in", "c.json", "-out", "out_gen.go")
	want := `gen: c.json:33:13: incidents[0].id: "content-schema" gets the Go name ContentSchema, which schemas.go declares too: change the id, or rename it there` + "\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "out_gen.go")); err == nil {
		t.Error("out_gen.go was written despite the clash")
	}
}

// TestPackageClash: a -pkg other than the directory's package is refused,
// with or without -check, before anything is written.
func TestPackageClash(t *testing.T) {
	dir := t.TempDir()
	writeJSON(t, dir, "c.json", withIDs("fine"))
	if err := os.WriteFile(filepath.Join(dir, "doc.go"), []byte("// Package content is generated.\npackage content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, check := range []bool{false, true} {
		args := []string{"-in", "c.json", "-out", "out_gen.go", "-pkg", "other"}
		if check {
			args = append(args, "-check")
		}
		stderr, code := runGen(t, dir, args...)
		if code != 1 || !strings.Contains(stderr, "-pkg other, but doc.go in . is package content") {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and the clash", args, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "out_gen.go")); err == nil {
			t.Fatalf("%v: out_gen.go was written despite the clash", args)
		}
	}
}

// TestReadContentBounded: gen reads no more of its input than the loader
// needs to refuse it, even from an endless file.
func TestReadContentBounded(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skipf("no /dev/zero here (%v): the bound is the same code on every system", err)
	}
	data, err := readContent("/dev/zero")
	if err != nil || len(data) != load.MaxSize+1 {
		t.Fatalf("readContent(/dev/zero) = %d bytes, %v; want %d", len(data), err, load.MaxSize+1)
	}
}

// TestSiblingClashes: a file the build leaves out clashes with nothing; an
// ID's clash keeps its position when another name clashes too.
func TestSiblingClashes(t *testing.T) {
	dir := t.TempDir()
	writeJSON(t, dir, "c.json", withIDs("content-schema", "fine"))
	for name, src := range map[string]string{
		"tool.go":    "//go:build ignore\n\npackage main\n\nfunc Page() {}\n\nconst Fine = 1\n",
		"schemas.go": "package p\n\nfunc ContentSchema() []byte { return nil }\n\nfunc IDs() {}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stderr, code := runGen(t, dir, "-in", "c.json", "-out", "out_gen.go")
	want := "gen: c.json: the generated IDs is declared in schemas.go too: rename it there\n" +
		`gen: c.json:33:13: incidents[0].id: "content-schema" gets the Go name ContentSchema, which schemas.go declares too: change the id, or rename it there` + "\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d, stderr\n%s\nwant exit 1 and\n%s", code, stderr, want)
	}
}
