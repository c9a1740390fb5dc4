package schema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"github.com/invopop/jsonschema"

	"github.com/incident-leadership/portfolio/internal/textchar"
)

// Portable patterns.
//
// A pattern of the schemas must mean the same in every validator: in
// ECMAScript's regular expressions, with the u flag (Ajv, editors) or
// without it (ECMAScript's default), in Go's regexp and in
// Python's re (the jsonschema package, check-jsonschema). So the patterns
// keep to the subset JSON Schema recommends (core, section 6.4): literal
// characters, classes and ranges, groups, alternation, quantifiers, ^ and
// $. A character outside printable ASCII stands in a pattern as itself,
// which the schema file shows as a JSON \uXXXX escape (escapePatterns); no
// pattern uses \x, \u or \p, which the engines spell differently or not
// at all. The only escape is a backslash before a syntax character.
//
// Two differences between the engines are written around:
//
//   - Characters above U+FFFF. Without the u flag ECMAScript matches UTF-16
//     code units, so such a character is two of them, a surrogate pair; the
//     other engines match whole characters. A negated class of characters
//     up to U+FFFF matches a character above it in both readings (all of
//     it, or one half), and a character written out matches just itself in
//     both; but a range above U+FFFF means something else without the u
//     flag, or nothing at all. So classes hold only characters up to U+FFFF
//     and no surrogate, and characters above it are listed one by one,
//     outside classes.
//   - $. Python's re lets $ match before a final line break too: "^a$"
//     matches "a\n" there and nowhere else. So beside each pattern a "not"
//     refuses the line break $ would let through (form.applyTo).
const portableComment = "Patterns keep to the regular expressions JSON Schema recommends, " +
	"so that ECMAScript (with or without the u flag), Go's regexp and Python's re read them alike: " +
	"characters outside printable ASCII stand as themselves (written here as \\u escapes), " +
	"classes hold no character above U+FFFF (such characters are listed one by one), " +
	"and beside each pattern a not refuses the final line break that Python's $ lets through."

const finalBreakComment = "It may end with one line break, the one a YAML block scalar keeps and the loader drops."

// A form is a kind of string a pattern checks.
type form struct {
	body    string // the pattern without ^ and $; no line break in it
	comment string // what it allows, in words
	// finalBreak allows one final line break, the one a YAML block scalar
	// keeps and the loader drops: the content file's strings have it, the
	// JSON Resume extension's do not.
	finalBreak bool
}

// pattern returns the form's pattern, anchored.
func (f form) pattern() string {
	if f.finalBreak {
		return "^" + f.body + "\n?$"
	}
	return "^" + f.body + "$"
}

// schema returns the schema of a string of the form.
func (f form) schema() *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	f.applyTo(s)
	return s
}

// applyTo makes the string schema s check the form: its comment, its
// pattern and, beside it, a not that refuses the strings only Python's re
// lets through: for it $ also matches before a final line break, so "^a$"
// takes "a\n" and "^a\n?$" takes "a\n\n". The form's own characters
// never hold a line break.
func (f form) applyTo(s *jsonschema.Schema) {
	s.Comments = f.comment
	s.Pattern = f.pattern()
	guard := "\n"
	if f.finalBreak {
		s.Comments += " " + finalBreakComment
		guard = "\n\n"
	}
	s.Not = &jsonschema.Schema{Type: "string", Pattern: guard}
}

// A chars is a set of characters: ranges of those up to U+FFFF, in order
// and without a surrogate (U+D800 to U+DFFF, which are no characters),
// and those above U+FFFF one by one.
type chars struct {
	bmp   [][2]rune
	above []rune
}

// collect returns the characters for which in reports true, up to max.
func collect(in func(rune) bool, max rune) chars {
	var c chars
	for r := rune(0); r <= max; r++ {
		switch {
		case r >= 0xd800 && r <= 0xdfff || !in(r):
			continue
		case r > 0xffff:
			c.above = append(c.above, r)
		case len(c.bmp) > 0 && c.bmp[len(c.bmp)-1][1] == r-1:
			c.bmp[len(c.bmp)-1][1] = r
		default:
			c.bmp = append(c.bmp, [2]rune{r, r})
		}
	}
	return c
}

// has reports whether r is in c.
func (c chars) has(r rune) bool {
	if r > 0xffff {
		return slices.Contains(c.above, r)
	}
	i, found := slices.BinarySearchFunc(c.bmp, r, func(rg [2]rune, r rune) int { return cmp.Compare(rg[1], r) })
	return found || i < len(c.bmp) && c.bmp[i][0] <= r
}

// with returns c and the characters of s, which are up to U+FFFF.
func (c chars) with(s string) chars {
	u := collect(func(r rune) bool { return c.has(r) || strings.ContainsRune(s, r) }, 0xffff)
	u.above = c.above
	return u
}

// class returns the character class of c, negated when not is set. It
// fails when c holds a character above U+FFFF, which a class cannot hold
// portably.
func (c chars) class(not bool) (string, error) {
	if len(c.above) > 0 {
		return "", fmt.Errorf("schema: a class cannot hold %U, above U+FFFF", c.above[0])
	}
	var b strings.Builder
	b.WriteByte('[')
	if not {
		b.WriteByte('^')
	}
	for _, rg := range c.bmp {
		writeClassChar(&b, rg[0])
		switch rg[1] - rg[0] {
		case 0:
		case 1:
			writeClassChar(&b, rg[1])
		default:
			b.WriteByte('-')
			writeClassChar(&b, rg[1])
		}
	}
	b.WriteByte(']')
	return b.String(), nil
}

// either returns a group matching one character of c: a class of those up
// to U+FFFF, then those above it written out one by one.
func (c chars) either() string {
	class, _ := chars{bmp: c.bmp}.class(false) // holds nothing above U+FFFF
	var b strings.Builder
	b.WriteString("(" + class)
	for _, r := range c.above {
		b.WriteString("|" + string(r))
	}
	b.WriteString(")")
	return b.String()
}

// words names the characters of c for a comment: "U+0020, U+00A0 to
// U+00A1".
func (c chars) words() string {
	ranges := slices.Clone(c.bmp)
	for _, r := range c.above {
		if n := len(ranges); n > 0 && ranges[n-1][1] == r-1 {
			ranges[n-1][1] = r
		} else {
			ranges = append(ranges, [2]rune{r, r})
		}
	}
	var parts []string
	for _, rg := range ranges {
		if rg[0] == rg[1] {
			parts = append(parts, fmt.Sprintf("%U", rg[0]))
		} else {
			parts = append(parts, fmt.Sprintf("%U to %U", rg[0], rg[1]))
		}
	}
	return strings.Join(parts, ", ")
}

// writeClassChar writes r as a member of a class, escaping the characters
// that mean something there.
func writeClassChar(b *strings.Builder, r rune) {
	if strings.ContainsRune(`\]^-[`, r) {
		b.WriteByte('\\')
	}
	b.WriteRune(r)
}

// The character sets of the content file's rules, from package textchar,
// which incident's Validate applies; each is collected once, going
// through every character.
var (
	controlChars = sync.OnceValue(func() chars { return collect(textchar.Control, unicode.MaxRune) })
	// blankChars are neither control characters nor visible: white space
	// and invisible characters.
	blankChars = sync.OnceValue(func() chars {
		return collect(func(r rune) bool { return !textchar.Visible(r) && !textchar.Control(r) }, unicode.MaxRune)
	})
)

// textForms returns the schemas of text and of required text, for $defs.
func textForms() (text, required *jsonschema.Schema, err error) {
	control, blank := controlChars(), blankChars()
	textChar, err := control.class(true)
	if err != nil {
		return nil, nil, err
	}
	text = form{
		body: textChar + "*",
		comment: "Text: any characters but control characters (" + control.words() +
			"), line breaks and tabs among them.",
		finalBreak: true,
	}.schema()
	required = &jsonschema.Schema{
		Comments: "Required text: text that shows something. " +
			"The not refuses text made only of white space and invisible characters " +
			"(" + blank.words() + "; Unicode " + unicode.Version + "): white space, " +
			"format characters (Cf) but the drawn signs among them, " +
			"the Hangul fillers and the blank braille pattern, as package incident's Validate decides.",
		Ref: "#/$defs/" + textDef,
		// Blank text. It needs no guard of its own: the one of Text
		// already refuses the second final line break Python's $ would
		// let through here.
		Not: &jsonschema.Schema{Type: "string", Pattern: form{body: blank.either() + "*", finalBreak: true}.pattern()},
	}
	return text, required, nil
}

// Names of the text forms in $defs.
const (
	textDef         = "Text"
	requiredTextDef = "RequiredText"
)

// urlForms returns the forms of a link target (an http, https or mailto
// URL, or a relative one) and of a write-up's URL (http or https), as the
// content file has them.
func urlForms() (link, web form, err error) {
	// A URL holds no control character, space or backslash.
	stop := controlChars().with(` \`)
	char, err1 := stop.class(true)
	host, err2 := stop.with("/?#").class(true)
	relFirst, err3 := stop.with(":/?#").class(true)
	pathFirst, err4 := stop.with("/").class(true)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return form{}, form{}, err
	}
	absolute := `[hH][tT][tT][pP][sS]?://` + host + `+([/?#]` + char + `*)?`
	mailto := `[mM][aA][iI][lL][tT][oO]:` + char + `*`
	// A relative URL has no scheme (no colon in its first segment) and
	// does not start with "//".
	relative := relFirst + `+([/?#]` + char + `*)?|/(` + pathFirst + char + `*)?|[?#]` + char + `*`
	chars := "without control characters, spaces or backslashes"
	link = form{
		body:       "(" + absolute + "|" + mailto + "|" + relative + ")",
		comment:    "An http, https or mailto URL, or a relative one (no scheme, not starting with //), " + chars + ".",
		finalBreak: true,
	}
	web = form{body: absolute, comment: "An http or https URL with a host, " + chars + ".", finalBreak: true}
	return link, web, nil
}

// escapePatterns rewrites the patterns in b, a schema as encoding/json
// writes it, so that every character outside printable ASCII stands as a
// \uXXXX escape (a surrogate pair above U+FFFF), and the line break as
// \n: the file then shows which characters a pattern lists, invisible
// ones among them, and JSON readers read the same characters. Every other
// string it writes as encoding/json does but for its escaping of <, > and
// & (as \u003c, \u003e, \u0026), which makes the schema harder to read and
// means nothing to JSON readers.
func escapePatterns(b []byte) ([]byte, error) {
	out := make([]byte, 0, len(b))
	key := ""
	for i := 0; i < len(b); i++ {
		if b[i] != '"' {
			out = append(out, b[i])
			continue
		}
		end := i + 1
		for ; end < len(b) && b[end] != '"'; end++ {
			if b[end] == '\\' {
				end++
			}
		}
		if end >= len(b) {
			return nil, errors.New("schema: unterminated string in the encoded schema")
		}
		tok := b[i : end+1]
		var s string
		if err := json.Unmarshal(tok, &s); err != nil {
			return nil, fmt.Errorf("schema: %w", err)
		}
		if bytes.HasPrefix(bytes.TrimLeft(b[end+1:], " \n"), []byte(":")) {
			key = s
			out = appendText(out, s)
		} else if key == "pattern" {
			out = appendEscaped(out, s)
		} else {
			out = appendText(out, s)
		}
		i = end
	}
	return out, nil
}

// appendText appends s as a JSON string, as encoding/json writes it but
// for the escaping of <, > and &.
func appendText(out []byte, s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return append(out, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
}

// appendEscaped appends s as a JSON string of printable ASCII; a space is
// escaped too, to be seen in a class.
func appendEscaped(out []byte, s string) []byte {
	out = append(out, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			out = append(out, '\\', byte(r))
		case r == '\n':
			out = append(out, `\n`...)
		case r > 0x20 && r < 0x7f:
			out = append(out, byte(r))
		case r > 0xffff:
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
	}
	return append(out, '"')
}
