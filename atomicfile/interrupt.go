package atomicfile

import (
	"os"
	"os/signal"
	"sync"
)

// progress holds the temporary files of the Writes in progress, and the
// channel that signals arrive on while there are any.
var progress struct {
	sync.Mutex
	temps map[string]*temp // by name
	sigs  chan os.Signal   // nil when not listening; closed by unlisten
}

// temp is the temporary file of a Write in progress.
type temp struct {
	f           tempFile
	interrupted bool // removed on a signal
}

// begin creates the temporary file for base in dir and listens for
// signals while it is there. Creating it under the lock means that a
// signal finds every temporary file there is.
func begin(dir, base string) (tempFile, error) {
	progress.Lock()
	defer progress.Unlock()
	if progress.sigs == nil {
		listen()
	}
	f, err := createTemp(dir, base)
	if err != nil {
		if len(progress.temps) == 0 {
			unlisten()
		}
		return nil, err
	}
	if progress.temps == nil {
		progress.temps = map[string]*temp{}
	}
	progress.temps[f.Name()] = &temp{f: f}
	return f, nil
}

// end forgets the temporary file named tmp, renamed or removed by now, and
// stops listening when no other Write is in progress. It reports whether a
// signal interrupted the Write.
func end(tmp string) (interrupted bool) {
	progress.Lock()
	defer progress.Unlock()
	t := progress.temps[tmp]
	delete(progress.temps, tmp)
	if len(progress.temps) == 0 && progress.sigs != nil {
		unlisten()
	}
	return t != nil && t.interrupted
}

// listen starts listening for the signals that end a process, but for
// those the process ignores.
func listen() {
	sigs := make(chan os.Signal, 1)
	var caught []os.Signal
	for _, sig := range signals {
		if !signal.Ignored(sig) {
			caught = append(caught, sig)
		}
	}
	if len(caught) > 0 { // Notify with none would catch every signal
		signal.Notify(sigs, caught...)
	}
	progress.sigs = sigs
	go func() {
		// A signal that came before unlisten closed sigs is handled too.
		if sig, ok := <-sigs; ok {
			interrupted(sigs, sig)
		}
	}()
}

// unlisten stops listening, and ends the goroutine that reads sigs: once
// signal.Stop returns, nothing sends on sigs.
func unlisten() {
	signal.Stop(progress.sigs)
	close(progress.sigs)
	progress.sigs = nil
}

// interrupted handles sig, which arrived on sigs: it removes every
// temporary file, stops listening and sends sig again. It holds the lock
// throughout, so that no Write starts or ends before the process does.
func interrupted(sigs chan os.Signal, sig os.Signal) {
	progress.Lock()
	defer progress.Unlock()
	for name, t := range progress.temps {
		if !t.interrupted {
			t.f.Close()
			os.Remove(name)
			t.interrupted = true
		}
	}
	signal.Stop(sigs)
	if progress.sigs == sigs {
		progress.sigs = nil
	}
	raise(sig)
}
