// Package scan finds, at memory speed where the processor allows, the
// first byte of a string that belongs to a set: the byte a renderer must
// stop at to escape, drop or measure something. Most text needs none of
// that, and the renderers copy what Span skips in one piece. An Escaper
// goes further: it copies the text and writes the replacements of the
// ASCII bytes it stops at in the same loop, checking UTF-8 on the way,
// and leaves only what is rare and subtle to its caller.
//
// On amd64 with AVX2, Span, SpanPair and Escape test 32 bytes at a time
// with a nibble-table lookup (VPSHUFB, as in "shufti"), reading strings
// shorter than 32 bytes 32 bytes at a time too, within the memory page
// that holds them; elsewhere they look bytes up in a 256-entry table.
// Both give the same answer for every input (Escape, which may stop for
// room at different places, the same output once its caller completes
// it), which the package's tests and fuzz tests hold them to. Build with the purego tag to use the
// portable code only.
package scan

import "fmt"

// A Set is a set of bytes, made by New. A Set is read-only once made and
// safe for concurrent use.
type Set struct {
	nib [32]byte  // low-nibble table, then high-nibble table, for the vector code
	in  [256]byte // 1 for a member, for the portable code
}

// New returns the set of the bytes c for which member(c) is true. The
// vector code sorts the high nibbles (c>>4) into at most eight groups that
// share the same low nibbles; New panics on a set that needs more, which
// only a program's own fixed sets can be.
func New(member func(c byte) bool) *Set {
	t := &Set{}
	var rows [16]uint16 // rows[h] has bit l set when byte h<<4|l is a member
	for c := range 256 {
		if member(byte(c)) {
			t.in[c] = 1
			rows[c>>4] |= 1 << (c & 15)
		}
	}
	var groups []uint16
	for h, row := range rows {
		if row == 0 {
			continue
		}
		g := 0
		for g < len(groups) && groups[g] != row {
			g++
		}
		if g == len(groups) {
			if g == 8 {
				panic(fmt.Sprintf("scan.New: the set needs more than 8 groups of high nibbles (%016b)", rows))
			}
			groups = append(groups, row)
		}
		t.nib[16+h] = 1 << g
		for l := range 16 {
			if row&(1<<l) != 0 {
				t.nib[l] |= 1 << g
			}
		}
	}
	return t
}

// Has reports whether c is in t.
func (t *Set) Has(c byte) bool { return t.in[c] != 0 }

// Span returns the length of the longest prefix of s that holds no byte of
// t: the index of the first member, or len(s) when there is none.
func (t *Set) Span(s string) int {
	if haveVector {
		return spanVector(s, &t.nib)
	}
	return t.spanTable(s)
}

// spanTable is the portable Span: eight table look-ups behind one bounds
// check, then one at a time.
func (t *Set) spanTable(s string) int {
	in := &t.in
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8] // one bounds check for the eight
		if in[w[0]]|in[w[1]]|in[w[2]]|in[w[3]]|in[w[4]]|in[w[5]]|in[w[6]]|in[w[7]] != 0 {
			break
		}
	}
	for i < len(s) && in[s[i]] == 0 {
		i++
	}
	return i
}

// SpanPair is Span that stops too at the second of two bytes c in a row:
// it returns the length of the longest prefix of s that holds no byte of
// t and no "cc".
func (t *Set) SpanPair(s string, c byte) int {
	if haveVector {
		return spanPairVector(s, &t.nib, c)
	}
	return t.spanPairTable(s, c)
}

// spanPairTable is the portable SpanPair.
func (t *Set) spanPairTable(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if t.in[s[i]] != 0 || s[i] == c && i > 0 && s[i-1] == c {
			return i
		}
	}
	return len(s)
}
