package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/internal/diskfull"
)

// TestCommandDiskFull runs gen as if the disk filled up while it wrote
// the Go file: it must fail, say why, and leave the old file as it was,
// with no temporary file beside it.
func TestCommandDiskFull(t *testing.T) {
	dir := t.TempDir()
	writeJSON(t, dir, "ok.json", full())
	const old = "// old content\n"
	out := filepath.Join(dir, "out_gen.go")
	if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if src := mustGenerate(t, full(), "p", "ok.json"); len(src) <= 2048 {
		t.Fatalf("the generated file is %d bytes, too small to fail under the limit", len(src))
	}
	diskfull.Fail(t, dir, genBin, "-in", "ok.json", "-out", "out_gen.go", "-pkg", "p")
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != old {
		t.Errorf("out_gen.go holds %q, want the old content", got)
	}
	if diff := cmp.Diff([]string{"ok.json", "out_gen.go"}, dirNames(t, dir)); diff != "" {
		t.Errorf("files in the directory (-want +got):\n%s", diff)
	}
}
