// Package diskfull runs a command as if the disk filled up while it wrote:
// under a limit on the size of the files it writes (RLIMIT_FSIZE, set by
// the shell's ulimit -f), a write past the limit fails part-way with
// "file too large". Tests use it to show that a command leaves the file it
// was replacing intact. It needs a POSIX sh, and is for this module's
// tests only.
package diskfull

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Command returns the command name args... run with its writes limited to
// a file size of blocks 512-byte blocks (1024-byte blocks where sh is
// bash).
func Command(blocks int, name string, args ...string) *exec.Cmd {
	script := []string{"-c", `ulimit -f "$0" && exec "$@"`, strconv.Itoa(blocks), name}
	return exec.Command("sh", append(script, args...)...)
}

// Fail runs name args... in dir with its writes limited to 2 blocks, and
// fails t unless the command fails saying "file too large". It returns
// the command's standard error.
func Fail(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	cmd := Command(2, name, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatalf("%s succeeded on a full disk", name)
	}
	if !strings.Contains(stderr.String(), "file too large") {
		t.Errorf("stderr %q does not say why", stderr.String())
	}
	return stderr.String()
}
