//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// signals are those that interrupt a Write: the ones that end a process
// and that a user or the system sends to stop it.
var signals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// chown gives f the owner and group of old, when they differ.
func chown(f tempFile, old fs.FileInfo) error {
	want, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if have, ok := fi.Sys().(*syscall.Stat_t); ok && have.Uid == want.Uid && have.Gid == want.Gid {
		return nil
	}
	return f.Chown(int(want.Uid), int(want.Gid))
}
