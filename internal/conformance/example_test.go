package conformance

import (
	"fmt"
	"os"
)

// Missing skips a test that lacks a tool, or fails it in CI.
func ExampleMissing() {
	if ci, ok := os.LookupEnv("CI"); ok {
		defer os.Setenv("CI", ci)
	} else {
		defer os.Unsetenv("CI")
	}
	for _, ci := range []string{"", "true"} {
		os.Setenv("CI", ci)
		var t recorder // a *testing.T in a real test
		Missing(&t, "chromium is not installed")
		fmt.Printf("CI=%q: %s\n", ci, t.ended)
	}
	// Output:
	// CI="": skip
	// CI="true": fatal
}
