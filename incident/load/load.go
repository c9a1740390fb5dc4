// Package load reads a portfolio content file, YAML or JSON, strictly.
//
// The contract:
//
//   - A content file holds one YAML document or one JSON text: a mapping
//     whose keys are the json tags of the incident types (title, tagline,
//     incidents, ...).
//   - A file named *.json (in any case) is JSON, read strictly as RFC 8259
//     has it: no comment, trailing comma, single quote, unquoted text,
//     NaN, or escape JSON lacks. A file of any other name is JSON when it
//     starts with "{" and is JSON throughout, and YAML otherwise. JSON is
//     read into the tree the YAML parser gives, so the rules below and the
//     messages are the same for both; but its strings are read by JSON's
//     rules: an escaped surrogate pair (\ud83d\ude92, as Python's
//     json.dump writes an emoji) is one character, and a raw U+2028 or
//     U+2029 is text, as JSON.stringify writes it.
//   - Every key must be known, no key may repeat, and every key the model
//     requires (a json tag without omitempty or omitzero) must be given.
//   - Scalars are read as the YAML 1.2 core schema reads them, which is
//     what editors and JSON Schema validators see: "title: 123" is a
//     number, not text, and is refused; "when: 2023-03-14" and
//     "duration: 4h" are strings. A bare year, "when: 2023", is allowed.
//   - A duration is a length ("4h", "2h 15m", "about 6 hours", read by
//     incident.ParseDuration), which a text that looks like one (it
//     starts with a digit, after an optional "about" or "~") must be;
//     any other text ("Weekend (Fri-Sun)"); or a mapping
//     {text: "Weekend (Fri-Sun)", length: 60h, approximate: true}. A figure that gives
//     "before" has HasBefore set.
//   - A block scalar (">" or "|") loses the one final line break YAML
//     keeps, and so does a JSON string, since a file converted from YAML
//     has it there; a paragraph holding any other line break is refused,
//     a "|" block's at the end of its first line, with the hint to write
//     ">", which folds the lines into one.
//   - In YAML, the line breaks U+0085, U+2028 and U+2029 are refused where
//     they stand in the file (an escape such as "\u2028" in a double-quoted
//     string is fine): the YAML parser ends lines at them, editors do not.
//     No line ends at them in JSON, where they stand only inside strings.
//   - Anchors, aliases and tags are refused, as are files over MaxSize or
//     of more than MaxValues values, nesting deeper than MaxDepth, invalid
//     UTF-8, empty files and files of more than one document.
//   - After decoding, Portfolio.Validate runs, and its findings are placed
//     at the line and column of the field they name. Place does the same
//     for the findings of a program's own checks (gen's, of the Go names
//     it makes of IDs).
//
// Every problem is reported at once (up to a hundred), as Errors: one
// *Error a problem, in the order of the file, each reading
// "file:line:col: path: message", as in
//
//	portfolio.yaml:93:15: incidents[2].severity: unknown severity "P9"; want one of P1, P2, P3, P4
//
// The JSON reader gives its syntax errors a line and a column. The YAML
// parser gives syntax errors a line but no column; the loader
// places them on that line: at the ": " of a value that needs quotes, at a
// tab, and otherwise where the line's text starts. Where the parser names
// the start of a block instead of the line at fault (a tab that indents,
// a key indented less than the others of its list item), the loader
// moves the error to that line.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/textpos"
)

// MaxSize is the largest content file read, in bytes. A hand-written
// portfolio is a few kilobytes; a team's or an organisation's catalogue of
// ten thousand incidents some 25 megabytes.
const MaxSize = 64 << 20

// MaxDepth is how deep a value may nest in a content file, the top
// mapping being at depth 0. The model's deepest values, the fields of a
// figure, are at depth 5 (portfolio, incidents, an incident, its figures,
// a figure, a field).
const MaxDepth = 8

// MaxValues bounds the values a file may hold, counted before parsing as
// its line breaks and commas (every value but the first needs one). The
// parser builds a node of some hundred bytes for every value, so this, not
// MaxSize, is what bounds memory: a file of two million short values in
// flow lists would take gigabytes. A catalogue of ten thousand incidents
// holds under a million.
const MaxValues = 2_000_000

// File reads, decodes and validates the content file at path, as Bytes
// does.
func File(path string) (incident.Portfolio, error) {
	f, err := os.Open(path)
	if err != nil {
		return incident.Portfolio{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return incident.Portfolio{}, err
	}
	return Bytes(path, data)
}

// Bytes decodes and validates a content file held in data; name is the
// file name errors give. On error the Portfolio is the zero value.
func Bytes(name string, data []byte) (incident.Portfolio, error) {
	var p incident.Portfolio
	root, err := parse(name, data)
	if err != nil {
		return p, err
	}
	d := newDecoder(name, data)
	d.decode("", root, reflect.ValueOf(&p).Elem())
	if err := p.Validate(); err != nil {
		var fes incident.Errors
		if !errors.As(err, &fes) {
			return p, err
		}
		for _, fe := range fes {
			if !d.echoes(fe.Path) {
				n := d.node(fe.Path)
				d.errs = append(d.errs, &Error{File: name, Line: n.Line, Col: n.Column, Path: fe.Path, Err: fe})
			}
		}
	}
	if len(d.errs) == 0 {
		return p, nil
	}
	slices.SortStableFunc(d.errs, byPosition)
	if n := len(d.errs); n > maxErrors {
		d.errs = append(d.errs[:maxErrors], &Error{File: name, Err: fmt.Errorf("too many errors: %d more", n-maxErrors)})
	}
	return incident.Portfolio{}, d.errs
}

// Place puts the problems a further check of the portfolio in data found
// (such as gen's, of the Go names it makes of IDs) at the lines and columns
// of the fields they name, as Bytes puts Validate's, in the order of the
// file, all of them. data is a content file Bytes loads without error. A
// path the file does not hold is put at the nearest value that holds it
// (the incident, for a tag it lacks); where data does not parse, the
// problems have no position.
func Place(name string, data []byte, problems incident.Errors) Errors {
	d := newDecoder(name, data)
	if root, err := parse(name, data); err == nil {
		var p incident.Portfolio
		d.decode("", root, reflect.ValueOf(&p).Elem())
	}
	es := make(Errors, 0, len(problems))
	for _, fe := range problems {
		e := &Error{File: name, Path: fe.Path, Err: fe}
		if n := d.node(fe.Path); n != nil {
			e.Line, e.Col = n.Line, n.Column
		}
		es = append(es, e)
	}
	slices.SortStableFunc(es, byPosition)
	return es
}

// byPosition orders errors as the file does.
func byPosition(a, b *Error) int {
	if a.Line != b.Line {
		return a.Line - b.Line
	}
	return a.Col - b.Col
}

// maxErrors is how many problems Bytes reports; a last Error says how
// many more there were.
const maxErrors = 100

// node returns the node of the value at path, or of the nearest enclosing
// value that was written.
func (d *decoder) node(path string) *yaml.Node {
	for p, ok := path, true; ok; p, ok = parent(p) {
		if n, found := d.nodes[p]; found {
			return n
		}
	}
	return d.nodes[""]
}

const emptyFile = "empty file: want a mapping with title, tagline and incidents"

// tooDeep is check's message for a value nested deeper than MaxDepth;
// readJSON gives it too, before recursing further.
var tooDeep = fmt.Sprintf("nested deeper than %d levels", MaxDepth)

// parse checks the raw file and returns the root node of its one document.
// A file named *.json is read as JSON, strictly. A file of another name
// whose first character is "{" is read as JSON when it is JSON, and
// otherwise as YAML (a flow mapping), as is every other file.
func parse(name string, data []byte) (*yaml.Node, error) {
	fail := func(line, col int, msg string) error {
		return Errors{{File: name, Line: line, Col: col, Err: errors.New(msg)}}
	}
	if len(data) > MaxSize {
		return nil, fail(0, 0, fmt.Sprintf("file larger than %d bytes", MaxSize))
	}
	if n := bytes.Count(data, []byte{'\n'}) + bytes.Count(data, []byte{','}); n > MaxValues {
		return nil, fail(0, 0, fmt.Sprintf("too many values: %d line breaks and commas, more than the %d allowed", n, MaxValues))
	}
	if i := textpos.InvalidUTF8(data); i >= 0 {
		line, col := textpos.LineCol(data, i)
		return nil, fail(line, col, "invalid UTF-8: save the file as UTF-8")
	}
	var root *yaml.Node
	var err error
	if named := strings.EqualFold(filepath.Ext(name), ".json"); named || jsonObject(data) {
		if root, err = readJSON(name, data); err != nil && !named {
			root, err = nil, nil // not JSON: a YAML flow mapping
		}
	}
	if root == nil && err == nil {
		root, err = readYAML(name, data)
	}
	if err != nil {
		return nil, err
	}
	if root.Kind == yaml.ScalarNode && scalarKind(root) == kindNull {
		return nil, fail(0, 0, emptyFile)
	}
	if err := check(name, root, 0); err != nil {
		return nil, err
	}
	return root, nil
}

// readYAML parses data, of one YAML document, and returns the node of its
// value.
func readYAML(name string, data []byte) (*yaml.Node, error) {
	fail := func(line, col int, msg string) error {
		return Errors{{File: name, Line: line, Col: col, Err: errors.New(msg)}}
	}
	if i, r := oddBreak(data); i >= 0 {
		line, col := textpos.LineCol(data, i)
		return nil, fail(line, col, fmt.Sprintf("invisible line break %U: YAML parsers disagree on whether it ends a line; "+
			"delete it, or write it as \\u%04X inside double quotes if the text needs it", r, r))
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		return nil, fail(0, 0, emptyFile)
	case err != nil:
		return nil, syntaxError(name, data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, fail(next.Line, next.Column, "a second document: a content file holds one portfolio")
	case err != io.EOF:
		return nil, syntaxError(name, data, err)
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], nil
	}
	return &doc, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// parserProblems are the problems yaml.v3's parser (not its scanner)
// reports. For them it prints a 0-based line; for the scanner's, 1-based.
var parserProblems = map[string]bool{
	"did not find expected ',' or '}'":       true,
	"did not find expected ',' or ']'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// syntaxError turns a parser error ("yaml: line 3: did not find expected
// key") into an *Error at that line, with the column syntaxColumn finds.
// yaml.v3 gives no column, and leaves the line out when it is the first.
func syntaxError(name string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserProblems[msg] {
			line++
		}
	}
	// A problem at the end of the stream is put on a line after the last.
	last, col := textpos.LineCol(data, len(data))
	if col == 1 && last > 1 {
		last-- // the file ends with a line break
	}
	line = max(1, min(line, last))
	if strings.Contains(msg, "tab character") && !strings.Contains(lineText(data, line), "\t") {
		line = tabIndented(data, line) // the parser names the line of the block the tab is in
	}
	hint := syntaxHint(data, line, msg)
	if msg == "did not find expected '-' indicator" || msg == "did not find expected key" {
		// The parser names the line the list starts on; the line to
		// mend is the one indented between the list's dashes and its
		// items' keys.
		if odd, ok := culprit(data, oddIndents(data, line)); ok {
			line = odd.line
			hint = fmt.Sprintf("; this line is indented %d spaces, the keys of its list item %d: line it up with them", odd.got, odd.want)
		}
	}
	return Errors{{File: name, Line: line, Col: syntaxColumn(data, line, msg), Err: fmt.Errorf("YAML syntax: %s%s", msg, hint)}}
}

// maxMend is the largest file culprit re-parses to test its guesses.
const maxMend = 4 << 20

// culprit picks, among lines indented as no key of their list item is,
// the first that must be lined up for the file to parse past it: lining
// up it and those after it mends the file there, and lining up only
// those after it does not. (Some such lines are valid: the second line of
// a quoted value.) ok is false when none is, or the file is too large to
// parse again and again.
func culprit(data []byte, odd []oddLine) (c oddLine, ok bool) {
	if len(data) > maxMend {
		return oddLine{}, false
	}
	lineUp := func(from int) map[int]string {
		m := map[int]string{}
		for _, o := range odd[from:] {
			m[o.line] = strings.Repeat(" ", o.want) + strings.TrimLeft(lineText(data, o.line), " ")
		}
		return m
	}
	for i, o := range odd {
		if mends(data, o.line, lineUp(i)) && !mends(data, o.line, lineUp(i+1)) {
			return o, true
		}
	}
	return oddLine{}, false
}

// mends reports whether data with the lines of repl replaced parses, or
// fails only on a line after n.
func mends(data []byte, n int, repl map[int]string) bool {
	var b bytes.Buffer
	for i, t := range yamlLines(data) {
		if i > 1 {
			b.WriteByte('\n')
		}
		if r, ok := repl[i]; ok {
			b.WriteString(r)
		} else {
			b.Write(t)
		}
	}
	var doc yaml.Node
	err := yaml.NewDecoder(&b).Decode(&doc)
	if err == nil || err == io.EOF {
		return true
	}
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	line, _ := strconv.Atoi(m[1])
	if parserProblems[m[2]] {
		line++
	}
	return line > n
}

// closesBelow reports whether the quote q opened on line n closes on one
// of the lines that continue it, those indented more than line n.
func closesBelow(data []byte, n int, q byte) bool {
	base := -1
	for i, text := range yamlLines(data) {
		t := strings.TrimLeft(string(text), " ")
		switch {
		case i < n:
			continue
		case i == n:
			base = len(text) - len(t)
			continue
		case t == "":
			continue
		case len(text)-len(t) <= base:
			return false
		case closesQuote(t, q):
			return true
		}
	}
	return false
}

// oddIndents looks below line, where a list item starts ("- key: ..."),
// for the lines of the list indented more than its dashes but less than
// its items' keys, which no YAML reading can place unless they go on a
// quoted or bracketed value (culprit tells): the first few such lines, each
// with its indentation and the keys'.
func oddIndents(data []byte, line int) []oddLine {
	var odd []oddLine
	dash, keys := -1, -1
	for n, text := range yamlLines(data) {
		t := strings.TrimLeft(string(text), " ")
		j := len(text) - len(t)
		if n < line || t == "" || t[0] == '#' {
			continue
		}
		item := strings.HasPrefix(t, "- ")
		switch {
		case n == line && !item:
			return nil // not the start of a list item
		case n == line || item && j == dash:
			dash = j
			rest := strings.TrimLeft(t[2:], " ")
			keys = j + len(t) - len(rest)
		case j >= keys:
			// the item's own keys, or deeper
		case j > dash:
			if odd = append(odd, oddLine{n, j, keys}); len(odd) == 4 {
				return odd
			}
		default:
			return odd // the list has ended
		}
	}
	return odd
}

// oddLine is a line indented as no key of its list item is.
type oddLine struct{ line, got, want int }

// syntaxColumn places a syntax error on its line, since the YAML parser
// gives only the line: at the offending ": " of a value that needs quotes,
// at a tab, and otherwise where the line's text starts.
func syntaxColumn(data []byte, line int, msg string) int {
	text := lineText(data, line)
	i := strings.IndexFunc(text, func(r rune) bool { return r != ' ' })
	if i < 0 {
		return 1
	}
	switch {
	case msg == "mapping values are not allowed in this context":
		if first := strings.Index(text, ": "); first >= 0 {
			if second := strings.Index(text[first+2:], ": "); second >= 0 {
				i = first + 2 + second
			}
		}
	case strings.Contains(text, "\t") && tabProblem(msg):
		i = strings.IndexByte(text, '\t')
	}
	return utf8.RuneCountInString(text[:i]) + 1
}

// tabIndented returns the first line from line on that a tab indents, or
// line when there is none.
func tabIndented(data []byte, line int) int {
	for n, text := range yamlLines(data) {
		if n >= line && bytes.HasPrefix(bytes.TrimLeft(text, " "), []byte("\t")) {
			return n
		}
	}
	return line
}

// tabProblem reports whether msg is one of the parser's messages about
// what may be a tab where YAML wants spaces.
func tabProblem(msg string) bool {
	return msg == "found character that cannot start any token" || strings.Contains(msg, "tab character")
}

// lineText returns line n (from 1) of data, without its line break,
// counting lines as textpos.LineCol does; "" when there is no such line.
func lineText(data []byte, n int) string {
	for line, text := range yamlLines(data) {
		if line == n {
			return string(text)
		}
	}
	return ""
}

// yamlLines yields data's lines, numbered from 1 and without their line
// breaks, ended as YAML ends them: at LF, CR LF or a lone CR.
func yamlLines(data []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		for n, start := 1, 0; ; n++ {
			end := start + bytes.IndexAny(data[start:], "\r\n")
			if end < start {
				end = len(data)
			}
			if !yield(n, data[start:end]) || end == len(data) {
				return
			}
			start = end + 1
			if data[end] == '\r' && start < len(data) && data[start] == '\n' {
				start++
			}
		}
	}
}

// quotesHint is colonHint's advice when the line itself says no more.
const quotesHint = `; a value holding ": " needs quotes, as in title: "Outage: the sequel"`

// colonHint explains "mapping values are not allowed in this context" on
// the line text, below the line above: a paragraph of a list holding ": "
// (to be quoted whole), a value holding ": " (shown quoted, when short),
// or a key indented more than the key above it, which makes it more of
// that key's value.
func colonHint(text, above string) string {
	item := strings.TrimLeft(text, " ")
	indent := len(text) - len(item)
	listItem := strings.HasPrefix(item, "- ")
	item = strings.TrimPrefix(item, "- ")
	first := strings.Index(item, ": ")
	switch {
	case first > 0 && listItem && !modelKey(item[:first]):
		// A paragraph of a list, as in "- Root cause: the config: it broke".
		if item = strings.TrimSpace(item); hintable(item, 60) {
			return fmt.Sprintf(`; a list item holding ": " needs quotes around all of it, as in - "%s"`, item)
		}
		return `; a list item holding ": " needs quotes around all of it, as in - "Cause: a config change"`
	case first > 0 && strings.Contains(item[first+2:], ": "):
		key, value := item[:first], strings.TrimSpace(item[first+2:])
		if hintable(value, 40) && hintable(key, 40) {
			return fmt.Sprintf(`; a value holding ": " needs quotes, as in %s: "%s"`, key, value)
		}
		return quotesHint
	}
	if up := strings.TrimLeft(above, " "); up != "" && !strings.HasPrefix(up, "#") {
		upIndent := len(above) - len(up)
		if strings.HasPrefix(up, "- ") {
			upIndent += 2
		}
		if indent > upIndent {
			return "; the line is indented more than the key above it, so it reads as more of that key's value: line it up with the keys around it"
		}
	}
	return quotesHint
}

// hintable reports whether a hint may show s, the user's own text, in
// double quotes: at most max bytes, nothing to escape there (", \, #),
// and nothing a terminal would act on or reorder (control characters,
// invalid UTF-8, invisible formatting characters such as the bidi
// controls).
func hintable(s string, max int) bool {
	return len(s) <= max && !strings.ContainsAny(s, "\"\\#") && incident.CheckText(s) == nil &&
		strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Cf, r) }) < 0
}

// modelKey reports whether s is a key of some mapping of the content file,
// such as "title" or "label".
func modelKey(s string) bool {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type) bool
	walk = func(t reflect.Type) bool {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return false
		}
		seen[t] = true
		for _, f := range fieldsOf(t).list {
			if f.name == s || walk(t.Field(f.index).Type) {
				return true
			}
		}
		return false
	}
	return walk(reflect.TypeFor[incident.Portfolio]())
}

// syntaxHint explains the YAML parser's messages that puzzle newcomers
// most, from what they say and what the line holds.
func syntaxHint(data []byte, line int, msg string) string {
	text, above := lineText(data, line), strings.TrimLeft(lineText(data, line-1), " ")
	switch {
	case openQuote(text) != 0 && !closesBelow(data, line, openQuote(text)):
		return fmt.Sprintf("; the text quoted with %c on this line has no closing %c: end it on the same line", openQuote(text), openQuote(text))
	case len(above) > 1 && above[0] == '-' && above[1] != ' ' && above[1] != '-':
		return `; the line above starts with "-" but no space: a list item starts with "- "`
	case strings.Contains(text, "\t") && tabProblem(msg):
		return "; the line holds a tab: YAML indents with spaces only"
	case msg == "mapping values are not allowed in this context":
		return colonHint(text, lineText(data, line-1))
	case msg == "did not find expected '-' indicator":
		return "; in the list that starts on this line, a line below is indented more or less than the others"
	case msg == "did not find expected key":
		return "; in the mapping that starts on this line, a line below is indented more or less than the others"
	}
	return ""
}

// openQuote returns the quote character, double or single, that opens
// the value of the line text (after any "- " and "key: ") and is not
// closed on the line, or 0.
func openQuote(text string) byte {
	v := strings.TrimLeft(text, " ")
	for strings.HasPrefix(v, "- ") {
		v = strings.TrimLeft(v[2:], " ")
	}
	if i := strings.Index(v, ": "); i > 0 && !strings.ContainsAny(v[:i], `"'`) {
		v = strings.TrimLeft(v[i+2:], " ")
	}
	if v == "" || v[0] != '"' && v[0] != '\'' {
		return 0
	}
	if closesQuote(v[1:], v[0]) {
		return 0
	}
	return v[0]
}

// closesQuote reports whether s holds the quote q that closes a quoted
// YAML scalar: one not escaped with a backslash in double quotes, nor
// written twice in single quotes (which stands for one quote).
func closesQuote(s string, q byte) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++ // an escape
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case s[i] == q:
			return true
		}
	}
	return false
}

// check refuses what a portfolio never needs and a hostile file may use:
// anchors and aliases (the "billion laughs"), tags, and deep nesting. It
// stops at the first problem.
func check(name string, n *yaml.Node, depth int) error {
	fail := func(msg string) error {
		return Errors{{File: name, Line: n.Line, Col: n.Column, Err: errors.New(msg)}}
	}
	switch {
	case n.Kind == yaml.AliasNode:
		return fail(fmt.Sprintf("aliases (*%s) are not allowed: write the value out in full", n.Value))
	case n.Anchor != "":
		return fail(fmt.Sprintf("anchors (&%s) are not allowed: write each value out in full", n.Anchor))
	case n.Style&yaml.TaggedStyle != 0:
		tag := n.Tag // decoded from %-escapes: it may hold anything
		if !hintable(tag, 40) {
			tag = strconv.QuoteToASCII(tag)
		}
		return fail(fmt.Sprintf("tags are not allowed (%s); quote a value to make it a string", tag))
	case depth > MaxDepth:
		return fail(tooDeep)
	}
	for _, c := range n.Content {
		if err := check(name, c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// oddBreak returns the offset of the first U+0085, U+2028 or U+2029 in
// data, and which it is, or -1. The YAML parser ends lines at them, as
// YAML 1.1 did; YAML 1.2, JSON and editors do not. Invisible, they would
// silently shift every position after them, or break a plain scalar in two.
func oddBreak(data []byte) (int, rune) {
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == 0xc2 && i+1 < len(data) && data[i+1] == 0x85:
			return i, 0x85
		case data[i] == 0xe2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xa8 || data[i+2] == 0xa9):
			return i, rune(0x2000) | rune(data[i+2]-0x80)
		}
	}
	return -1, 0
}
