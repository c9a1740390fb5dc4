// Package textchar holds the content file's two rules about single
// characters: which are control characters, which text may not hold, and
// which are visible, of which required text must hold one. Package
// incident's Validate applies them; package internal/schema spells them
// out as the character classes of the JSON Schema's patterns, so the two
// cannot drift apart.
package textchar

import "unicode"

// Control reports whether r is a control character: C0 (U+0000 to
// U+001F, line breaks and tabs among them), DEL (U+007F) or C1 (U+0080 to
// U+009F).
func Control(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0
}

// Visible reports whether r shows: it is neither white space
// (unicode.IsSpace), nor a formatting character (category Cf, as U+200B
// or U+202E are) but for the signs among them that are drawn (U+0600 to
// U+0605, U+06DD, U+070F, U+0890, U+0891, U+08E2), nor a letter or symbol
// drawn as nothing (the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0,
// the blank braille pattern U+2800).
func Visible(r rune) bool {
	switch {
	case unicode.IsSpace(r), r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0, r == 0x2800:
		return false
	case r >= 0x0600 && r <= 0x0605, r == 0x06dd, r == 0x070f, r == 0x0890, r == 0x0891, r == 0x08e2:
		return true
	}
	return !unicode.Is(unicode.Cf, r)
}
