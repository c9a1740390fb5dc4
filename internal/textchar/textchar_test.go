package textchar

import (
	"testing"
	"unicode"
)

func TestControl(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsControl(r) // Cc: exactly C0, DEL and C1
		if got := Control(r); got != want {
			t.Errorf("Control(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestVisible(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true},
		{'0', true},
		{0x1f692, true},  // fire engine, an emoji above U+FFFF
		{0x0600, true},   // Arabic number sign: a drawn format character
		{0x110bd, false}, // Kaithi number sign: Cf, not among the drawn ones
		{0xe0100, true},  // a variation selector (Mn): not Cf
		{0xe0002, true},  // unassigned: not Cf
		{' ', false},
		{'\t', false},
		{0x00a0, false},  // no-break space
		{0x3000, false},  // ideographic space
		{0x2028, false},  // line separator
		{0x200b, false},  // zero width space (Cf)
		{0x202e, false},  // right-to-left override (Cf)
		{0xfeff, false},  // zero width no-break space (Cf)
		{0xe0001, false}, // language tag (Cf), above U+FFFF
		{0xe007f, false}, // cancel tag (Cf)
		{0x3164, false},  // Hangul filler
		{0x2800, false},  // blank braille pattern
	} {
		if got := Visible(tc.r); got != tc.want {
			t.Errorf("Visible(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
