//go:build unix && !linux

package atomicfile

import (
	"os"
	"syscall"
	"time"
)

// raise sends sig to the process again, once nothing of this package
// listens for it: the process then ends as the signal ends it, unless it
// handles sig itself. The signal may reach another thread a little later;
// raise waits a while, so that a process that ends of it ends before the
// interrupted Write can return, rather than see it fail and exit with a
// status of its own.
func raise(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		syscall.Kill(syscall.Getpid(), s)
		time.Sleep(time.Second)
	}
}
