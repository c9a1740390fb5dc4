package scan

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// sets are the kinds of set the renderers use, and some that stress the
// grouping of high nibbles.
var sets = map[string]*Set{
	"html": New(func(c byte) bool {
		return c < 0x20 || c >= 0x7f || strings.IndexByte(`&<>"'`, c) >= 0
	}),
	"json":  New(func(c byte) bool { return c < 0x20 || c >= 0x80 || strings.IndexByte(`"\<>&`, c) >= 0 }),
	"none":  New(func(byte) bool { return false }),
	"all":   New(func(byte) bool { return true }),
	"high":  New(func(c byte) bool { return c >= 0x80 }),
	"0xff":  New(func(c byte) bool { return c == 0xff }),
	"0x00":  New(func(c byte) bool { return c == 0 }),
	"space": New(func(c byte) bool { return c == ' ' }),
	"eight": New(func(c byte) bool { return c>>4 < 8 && c&15 == c>>4 }), // eight groups, one byte each
}

// naive is the definition Span must meet.
func naive(t *Set, s string) int {
	for i := 0; i < len(s); i++ {
		if t.Has(s[i]) {
			return i
		}
	}
	return len(s)
}

// naivePair is the definition SpanPair must meet.
func naivePair(t *Set, s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if t.Has(s[i]) || i > 0 && s[i-1] == c && s[i] == c {
			return i
		}
	}
	return len(s)
}

func TestNew(t *testing.T) {
	for name, set := range sets {
		for c := range 256 {
			got := set.nib[c&15]&set.nib[16+c>>4] != 0
			if got != set.Has(byte(c)) {
				t.Errorf("%s: nibble tables say %#02x is a member: %v; the byte table: %v", name, c, got, set.Has(byte(c)))
			}
		}
	}
}

func TestNewTooManyGroups(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New accepted a set of nine groups of high nibbles")
		}
	}()
	New(func(c byte) bool { return c>>4 < 9 && c&15 == c>>4 })
}

// TestSpan puts each byte at each position of strings of every length to
// 100 and at several alignments, so that every block, the 64- and 32-byte
// loops and the overlapping tail all meet a member.
func TestSpan(t *testing.T) {
	for name, set := range sets {
		for _, fill := range []byte{'a', ' ', 0x80} {
			if set.Has(fill) {
				continue
			}
			base := []byte(strings.Repeat(string(fill), 200))
			for n := 0; n <= 100; n++ {
				for off := 0; off < 3; off++ {
					s := string(base[off : off+n])
					if got, want := set.Span(s), naive(set, s); got != want {
						t.Fatalf("%s: Span of %d bytes of %q = %d, want %d", name, n, fill, got, want)
					}
					for pos := 0; pos < n; pos += 1 + pos/8 {
						for c := range 256 {
							b := []byte(s)
							b[pos] = byte(c)
							if got, want := set.Span(string(b)), naive(set, string(b)); got != want {
								t.Fatalf("%s: Span with %#02x at %d of %d = %d, want %d", name, c, pos, n, got, want)
							}
							if pos+1 < n {
								// The byte twice, a pair of it at pos+1.
								b[pos+1] = byte(c)
								if got, want := set.SpanPair(string(b), byte(c)), naivePair(set, string(b), byte(c)); got != want {
									t.Fatalf("%s: SpanPair with %#02x at %d and %d of %d = %d, want %d", name, c, pos, pos+1, n, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}

// TestSpanRandom compares Span with the definition on random strings, and
// the vector code with the table code directly.
func TestSpanRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = byte(' ' + r.IntN(95))
			if r.IntN(4) == 0 {
				b[i] = ' '
			}
			if r.IntN(60) == 0 {
				b[i] = byte(r.IntN(256))
			}
		}
		s := string(b)
		for name, set := range sets {
			want := naive(set, s)
			if got := set.Span(s); got != want {
				t.Fatalf("%s: Span(%q) = %d, want %d", name, s, got, want)
			}
			if got := set.spanTable(s); got != want {
				t.Fatalf("%s: spanTable(%q) = %d, want %d", name, s, got, want)
			}
			for _, c := range []byte{' ', 'a', 0} {
				want := naivePair(set, s, c)
				if got := set.SpanPair(s, c); got != want {
					t.Fatalf("%s: SpanPair(%q, %q) = %d, want %d", name, s, c, got, want)
				}
				if got := set.spanPairTable(s, c); got != want {
					t.Fatalf("%s: spanPairTable(%q, %q) = %d, want %d", name, s, c, got, want)
				}
			}
		}
	}
}

// TestVector says which code this machine runs, and checks the vector code
// directly where it runs.
func TestVector(t *testing.T) {
	if !haveVector {
		t.Skip("no AVX2 here (or built with purego): Span uses the portable code, which TestSpan checks")
	}
	s := strings.Repeat("x", 1000) + "<"
	if got := spanVector(s, &sets["html"].nib); got != 1000 {
		t.Errorf("spanVector = %d, want 1000", got)
	}
}

// TestSpanPairPositions puts a pair of spaces at every position of strings
// of every length to 100, so that pairs within a block, across two blocks
// and across the tail's overlap are all met.
func TestSpanPairPositions(t *testing.T) {
	set := sets["html"]
	for n := 0; n <= 100; n++ {
		for pos := 0; pos+1 < n; pos++ {
			b := []byte(strings.Repeat("a b", 40)[:n])
			b[pos], b[pos+1] = ' ', ' '
			if got, want := set.SpanPair(string(b), ' '), naivePair(set, string(b), ' '); got != want {
				t.Fatalf("SpanPair(%q) = %d, want %d", b, got, want)
			}
		}
	}
}

func FuzzSpan(f *testing.F) {
	f.Add("plain text with an apostrophe's in it, long enough for a block or two", byte('\''), byte('\''), byte(' '))
	f.Add(strings.Repeat("a", 64)+"\x00", byte(0), byte(0x1f), byte('a'))
	f.Add(strings.Repeat("é", 40), byte(0x80), byte(0xff), byte(0xa9))
	f.Add(strings.Repeat("a ", 40)+"  ", byte(0), byte(0x1f), byte(' '))
	f.Fuzz(func(t *testing.T, s string, lo, hi, c byte) {
		set := New(func(c byte) bool { return c >= lo && c <= hi })
		want := naive(set, s)
		if got := set.Span(s); got != want {
			t.Fatalf("Span(%q) with [%#02x, %#02x] = %d, want %d", s, lo, hi, got, want)
		}
		if got := set.spanTable(s); got != want {
			t.Fatalf("spanTable(%q) with [%#02x, %#02x] = %d, want %d", s, lo, hi, got, want)
		}
		want = naivePair(set, s, c)
		if got := set.SpanPair(s, c); got != want {
			t.Fatalf("SpanPair(%q, %#02x) with [%#02x, %#02x] = %d, want %d", s, c, lo, hi, got, want)
		}
		if got := set.spanPairTable(s, c); got != want {
			t.Fatalf("spanPairTable(%q, %#02x) with [%#02x, %#02x] = %d, want %d", s, c, lo, hi, got, want)
		}
	})
}

func BenchmarkSpan(b *testing.B) {
	s := strings.Repeat("the quick brown fox jumps over the lazy dog ", 100)
	set := sets["html"]
	b.Run("impl=vector", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if set.Span(s) != len(s) {
				b.Fatal("member found")
			}
		}
	})
	b.Run("impl=table", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			if set.spanTable(s) != len(s) {
				b.Fatal("member found")
			}
		}
	})
}

func BenchmarkSpanShort(b *testing.B) {
	set := sets["html"]
	for _, s := range []string{"x", strings.Repeat("x", 31), strings.Repeat("x", 100)} {
		b.Run(strconv.Itoa(len(s)), func(b *testing.B) {
			n := 0
			for b.Loop() {
				n += set.Span(s)
			}
		})
	}
}
