package textpos

import "testing"

func TestLineCol(t *testing.T) {
	for _, tc := range []struct {
		name      string
		data      string
		offset    int
		line, col int
	}{
		{"start", "abc", 0, 1, 1},
		{"first line", "abc", 2, 1, 3},
		{"end", "abc", 3, 1, 4},
		{"past the end", "abc", 9, 1, 4},
		{"LF", "a\nbc\nde", 6, 3, 2},
		{"CRLF", "a\r\nbc\r\nde", 8, 3, 2},
		{"CR only", "a\rb\rc\rxyz", 8, 4, 3},
		{"mixed", "a\r\nb\nc\rd", 7, 4, 1},
		{"CR of a CRLF", "ab\r\ncd", 2, 1, 3},
		{"LF of a CRLF", "ab\r\ncd", 3, 1, 4},
		{"characters, not bytes", "é\nçü x", 8, 2, 4},
		{"an invalid byte is one", "a\xe9\xffx", 3, 1, 4},
		{"byte order mark", "\xef\xbb\xbf{x", 4, 1, 2},
		{"byte order mark, line 2", "\xef\xbb\xbf{\n\xef\xbb\xbfx", 8, 2, 2},
	} {
		line, col := LineCol([]byte(tc.data), tc.offset)
		if line != tc.line || col != tc.col {
			t.Errorf("%s: LineCol(%q, %d) = %d:%d, want %d:%d", tc.name, tc.data, tc.offset, line, col, tc.line, tc.col)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	for data, want := range map[string]int{
		"":                       -1,
		"plain":                  -1,
		"Jos\u00e9 \ufffd 🔥":     -1,
		"Jos\xe9":                3,
		"\xff\xfe{\x00":          0,
		"ok é then \xc3(":        11,
		"\xed\xa0\x80 surrogate": 0,
	} {
		if got := InvalidUTF8([]byte(data)); got != want {
			t.Errorf("InvalidUTF8(%q) = %d, want %d", data, got, want)
		}
	}
}
