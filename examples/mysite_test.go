package examples

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMySite copies examples/mysite, a module of someone else's, to a
// temporary directory, points it at this checkout, and does what its owner
// would: go generate, go build, run. The regenerated content package must
// equal the committed one (so the example never goes stale) and the
// program must render both of its incidents.
func TestMySite(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyTree(t, "mysite", dir)

	run := func(name string, args ...string) (stdout, stderr string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		// The module cache already holds what this checkout needs; nothing
		// is fetched.
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
		}
		return out.String(), errb.String()
	}
	run("go", "mod", "edit", "-replace", "github.com/incident-leadership/portfolio="+root)

	gen := filepath.Join(dir, "content", "content_gen.go")
	committed, err := os.ReadFile(gen)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(gen); err != nil {
		t.Fatal(err)
	}
	run("go", "generate", "./...")
	regenerated, err := os.ReadFile(gen)
	if err != nil {
		t.Fatalf("go generate wrote no content_gen.go: %v", err)
	}
	if diff := cmp.Diff(string(committed), string(regenerated)); diff != "" {
		t.Errorf("examples/mysite/content/content_gen.go is stale; run go generate ./... in examples/mysite (-committed +fresh):\n%s", diff)
	}

	run("go", "build", "-o", "mysite", ".")
	page, log := run(filepath.Join(dir, "mysite"))
	for _, want := range []string{
		"<!doctype html>",
		"<title>On-call Record</title>",
		"DNS Resolver Saturation During a Traffic Spike",
		"Expired TLS Certificate on the Public API",
		"Incident Commander",
		"SEV-1",
		"What the pager taught me",
		// The timeline, as a figure, with times of day and their zone.
		`<figure class="timeline">`,
		`<time datetime="2024-02-09T18:02:00Z">9 February 2024 18:02</time> – <time datetime="2024-02-09T19:37:00Z">19:37 UTC</time>`,
		`<time datetime="2024-02-09T18:48:00Z">18:48 UTC</time> · <span class="event-kind">Mitigated</span> · <span class="event-state state-recovered">Recovered</span>`,
		`<div><dt>Time to mitigate</dt><dd><time datetime="PT46M">46 minutes</time></dd></div>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("mysite's page lacks %q", want)
		}
	}
	if want := `mysite: rendered 2 incidents; the worst was "DNS Resolver Saturation During a Traffic Spike"`; strings.TrimSpace(log) != want {
		t.Errorf("mysite logged %q, want %q", log, want)
	}
	// Sorted by severity: the SEV-1 incident comes first.
	if i, j := strings.Index(page, "DNS Resolver"), strings.Index(page, "Expired TLS"); i < 0 || j < 0 || i > j {
		t.Errorf("SEV-1 incident not drawn before the SEV-2 one (at %d and %d)", i, j)
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
