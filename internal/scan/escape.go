package scan

import (
	"fmt"
	"unsafe"
)

// An Escaper copies text while replacing some of its ASCII bytes, such as
// '<' with "&lt;", and checks its UTF-8 on the way: one call copies a
// paragraph that needs a few replacements, instead of a Span and a copy
// for every clean run between them. Made by NewEscaper, it is read-only
// and safe for concurrent use.
//
// Escape leaves to its caller what is rare and subtle: bytes given no
// replacement (control characters, say), sequences of four bytes, and
// every byte that might start invalid UTF-8, a C1 control character, a
// noncharacter or, when asked, U+2028 or U+2029, a bidi formatting
// character, or any sequence with a given lead byte.
type Escaper struct {
	// The assembly code reads these fields at the offsets escapeOff*
	// (checked by the tests).
	stop     Set         // the bytes to stop at: those with a replacement or none, and all of 0x80–0xff
	rlen     [128]uint8  // the length of each ASCII byte's replacement, 0 to leave it to the caller
	repl     [128]uint64 // the replacement, in the low bytes
	leave    [128]uint8  // 1 for the bytes from 0x80 up that always go to the caller
	lineSeps uint8       // 1 to leave U+2028 and U+2029 to the caller
	urlPunct uint8       // 1 to copy '.' and ':' but where a URL could start
	bidi     uint8       // 1 to leave U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069 to the caller
}

// EscapeOptions are the choices NewEscaper takes beyond the
// replacements.
type EscapeOptions struct {
	// LineSeps leaves U+2028 and U+2029 to the caller.
	LineSeps bool
	// Bidi leaves the bidi formatting characters of three bytes to the
	// caller: the marks LRM and RLM (U+200E, U+200F), and the embedding,
	// override and isolate controls (U+202A to U+202E, U+2066 to U+2069).
	Bidi bool
	// Leave are lead bytes (0x80 and up) whose sequences go to the caller.
	Leave []byte
	// URLPunct copies '.' and ':', when stop holds them and repl gives them
	// no replacement, but for a '.' right after "www" (in any case) and a
	// ':' right before "//", which go to the caller.
	URLPunct bool
}

// Offsets of the fields the assembly code reads.
const (
	escapeOffRlen     = 288
	escapeOffRepl     = 416
	escapeOffLeave    = 1440
	escapeOffLineSeps = 1568
	escapeOffURLPunct = 1569
	escapeOffBidi     = 1570
)

// EscapeRoom is how much room past its output Escape needs: it stops when
// dst has less than this left, and may write anywhere in dst beyond what
// it reports written.
const EscapeRoom = 40

// NewEscaper returns an Escaper that stops at the ASCII bytes c for which
// stop(c) is true and replaces each with repl(c), which must be at most 8
// bytes long; with repl(c) == "" it leaves c to the caller, but as opts
// say.
func NewEscaper(stop func(c byte) bool, repl func(c byte) string, opts EscapeOptions) *Escaper {
	e := &Escaper{stop: *New(func(c byte) bool { return c >= 0x80 || stop(c) })}
	for c := range byte(0x80) {
		if !stop(c) {
			continue
		}
		r := repl(c)
		if len(r) > 8 {
			panic(fmt.Sprintf("scan.NewEscaper: the replacement of %q is longer than 8 bytes: %q", c, r))
		}
		var b [8]byte
		copy(b[:], r)
		e.rlen[c] = uint8(len(r))
		e.repl[c] = *(*uint64)(unsafe.Pointer(&b)) // in memory order, whatever the byte order
	}
	if opts.LineSeps {
		e.lineSeps = 1
	}
	if opts.URLPunct {
		e.urlPunct = 1
	}
	if opts.Bidi {
		e.bidi = 1
	}
	for _, c := range opts.Leave {
		if c < 0x80 {
			panic(fmt.Sprintf("scan.NewEscaper: %q is ASCII: leave it with repl", c))
		}
		e.leave[c-0x80] = 1
	}
	return e
}

// Escape copies src[i:] into dst, replacing bytes, until src ends, until
// it meets a byte it leaves to the caller, or until dst has less than
// EscapeRoom bytes left. It returns how much of dst it wrote and the
// index in src it stopped at: dst[:nd] is src[i:j] escaped. (It looks
// back into src[:i] for URLPunct only.) Past nd it writes only bytes of
// src, of replacements and zeros, never what lies beyond src in memory.
func (e *Escaper) Escape(dst []byte, src string, i int) (nd, j int) {
	if i < 0 {
		panic("scan: Escape from a negative index")
	}
	if len(dst) < EscapeRoom || i >= len(src) {
		return 0, i
	}
	if haveVector {
		return escapeVector(unsafe.SliceData(dst), len(dst), src, i, e)
	}
	return e.escapeTable(dst, src, i)
}

// escapeTable is the portable Escape, a byte at a time.
func (e *Escaper) escapeTable(dst []byte, src string, ns int) (nd, j int) {
	for ns < len(src) && len(dst)-nd >= EscapeRoom {
		c := src[ns]
		if e.stop.in[c] == 0 {
			dst[nd] = c
			nd, ns = nd+1, ns+1
			continue
		}
		n := 0 // bytes of src to copy as they are
		switch {
		case c < 0x80:
			r := e.rlen[c]
			if r == 0 && e.copyPunct(src, ns) {
				dst[nd] = c
				nd, ns = nd+1, ns+1
				continue
			}
			if r == 0 {
				return nd, ns
			}
			b := e.repl[c]
			nd += copy(dst[nd:], unsafe.Slice((*byte)(unsafe.Pointer(&b)), 8)[:r])
			ns++
			continue
		case c < 0xc2 || e.leave[c-0x80] != 0:
		case c < 0xe0:
			if ns+1 < len(src) && cont(src[ns+1]) && (c != 0xc2 || src[ns+1] >= 0xa0) {
				n = 2
			}
		case c < 0xf0:
			if ns+2 < len(src) && cont(src[ns+1]) && cont(src[ns+2]) && e.plain3(c, src[ns+1], src[ns+2]) {
				n = 3
			}
		}
		if n == 0 {
			return nd, ns
		}
		nd += copy(dst[nd:], src[ns:ns+n])
		ns += n
	}
	return nd, ns
}

// copyPunct reports whether src[i], a byte with no replacement, is a '.'
// or ':' that URLPunct copies.
func (e *Escaper) copyPunct(src string, i int) bool {
	if e.urlPunct == 0 {
		return false
	}
	switch src[i] {
	case '.':
		return i < 3 || src[i-3]|0x20 != 'w' || src[i-2]|0x20 != 'w' || src[i-1]|0x20 != 'w'
	case ':':
		return i+2 >= len(src) || src[i+1] != '/' || src[i+2] != '/'
	}
	return false
}

func cont(c byte) bool { return c&0xc0 == 0x80 }

// plain3 reports whether the three-byte sequence c, c1, c2 (with c1 and
// c2 continuation bytes) is one Escape copies: not overlong, not a
// surrogate, not in EF B7 or EF BF (where the noncharacters are), and not
// U+2028 or U+2029 or a bidi control when e leaves those.
func (e *Escaper) plain3(c, c1, c2 byte) bool {
	switch c {
	case 0xe0:
		return c1 >= 0xa0
	case 0xed:
		return c1 < 0xa0
	case 0xef:
		return c1 != 0xb7 && c1 != 0xbf
	case 0xe2:
		lineSep := c1 == 0x80 && c2&0xfe == 0xa8
		bidi := c1 == 0x80 && (c2&0xfe == 0x8e || c2 >= 0xaa && c2 <= 0xae) || c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9
		return !(e.lineSeps != 0 && lineSep || e.bidi != 0 && bidi)
	}
	return true
}

// Vector reports whether Span and Escape run the vector code: where they
// do not, a Span and a copy for every clean run is faster than Escape.
func Vector() bool { return haveVector }
