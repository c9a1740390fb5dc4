// Package golden compares what a test produced with a golden file, and
// rewrites the file instead when the test binary runs with -update:
//
//	go test ./render -update
//
// It is for this module's tests only.
package golden

import (
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag: rewrite golden files rather than compare.
var Update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Check compares got with the file at path, or with -update writes got
// there. A difference is reported with cmp.Diff as (-want +got).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got); run go test with -update if the change is meant:\n%s", path, diff)
	}
}
