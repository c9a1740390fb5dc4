//go:build unix

// Package interrupt interrupts a command in the middle of writing a file,
// to show that the temporary file atomicfile.Write was writing goes with
// it. It builds the command with atomicfile's test stall on (Write then
// waits for ever once the temporary file holds its bytes), waits for the
// temporary file to appear, and sends a signal. It is for this module's
// tests only.
package interrupt

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Stall is the linker flag that turns atomicfile's test stall on.
const Stall = "-X=github.com/incident-leadership/portfolio/atomicfile.testStall=on"

// Build builds the command in the package directory pkg, with the stall
// on, into a temporary directory, and returns its path.
func Build(t testing.TB, pkg string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "cmd")
	if out, err := exec.Command("go", "build", "-ldflags="+Stall, "-o", bin, pkg).CombinedOutput(); err != nil {
		t.Fatalf("building %s: %v\n%s", pkg, err, out)
	}
	return bin
}

// Check starts cmd, waits until a temporary file (".*.tmp") in dir holds
// bytes, and sends it each signal of sigs in turn. It fails t unless cmd
// dies of the last one, outlives the others (which it ignores) and leaves
// no temporary file in dir.
func Check(t testing.TB, cmd *exec.Cmd, dir string, sigs ...syscall.Signal) {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
	}()
	deadline := time.Now().Add(time.Minute)
	for temps(dir, true) == nil {
		select {
		case err := <-exited:
			t.Fatalf("%s ended before it wrote a temporary file: %v\n%s", cmd.Path, err, stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s wrote no temporary file in %s within a minute", cmd.Path, dir)
		}
	}
	for i, sig := range sigs {
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		wait := time.Minute
		if i < len(sigs)-1 {
			wait = 200 * time.Millisecond
		}
		select {
		case err := <-exited:
			ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if i < len(sigs)-1 || !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("%s after %v: %v, want death by %v (stderr %q)",
					cmd.Path, sig, err, sigs[len(sigs)-1], stderr.String())
			}
		case <-time.After(wait):
			if i == len(sigs)-1 {
				t.Fatalf("%s is still running a minute after %v", cmd.Path, sig)
			}
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	if left := temps(dir, false); left != nil {
		t.Errorf("temporary files left after %v: %v", sigs, left)
	}
}

// temps returns the temporary files in dir, or with full only those that
// hold bytes.
func temps(dir string, full bool) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		if fi, err := e.Info(); full && (err != nil || fi.Size() == 0) {
			continue
		}
		names = append(names, e.Name())
	}
	return names
}
