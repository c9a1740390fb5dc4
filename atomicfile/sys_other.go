//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// signals are those that interrupt a Write.
var signals = []os.Signal{os.Interrupt}

// raise ends the process as an interrupt would have: it cannot send the
// signal again here.
func raise(os.Signal) { os.Exit(130) }

// chown does nothing: files here have no Unix owner.
func chown(tempFile, fs.FileInfo) error { return nil }
