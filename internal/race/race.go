//go:build race

// Package race reports whether the race detector is on, for tests whose
// measurements it changes: under it, sync.Pool drops items at random, so
// allocation counts mean nothing.
package race

// Enabled is true when the binary is built with -race.
const Enabled = true
