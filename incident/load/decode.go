package load

import (
	"encoding"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/length"
)

// decoder fills the incident types from a yaml.Node tree, walking the Go
// types by their json tags, and records where each field was written.
type decoder struct {
	file string
	data []byte // the content file, for positions inside block scalars
	errs Errors
	// nodes maps a field path, such as "incidents[2].severity", to the
	// node of its value.
	nodes map[string]*yaml.Node
	// failed holds the paths decoding refused, and above holds the paths
	// that enclose one; Validate's findings at, under or above a refused
	// path are dropped as echoes.
	failed, above map[string]bool
	// text holds the strings decoded so far.
	text textBlocks
}

// textBlocks lays out the strings a decoder keeps one after another, in
// the order of the file, in blocks of textBlock bytes, rather than
// wherever the heap puts strings of their size: a page is then drawn
// from memory read in order, which at ten thousand incidents, more than
// the processor's caches hold, renders a fifth faster (BENCHMARKS.md).
// A string kept alive keeps its block alive.
type textBlocks struct {
	b    []byte
	list []string // the lists of strings, such as a section's paragraphs, likewise
}

const (
	textBlock = 64 << 10
	listBlock = 1 << 10 // strings
)

// strings returns a new list of n strings, from the current block of
// lists unless n is more than an eighth of one; its capacity is n, so
// that appending to it copies it.
func (t *textBlocks) strings(n int) []string {
	if n == 0 {
		return []string{} // empty but not nil, as a list the file gives
	}
	if n > listBlock/8 {
		return make([]string, n)
	}
	if cap(t.list)-len(t.list) < n {
		t.list = make([]string, 0, listBlock)
	}
	m := len(t.list)
	t.list = t.list[:m+n]
	return t.list[m : m+n : m+n]
}

// keep returns a copy of s in the current block; a string of more than
// an eighth of a block stays where it is.
func (t *textBlocks) keep(s string) string {
	if len(s) == 0 || len(s) > textBlock/8 {
		return s
	}
	if cap(t.b)-len(t.b) < len(s) {
		t.b = make([]byte, 0, textBlock)
	}
	n := len(t.b)
	t.b = append(t.b, s...)
	return unsafe.String(&t.b[n], len(s))
}

func newDecoder(file string, data []byte) *decoder {
	return &decoder{file: file, data: data, nodes: map[string]*yaml.Node{}, failed: map[string]bool{}, above: map[string]bool{}}
}

func (d *decoder) fail(n *yaml.Node, path string, err error) {
	d.failAt(n.Line, n.Column, path, err)
}

// failAt is fail at a line and column of the file.
func (d *decoder) failAt(line, col int, path string, err error) {
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Col: col, Path: path, Err: err})
	d.failed[path] = true
	for p, ok := parent(path); ok && !d.above[p]; p, ok = parent(p) {
		d.above[p] = true
	}
}

// echoes reports whether a finding of Validate at path is an echo of a
// field decoding refused, at, under or above path: "missing text" after
// "want a string", or "duration: missing text" after
// "duration.text: missing required field".
func (d *decoder) echoes(path string) bool {
	if d.above[path] {
		return true
	}
	for p, ok := path, true; ok; p, ok = parent(p) {
		if d.failed[p] {
			return true
		}
	}
	return false
}

// parent returns the path of the value that holds the one at path:
// "incidents[2]" for "incidents[2].title", "incidents" for
// "incidents[2]", "" for "incidents". It reports false for "".
func parent(path string) (string, bool) {
	if path == "" {
		return "", false
	}
	i := max(strings.LastIndexAny(path, ".["), 0)
	return path[:i], true
}

func (d *decoder) failf(n *yaml.Node, path, format string, args ...any) {
	d.fail(n, path, fmt.Errorf(format, args...))
}

var (
	durationType    = reflect.TypeFor[incident.Duration]()
	periodType      = reflect.TypeFor[incident.Period]()
	dateType        = reflect.TypeFor[incident.Date]()
	lengthType      = reflect.TypeFor[time.Duration]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decode stores n into v, which is addressable.
func (d *decoder) decode(path string, n *yaml.Node, v reflect.Value) {
	d.nodes[path] = n
	t := v.Type()
	switch {
	case t == periodType && isInteger(n):
		// A bare year, "when: 2023", in any form of integer the core
		// schema (and so the JSON Schema) reads as that year.
		if i, _, err := scalarInteger(n); err != nil {
			d.failf(n, path, "year %s out of range", n.Value)
		} else {
			d.unmarshalText(path, n, v, strconv.FormatInt(i, 10))
		}
		return
	case t == periodType:
		if s, ok := d.string(path, n, "a date such as 2023-03-14 or a range 2023-03-14/2023-03-16"); ok {
			d.dateText(path, n, v, s, "want a date such as 2023-03-14, 2023-03 or 2023, a date and time such as 2023-03-14T13:42Z, "+
				"or a range such as 2023-03-14/2023-03-16, got %q")
		}
		return
	case t == dateType:
		if s, ok := d.string(path, n, "a date and time such as 2023-03-14T13:42Z"); ok {
			d.dateText(path, n, v, s, "want a date and time such as 2023-03-14T13:42Z (UTC) or 2023-03-14T14:42+01:00 (an offset from UTC), got %q")
		}
		return
	case t == durationType && n.Kind != yaml.MappingNode:
		// "duration: 4h"; the mapping form {text, length} is decoded as
		// a struct below.
		if s, ok := d.string(path, n, "a duration such as 4h, 2h 15m or about 6 hours, or a mapping with text and length"); ok {
			d.unmarshalText(path, n, v, s)
		}
		return
	case t == lengthType:
		if s, ok := d.string(path, n, "a length such as 60h"); ok {
			if dur, err := length.ParseExact(s); err != nil {
				d.fail(n, path, err)
			} else {
				v.SetInt(int64(dur))
			}
		}
		return
	case t != durationType && reflect.PointerTo(t).Implements(textUnmarshaler):
		if s, ok := d.string(path, n, "a string"); ok {
			d.unmarshalText(path, n, v, s)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		d.mapping(path, n, v)
	case reflect.Slice:
		d.sequence(path, n, v)
	case reflect.String:
		if n.Kind == yaml.ScalarNode && scalarKind(n) != kindString && scalarKind(n) != kindNull {
			// title: 2024, or tagline: yes: the text must be quoted.
			d.failf(n, path, "want a string, got %s; write %q in quotes if it is text", describe(n), n.Value)
		} else if hint := colonMapping(path, n); hint != "" {
			d.failf(n, path, "want a string, got a mapping%s", hint)
		} else if s, ok := d.string(path, n, "a string"); ok {
			if n.Style&yaml.LiteralStyle != 0 && strings.ContainsAny(s, "\r\n") {
				d.literalBreak(path, n)
				return
			}
			v.SetString(d.text.keep(s))
		}
	case reflect.Bool:
		if n.Kind == yaml.ScalarNode && scalarKind(n) == kindBool {
			v.SetBool(strings.EqualFold(n.Value, "true"))
		} else {
			d.failf(n, path, "want true or false, got %s", describe(n))
		}
	case reflect.Int:
		i, ok, err := scalarInteger(n)
		switch {
		case !ok:
			d.failf(n, path, "want an integer, got %s", describe(n))
		case err != nil || int64(int(i)) != i:
			d.failf(n, path, "integer %s out of range", n.Value)
		default:
			v.SetInt(i)
		}
	case reflect.Float64:
		if k := scalarKind(n); n.Kind != yaml.ScalarNode || k != kindInt && k != kindFloat {
			hint := ""
			if k == kindString && n.Kind == yaml.ScalarNode {
				if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && plainNumber.MatchString(n.Value) {
					hint = "; write the number without quotes"
				} else if numberWithUnit.MatchString(n.Value) {
					hint = `; put the unit in "unit", as in value: 20, unit: min`
				}
			}
			d.failf(n, path, "want a number, got %s%s", describe(n), hint)
			return
		}
		f, err := scalarFloat(n)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			d.failf(n, path, "want a finite number, got %s", n.Value)
			return
		}
		if f == 0 {
			f = 0 // "-0" is 0: no page shows "-0 %", and Go constants have no negative zero
		}
		v.SetFloat(f)
	default:
		// The model holds no other kinds; a new one needs a case here.
		d.failf(n, path, "cannot load a field of Go type %s", t)
	}
}

// literalBreak refuses a "|" block scalar that holds a line break: a
// paragraph someone wrapped, and meant to write as a ">" block, which
// folds the lines into one. The error stands where the first line break
// is: at the end of the block's first line, which follows the line of
// the "|"; or at the "|" when that line cannot be read.
func (d *decoder) literalBreak(path string, n *yaml.Node) {
	line, col := n.Line, n.Column
	if text := lineText(d.data, n.Line+1); text != "" {
		line, col = n.Line+1, utf8.RuneCountInString(text)+1
	}
	d.failAt(line, col, path, errors.New(`line break in a "|" block: one paragraph is one line; write ">" instead of "|" to fold the lines into one, or start a new list item for a new paragraph`))
}

// dateText reads a date or a period; malformed, the message format
// (of one %q, for s) names the forms it takes. Other errors are the
// model's own: a month or day out of range, a time without its zone, a
// range that ends before it starts.
func (d *decoder) dateText(path string, n *yaml.Node, v reflect.Value, s, malformed string) {
	err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
	switch {
	case errors.Is(err, incident.ErrMalformedDate):
		d.failf(n, path, malformed, s)
	case err != nil:
		d.fail(n, path, err)
	}
}

func (d *decoder) unmarshalText(path string, n *yaml.Node, v reflect.Value, s string) {
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		d.fail(n, path, err)
	}
}

func isInteger(n *yaml.Node) bool {
	_, ok, _ := scalarInteger(n)
	return ok
}

// string returns the text of a string scalar; what names the wanted value
// in the error when n is anything else.
func (d *decoder) string(path string, n *yaml.Node, what string) (string, bool) {
	if n.Kind == yaml.ScalarNode && scalarKind(n) == kindString {
		return scalarString(n), true
	}
	d.failf(n, path, "want %s, got %s", what, describe(n))
	return "", false
}

// colonMapping explains a mapping found where text belongs when it is
// what an unquoted ": " makes of one line of text, as in
// "- Root cause: the job never moved": it returns the advice to quote it
// all, or "" for any other node.
func colonMapping(path string, n *yaml.Node) string {
	if n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle != 0 || len(n.Content) != 2 {
		return ""
	}
	k, v := n.Content[0], n.Content[1]
	if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || k.Style != 0 || v.Style != 0 || k.Line != v.Line {
		return ""
	}
	text := k.Value + ": " + v.Value
	lead := "- " // an item of a list
	if i := strings.LastIndexAny(path, ".]"); i < 0 || path[i] == '.' {
		lead = path[i+1:] + ": " // a field
	}
	if !hintable(text, 60) {
		text = "Cause: a config change"
	}
	return fmt.Sprintf(`; text holding ": " needs quotes around all of it, as in %s"%s"`, lead, text)
}

// describe names what a node holds, for "want a string, got ..." errors.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch k := scalarKind(n); k {
		case kindString:
			return strconv.Quote(scalarString(n))
		case kindNull:
			return "null"
		default:
			return k.String() + " " + n.Value
		}
	}
	return "an alias"
}

var stringsType = reflect.TypeFor[[]string]()

func (d *decoder) sequence(path string, n *yaml.Node, v reflect.Value) {
	if n.Kind != yaml.SequenceNode {
		hint := ""
		switch {
		case n.Kind == yaml.MappingNode:
			hint = `; start each item with "- "`
		case strings.HasSuffix(path, ".tags") && n.Kind == yaml.ScalarNode && scalarKind(n) == kindString:
			tags := strings.Split(n.Value, ",")
			for i := range tags {
				tags[i] = strings.TrimSpace(tags[i])
			}
			list := strings.Join(tags, ", ")
			if !hintable(list, 60) || strings.ContainsAny(list, "[]{}'") {
				list = "postgres, failover"
			}
			hint = fmt.Sprintf(`; write tags as a list, as in tags: [%s]`, list)
		case v.Type().Elem().Kind() == reflect.String && n.Kind == yaml.ScalarNode && scalarKind(n) == kindString:
			hint = `; a list of paragraphs: put each on a line of its own, after "- "`
		}
		d.failf(n, path, "want a list, got %s%s", describe(n), hint)
		return
	}
	if v.Type() == stringsType {
		v.Set(reflect.ValueOf(d.text.strings(len(n.Content))))
	} else {
		v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
	}
	for i, c := range n.Content {
		d.decode(path+"["+strconv.Itoa(i)+"]", c, v.Index(i))
	}
}

func (d *decoder) mapping(path string, n *yaml.Node, v reflect.Value) {
	fs := fieldsOf(v.Type())
	if n.Kind != yaml.MappingNode {
		d.failf(n, path, "want a mapping with %s, got %s", fs.required(), describe(n))
		return
	}
	seen := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.failf(k, path, "want a field name, got %s", describe(k))
			continue
		}
		fp := keyPath(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			d.failf(k, fp, "given twice: first at %d:%d; keep one", first.Line, first.Column)
			continue
		}
		seen[k.Value] = k
		f, ok := fs.byName[k.Value]
		if !ok {
			if j := commaGroups(n, i); j > i {
				// {value: 1,400,000} is value: 1 and the keys 400 and 000.
				num := n.Content[i-1].Value
				for g := i; g < j; g += 2 {
					num += "," + n.Content[g].Value
				}
				fields := "the field "
				if j-i > 2 {
					fields = "the fields "
				}
				d.failf(n.Content[i-1], keyPath(path, n.Content[i-2].Value), "%s reads as %s and %s%s: write the number without commas, as in %s",
					num, n.Content[i-1].Value, fields, strings.Join(strings.Split(num, ",")[1:], ", "), strings.ReplaceAll(num, ",", ""))
				i = j - 2
				continue
			}
			d.failf(k, fp, "unknown field; %s", fs.suggest(k.Value))
			continue
		}
		if f.text >= 0 && val.Kind == yaml.ScalarNode && scalarKind(val) == kindString {
			d.figureText(fp, val, v.Field(f.text))
		} else {
			d.decode(fp, val, v.Field(f.index))
		}
		if f.has >= 0 {
			v.Field(f.has).SetBool(true)
		}
	}
	for _, f := range fs.list {
		if f.required && seen[f.name] == nil {
			d.failf(n, join(path, f.name), "missing required field")
		}
	}
}

// commaGroups returns the index past the keys of n from n.Content[i] on
// that are the rest of a number written with commas in a flow mapping:
// keys of three digits with no value, on the line of the integer value
// just before them. It returns i when there are none.
func commaGroups(n *yaml.Node, i int) int {
	if i < 2 || n.Style&yaml.FlowStyle == 0 {
		return i
	}
	prev := n.Content[i-1]
	if prev.Kind != yaml.ScalarNode || prev.Style != 0 || scalarKind(prev) != kindInt {
		return i
	}
	j := i
	for ; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		if k.Kind != yaml.ScalarNode || k.Style != 0 || len(k.Value) != 3 || strings.Trim(k.Value, "0123456789") != "" ||
			k.Line != prev.Line || v.Kind != yaml.ScalarNode || v.Value != "" {
			break
		}
	}
	return j
}

// keyPath returns the path of the value under key in the mapping at path.
// A key that is not a plain name, letters, digits, '-' and '_', is quoted,
// so that no path carries a control character, an escape sequence or a
// bidirectional override from the file to the terminal.
func keyPath(path, key string) string {
	plain := key != ""
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
	}
	if !plain {
		key = strconv.Quote(key)
	}
	return join(path, key)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// field is one key a struct takes in a content file.
type field struct {
	name     string
	index    int
	required bool // no omitempty or omitzero in the json tag
	has      int  // index of the bool field HasName that the key's presence sets, or -1
	text     int  // index of the string field NameText that takes the key's value when it is text, or -1
}

type fields struct {
	list   []field
	byName map[string]field
}

var fieldCache sync.Map // reflect.Type -> *fields

// fieldsOf lists the keys of a struct type from its json tags. A bool
// field HasX tagged json:"-" records whether the key of field X was given,
// as Figure.HasBefore does for "before"; a string field XText tagged
// json:"-" takes the key's value when it is text rather than a number,
// as Figure.ValueText does for "value".
func fieldsOf(t reflect.Type) *fields {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fields)
	}
	fs := &fields{byName: map[string]field{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, index: i, has: -1, text: -1}
		f.required = !slices.ContainsFunc(strings.Split(opts, ","), func(o string) bool { return o == "omitempty" || o == "omitzero" })
		if h, ok := t.FieldByName("Has" + sf.Name); ok && h.Type.Kind() == reflect.Bool && h.Tag.Get("json") == "-" {
			f.has = h.Index[0]
		}
		if x, ok := t.FieldByName(sf.Name + "Text"); ok && x.Type.Kind() == reflect.String && x.Tag.Get("json") == "-" {
			f.text = x.Index[0]
		}
		fs.list = append(fs.list, f)
		fs.byName[name] = f
	}
	got, _ := fieldCache.LoadOrStore(t, fs)
	return got.(*fields)
}

// required lists the keys a mapping must have, "title, tagline and
// incidents", or all its keys when none is required.
func (fs *fields) required() string {
	var names []string
	for _, f := range fs.list {
		if f.required {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		for _, f := range fs.list {
			names = append(names, f.name)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// figureText stores the text a figure gives for a number, as in value:
// staged over hours, into v. A text that starts with a number is refused:
// it is a number in quotes, or a number with its unit, which the page
// would show without either.
func (d *decoder) figureText(path string, n *yaml.Node, v reflect.Value) {
	s := scalarString(n)
	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && plainNumber.MatchString(s):
		d.failf(n, path, "want a number, got %s; write the number without quotes", describe(n))
	case numberWithUnit.MatchString(s):
		d.failf(n, path, `want a number, got %s; put the unit in "unit", as in value: 20, unit: min`, describe(n))
	case nonFinite.MatchString(s):
		d.failf(n, path, "want a finite number, got %s", s)
	case numberStart.MatchString(s):
		d.failf(n, path, `want a number, got %s; a text may not start with a number: write the number as the value and the words after it as the unit, as in value: 3, unit: of 5 regions`, describe(n))
	case s == "":
		d.failf(n, path, `want a number, or a text such as "staged over hours", got ""`)
	default:
		v.SetString(d.text.keep(s))
	}
}

// numberStart matches a text that starts with a number, and nonFinite
// the core schema's spellings of infinity and NaN, which a JSON copy of a
// content file holds as text: a figure's text may be neither, as the
// JSON Schema's pattern says (internal/schema).
var (
	numberStart = regexp.MustCompile(`^[-+]?\.?[0-9]`)
	nonFinite   = regexp.MustCompile(`^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$`)
)

// plainNumber matches the decimal numbers a figure takes when written
// without quotes.
var plainNumber = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)

// numberWithUnit matches a number followed by a unit, as in "20min" or
// "99.9 %".
var numberWithUnit = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)? ?[^0-9 ._][^0-9]*$`)

// suggest names the field a typo most likely meant, or lists the fields.
func (fs *fields) suggest(name string) string {
	best, bestDist := "", 3
	for _, f := range fs.list {
		if dist := editDistance(fold(name), fold(f.name)); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	names := make([]string, len(fs.list))
	for i, f := range fs.list {
		names[i] = f.name
	}
	return "want one of " + strings.Join(names, ", ")
}

// fold lower-cases s and drops '-' and '_', so that my_role, my-role and
// MyRole all meet myRole.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// editDistance is the Levenshtein distance between a and b, in bytes,
// giving up (returning a large number) for long keys.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return math.MaxInt
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
