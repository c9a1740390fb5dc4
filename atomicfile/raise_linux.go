package atomicfile

import (
	"os"
	"runtime"
	"syscall"
)

// raise sends sig again, once nothing of this package listens for it: the
// process then ends as the signal ends it, unless it handles sig itself.
// It sends sig to the calling thread, which receives it before the call
// returns, so that a process that ends of it ends before the interrupted
// Write can return (a signal sent to the process may reach another thread
// later, after the program has seen the Write fail and exited with a
// status of its own).
func raise(sig os.Signal) {
	s, ok := sig.(syscall.Signal)
	if !ok {
		return
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	syscall.Tgkill(syscall.Getpid(), syscall.Gettid(), s)
}
