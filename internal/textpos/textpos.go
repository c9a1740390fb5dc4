// Package textpos turns byte offsets in a text file into the line and
// column an editor shows, for error messages of the form file:line:col.
// The content loader and the résumé merge count positions with it, so
// that both count them the same way.
package textpos

import (
	"bytes"
	"unicode/utf8"
)

// bom is the UTF-8 byte order mark that some editors put at the start of
// a file. They do not show it.
var bom = []byte("\xef\xbb\xbf")

// LineCol returns the line and column, both from 1, of data[offset]. A
// line ends at LF, CR LF or a lone CR, as editors end it; the column
// counts characters (an invalid byte counts as one), not counting a byte
// order mark at the start of the file. An offset past the end is the end.
func LineCol(data []byte, offset int) (line, col int) {
	offset = max(0, min(offset, len(data)))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if c := data[i]; c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			line, start = line+1, i+1
		}
	}
	text := data[start:offset]
	if start == 0 {
		text = bytes.TrimPrefix(text, bom)
	}
	return line, utf8.RuneCount(text) + 1
}

// InvalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1 when data is valid UTF-8.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1 // not reached: utf8.Valid found a bad byte
}
