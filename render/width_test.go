package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/width"
)

func TestCells(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"全角", 4},
		{"🚒", 2},
		{"e\u0301", 1},  // e + COMBINING ACUTE ACCENT
		{"a\u200db", 2}, // ZERO WIDTH JOINER
		{"a\u200bb", 2}, // ZERO WIDTH SPACE
		{"한국어", 6},
		{"ＡＢＣ", 6},                   // fullwidth
		{"ｱｲｳ", 3},                   // halfwidth katakana
		{"שלום", 4},                  // right-to-left letters take a cell each
		{"\u26a0\ufe0f", 2},          // WARNING SIGN with the emoji selector
		{"\u26a0", 1},                // and without it
		{"🚒\ufe0f", 2},               // already wide: the selector adds nothing
		{"か\u3099", 2},               // kana voicing mark: wide, but combining
		{"\u1100\u1161", 2},          // Hangul leading consonant + medial vowel
		{"😀", 2},                     // U+1F600
		{"👩\u200d🚒", 4},              // a ZWJ sequence counts each picture: too many cells is safe
		{"\x1b[31mred\x1b[0m", 3},    // escape sequences take nothing
		{"\x1b]0;title\x07x", 1},     // nor do control strings
		{"a\u202eb\u2066c\u2069", 3}, // nor bidi controls
		{"\xff\xfe", 2},              // invalid bytes become U+FFFD, one cell each
		{"a\tb", 3},                  // a tab stands for a space
		{"\u00ad", 1},                // SOFT HYPHEN is drawn by most terminals
		{"\U00020000\U0003134A", 4},  // CJK extensions B and G
		{"\U0001F1EB\U0001F1F7", 2},  // a flag: two regional indicators
		{"e\u0301\u0301\u0301\u0301", 1},
	}
	for _, tt := range tests {
		if got := cells(tt.in); got != tt.want {
			t.Errorf("cells(%+q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWideRanges checks the table against golang.org/x/text/width, whose
// tables come from the same Unicode version, and prints the table afresh
// when they differ.
func TestWideRanges(t *testing.T) {
	if width.UnicodeVersion != unicode.Version {
		t.Fatalf("golang.org/x/text/width has Unicode %s, the standard library %s: compare like with like", width.UnicodeVersion, unicode.Version)
	}
	for i := 1; i < len(wideRanges); i++ {
		if wideRanges[i-1][1]+1 >= wideRanges[i][0] || wideRanges[i][0] > wideRanges[i][1] {
			t.Fatalf("wideRanges[%d] = %#x and [%d] = %#x are not sorted, apart and well-formed", i-1, wideRanges[i-1], i, wideRanges[i])
		}
	}
	var want [][2]rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		k := width.LookupRune(r).Kind()
		if k != width.EastAsianWide && k != width.EastAsianFullwidth {
			continue
		}
		if n := len(want); n > 0 && want[n-1][1] == r-1 {
			want[n-1][1] = r
		} else {
			want = append(want, [2]rune{r, r})
		}
	}
	if diff := cmp.Diff(want, wideRanges[:]); diff != "" {
		var b strings.Builder
		for i, r := range want {
			if i%4 == 0 {
				b.WriteString("\n\t")
			} else {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "{0x%04X, 0x%04X},", r[0], r[1])
		}
		t.Errorf("wideRanges differ from x/text/width (-want +got):\n%s\nthe table afresh:%s", diff, b.String())
	}
}

func TestRuneCellsAgainstCategories(t *testing.T) {
	// Every combining mark outside the wide ranges takes no cell, every
	// wide character two, every other printable rune one or none.
	for r := rune(0x300); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff || !unicode.IsPrint(r) && !unicode.Is(unicode.Cf, r) {
			continue
		}
		got := runeCells(r)
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			if got != 0 {
				t.Errorf("runeCells(%U) = %d, want 0 for a mark or format character", r, got)
			}
		case isWide(r):
			if got != 2 {
				t.Errorf("runeCells(%U) = %d, want 2 for a wide character", r, got)
			}
		case got != 1 && !(r >= 0x1160 && r <= 0x11ff || r >= 0xd7b0 && r <= 0xd7ff):
			t.Errorf("runeCells(%U) = %d, want 1", r, got)
		}
	}
}

func TestTok(t *testing.T) {
	type piece struct {
		Kind tokKind
		Text string
	}
	tests := []struct {
		in   string
		want []piece
	}{
		{"a b", []piece{{tokShow, "a"}, {tokSpace, " "}, {tokShow, "b"}}},
		{"\x1b[1;31mx", []piece{{tokDrop, "\x1b[1;31m"}, {tokShow, "x"}}},
		{"\x1b[?25lx", []piece{{tokDrop, "\x1b[?25l"}, {tokShow, "x"}}},
		{"\x1b]0;title\x07x", []piece{{tokDrop, "\x1b]0;title\x07"}, {tokShow, "x"}}},
		{"\x1b]8;;http://e\x1b\\x", []piece{{tokDrop, "\x1b]8;;http://e\x1b\\"}, {tokShow, "x"}}},
		{"\x1b]0;unterminated", []piece{{tokDrop, "\x1b]0;unterminated"}}},
		{"\x1b]0;a\x1bcx", []piece{{tokDrop, "\x1b]0;a"}, {tokDrop, "\x1bc"}, {tokShow, "x"}}},
		{"\x1bPq#0\x1b\\x", []piece{{tokDrop, "\x1bPq#0\x1b\\"}, {tokShow, "x"}}},
		{"\x1b(Bx", []piece{{tokDrop, "\x1b(B"}, {tokShow, "x"}}},
		{"\x1b7x", []piece{{tokDrop, "\x1b7"}, {tokShow, "x"}}},
		{"\x1b", []piece{{tokDrop, "\x1b"}}},
		{"\x1b\x1b[m", []piece{{tokDrop, "\x1b"}, {tokDrop, "\x1b[m"}}},
		{"\u009b31mx", []piece{{tokDrop, "\u009b31m"}, {tokShow, "x"}}},
		{"\u009d0;t\u009cx", []piece{{tokDrop, "\u009d0;t\u009c"}, {tokShow, "x"}}},
		{"\u0085", []piece{{tokDrop, "\u0085"}}},
		{"\x00\x07\x08\x7f", []piece{{tokDrop, "\x00"}, {tokDrop, "\x07"}, {tokDrop, "\x08"}, {tokDrop, "\x7f"}}},
		{"\t\n\r\u2028\u2029", []piece{{tokSpace, "\t"}, {tokSpace, "\n"}, {tokSpace, "\r"}, {tokSpace, "\u2028"}, {tokSpace, "\u2029"}}},
		{"\u202a\u202e\u2066\u2069\u200e\u200f\u061c", []piece{{tokDrop, "\u202a"}, {tokDrop, "\u202e"}, {tokDrop, "\u2066"}, {tokDrop, "\u2069"}, {tokDrop, "\u200e"}, {tokDrop, "\u200f"}, {tokDrop, "\u061c"}}},
		{"\xff\xc2", []piece{{tokBad, "\xff"}, {tokBad, "\xc2"}}},
		{"é—\u00a0", []piece{{tokShow, "é"}, {tokShow, "—"}, {tokShow, "\u00a0"}}},
	}
	for _, tt := range tests {
		var got []piece
		for i := 0; i < len(tt.in); {
			k, n, _ := tok(tt.in, i)
			got = append(got, piece{k, tt.in[i : i+n]})
			i += n
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("tok(%+q) (-want +got):\n%s", tt.in, diff)
		}
	}
}
