package diskfull

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommand writes 64 KiB through a shell under a limit of 4 blocks:
// the write fails part-way, leaving at most 4 KiB, and the same write
// without a limit succeeds.
func TestCommand(t *testing.T) {
	dir := t.TempDir()
	script := `i=0; while [ $i -lt 64 ]; do printf '%1024s' x; i=$((i+1)); done > "$1"`
	for _, limited := range []bool{true, false} {
		name := filepath.Join(dir, "out")
		cmd := Command(4, "sh", "-c", script, "sh", name)
		if !limited {
			cmd = Command(1<<20, "sh", "-c", script, "sh", name)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		fi, serr := os.Stat(name)
		if serr != nil {
			t.Fatal(serr)
		}
		switch {
		case limited && (err == nil || fi.Size() > 4096):
			t.Errorf("limited: exit %v, %d bytes written; want a failure and at most 4096 bytes (stderr %q)", err, fi.Size(), stderr.String())
		case !limited && (err != nil || fi.Size() != 64<<10):
			t.Errorf("unlimited: exit %v, %d bytes written; want 65536 (stderr %q)", err, fi.Size(), strings.TrimSpace(stderr.String()))
		}
	}
}
