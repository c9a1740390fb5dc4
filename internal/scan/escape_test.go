package scan

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/incident-leadership/portfolio/internal/race"
)

// escapers are an HTML text escaper, one for JSON inside HTML that leaves
// U+2028 and U+2029 to the caller, and one that replaces nothing.
var escapers = map[string]*Escaper{
	"html": NewEscaper(func(c byte) bool { return c < 0x20 || c == 0x7f || strings.IndexByte(`&<>"'`, c) >= 0 },
		func(c byte) string {
			return map[byte]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&#34;", '\'': "&#39;", '\n': "", 0x7f: "\uFFFD"}[c] + map[bool]string{true: "\uFFFD"}[c < 0x20 && c != '\n']
		}, EscapeOptions{}),
	"json": NewEscaper(func(c byte) bool { return c < 0x20 || strings.IndexByte(`"\<>&`, c) >= 0 },
		func(c byte) string {
			if c < 0x20 {
				return fmt.Sprintf(`\u%04x`, c)
			}
			return map[byte]string{'"': `\"`, '\\': `\\`, '<': `\u003c`, '>': `\u003e`, '&': ``}[c]
		}, EscapeOptions{LineSeps: true}),
	"none": NewEscaper(func(byte) bool { return false }, func(byte) string { return "" }, EscapeOptions{}),
	"markdown": NewEscaper(func(c byte) bool { return c < 0x20 || c == 0x7f || strings.IndexByte("\\`*[]<#|~@$&:._", c) >= 0 },
		func(c byte) string {
			if strings.IndexByte("\\`*[]<#|~@$", c) >= 0 {
				return "\\" + string(c)
			}
			return ""
		}, EscapeOptions{Leave: []byte{0xd8, 0xe2, 0xc3}, URLPunct: true}),
	"punct-repl": NewEscaper(func(c byte) bool { return c == '.' || c == ':' || c == '<' }, func(c byte) string { return map[byte]string{'.': "&period;", ':': "&colon;", '<': "&lt;"}[c] }, EscapeOptions{URLPunct: true}),
	"bidi":       NewEscaper(func(c byte) bool { return c == '<' }, func(byte) string { return "&lt;" }, EscapeOptions{Bidi: true}),
	"bidi-json":  NewEscaper(func(c byte) bool { return c == '"' }, func(byte) string { return `\"` }, EscapeOptions{Bidi: true, LineSeps: true}),
}

// leaves reports whether Escape leaves s[i] to its caller, and if not,
// how many bytes it copies or replaces as one.
func leaves(e *Escaper, s string, i int) (bool, int) {
	c := s[i]
	if c < 0x80 {
		if !e.stop.Has(c) || e.rlen[c] != 0 {
			return false, 1
		}
		if e.urlPunct != 0 && c == '.' {
			return i >= 3 && strings.EqualFold(s[i-3:i], "www"), 1
		}
		if e.urlPunct != 0 && c == ':' {
			return strings.HasPrefix(s[i+1:], "//"), 1
		}
		return true, 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	plain := e.leave[c-0x80] == 0 && r != utf8.RuneError && (n == 2 && r >= 0xa0 || n == 3 &&
		!(r >= 0xfdc0 && r < 0xfe00 || r >= 0xffc0) && // the blocks of EF B7 and EF BF
		!(e.lineSeps != 0 && (r == '\u2028' || r == '\u2029')) &&
		!(e.bidi != 0 && (r == 0x200e || r == 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069)))
	return !plain, n
}

// spec is the definition of escaping with e, as a caller completes it:
// every byte Escape leaves to the caller is written as {xx}.
func spec(e *Escaper, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		left, n := leaves(e, s, i)
		switch c := s[i]; {
		case left:
			fmt.Fprintf(&b, "{%02x}", c)
			n = 1
		case c < 0x80 && e.stop.Has(c) && e.rlen[c] != 0:
			r := e.repl[c]
			b.Write(unsafe.Slice((*byte)(unsafe.Pointer(&r)), 8)[:e.rlen[c]])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// complete escapes s with esc into a dst of size bytes at a time, writing
// what Escape leaves to the caller as spec does. It checks that esc never
// writes past dst, and stops early only at what it leaves or for room.
func complete(t *testing.T, e *Escaper, s string, size int, esc func(dst []byte, src string, i int) (int, int)) string {
	t.Helper()
	mem := make([]byte, size+64)
	var out []byte
	for i := 0; i < len(s); {
		for k := range mem {
			mem[k] = 0xee
		}
		nd, j := esc(mem[:size], s, i)
		for k, c := range mem[size:] {
			if c != 0xee {
				t.Fatalf("Escape(%q, %d) with %d bytes of room wrote past them, at %d", s, i, size, size+k)
			}
		}
		if nd < 0 || nd > size || j < i || j > len(s) {
			t.Fatalf("Escape(%q, %d) with %d bytes of room = %d, %d", s, i, size, nd, j)
		}
		out = append(out, mem[:nd]...)
		if i = j; i == len(s) {
			break
		}
		if left, _ := leaves(e, s, i); left {
			out = fmt.Appendf(out, "{%02x}", s[i])
			i++
		} else if size-nd >= EscapeRoom || nd == 0 {
			t.Fatalf("Escape(%q) with %d bytes of room stopped at %d (written %d) for no reason", s, size, i, nd)
		}
	}
	return string(out)
}

// TestEscaperLayout checks the offsets the assembly code reads the
// Escaper's fields at.
func TestEscaperLayout(t *testing.T) {
	var e Escaper
	for _, f := range []struct {
		name      string
		got, want uintptr
	}{
		{"stop.nib", unsafe.Offsetof(e.stop) + unsafe.Offsetof(e.stop.nib), 0},
		{"rlen", unsafe.Offsetof(e.rlen), escapeOffRlen},
		{"repl", unsafe.Offsetof(e.repl), escapeOffRepl},
		{"leave", unsafe.Offsetof(e.leave), escapeOffLeave},
		{"lineSeps", unsafe.Offsetof(e.lineSeps), escapeOffLineSeps},
		{"urlPunct", unsafe.Offsetof(e.urlPunct), escapeOffURLPunct},
		{"bidi", unsafe.Offsetof(e.bidi), escapeOffBidi},
	} {
		if f.got != f.want {
			t.Errorf("Escaper.%s is at %d, the assembly code reads it at %d", f.name, f.got, f.want)
		}
	}
}

// escapeInputs are strings with something at every kind of place. Under
// the race detector, which slows them tenfold and has no goroutines to
// watch here, every seventh.
func escapeInputs() []string {
	in := []string{"", "a", "<", "www.", "WwW.", "ww.", "xwww.", "://", "a:/", ":", "a:", ".", "w.", "é", "\u2028", "\u2029", "\u2027", "\u200d", "\u200e", "\u200f", "\u2010", "\u202a", "\u202e", "\u202f", "\u2065", "\u2066", "\u2069", "\u206a", "\u2029\u202e", "\uFFFE", "\uFDD0", "\uFDEF", "\uFDCF", "\U0001F600",
		"\xc2\x80", "\xc2\x9f", "\xc2\xa0", "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80",
		"\xef\xb7\x90", "\xef\xbf\xbd", "\xef\xbb\xbf", "\xe2\x80", "\xc3", "\xff", "\x80", "\x00", "\n", "\x7f"}
	var out []string
	for _, s := range in {
		for n := 0; n <= 70; n++ {
			for _, pad := range []string{"a", "\u00e9"} {
				p := strings.Repeat(pad, n)
				out = append(out, p+s, s+p, p+s+p+s, p+s[:len(s)/2])
			}
		}
	}
	if race.Enabled {
		for i := range len(out) / 7 {
			out[i] = out[7*i]
		}
		out = out[:len(out)/7]
	}
	return out
}

func TestEscape(t *testing.T) {
	for name, e := range escapers {
		for _, s := range escapeInputs() {
			want := spec(e, s)
			for _, size := range []int{EscapeRoom, EscapeRoom + 1, EscapeRoom + 7, 64, 100, 1000} {
				if got := complete(t, e, s, size, e.Escape); got != want {
					t.Fatalf("%s: Escape(%q) with %d bytes of room:\n got %q\nwant %q", name, s, size, got, want)
				}
				if got := complete(t, e, s, size, e.escapeTable); got != want {
					t.Fatalf("%s: escapeTable(%q) with %d bytes of room:\n got %q\nwant %q", name, s, size, got, want)
				}
			}
		}
	}
}

// TestEscapeNothing checks that Escape writes nothing where it has too
// little room or nothing to copy, and that it panics from a negative
// index.
func TestEscapeNothing(t *testing.T) {
	e := escapers["html"]
	for _, c := range []struct {
		room int
		src  string
		i    int
	}{
		{0, "abc", 0}, {1, "abc", 0}, {EscapeRoom - 1, "abc", 1},
		{EscapeRoom, "", 0}, {EscapeRoom, "abc", 3}, {EscapeRoom, "abc", 4}, {100, "abc", 1000},
	} {
		mem := make([]byte, c.room+64)
		for k := range mem {
			mem[k] = 0xee
		}
		var dst []byte // nil when there is no room
		if c.room > 0 {
			dst = mem[:c.room]
		}
		if nd, j := e.Escape(dst, c.src, c.i); nd != 0 || j != c.i {
			t.Errorf("Escape(%d bytes of room, %q, %d) = %d, %d, want 0, %d", c.room, c.src, c.i, nd, j, c.i)
		}
		for k, b := range mem {
			if b != 0xee {
				t.Errorf("Escape(%d bytes of room, %q, %d) wrote at %d", c.room, c.src, c.i, k)
				break
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Escape from -1 did not panic")
		}
	}()
	e.Escape(make([]byte, 100), "abc", -1)
}

// TestEscapeRandom compares Escape with the definition on random text.
func TestEscapeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "www.", "WwW", "w", ".", ":", "://", "/", "é", "–", "’", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\u202f", "\u2028", "\uFFFF", "\U0001F600", "<", "&", "'", "\\", "\n", "\x00", "\xc2", "\x9f", "\xbf", "\xed"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(120) {
			if r.IntN(3) == 0 {
				b.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				b.WriteByte(byte('a' + r.IntN(26)))
			}
		}
		s := b.String()
		for name, e := range escapers {
			want := spec(e, s)
			size := EscapeRoom + r.IntN(300)
			if got := complete(t, e, s, size, e.Escape); got != want {
				t.Fatalf("%s: Escape(%q) with %d bytes of room:\n got %q\nwant %q", name, s, size, got, want)
			}
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("plain text with an apostrophe's in it, and <tags> & \u00e9 \u2028 \xff", uint16(100))
	f.Fuzz(func(t *testing.T, s string, size uint16) {
		for name, e := range escapers {
			want := spec(e, s)
			if got := complete(t, e, s, EscapeRoom+int(size%2000), e.Escape); got != want {
				t.Fatalf("%s: Escape(%q):\n got %q\nwant %q", name, s, got, want)
			}
		}
	})
}

// BenchmarkEscape compares Escape with Span and a copy for every clean
// run, on a paragraph like the synthetic ones.
func BenchmarkEscape(b *testing.B) {
	e := escapers["html"]
	s := strings.Repeat("The pool ran dry at 09:14 and the on-call's pager went off; caf\u00e9 – ", 5)
	dst := make([]byte, 4096)
	b.Run("impl=escape", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			d, src := dst[:0], s
			for len(src) > 0 {
				nd, ns := e.Escape(d[len(d):cap(d)], src, 0)
				d, src = d[:len(d)+nd], src[ns:]
				if len(src) > 0 {
					d = append(d, src[0])
					src = src[1:]
				}
			}
		}
	})
	b.Run("impl=span", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			d, src := dst[:0], s
			for len(src) > 0 {
				i := e.stop.Span(src)
				d = append(d, src[:i]...)
				if i < len(src) {
					d = append(d, "&#39;"...)
					i++
				}
				src = src[i:]
			}
		}
	})
}

// TestEscapePunctBounds checks that URLPunct looks for "www" before a
// '.' and "//" after a ':' within src alone, with "w" just before src in
// memory and '/' just after it.
func TestEscapePunctBounds(t *testing.T) {
	e := escapers["markdown"]
	mem := make([]byte, 4096)
	for n := 1; n <= 100; n++ {
		for _, s := range []string{".", "w.", "ww.", "www.", ":/", ":", "a.b:/"} {
			if len(s) > n {
				continue
			}
			for _, atEnd := range []bool{false, true} {
				src := []byte(strings.Repeat("a", n))
				if atEnd {
					copy(src[n-len(s):], s)
				} else {
					copy(src, s)
				}
				const start = 1000
				for i := range mem {
					mem[i] = 'w'
					if i >= start {
						mem[i] = '/'
					}
				}
				copy(mem[start:], src)
				in := unsafe.String(&mem[start], n)
				want := spec(e, string(src))
				if got := complete(t, e, in, 200, e.Escape); got != want {
					t.Fatalf("Escape(%q) between \"w\" and '/':\n got %q\nwant %q", src, got, want)
				}
			}
		}
	}
}

// TestEscapeNoForeignBytes checks that what Escape writes past its
// output holds nothing of the memory after src: a short tail is loaded
// 32 bytes at a time, and the bytes past src must not reach dst.
func TestEscapeNoForeignBytes(t *testing.T) {
	mem := make([]byte, 3*4096)
	for i := range mem {
		mem[i] = 'S'
	}
	base := int(4096 - uintptr(unsafe.Pointer(&mem[0]))%4096) // the start of a page in mem
	for name, e := range escapers {
		for n := 1; n <= 100; n++ {
			for _, off := range []int{0, 7, 100, 4064 - n} {
				start := base + off
				src := mem[start : start+n]
				for i := range src {
					src[i] = 'a'
				}
				if n > 3 {
					src[n/2] = '<'
				}
				dst := make([]byte, 400)
				nd, _ := e.Escape(dst, unsafe.String(&src[0], n), 0)
				if k := bytes.IndexByte(dst, 'S'); k >= 0 {
					t.Fatalf("%s: Escape of %d bytes at page offset %d wrote a byte from after src at dst[%d] (nd %d)", name, n, off, k, nd)
				}
				for i := range src {
					src[i] = 'S'
				}
			}
		}
	}
}
