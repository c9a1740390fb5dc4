package schema

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/internal/textchar"
)

// patterns returns every pattern of the schema b, by where it stands.
func patterns(t *testing.T, b []byte) map[string]string {
	t.Helper()
	var s any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				if p, ok := c.(string); ok && k == "pattern" {
					out[path] = p
				}
				walk(path+"/"+k, c)
			}
		case []any:
			for i, c := range v {
				walk(path+"/"+string(rune('0'+i)), c)
			}
		}
	}
	walk("#", s)
	return out
}

// TestPatternsPortable checks that every pattern of both schemas keeps to
// the subset of regular expressions JSON Schema recommends, as pattern.go
// writes them: characters stand as themselves, the only escape is a
// backslash before a syntax character, no class holds a character above
// U+FFFF, no pattern holds a surrogate or the dot; and that Go's regexp
// compiles each one. The file shows every character outside printable
// ASCII as a \u escape.
func TestPatternsPortable(t *testing.T) {
	for name, generate := range map[string]func() ([]byte, error){"content": Content, "resume": ResumeExtension} {
		b, err := generate()
		if err != nil {
			t.Fatal(err)
		}
		ps := patterns(t, b)
		if len(ps) < 5 {
			t.Fatalf("%s: found only %d patterns", name, len(ps))
		}
		for path, p := range ps {
			if msg := unportable(p); msg != "" {
				t.Errorf("%s %s: %s in %q", name, path, msg, p)
			}
			if _, err := regexp.Compile(p); err != nil {
				t.Errorf("%s %s: %v", name, path, err)
			}
		}
		for line := range bytes.Lines(b) {
			if bytes.Contains(line, []byte(`"pattern":`)) && bytes.ContainsFunc(line, func(r rune) bool { return r < 0x20 && r != '\n' || r > 0x7e }) {
				t.Errorf("%s: a pattern line holds a character outside printable ASCII: %s", name, line)
			}
		}
	}
}

// unportable returns what in the pattern p leaves the portable subset, or
// "".
func unportable(p string) string {
	const syntax = `\^$.|?*+()[]{}/-`
	inClass := false
	rs := []rune(p)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0xd800 && r <= 0xdfff:
			return "a surrogate"
		case r == '\\':
			if i+1 == len(rs) || !strings.ContainsRune(syntax, rs[i+1]) {
				return "an escape other than of a syntax character"
			}
			i++
		case inClass && r > 0xffff:
			return "a character above U+FFFF in a class"
		case inClass && r == ']':
			inClass = false
		case !inClass && r == '[':
			inClass = true
			if i+1 < len(rs) && rs[i+1] == '^' {
				i++
			}
		case !inClass && r == '.':
			return "the dot, whose line terminators differ between engines"
		case !inClass && r == '(' && i+1 < len(rs) && rs[i+1] == '?':
			return "a group with (?, unknown to some engines"
		}
	}
	if inClass {
		return "an unclosed class"
	}
	return ""
}

// TestTextForms checks the text forms against package textchar, the
// loader's rules, character by character, as Go's regexp reads them: a
// one-character text is text unless the character is a control character
// (a line break stands alone as the final one), and it shows something
// exactly when the character is visible. It tries every character up to
// U+FFFF, and above it those the pattern lists, their neighbours and
// every 61st other one (all of them take a second).
func TestTextForms(t *testing.T) {
	text, required, err := textForms()
	if err != nil {
		t.Fatal(err)
	}
	textRe := regexp.MustCompile(text.Pattern)
	blankRe := regexp.MustCompile(required.Not.Pattern)
	guard := regexp.MustCompile(text.Not.Pattern)
	isText := func(s string) bool { return textRe.MatchString(s) && !guard.MatchString(s) }
	listed := map[rune]bool{}
	for _, r := range blankChars().above {
		listed[r-1], listed[r], listed[r+1] = true, true, true
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff || r > 0xffff && r%61 != 0 && !listed[r] {
			continue
		}
		s := string(r)
		if got, want := isText(s), !textchar.Control(r) || r == '\n'; got != want {
			t.Errorf("%U: text %v, want %v", r, got, want)
		}
		if got, want := isText(s) && !blankRe.MatchString(s), textchar.Visible(r) && !textchar.Control(r); got != want {
			t.Errorf("%U: required text %v, want %v", r, got, want)
		}
	}
	for _, tc := range []struct {
		s              string
		text, required bool
	}{
		{"", true, false},
		{"\n", true, false},
		{"a\n", true, true},
		{"a\n\n", false, false},
		{"a\nb", false, false},
		{" \u200b\u3000\U000E0001\U000E0020\n", true, false},
		{" \u200b\U000E0001x", true, true},
		{"\U0001F692", true, true},
		{"\U000E0001\U0001F692", true, true},
	} {
		if got := isText(tc.s); got != tc.text {
			t.Errorf("%q: text %v, want %v", tc.s, got, tc.text)
		}
		if got := isText(tc.s) && !blankRe.MatchString(tc.s); got != tc.required {
			t.Errorf("%q: required text %v, want %v", tc.s, got, tc.required)
		}
	}
}

// TestEscapePatterns checks that escapePatterns changes how the patterns
// are written, not what they hold.
func TestEscapePatterns(t *testing.T) {
	in := []byte(`{"pattern": "^[ \u00a0-\ud83d\ude92]\n$", "description": "é \"pattern\": x", "not": {"pattern": "\n"}}`)
	out, err := escapePatterns(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"pattern": "^[\u0020\u00a0-\ud83d\ude92]\n$", "description": "é \"pattern\": x", "not": {"pattern": "\n"}}`
	if diff := cmp.Diff(want, string(out)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var a, b any
	if err := json.Unmarshal(in, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("the schema reads differently (-before +after):\n%s", diff)
	}
}
