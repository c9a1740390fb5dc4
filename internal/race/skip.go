package race

import "testing"

// SkipAllocs skips a test of allocation counts under the race detector,
// saying why.
func SkipAllocs(t testing.TB) {
	t.Helper()
	if Enabled {
		t.Skip("allocation counts are not meaningful under the race detector: sync.Pool drops items at random")
	}
}
