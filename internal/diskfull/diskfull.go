// Package diskfull runs a command as if the disk filled up while it wrote:
// under a limit on the size of the files it writes (RLIMIT_FSIZE, set by
// the shell's ulimit -f), a write past the limit fails part-way with
// "file too large". Tests use it to show that a command leaves the file it
// was replacing intact. It needs a POSIX sh, and is for this module's
// tests only.
package diskfull

import (
	"os/exec"
	"strconv"
)

// Command returns the command name args... run with its writes limited to
// a file size of blocks 512-byte blocks (1024-byte blocks where sh is
// bash).
func Command(blocks int, name string, args ...string) *exec.Cmd {
	return exec.Command("sh", append([]string{"-c", `ulimit -f "$0" && exec "$@"`, strconv.Itoa(blocks), name}, args...)...)
}
