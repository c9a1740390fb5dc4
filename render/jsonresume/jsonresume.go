// Package jsonresume writes an incident.Portfolio as a JSON Resume
// extension, and adds it to a résumé.
//
// JSON Resume (https://jsonresume.org) is a JSON document of a person's
// career with twelve standard sections and a free-form meta object. The
// portfolio goes into it as one JSON value, an Extension, under the key
// Key: in meta by default, where every generation of the JSON Resume
// schema accepts it, or at the top level with TopLevel.
//
//	err := jsonresume.Write(w, p, render.Roles(incident.LedResolution), jsonresume.Projects())
//
// Write writes a new résumé holding the portfolio, WriteExtension the
// extension value alone, and Merge adds it to an existing résumé, keeping
// everything else byte for byte. The extension's types, from Extension
// down, decode what they write with encoding/json. The functions take
// render's options, which select and order the incidents and leave parts
// out as on every page, and this package's own: TopLevel, Projects and
// Replace. An option of another format (render.Width, say) is an error,
// returned before anything is written.
//
// The extension is drawn by the same walk of the page as render's HTML,
// Markdown and text, so it holds what the pages show, in their order.
package jsonresume

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/scan"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// Key is the key the portfolio lives under in a résumé: in its
// meta object ("meta": {"incidentLeadership": …}) by default, or at the
// top level with TopLevel.
const Key = "incidentLeadership"

// Version is the version of the extension's format, written in
// its "version" field. It changes only when a field changes meaning or
// goes away; new optional fields keep it.
const Version = "1"

// SchemaURL is the JSON Resume schema named in the "$schema" field of
// the documents Write writes.
const SchemaURL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

// ProjectType is the word that names an incident in the "type" of the
// entries Projects adds to a résumé's projects section, which themes print
// as it is: "P1 Critical incident · 4 hours". An entry whose type holds
// the word (or is the word alone, as earlier versions wrote it) and whose
// "incidentId" is an incident of the portfolio, or of the extension
// already in the résumé, is one Merge wrote, and a later merge
// replaces it; any other entry is the user's and is kept as it is.
const ProjectType = "incident"

// TopLevel puts the extension at the top level of the résumé, under
// Key, instead of in its meta object. The JSON Resume schema 1.2
// and later (the @jsonresume/schema package) accept it; resume-schema 1.0
// refuses any unknown top-level key.
func TopLevel() render.Option {
	return page.Only(page.OptTopLevel, func(c *page.Config) { c.TopLevel = true })
}

// Projects also lists the incidents in the résumé's standard projects
// section, which themes show: one entry per incident with its title,
// a description ("Led Resolution · P1 Critical · 4 hours"), the four
// sections as highlights, its dates, tags as keywords, its first web link,
// its organisation as entity, "type": "incident" and the incident's ID as
// "incidentId".
func Projects() render.Option {
	return page.Only(page.OptProjects, func(c *page.Config) { c.Projects = true })
}

// Replace lets Merge overwrite an extension value that differs from
// the one it would write. Without it, Merge refuses to.
func Replace() render.Option {
	return page.Only(page.OptReplace, func(c *page.Config) { c.Replace = true })
}

// Extension is the portfolio as a JSON Resume extension: the value
// Write writes under Key and WriteExtension writes alone.
// Decoding one with encoding/json gives it back.
type Extension struct {
	// Version is the version of this format, "1", the constant Version.
	Version string `json:"version"`
	// Title is the page heading, for example "Incident Leadership".
	Title string `json:"title"`
	// Tagline is the one-line summary under the title.
	Tagline string `json:"tagline"`
	// Back is the link back to the person's home page.
	Back *Link `json:"back,omitempty"`
	// Intro holds the introduction, one string per paragraph.
	Intro []string `json:"intro,omitempty"`
	// Legend holds the roles and severities the listed incidents use.
	Legend *Legend `json:"legend,omitempty"`
	// Incidents are the incidents, in the order the page shows them.
	Incidents []Incident `json:"incidents"`
	// Lessons is the closing block of lessons learned.
	Lessons *Lessons `json:"lessons,omitempty"`
}

// Link is a plain hyperlink.
type Link struct {
	// Text is what the link shows, for example "Back to Home".
	Text string `json:"text"`
	// Href is where it goes: an http, https or mailto URL, or a relative one.
	Href string `json:"href"`
}

// Legend explains the role and severity badges.
type Legend struct {
	// Label is the word in front of the legend, for example "Legend".
	Label string `json:"label,omitempty"`
	// Roles are the roles the listed incidents use, built-in roles first.
	Roles []Role `json:"roles"`
	// Severities are the severities the listed incidents use, most severe first.
	Severities []Severity `json:"severities"`
}

// Role is a role with its label.
type Role struct {
	// Key is the role's stable key, such as "led-resolution".
	Key incident.Role `json:"key"`
	// Label is what pages show, such as "Led Resolution".
	Label string `json:"label"`
}

// Severity is a severity with its place on the portfolio's scale.
type Severity struct {
	// Code is the severity as written on incidents, such as "P1" or "SEV-1".
	Code incident.Severity `json:"code"`
	// Label is the word pages show beside the code, such as "Critical".
	Label string `json:"label"`
	// Level orders the scale: a lower level is more severe.
	Level int `json:"level"`
}

// Incident is one production incident.
type Incident struct {
	// ID is the incident's stable slug, unique in the portfolio.
	ID incident.ID `json:"id"`
	// Title is the incident's headline.
	Title string `json:"title"`
	// Role is the person's part in it.
	Role Role `json:"role"`
	// Severity is the incident's severity.
	Severity Severity `json:"severity"`
	// Duration is how long the incident lasted.
	Duration Duration `json:"duration"`
	// Summary tells the incident in a few sentences, one string per paragraph; absent when not given.
	Summary []string `json:"summary,omitempty"`
	// Situation tells what happened, one string per paragraph.
	Situation []string `json:"situation"`
	// Trigger tells what set the incident off, one string per paragraph; absent when not given.
	Trigger []string `json:"trigger,omitempty"`
	// RootCause tells why the trigger could cause the incident, one string per paragraph; absent when not given.
	RootCause []string `json:"rootCause,omitempty"`
	// Detection tells how the incident was noticed, one string per paragraph; absent when not given.
	Detection []string `json:"detection,omitempty"`
	// MyRole tells what the person did, one string per paragraph.
	MyRole []string `json:"myRole"`
	// Resolution tells how service was restored, one string per paragraph.
	Resolution []string `json:"resolution"`
	// PermanentFix tells what was changed so it cannot happen again, one string per paragraph.
	PermanentFix []string `json:"permanentFix"`
	// WentWell tells what went well in the response, one string per paragraph; absent when not given.
	WentWell []string `json:"wentWell,omitempty"`
	// WentWrong tells what went wrong in the response, one string per paragraph; absent when not given.
	WentWrong []string `json:"wentWrong,omitempty"`
	// GotLucky tells where the responders got lucky, one string per paragraph; absent when not given.
	GotLucky []string `json:"gotLucky,omitempty"`
	// When is when it happened.
	When *Period `json:"when,omitempty"`
	// TimeToDetect is the time from the incident's start to its detection, which its timeline gives
	// (incident.Incident.TimeToDetect), as an ISO 8601 duration such as "PT4M"; absent when the timeline does
	// not give it.
	TimeToDetect string `json:"timeToDetect,omitempty"`
	// TimeToMitigate is the time from the incident's start to its mitigation, as TimeToDetect.
	TimeToMitigate string `json:"timeToMitigate,omitempty"`
	// TimeToResolve is the time from the incident's start to its resolution, as TimeToDetect.
	TimeToResolve string `json:"timeToResolve,omitempty"`
	// Org is the organisation it happened at, possibly anonymised.
	Org string `json:"org,omitempty"`
	// Command is the person's incident-command role.
	Command *Command `json:"command,omitempty"`
	// Tags are technologies and topics, such as "kubernetes".
	Tags []string `json:"tags,omitempty"`
	// Impact are figures of the harm done.
	Impact []Figure `json:"impact,omitempty"`
	// Results are figures of what the fix achieved.
	Results []Figure `json:"results,omitempty"`
	// Actions are the follow-up action items.
	Actions []Action `json:"actions,omitempty"`
	// Links are public write-ups: postmortems, status pages, talks, articles.
	Links []WriteUp `json:"links,omitempty"`
	// Timeline is what happened when, earliest first.
	Timeline []Event `json:"timeline,omitempty"`
}

// Event is one entry of an incident's timeline.
type Event struct {
	// At is when it happened: an ISO 8601 date-time with its zone, such as "2023-03-14T13:42:00Z" or
	// "2023-03-14T14:42:00+01:00".
	At string `json:"at"`
	// Text says what happened.
	Text string `json:"text"`
	// Kind is the step in the incident's course: started, detected, escalated, mitigated or resolved; absent
	// for a note.
	Kind incident.EventKind `json:"kind,omitempty"`
	// State is the service's state from then on: down, degraded or recovered; absent when not given.
	State incident.State `json:"state,omitempty"`
}

// Duration is how long an incident lasted.
type Duration struct {
	// Text is what pages show, such as "4 hours" or "Weekend (Fri-Sun)".
	Text string `json:"text"`
	// Length is the length as an ISO 8601 duration in hours, minutes and seconds, such as "PT4H" or
	// "PT1H30M"; absent when unknown.
	Length string `json:"length,omitempty"`
	// Approximate is true when the length is approximate, as in "about 6 hours"; absent otherwise.
	Approximate bool `json:"approximate,omitempty"`
}

// Period is when an incident happened, as ISO 8601 calendar dates
// given to the year, month or day: "2023", "2023-03" or "2023-03-14"; or,
// both ends alike, as date-times with their zones, such as
// "2023-03-14T13:42:00Z".
type Period struct {
	// Start is the first day (or month, or year), or the date-time, the incident started.
	Start string `json:"start"`
	// End is the last day, or the date-time, of a range; absent when the incident is one date or starts at
	// one date-time.
	End string `json:"end,omitempty"`
}

// Command is an incident-command role with its label.
type Command struct {
	// Key is the role's key, such as "incident-commander".
	Key incident.CommandRole `json:"key"`
	// Label is what pages show, such as "Incident Commander".
	Label string `json:"label"`
}

// Figure is a quantified fact, such as "MTTR 4 h → 1.2 h".
type Figure struct {
	// Label names what was measured, such as "MTTR".
	Label string `json:"label"`
	// Value is the figure (after the change); 0 when ValueText holds it.
	Value float64 `json:"value"`
	// ValueText is the figure when it is text, such as "staged over hours".
	ValueText string `json:"valueText,omitempty"`
	// Before is the figure before the change; 0 when BeforeText holds it.
	Before *float64 `json:"before,omitempty"`
	// BeforeText is the figure before the change when it is text.
	BeforeText string `json:"beforeText,omitempty"`
	// Unit is the unit shown after the value, such as "h" or "%".
	Unit string `json:"unit,omitempty"`
	// Note is a short qualifier, such as "lower".
	Note string `json:"note,omitempty"`
}

// Action is a follow-up action item.
type Action struct {
	// Text says what is to be done.
	Text string `json:"text"`
	// Kind is mitigate, prevent or process.
	Kind incident.ActionKind `json:"kind"`
	// Done reports whether the item is finished.
	Done bool `json:"done"`
}

// WriteUp is a link to a public write-up of an incident.
type WriteUp struct {
	// Title is what the link shows.
	Title string `json:"title"`
	// URL is the write-up's address.
	URL string `json:"url"`
	// Kind is postmortem, status-page, talk or article.
	Kind incident.LinkKind `json:"kind"`
}

// Lessons is the closing block of lessons learned.
type Lessons struct {
	// File is the file name shown above the listing, for example "lessons-learned.sh".
	File string `json:"file,omitempty"`
	// Heading is the comment line at the top of the listing, without its "#".
	Heading string `json:"heading,omitempty"`
	// Items are the lessons, in order.
	Items []string `json:"items"`
}

// Write writes a minimal JSON Resume document holding the portfolio:
//
//	{
//	  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
//	  "meta": {
//	    "incidentLeadership": { "version": "1", "title": …, "incidents": […], … }
//	  }
//	}
//
// The extension value is an Extension, written byte for byte as
// encoding/json would write it with two-space indentation (so <, > and &
// are escaped as \u003c, \u003e and \u0026). TopLevel moves it out of meta
// to the top level; Projects adds a projects section. The document is
// valid under both the resume-schema 1.0 and the @jsonresume/schema 1.3
// JSON Schemas (the top-level placement only under the latter). To add the
// portfolio to an existing résumé, use Merge.
//
// A figure that is not a finite number is an error, reported before
// anything is written.
func Write(w io.Writer, p incident.Portfolio, opts ...render.Option) error {
	d, err := newDoc(w, p, opts, "jsonresume: Write", page.OptTopLevel|page.OptProjects|page.OptLang)
	if err != nil {
		return err
	}
	j := &d.json
	j.open('{')
	j.member("$schema", SchemaURL)
	if d.C.Projects {
		j.key("projects")
		j.projects(&d.Page)
	}
	if d.C.TopLevel {
		j.key(Key)
		j.page(d)
	} else {
		j.key("meta")
		j.meta(d)
	}
	j.close('}')
	j.Byte('\n')
	err = j.Finish()
	d.free()
	return err
}

// WriteExtension writes the extension value alone, followed by a newline:
// the value of Key in what Write writes, which
// decodes into an Extension. It refuses the options of the document
// (TopLevel, Projects, Replace).
func WriteExtension(w io.Writer, p incident.Portfolio, opts ...render.Option) error {
	d, err := newDoc(w, p, opts, "jsonresume: WriteExtension", page.OptLang)
	if err != nil {
		return err
	}
	d.json.page(d)
	d.json.Byte('\n')
	err = d.json.Finish()
	d.free()
	return err
}

// doc is one render of the extension, with its writers. Docs are pooled,
// so that a render allocates nothing.
type doc struct {
	page.Page
	json jsonWriter
	jp   jsonPage
}

var docs = sync.Pool{New: func() any { return new(doc) }}

// newDoc returns a doc of p with opts, from the pool, with a JSON writer
// to w (none when w is nil), or fails on an option of another function
// than fn, which has only the options own, or on a figure JSON cannot
// hold, so that nothing is written.
func newDoc(w io.Writer, p incident.Portfolio, opts []render.Option, fn string, own page.Opt) (*doc, error) {
	d := docs.Get().(*doc)
	err := d.Init(p, opts, fn, own)
	if err == nil {
		err = checkNumbers(&d.C, &d.Sel)
	}
	if err != nil {
		d.free()
		return nil, err
	}
	if w != nil {
		d.json = newJSONWriter(w)
	}
	return d, nil
}

// free returns the doc to the pool, keeping nothing of the render.
func (d *doc) free() {
	d.Reset()
	d.json, d.jp = jsonWriter{}, jsonPage{}
	docs.Put(d)
}

// checkNumbers reports a figure JSON cannot hold, so the writers fail
// before writing anything.
func checkNumbers(c *page.Config, sel *page.Selection) error {
	if c.NoDetails {
		return nil
	}
	for i := range sel.Len() {
		in := sel.At(i)
		for k, figs := range [2][]incident.Figure{in.Impact, in.Results} {
			for n, f := range figs {
				if notFinite(f.Value) || f.HasBefore && notFinite(f.Before) {
					field := [2]page.Name{page.ImpactName, page.ResultsName}[k].Key
					return errors.New("jsonresume: incident " + strconv.Quote(string(in.ID)) + ": " + field +
						"[" + strconv.Itoa(n) + "]: not a finite number, which JSON cannot hold")
				}
			}
		}
	}
	return nil
}

func notFinite(f float64) bool { return math.IsInf(f, 0) || math.IsNaN(f) }

// jsonWriter writes indented JSON the way encoding/json's Indent lays it
// out: every member and element on a line of its own, prefix then indent
// repeated depth times in front of it; empty objects and arrays as {} and
// []. With compact set it writes no whitespace at all, as json.Marshal.
//
// It writes through a spare, so writing is an append.
type jsonWriter struct {
	page.Spare
	prefix  string // written after every line break
	indent  string // one level of indentation
	compact bool
	eol     string // "\n" or "\r\n"
	lines   string // eol, prefix and indent repeated: the start of lines, up to some depth
	depth   int
	first   bool // nothing written yet in the innermost object or array
}

// newJSONWriter returns a writer of JSON indented by two spaces.
func newJSONWriter(w io.Writer) jsonWriter {
	return jsonWriter{Spare: page.NewSpare(w), indent: "  ", eol: "\n", lines: lineStarts}
}

// layout sets the line breaks and indentation, as Merge finds them in a
// résumé.
func (j *jsonWriter) layout(eol, prefix, indent string, compact bool) {
	j.eol, j.prefix, j.indent, j.compact = eol, prefix, indent, compact
	j.lines = eol + prefix + strings.Repeat(indent, 16)
}

func (j *jsonWriter) newline() {
	if j.compact {
		return
	}
	if n := len(j.eol) + len(j.prefix) + j.depth*len(j.indent); n <= len(j.lines) {
		j.Str(j.lines[:n])
		return
	}
	j.Str(j.eol)
	j.Str(j.prefix)
	for range j.depth {
		j.Str(j.indent)
	}
}

// lineStarts starts the lines of JSON indented by two spaces, up to 40
// levels deep: a line break and 80 spaces.
const lineStarts = "\n                                                                                "

func (j *jsonWriter) open(c byte) {
	j.Byte(c)
	j.depth++
	j.first = true
}

func (j *jsonWriter) close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.Byte(c)
	j.first = false
}

// next starts a member or an element.
func (j *jsonWriter) next() {
	if !j.first {
		j.Byte(',')
	}
	j.first = false
	j.newline()
}

// key starts a member. Keys are the package's own and need no escaping.
func (j *jsonWriter) key(k string) {
	j.next()
	j.Byte('"')
	j.Str(k)
	if j.compact {
		j.Str(`":`)
	} else {
		j.Str(`": `)
	}
}

func (j *jsonWriter) member(k, v string) {
	j.key(k)
	j.string(v)
}

// memberOmit writes a member unless v is empty, like omitempty.
func (j *jsonWriter) memberOmit(k, v string) {
	if v != "" {
		j.member(k, v)
	}
}

// strings writes a member holding an array of strings; nil is [].
func (j *jsonWriter) strings(k string, ss []string) {
	j.key(k)
	j.open('[')
	for _, s := range ss {
		j.next()
		j.string(s)
	}
	j.close(']')
}

func (j *jsonWriter) string(s string) {
	j.Byte('"')
	j.body(s)
	j.Byte('"')
}

// jsonSafe[b] reports whether encoding/json writes byte b as it is: printable
// ASCII other than '"', '\\', '<', '>' and '&'. Bytes from 0x80 up are
// checked as UTF-8.
var jsonSafe = func() (t [256]bool) {
	for b := 0x20; b <= 0x7f; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()

// jsonStop holds the bytes body must look at: those jsonSafe does not
// call safe.
var jsonStop = scan.New(func(c byte) bool { return !jsonSafe[c] })

const jsonHex = "0123456789abcdef"

// jsonEscaped holds how encoding/json writes every ASCII byte that is
// not jsonSafe.
var jsonEscaped = func() (t [utf8.RuneSelf]string) {
	for c := range byte(utf8.RuneSelf) {
		if !jsonSafe[c] {
			t[c] = `\u00` + jsonHex[c>>4:c>>4+1] + jsonHex[c&15:c&15+1] // < is \u003c
		}
	}
	for _, e := range [...]string{`\\`, `""`, "\bb", "\ff", "\nn", "\rr", "\tt"} {
		t[e[0]] = `\` + e[1:]
	}
	return t
}()

// body writes s escaped as the inside of a JSON string, exactly as
// encoding/json escapes it: invalid UTF-8 becomes \ufffd, and U+2028 and
// U+2029 are escaped too.
func (j *jsonWriter) body(s string) {
	start := 0
	for i := 0; i < len(s); {
		i += jsonStop.Span(s[i:])
		if i == len(s) {
			break
		}
		j.Str(s[start:i])
		i += j.bodyRune(s[i:])
		start = i
	}
	j.Str(s[start:])
}

// bodyRune writes the byte or rune s starts with, a member of jsonStop,
// and returns its length.
func (j *jsonWriter) bodyRune(s string) int {
	if c := s[0]; c < utf8.RuneSelf {
		j.Str(jsonEscaped[c])
		return 1
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		j.Str(`\ufffd`)
	case r == '\u2028' || r == '\u2029':
		j.Str(`\u202`)
		j.Byte(jsonHex[r&0xf])
	default:
		j.Str(s[:size])
	}
	return size
}

// float writes f as encoding/json does: like ECMAScript, plain decimals
// from 1e-6 up to 1e21 and exponents outside that.
func (j *jsonWriter) float(f float64) {
	var buf [32]byte
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(buf[:0], f, format, -1, 64)
	if format == 'e' {
		// 1e-07 → 1e-7
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	j.Raw(b)
}

// meta writes a meta object holding d's page as the extension.
func (j *jsonWriter) meta(d *doc) {
	j.open('{')
	j.key(Key)
	j.page(d)
	j.close('}')
}

// projects writes the selection as the entries of a projects section.
func (j *jsonWriter) projects(pg *page.Page) {
	j.open('[')
	for i := range pg.Sel.Len() {
		j.next()
		j.project(pg, pg.Sel.At(i))
	}
	j.close(']')
}

// page writes d's page as the Extension value.
func (j *jsonWriter) page(d *doc) {
	d.jp = jsonPage{jsonWriter: j}
	d.Walk(&d.jp)
}

// jsonPage writes a page as the JSON Resume extension's value.
type jsonPage struct {
	*jsonWriter
	pending page.Name // the list started and not opened: its first item opens it
	opened  bool      // whether the list is open
}

func (j *jsonPage) Begin() {
	j.open('{')
	j.member("version", Version)
}

func (j *jsonPage) End() { j.close('}') }

// Header writes the title and tagline, which the format requires, even
// empty, and the back link when it is safe.
func (j *jsonPage) Header(back page.Link, title, tagline string) {
	j.member("title", title)
	j.member("tagline", tagline)
	if back.Text != "" && back.Safe() {
		j.key("back")
		j.open('{')
		j.member("text", back.Text)
		j.member("href", back.URL)
		j.close('}')
	}
}

func (j *jsonPage) Intro(ps []string) { j.strings("intro", ps) }

func (j *jsonPage) Legend(label string, roles []incident.RoleDef, sevs []page.Severity) {
	j.key("legend")
	j.open('{')
	j.member("label", label)
	j.key("roles")
	j.open('[')
	for _, d := range roles {
		j.next()
		j.role(d.Key, d.Label)
	}
	j.close(']')
	j.key("severities")
	j.open('[')
	for _, d := range sevs {
		j.next()
		j.severity(d)
	}
	j.close(']')
	j.close('}')
}

func (j *jsonPage) role(key incident.Role, label string) {
	j.open('{')
	j.member("key", string(key))
	j.member("label", label)
	j.close('}')
}

func (j *jsonPage) severity(d page.Severity) {
	j.open('{')
	j.member("code", string(d.Code))
	j.member("label", d.Label)
	j.key("level")
	j.Int(d.Level)
	j.close('}')
}

func (j *jsonPage) Incidents() {
	j.key("incidents")
	j.open('[')
}

func (j *jsonPage) IncidentsEnd() { j.close(']') }

// Empty writes nothing: JSON's empty list of incidents says it.
func (j *jsonPage) Empty(string) {}

func (j *jsonPage) Incident(in *incident.Incident, role string, sev page.Severity) {
	j.next()
	j.open('{')
	j.member("id", string(in.ID))
	j.member("title", in.Title)
	j.key("role")
	j.role(in.Role, role)
	j.key("severity")
	j.severity(sev)
	j.key("duration")
	j.open('{')
	j.member("text", in.Duration.Text)
	if in.Duration.Length > 0 {
		var buf [48]byte
		j.key("length")
		j.Raw(append(page.AppendISODuration(append(buf[:0], '"'), in.Duration.Length), '"'))
	}
	if in.Duration.Approximate {
		j.key("approximate")
		j.Str("true")
	}
	j.close('}')
}

func (j *jsonPage) Section(_ int, s incident.Section) { j.strings(s.Key, s.Paragraphs) }

func (j *jsonPage) IncidentEnd() { j.close('}') }
func (j *jsonPage) Details()     {}
func (j *jsonPage) DetailsEnd()  {}

func (j *jsonPage) When(n page.Name, start, end page.Moment) {
	j.key(n.Key)
	j.open('{')
	j.key("start")
	j.moment(start)
	if !end.D.IsZero() {
		j.key("end")
		j.moment(end)
	}
	j.close('}')
}

// moment writes m's ISO form as a string.
func (j *jsonPage) moment(m page.Moment) {
	var buf [48]byte
	j.Raw(append(m.AppendISO(append(buf[:0], '"')), '"'))
}

func (j *jsonPage) Span(n page.Name, d time.Duration) {
	var buf [48]byte
	j.key(n.Key)
	j.Raw(append(page.AppendISODuration(append(buf[:0], '"'), d), '"'))
}

func (j *jsonPage) Timeline(n page.Name) { j.List(n) }

func (j *jsonPage) Event(e *incident.Event, at page.Moment) {
	j.item()
	j.key("at")
	j.moment(at)
	j.member("text", e.Text)
	j.memberOmit("kind", string(e.Kind))
	j.memberOmit("state", string(e.State))
	j.close('}')
}

func (j *jsonPage) TimelineEnd() { j.ListEnd() }

func (j *jsonPage) Field(n page.Name, key, value string) {
	if key == "" {
		j.member(n.Key, value)
		return
	}
	j.key(n.Key)
	j.open('{')
	j.member("key", key)
	j.member("label", value)
	j.close('}')
}

func (j *jsonPage) Tags(n page.Name, tags []string) { j.strings(n.Key, tags) }

func (j *jsonPage) List(n page.Name) { j.pending, j.opened = n, false }

// item starts an item of the list, opening the list first.
func (j *jsonPage) item() {
	if !j.opened {
		j.key(j.pending.Key)
		j.open('[')
		j.opened = true
	}
	j.next()
	j.open('{')
}

func (j *jsonPage) ListEnd() {
	if j.opened {
		j.close(']')
	}
}

func (j *jsonPage) Figure(f *incident.Figure) {
	j.item()
	j.member("label", f.Label)
	j.key("value")
	j.float(f.Value)
	j.memberOmit("valueText", f.ValueText)
	if f.HasBefore {
		j.key("before")
		j.float(f.Before)
		j.memberOmit("beforeText", f.BeforeText)
	}
	j.memberOmit("unit", f.Unit)
	j.memberOmit("note", f.Note)
	j.close('}')
}

// Action writes an action item with its state, marked or not: JSON
// holds it as data.
func (j *jsonPage) Action(a *incident.Action, _ bool) {
	j.item()
	j.member("text", a.Text)
	j.member("kind", string(a.Kind))
	j.key("done")
	j.Str(strconv.FormatBool(a.Done))
	j.close('}')
}

// WriteUp writes a safe link; JSON has no plain-text form for the others.
func (j *jsonPage) WriteUp(l page.Link) {
	if !l.Safe() {
		return
	}
	j.item()
	j.member("title", l.Text)
	j.member("url", l.URL)
	j.member("kind", string(l.Kind))
	j.close('}')
}

func (j *jsonPage) Lessons(l *incident.Lessons) {
	j.key("lessons")
	j.open('{')
	j.memberOmit("file", l.File)
	j.memberOmit("heading", l.Heading)
	j.strings("items", l.Items)
	j.close('}')
}

func (j *jsonWriter) date(d incident.Date) {
	var buf [24]byte
	j.Raw(append(page.AppendDate(append(buf[:0], '"'), d), '"'))
}

// project writes an incident as an entry of the résumé's projects section.
func (j *jsonWriter) project(pg *page.Page, in *incident.Incident) {
	c, p := &pg.C, &pg.P
	j.open('{')
	j.member("name", in.Title)
	if len(in.Summary) > 0 {
		j.key("description")
		j.Byte('"')
		j.paragraphs(in.Summary)
		j.Byte('"')
	}
	j.key("highlights")
	j.open('[')
	for k, s := range page.Parts(in) {
		if !page.PartShown(k, s) {
			continue
		}
		j.next()
		j.Byte('"')
		j.body(s.Name)
		j.Str(": ")
		j.paragraphs(s.Paragraphs)
		j.Byte('"')
	}
	if !c.NoDetails {
		j.figureHighlight(page.ImpactName, in.Impact, c.Num)
		j.figureHighlight(page.ResultsName, in.Results, c.Num)
	}
	j.close(']')
	if !c.NoDetails {
		if len(in.Tags) > 0 {
			j.strings("keywords", in.Tags)
		}
		if !in.When.IsZero() {
			end := in.When.End
			if end.IsZero() {
				end = in.When.Start // one date: without an end, themes print "Present"
			}
			j.key("startDate")
			j.date(in.When.Start)
			j.key("endDate")
			j.date(end)
		}
		if u := jsonWebLink(in); u != "" {
			j.member("url", u)
		}
	}
	// Themes print the roles, the type and the description as they are:
	// the person's role (and command role), "P1 Critical incident · 4
	// hours", and the summary.
	j.key("roles")
	j.open('[')
	j.next()
	j.string(p.RoleLabel(in.Role))
	if in.Command != "" && !c.NoDetails {
		j.next()
		j.string(in.Command.String())
	}
	j.close(']')
	if !c.NoDetails {
		j.memberOmit("entity", in.Org)
	}
	j.key("type")
	j.Byte('"')
	j.body(string(in.Severity))
	if sev, ok := p.Severity(in.Severity); ok && sev.Label != "" {
		j.Byte(' ')
		j.body(sev.Label)
	}
	j.Str(" " + ProjectType)
	if in.Duration.Text != "" {
		j.Str(" · ")
		j.body(in.Duration.Text)
	}
	j.Byte('"')
	j.member("incidentId", string(in.ID))
	j.close('}')
}

// paragraphs writes paragraphs inside a string, one space apart.
func (j *jsonWriter) paragraphs(ps []string) {
	for k, para := range ps {
		if k > 0 {
			j.Byte(' ')
		}
		j.body(para)
	}
}

// figureHighlight writes figures as one highlight, for readers, their
// numbers as form reads them: "Impact: Queries lost: 1,200,000,000
// queries (peak); Error rate: 0.1% → 38.5%".
func (j *jsonWriter) figureHighlight(n page.Name, figs []incident.Figure, form page.NumberForm) {
	if len(figs) == 0 {
		return
	}
	j.next()
	j.Byte('"')
	j.Str(n.Colon)
	for k := range figs {
		f := &figs[k]
		if k > 0 {
			j.Byte(';')
		}
		j.Byte(' ')
		j.body(f.Label)
		j.Str(": ")
		if f.HasBefore {
			j.figureValue(f.Before, f.BeforeText, f.Unit, form)
			j.Str(" " + page.FigureArrow + " ")
		}
		j.figureValue(f.Value, f.ValueText, f.Unit, form)
		if f.Note != "" {
			j.Str(" (")
			j.body(f.Note)
			j.Byte(')')
		}
	}
	j.Byte('"')
}

// figureValue writes a figure's value, or its text, and its unit inside a
// string: "1.2 h", "70%".
func (j *jsonWriter) figureValue(v float64, text, unit string, form page.NumberForm) {
	if text != "" {
		j.body(text)
	} else {
		var buf [64]byte
		j.Raw(page.AppendNumber(buf[:0], v, form))
	}
	j.Str(page.UnitSpace(unit))
	j.body(unit)
}

// jsonWebLink returns the first of an incident's links that is an absolute
// http or https URL pages may use, or "".
func jsonWebLink(in *incident.Incident) string {
	for _, l := range in.Links {
		if (jsonHasPrefixFold(l.URL, "https://") || jsonHasPrefixFold(l.URL, "http://")) && page.SafeHref(l.URL) {
			return l.URL
		}
	}
	return ""
}

func jsonHasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
