//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestFIFOBeside: a named pipe called *.go beside the output is no Go
// file to read (reading it would wait for ever): gen leaves it alone.
func TestFIFOBeside(t *testing.T) {
	dir := t.TempDir()
	writeJSON(t, dir, "ok.json", full())
	if err := syscall.Mkfifo(filepath.Join(dir, "other.go"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	if stderr, code := runGen(t, dir, "-in", "ok.json", "-out", "p_gen.go", "-pkg", "p"); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "p_gen.go")); err != nil {
		t.Error(err)
	}
}
