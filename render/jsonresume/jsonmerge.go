package jsonresume

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/textpos"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// ErrConflict is what Merge's error wraps when the résumé already
// holds a different extension value and Replace was not given.
var ErrConflict = errors.New("holds a different value; pass jsonresume.Replace() to overwrite it")

// A MergeError is a problem with the résumé given to Merge, at a
// line and column of it (both counted from 1; the column counts
// characters). Its message starts with "line:col: ", so a caller that
// knows the file's name can write fmt.Errorf("%s:%w", name, err) to get
// "resume.json:3:14: …".
type MergeError struct {
	Line, Col int
	Err       error
}

func (e *MergeError) Error() string {
	return strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col) + ": " + e.Err.Error()
}

func (e *MergeError) Unwrap() error { return e.Err }

// Merge writes the JSON Resume document resume with the portfolio
// added to it, the way Write places it: under Key in meta
// (creating meta at the end of the document when there is none), or at the
// top level with TopLevel; with Projects, also as entries of the projects
// section.
//
// Everything else in resume is kept byte for byte, whitespace included:
// the extension value is spliced in, indented like the document around it.
// When resume already holds an equal extension value (equal as JSON: the
// order of object keys and whitespace do not count), it is left as it is,
// so merging twice changes nothing; a different value is an error wrapping
// ErrConflict unless Replace is given.
//
// With Projects, the projects entries this merge owns are replaced, in
// place, by the current ones: those marked "type": "incident" whose
// "incidentId" is the ID of one of p's incidents (selected or not, so an
// incident a filter leaves out loses its entry) or of one listed in the
// extension value already in the résumé, at the top level or in meta (an
// earlier merge's incidents, so an incident since removed from the
// portfolio loses its entry too). Such an entry is replaced even if the
// user edited it: re-merging rewrites what the merge wrote. Every other
// entry is kept byte for byte, including one with the marker and an ID
// the merge does not know.
//
// Bad input is a *MergeError saying where (a line ends at LF, CR LF or a
// lone CR): text that is not UTF-8, invalid JSON, a document that is not
// an object, a meta that is not an object or a projects that is not an
// array, and a key the merge would touch given twice. A UTF-8 byte order
// mark at the start is kept. Nothing is written to dst unless the merge
// succeeds, and then with a single Write.
func Merge(dst io.Writer, resume []byte, p incident.Portfolio, opts ...render.Option) error {
	own := page.OptTopLevel | page.OptProjects | page.OptReplace | page.OptLang
	doc, err := newDoc(nil, p, opts, "jsonresume: Merge", own)
	if err != nil {
		return err
	}
	defer doc.free()
	m := merger{d: resume, doc: doc}
	if err := m.plan(); err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(len(resume) + 4096)
	pos := 0
	for _, e := range m.edits {
		out.Write(resume[pos:e.from])
		out.Write(e.text)
		pos = e.to
	}
	out.Write(resume[pos:])
	_, err = dst.Write(out.Bytes())
	return err
}

// merger plans the splices that add the portfolio to a résumé.
type merger struct {
	d     []byte
	doc   *doc // the page the extension and projects entries are drawn from
	style jsonStyle
	edits []jsonEdit
}

// jsonEdit replaces d[from:to] with text.
type jsonEdit struct {
	from, to int
	text     []byte
}

// jsonStyle is how the document lays itself out: a line break and an indent
// per level, or everything on one line.
type jsonStyle struct {
	compact bool
	indent  string
	colon   string // what separates a key from its value, such as ": "
	eol     string // "\n", or "\r\n" in a document with CRLF line ends
}

// jsonSpan is a JSON value at d[start:end].
type jsonSpan struct{ start, end int }

// jsonMember is an object member: ws is the whitespace in front of its key.
type jsonMember struct {
	ws, key, val jsonSpan
}

// jsonObject is an object's members, or an array's elements, and the
// offsets of its brackets.
type jsonObject struct {
	open, close int
	members     []jsonMember
}

func (m *merger) plan() error {
	d := m.d
	start := 0
	if bytes.HasPrefix(d, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	if i := textpos.InvalidUTF8(d); i >= 0 {
		// encoding/json would read it as U+FFFD, and the output would mix
		// two encodings.
		return m.errAt(i, errors.New("invalid UTF-8: save the file as UTF-8"))
	}
	if err := json.Unmarshal(d[start:], new(json.RawMessage)); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at := start + int(se.Offset)
			if at > start && at <= len(d) && !(at == len(d) && se.Error() == "unexpected end of JSON input") {
				at-- // Offset counts the offending byte
			}
			return m.errAt(at, se)
		}
		return m.errAt(start, err)
	}
	i := jsonSkipSpace(d, start)
	if d[i] != '{' {
		return m.errAt(i, fmt.Errorf("not a JSON object but %s: a résumé is an object", jsonKind(d[i])))
	}
	top := jsonParse(d, i)
	m.style = jsonDetectStyle(d, &top)

	var insert []byte // new members at the end of the document
	add := func(member []byte) {
		// Each new member has a comma in front only when the object had members.
		if len(insert) > 0 && len(member) > 0 && member[0] != ',' {
			insert = append(insert, ',')
		}
		insert = append(insert, member...)
	}
	if m.doc.C.Projects {
		text, err := m.projects(&top)
		if err != nil {
			return err
		}
		add(text)
	}
	if m.doc.C.TopLevel {
		text, err := m.extensionIn(&top, "")
		if err != nil {
			return err
		}
		add(text)
	} else {
		meta, err := m.find(&top, "meta", "")
		if err != nil {
			return err
		}
		if meta == nil {
			add(m.newMember(&top, "meta", func(j *jsonWriter) { j.meta(m.doc) }))
		} else {
			if d[meta.val.start] != '{' {
				return m.errAt(meta.val.start, fmt.Errorf("meta: not an object but %s", jsonKind(d[meta.val.start])))
			}
			obj := jsonParse(d, meta.val.start)
			text, err := m.extensionIn(&obj, "meta.")
			if err != nil {
				return err
			}
			m.appendMember(&obj, text)
		}
	}
	m.appendMember(&top, insert)
	slices.SortStableFunc(m.edits, func(a, b jsonEdit) int { return a.from - b.from })
	return nil
}

// extensionIn sets Key in obj: it plans the replacement of a
// different value (with Replace) and returns the text of a new member to
// add when there is none. path names obj in messages.
func (m *merger) extensionIn(obj *jsonObject, path string) ([]byte, error) {
	old, err := m.find(obj, Key, path)
	if err != nil {
		return nil, err
	}
	if old == nil {
		return m.newMember(obj, Key, func(j *jsonWriter) { j.page(m.doc) }), nil
	}
	text := m.appendValue(nil, jsonLinePrefix(m.d, old.val.start), func(j *jsonWriter) { j.page(m.doc) })
	if equalJSON(m.d[old.val.start:old.val.end], text) {
		return nil, nil
	}
	if !m.doc.C.Replace {
		return nil, m.errAt(old.val.start, fmt.Errorf("%s%s: %w", path, Key, ErrConflict))
	}
	m.edits = append(m.edits, jsonEdit{old.val.start, old.val.end, text})
	return nil, nil
}

// projects plans the projects entries: it replaces those the merge owns
// (see isOurs and ourIDs) and returns the text of a new projects member
// when there is none.
func (m *merger) projects(top *jsonObject) ([]byte, error) {
	d := m.d
	old, err := m.find(top, "projects", "")
	if err != nil {
		return nil, err
	}
	if old == nil {
		return m.newMember(top, "projects", func(j *jsonWriter) { j.projects(&m.doc.Page) }), nil
	}
	open := old.val.start
	if d[open] != '[' {
		return nil, m.errAt(open, fmt.Errorf("projects: not an array but %s", jsonKind(d[open])))
	}
	arr := jsonParse(d, open)
	elems, closing := arr.members, arr.close
	ids := m.ourIDs(top)

	ws, at := m.nextSpace(elems, open)
	prefix := m.prefixAfter(ws, at)
	var fresh [][]byte
	for i := range m.doc.Sel.Len() {
		write := func(j *jsonWriter) { j.project(&m.doc.Page, m.doc.Sel.At(i)) }
		fresh = append(fresh, m.appendValue(nil, prefix, write))
	}

	ours := -1 // where the first entry of an earlier merge is
	var oldOurs [][]byte
	for k, e := range elems {
		if m.isOurs(e.val, ids) {
			if ours < 0 {
				ours = k
			}
			oldOurs = append(oldOurs, d[e.val.start:e.val.end])
		}
	}
	if slices.EqualFunc(oldOurs, fresh, equalJSON) {
		return nil, nil
	}
	if ours < 0 {
		ours = len(elems)
	}
	var b bytes.Buffer
	n := 0
	add := func(ws, text []byte) {
		if n > 0 {
			b.WriteByte(',')
		}
		b.Write(ws)
		b.Write(text)
		n++
	}
	for k := 0; k <= len(elems); k++ {
		if k == ours {
			for _, text := range fresh {
				add([]byte(ws), text)
			}
		}
		if k < len(elems) && !m.isOurs(elems[k].val, ids) {
			add(d[elems[k].ws.start:elems[k].ws.end], d[elems[k].val.start:elems[k].val.end])
		}
	}
	switch {
	case n > 0 && len(elems) > 0:
		// What closed the array: the space after its last entry.
		b.Write(d[elems[len(elems)-1].val.end:closing])
	case n > 0:
		// An array that was empty keeps the space it held.
		b.Write(d[open+1 : closing])
		b.WriteString(m.closeEmpty(open, closing))
	}
	m.edits = append(m.edits, jsonEdit{open + 1, closing, b.Bytes()})
	return nil, nil
}

// isOurs reports whether a projects entry is one the merge owns: an
// object with a "type" holding the word "incident" and an "incidentId"
// in ids, each given
// once (with either given twice, which counts is up to each reader, so the
// entry is left alone).
func (m *merger) isOurs(v jsonSpan, ids map[string]bool) bool {
	d := m.d
	types, idCount := 0, 0
	typ, known := false, false
	for _, mem := range m.members(v) {
		key, val := d[mem.key.start:mem.key.end], d[mem.val.start:mem.val.end]
		switch {
		case jsonKeyIs(key, "type"):
			types++
			s, ok := jsonString(val)
			typ = ok && projectType(s)
		case jsonKeyIs(key, "incidentId"):
			idCount++
			id, ok := jsonString(val)
			known = ok && ids[id]
		}
	}
	return types == 1 && idCount == 1 && typ && known
}

// projectType reports whether s is the type of a projects entry
// Write writes: one holding the word ProjectType.
func projectType(s string) bool { return slices.Contains(strings.Fields(s), ProjectType) }

// ourIDs returns the incident IDs whose projects entries the merge owns:
// those of the portfolio and those the résumé's extension values list,
// at the top level and in meta, wherever this merge puts its own.
func (m *merger) ourIDs(top *jsonObject) map[string]bool {
	ids := make(map[string]bool, len(m.doc.Sel.P.Incidents))
	for i := range m.doc.Sel.P.Incidents {
		ids[string(m.doc.Sel.P.Incidents[i].ID)] = true
	}
	for _, mem := range top.members {
		key := m.d[mem.key.start:mem.key.end]
		switch {
		case jsonKeyIs(key, Key):
			m.extensionIDs(mem.val, ids)
		case jsonKeyIs(key, "meta"):
			for _, in := range m.members(mem.val) {
				if jsonKeyIs(m.d[in.key.start:in.key.end], Key) {
					m.extensionIDs(in.val, ids)
				}
			}
		}
	}
	return ids
}

// extensionIDs adds to ids the "id" of each of the extension value's
// "incidents" that has a string one. A value of another shape adds nothing.
func (m *merger) extensionIDs(ext jsonSpan, ids map[string]bool) {
	d := m.d
	for _, mem := range m.members(ext) {
		if !jsonKeyIs(d[mem.key.start:mem.key.end], "incidents") || d[mem.val.start] != '[' {
			continue
		}
		for _, e := range jsonParse(d, mem.val.start).members {
			for _, f := range m.members(e.val) {
				if jsonKeyIs(d[f.key.start:f.key.end], "id") {
					if id, ok := jsonString(d[f.val.start:f.val.end]); ok {
						ids[id] = true
					}
				}
			}
		}
	}
}

// members returns the members of v when it is an object, or nil.
func (m *merger) members(v jsonSpan) []jsonMember {
	if m.d[v.start] != '{' {
		return nil
	}
	return jsonParse(m.d, v.start).members
}

// find returns obj's member named key, or nil. A key given twice is an
// error: which of the two counts is up to each reader of the file.
func (m *merger) find(obj *jsonObject, key, path string) (*jsonMember, error) {
	var found *jsonMember
	for i := range obj.members {
		mem := &obj.members[i]
		if jsonKeyIs(m.d[mem.key.start:mem.key.end], key) {
			if found != nil {
				return nil, m.errAt(mem.key.start, fmt.Errorf("%s%s: duplicate key", path, key))
			}
			found = mem
		}
	}
	return found, nil
}

// newMember returns `"key": value` written like the members of obj, with a
// comma in front when obj has members already.
func (m *merger) newMember(obj *jsonObject, key string, value func(*jsonWriter)) []byte {
	ws, at := m.nextSpace(obj.members, obj.open)
	var b []byte
	if len(obj.members) > 0 {
		b = append(b, ',')
	}
	b = append(b, ws...)
	b = strconv.AppendQuote(b, key)
	b = append(b, m.style.colon...)
	return m.appendValue(b, m.prefixAfter(ws, at), value)
}

// nextSpace returns the whitespace to put in front of a new member or
// element after items, and where it goes: the space in front of the last
// item (after its comma, for an object on one line), or for no items one
// level deeper than the line at open. A pretty document gets at least one
// space.
func (m *merger) nextSpace(items []jsonMember, open int) (ws string, at int) {
	if n := len(items); n > 0 {
		last := items[n-1]
		ws = string(m.d[last.ws.start:last.ws.end])
		if ws == "" && !m.style.compact {
			ws = " "
		}
		return ws, last.val.end
	}
	if m.style.compact {
		return "", open
	}
	return m.style.eol + jsonLinePrefix(m.d, open) + m.style.indent, open
}

// prefixAfter returns what starts the inner lines of a value that goes
// after ws at offset at: the indentation ws ends with, or when ws holds no
// line break, that of the line at is on.
func (m *merger) prefixAfter(ws string, at int) string {
	if nl := jsonLastLineStart(ws); nl > 0 {
		return ws[nl:]
	}
	return jsonLinePrefix(m.d, at)
}

// appendMember plans adding text (new members, each with its leading
// comma and whitespace) at the end of obj.
func (m *merger) appendMember(obj *jsonObject, text []byte) {
	if len(text) == 0 {
		return
	}
	if len(obj.members) > 0 {
		at := obj.members[len(obj.members)-1].val.end
		m.edits = append(m.edits, jsonEdit{at, at, text})
		return
	}
	m.edits = append(m.edits, jsonEdit{obj.open + 1, obj.open + 1, text})
	m.edits = append(m.edits, jsonEdit{obj.close, obj.close, []byte(m.closeEmpty(obj.open, obj.close))})
}

// closeEmpty returns what to add in front of the closing bracket at close
// of a container that was empty, once it holds members: nothing when the
// space it held breaks the line, which then closes it, or else a line
// break back to the line it opens on at open (in a document that is not
// compact). The new members go at the start, and the space stays as it
// was.
func (m *merger) closeEmpty(open, close int) string {
	if m.style.compact || jsonLastLineStart(string(m.d[open+1:close])) > 0 {
		return ""
	}
	return m.style.eol + jsonLinePrefix(m.d, open)
}

// appendValue appends to b a value written in the document's style, its
// inner lines starting with prefix.
func (m *merger) appendValue(b []byte, prefix string, write func(*jsonWriter)) []byte {
	buf := bytes.NewBuffer(b)
	j := jsonWriter{Spare: page.NewSpare(buf)}
	j.layout(m.style.eol, prefix, m.style.indent, m.style.compact)
	write(&j)
	j.Finish() // a bytes.Buffer does not fail
	return buf.Bytes()
}

func (m *merger) errAt(offset int, err error) error {
	line, col := textpos.LineCol(m.d, offset)
	return &MergeError{Line: line, Col: col, Err: err}
}

// jsonDetectStyle reads the layout off the document's first member: a line
// break before it means one member per line, indented by what follows the
// break; no break means a compact document. An empty document gets two
// spaces.
func jsonDetectStyle(d []byte, top *jsonObject) jsonStyle {
	s := jsonStyle{indent: "  ", colon: ": ", eol: "\n"}
	if len(top.members) == 0 {
		return s
	}
	first := top.members[0]
	ws := string(d[first.ws.start:first.ws.end])
	switch {
	case strings.Contains(ws, "\r\n"):
		s.eol = "\r\n"
	case strings.Contains(ws, "\r"):
		s.eol = "\r" // as classic Mac OS ended lines
	}
	// What separates the key from its value, on one line: a line break
	// after the colon counts as a space.
	if s.colon = string(d[first.key.end:first.val.start]); strings.ContainsAny(s.colon, "\r\n") {
		s.colon = ": "
	}
	nl := jsonLastLineStart(ws)
	if nl == 0 {
		s.compact = true
		s.indent = ""
		return s
	}
	outer := jsonLinePrefix(d, top.open)
	s.indent = ws[nl:]
	if len(s.indent) > len(outer) && s.indent[:len(outer)] == outer {
		s.indent = s.indent[len(outer):]
	}
	return s
}

// jsonLastLineStart returns the index after the last line break (LF, or a
// CR) in s, or 0.
func jsonLastLineStart(s string) int {
	return strings.LastIndexAny(s, "\r\n") + 1
}

// jsonLinePrefix returns the spaces and tabs that start the line holding d[i].
func jsonLinePrefix(d []byte, i int) string {
	start := bytes.LastIndexAny(d[:i], "\r\n") + 1
	end := start
	for end < i && (d[end] == ' ' || d[end] == '\t') {
		end++
	}
	return string(d[start:end])
}

func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '{':
		return "an object"
	}
	return "a number"
}

// The functions below read JSON that encoding/json has already found valid.

func jsonSkipSpace(d []byte, i int) int {
	for i < len(d) && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r') {
		i++
	}
	return i
}

// jsonValueEnd returns the offset just past the value starting at d[i].
func jsonValueEnd(d []byte, i int) int {
	switch d[i] {
	case '"':
		return jsonStringEnd(d, i)
	case '{', '[':
		depth := 0
		for k := i; ; k++ {
			switch d[k] {
			case '"':
				k = jsonStringEnd(d, k) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return k + 1
				}
			}
		}
	}
	k := i
	for k < len(d) && d[k] != ',' && d[k] != '}' && d[k] != ']' &&
		d[k] != ' ' && d[k] != '\t' && d[k] != '\r' && d[k] != '\n' {
		k++
	}
	return k
}

func jsonStringEnd(d []byte, i int) int {
	for k := i + 1; ; k++ {
		switch d[k] {
		case '\\':
			k++
		case '"':
			return k + 1
		}
	}
}

// jsonParse reads the members of the object, or the elements of the array
// (which have no key), whose '{' or '[' is at d[open].
func jsonParse(d []byte, open int) jsonObject {
	obj := jsonObject{open: open}
	i := open + 1
	for {
		ws := i
		i = jsonSkipSpace(d, i)
		if d[i] == '}' || d[i] == ']' {
			obj.close = i
			return obj
		}
		if d[i] == ',' {
			ws = i + 1
			i = jsonSkipSpace(d, i+1)
		}
		mem := jsonMember{ws: jsonSpan{ws, i}}
		if d[open] == '{' {
			mem.key = jsonSpan{i, jsonStringEnd(d, i)}
			i = jsonSkipSpace(d, jsonSkipSpace(d, mem.key.end)+1) // past ':'
		}
		mem.val = jsonSpan{i, jsonValueEnd(d, i)}
		obj.members = append(obj.members, mem)
		i = mem.val.end
	}
}

// jsonKeyIs reports whether the JSON string literal raw means s. It decodes
// only literals holding escapes.
func jsonKeyIs(raw []byte, s string) bool {
	if raw[0] != '"' {
		return false
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1:len(raw)-1]) == s
	}
	var v string
	return json.Unmarshal(raw, &v) == nil && v == s
}

// jsonString returns the value of the JSON string literal raw, or false
// when raw is not a string. Like encoding/json, it reads invalid UTF-8 as
// U+FFFD.
func jsonString(raw []byte) (string, bool) {
	if raw[0] != '"' {
		return "", false
	}
	if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var v string
	return v, json.Unmarshal(raw, &v) == nil
}

// equalJSON reports whether two JSON texts mean the same value: numbers
// compare as written, object keys in any order.
func equalJSON(a, b []byte) bool {
	va, erra := jsonDecodeNumbers(a)
	vb, errb := jsonDecodeNumbers(b)
	return erra == nil && errb == nil && reflect.DeepEqual(va, vb)
}

func jsonDecodeNumbers(text []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
