//go:build !purego

package scan

import "testing"

// TestEscapeWithoutVector runs Escape as on a processor without AVX2,
// where it runs escapeTable.
func TestEscapeWithoutVector(t *testing.T) {
	defer func(v bool) { haveVector = v }(haveVector)
	// An Escaper whose portable table stops at 'x' and replaces it, but
	// whose vector table does not: the two paths disagree on "x".
	odd := *escapers["html"]
	odd.stop.in['x'], odd.rlen['x'], odd.repl['x'] = 1, 1, 'X'
	for _, c := range []struct {
		vector bool
		want   string
	}{{true, "x"}, {false, "X"}} {
		haveVector = c.vector
		dst := make([]byte, 64)
		if nd, _ := odd.Escape(dst, "x", 0); string(dst[:nd]) != c.want {
			t.Fatalf("with haveVector %v, Escape ran the other code: wrote %q, want %q", c.vector, dst[:nd], c.want)
		}
	}
	haveVector = false
	for name, e := range escapers {
		for _, s := range escapeInputs() {
			want := spec(e, s)
			for _, size := range []int{EscapeRoom, 64} {
				if got := complete(t, e, s, size, e.Escape); got != want {
					t.Fatalf("%s: Escape(%q) with %d bytes of room and no vector code:\n got %q\nwant %q", name, s, size, got, want)
				}
			}
		}
	}
}
