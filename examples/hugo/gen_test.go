package hugosite

import (
	"os"
	"os/exec"
	"testing"
)

// TestGeneratedFresh fails when the generated parts of the Hugo module
// (../../hugo) differ from what internal/hugogen writes now from packages
// incident and render.
func TestGeneratedFresh(t *testing.T) {
	cmd := exec.Command("go", "run", "../../internal/hugogen", "-out", "../../hugo", "-check")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run ./internal/hugogen -out hugo -check: %v (run go run ./internal/hugogen -out hugo)", err)
	}
}
