package load

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// jsonStyle marks a scalar read from a JSON string, beside
// DoubleQuotedStyle, for scalarString. yaml.v3's styles use the low six
// bits; the loader's nodes never go back to it.
const jsonStyle yaml.Style = 1 << 16

// byteOrderMark is UTF-8's byte order mark, which some Windows editors
// write at the start of a file. YAML skips it, and so does readJSON; no
// column counts it.
var byteOrderMark = []byte("\xef\xbb\xbf")

// jsonObject reports whether data, after a byte order mark and JSON's
// spaces, starts with "{": parse then tries it as JSON whatever its name.
func jsonObject(data []byte) bool {
	rest := bytes.TrimLeft(bytes.TrimPrefix(data, byteOrderMark), " \t\r\n")
	return len(rest) > 0 && rest[0] == '{'
}

// readJSON parses data, one JSON text (RFC 8259), into the tree the YAML
// parser gives for the same text, so that decoding, checks and messages
// are shared: objects and arrays as flow mappings and sequences, strings
// double-quoted (and marked jsonStyle), numbers, true, false and null
// plain, each node at the line and column, in characters, where it
// starts.
//
// Strings are read by JSON's rules, not YAML's: an escaped surrogate pair
// (\ud83d\ude92, as Python's json.dump writes an emoji) is one character,
// and U+2028, U+2029 and U+0085 are characters like any other, as
// JSON.stringify writes them. What JSON does not allow is refused at its
// line and column: comments, a comma after the last item, single quotes,
// unquoted text, NaN and Infinity, numbers such as 01, +1 or .5, control
// characters and line breaks inside strings, unknown escapes, and half a
// surrogate pair. So is nesting deeper than MaxDepth, as check refuses it,
// before it can recurse further.
func readJSON(name string, data []byte) (*yaml.Node, error) {
	r := &jsonReader{name: name, data: data, line: 1, col: 1}
	if bytes.HasPrefix(data, byteOrderMark) {
		r.i, r.colAt = len(byteOrderMark), len(byteOrderMark)
	}
	r.space()
	if r.i == len(data) {
		return nil, Errors{{File: name, Err: errors.New(emptyFile)}}
	}
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	r.space()
	if r.i < len(data) {
		return nil, r.unexpected("the end of the file after the top-level value")
	}
	return n, nil
}

// jsonReader reads a JSON text, keeping the line and column of the
// offset it has reached.
type jsonReader struct {
	name string
	data []byte
	i    int // the offset reached
	line int // of data[i]
	// col is the column of data[colAt]; column moves it on to i, so that
	// a text of one long line is counted once, not once a value.
	col, colAt int
}

// column returns the column of data[i], in characters from 1.
func (r *jsonReader) column() int {
	r.col += utf8.RuneCount(r.data[r.colAt:r.i])
	r.colAt = r.i
	return r.col
}

// space skips JSON's spaces: space, tab and the line breaks LF, CR LF
// and CR, which end lines as YAML's do.
func (r *jsonReader) space() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t':
			r.i++
		case '\r', '\n':
			if r.data[r.i] == '\r' && r.i+1 < len(r.data) && r.data[r.i+1] == '\n' {
				r.i++
			}
			r.i++
			r.line, r.col, r.colAt = r.line+1, 1, r.i
		default:
			return
		}
	}
}

// at reports whether data[i] is c.
func (r *jsonReader) at(c byte) bool { return r.i < len(r.data) && r.data[r.i] == c }

// failAt returns a syntax error at line:col.
func (r *jsonReader) failAt(line, col int, format string, args ...any) error {
	return Errors{{File: r.name, Line: line, Col: col, Err: fmt.Errorf("JSON syntax: "+format, args...)}}
}

// fail returns a syntax error at the offset reached.
func (r *jsonReader) fail(format string, args ...any) error {
	return r.failAt(r.line, r.column(), format, args...)
}

// unexpected says that what stands at the offset reached is not the want
// that belongs there.
func (r *jsonReader) unexpected(want string) error {
	return r.fail("want %s, got %s", want, r.found())
}

// found names what stands at the offset reached, for unexpected; for a
// comment or a single quote, with what JSON has instead. It shows no
// character of the file but printable ASCII.
func (r *jsonReader) found() string {
	if r.i == len(r.data) {
		return "the end of the file"
	}
	c, _ := utf8.DecodeRune(r.data[r.i:])
	next := byte(0)
	if r.i+1 < len(r.data) {
		next = r.data[r.i+1]
	}
	switch {
	case c == '#' || c == '/' && (next == '/' || next == '*'):
		return "a comment: JSON has none"
	case c == '\'':
		return "a single quote: JSON strings take double quotes"
	case c < utf8.RuneSelf && strconv.IsPrint(c):
		return strconv.QuoteRune(c)
	case unicode.IsSpace(c):
		return fmt.Sprintf("the space character %U: JSON's spaces are space, tab and line breaks", c)
	}
	return fmt.Sprintf("%U", c)
}

// value reads the value at the offset reached, at depth below the top.
func (r *jsonReader) value(depth int) (*yaml.Node, error) {
	r.space()
	if r.i == len(r.data) {
		return nil, r.unexpected("a value")
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: r.line, Column: r.column()}
	if depth > MaxDepth {
		return nil, Errors{{File: r.name, Line: n.Line, Col: n.Column, Err: errors.New(tooDeep)}}
	}
	switch c := r.data[r.i]; {
	case c == '{':
		return n, r.object(n, depth)
	case c == '[':
		return n, r.array(n, depth)
	case c == '"':
		s, err := r.str(n)
		n.Value, n.Style, n.Tag = s, yaml.DoubleQuotedStyle|jsonStyle, "!!str"
		return n, err
	case c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return n, r.bare(n)
	}
	return nil, r.unexpected("a value")
}

// object reads an object into n, a mapping.
func (r *jsonReader) object(n *yaml.Node, depth int) error {
	n.Kind, n.Style, n.Tag = yaml.MappingNode, yaml.FlowStyle, "!!map"
	r.i++ // {
	r.space()
	if r.at('}') {
		r.i++
		return nil
	}
	for {
		r.space()
		if !r.at('"') {
			return r.unexpected("a field name in double quotes")
		}
		k, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		r.space()
		if !r.at(':') {
			return r.unexpected("':' after the field name")
		}
		r.i++
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.Content = append(n.Content, k, v)
		if done, err := r.next('}', "a field of the object", n); done || err != nil {
			return err
		}
	}
}

// array reads an array into n, a sequence.
func (r *jsonReader) array(n *yaml.Node, depth int) error {
	n.Kind, n.Style, n.Tag = yaml.SequenceNode, yaml.FlowStyle, "!!seq"
	r.i++ // [
	r.space()
	if r.at(']') {
		r.i++
		return nil
	}
	for {
		v, err := r.value(depth + 1)
		if err != nil {
			return err
		}
		n.Content = append(n.Content, v)
		if done, err := r.next(']', "an item of the list", n); done || err != nil {
			return err
		}
	}
}

// next reads what follows an item of the object or array n: the comma
// before another item, or end, which closes n (done).
func (r *jsonReader) next(end byte, item string, n *yaml.Node) (done bool, err error) {
	r.space()
	switch {
	case r.at(end):
		r.i++
		return true, nil
	case r.at(','):
		line, col := r.line, r.column()
		r.i++
		r.space()
		if r.at(end) {
			return false, r.failAt(line, col, "a comma after the last item, before %q: JSON allows none there", end)
		}
		return false, nil
	}
	want := fmt.Sprintf("',' or '%c' after %s that starts at %d:%d", end, item, n.Line, n.Column)
	if r.at('"') {
		return false, r.fail("want %s, got %s: is a comma missing before it?", want, r.found())
	}
	return false, r.unexpected(want)
}

// jsonNumber is JSON's grammar of a number.
var jsonNumber = regexp.MustCompile(`^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$`)

// bare reads into n a value not in quotes: a number, true, false or null.
// It reads the whole run of letters, digits and the signs of a number, so
// that NaN, True or 0x1F is refused whole.
func (r *jsonReader) bare(n *yaml.Node) error {
	start := r.i
	for r.i < len(r.data) {
		c := r.data[r.i]
		if c != '-' && c != '+' && c != '.' && c != '_' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			break
		}
		r.i++
	}
	word := string(r.data[start:r.i])
	shown := word
	if len(shown) > 40 {
		shown = shown[:40] + "..."
	}
	switch {
	case word == "true" || word == "false":
		n.Value, n.Tag = word, "!!bool"
	case word == "null":
		n.Value, n.Tag = word, "!!null"
	case jsonNumber.MatchString(word):
		n.Value, n.Tag = word, "!!float"
		if !bytes.ContainsAny(r.data[start:r.i], ".eE") {
			n.Tag = "!!int"
		}
	case word == "NaN" || word == "Infinity" || word == "-Infinity" || word == "+Infinity":
		return r.failAt(n.Line, n.Column, "%s is not a JSON number: JSON numbers are finite", word)
	case word[0] == '-' || word[0] == '+' || word[0] == '.' || word[0] >= '0' && word[0] <= '9':
		return r.failAt(n.Line, n.Column, "malformed number %q: JSON writes numbers as 12, -0.5 or 1.5e3, with no leading zero, '+' or bare '.'", shown)
	default:
		return r.failAt(n.Line, n.Column, "unquoted text %q: JSON strings take double quotes, and true, false and null are lower case", shown)
	}
	return nil
}

// str reads the string that starts at the offset reached, the node n.
func (r *jsonReader) str(n *yaml.Node) (string, error) {
	d := r.data
	start := r.i + 1
	j := start
	for j < len(d) && d[j] != '"' && d[j] != '\\' && d[j] >= 0x20 {
		j++
	}
	if j < len(d) && d[j] == '"' { // no escapes
		r.i = j + 1
		return string(d[start:j]), nil
	}
	b := append(make([]byte, 0, j-start+16), d[start:j]...)
	for {
		r.i = j // for the position of an error
		switch {
		case j == len(d):
			return "", r.fail("the file ends inside the string that starts at %d:%d", n.Line, n.Column)
		case d[j] == '"':
			r.i = j + 1
			return string(b), nil
		case d[j] == '\n' || d[j] == '\r':
			return "", r.fail(`a line break inside the string that starts at %d:%d: close the string on its line; \n writes a line break inside one`, n.Line, n.Column)
		case d[j] < 0x20:
			return "", r.fail(`control character %U inside a string: write it as %s`, d[j], escapeOf(d[j]))
		case d[j] != '\\':
			b = append(b, d[j])
			j++
		case j+1 == len(d):
			return "", r.fail("the file ends inside the string that starts at %d:%d", n.Line, n.Column)
		case d[j+1] == 'u':
			c, size, err := r.unicodeEscape(j)
			if err != nil {
				return "", err
			}
			b = utf8.AppendRune(b, c)
			j += size
		default:
			c, ok := simpleEscapes[d[j+1]]
			if !ok {
				return "", r.fail(`unknown escape %s: JSON's are \" \\ \/ \b \f \n \r \t and \u followed by four hex digits`, escapeShown(d[j+1:]))
			}
			b = append(b, c)
			j += 2
		}
	}
}

// simpleEscapes maps the letter of each of JSON's escapes but \u to the
// byte it stands for.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// escapeOf returns how a JSON string writes the control character c.
func escapeOf(c byte) string {
	if i := strings.IndexByte("\b\f\n\r\t", c); i >= 0 {
		return `\` + "bfnrt"[i:i+1]
	}
	return fmt.Sprintf(`\u%04X`, c)
}

// escapeShown shows the escape whose letter starts rest, as the file has
// it when that is printable ASCII.
func escapeShown(rest []byte) string {
	c, _ := utf8.DecodeRune(rest)
	if c < utf8.RuneSelf && strconv.IsPrint(c) {
		return `\` + string(c)
	}
	return fmt.Sprintf(`"\" before %U`, c)
}

// unicodeEscape reads the \uXXXX escape at data[j], or the two that
// write one character as a UTF-16 surrogate pair, returning the
// character and how many bytes the escapes take.
func (r *jsonReader) unicodeEscape(j int) (rune, int, error) {
	hex := func(at int) (rune, bool) {
		if at+6 > len(r.data) || r.data[at] != '\\' || r.data[at+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(r.data[at+2:at+6]), 16, 16)
		return rune(v), err == nil
	}
	c, ok := hex(j)
	if !ok {
		return 0, 0, r.fail(`\u takes four hex digits, as in \u00E9`)
	}
	written := string(r.data[j : j+6])
	switch {
	case c >= 0xdc00 && c <= 0xdfff:
		return 0, 0, r.fail(`%s is the second half of a UTF-16 surrogate pair, and the first does not come before it: write the character itself, or both halves`, written)
	case c >= 0xd800 && c <= 0xdbff:
		low, ok := hex(j + 6)
		if !ok || low < 0xdc00 || low > 0xdfff {
			return 0, 0, r.fail(`%s is the first half of a UTF-16 surrogate pair, and the second does not follow: write the character itself, or both halves, as in \uD83D\uDE92`, written)
		}
		return 0x10000 + (c-0xd800)<<10 + (low - 0xdc00), 12, nil
	}
	return c, 6, nil
}
