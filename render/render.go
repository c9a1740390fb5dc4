// Package render draws an incident.Portfolio as HTML, Markdown, plain text
// and a JSON Resume extension.
//
// Every format is one function of the same shape:
//
//	err := render.HTML(w, p, render.Fragment(), render.Roles(incident.LedResolution))
//
// It streams into w and returns the first error w returned; it never
// panics, keeps no state between calls and is safe for concurrent use. All
// content is untrusted text: it is escaped for the format, link URLs other
// than http, https, mailto and relative ones are dropped, and control
// characters never reach the output.
//
// Options select and order the incidents, leave parts of the page out and
// shift heading levels; every format honours them. The options of one
// format (Width for Text, Fragment for HTML, say) are refused by the
// others: they return an error and write nothing. Only this package can
// make an Option.
//
// Rendering into a *bytes.Buffer or *bufio.Writer writes straight into it,
// and allocates nothing when it has room for the page; any other writer
// gets a buffer of its own, flushed before the function returns.
//
// Inside, every format draws the same page: one walk of it (walk.go)
// decides the order of the parts, which fields show and their labels,
// which links are safe and what the legend lists, and how dates,
// durations and numbers read. Each format is a small writer the walk
// calls, one method per kind of piece: a header, a paragraph, a badge
// line, a field, a list item, a code block. A new field of the model is
// one line of the walk and, at most, one method per format.
package render

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"

	"github.com/incident-leadership/portfolio/incident"
)

// An Option changes how a portfolio is rendered. Only this package makes
// Options.
type Option interface{ apply(*Config) }

type optionFunc func(*Config)

func (f optionFunc) apply(c *Config) { f(c) }

// Opt is a set of the options only some formats can honour.
type Opt uint8

const (
	OptFragment Opt = 1 << iota
	OptJSONLD
	OptLang
	OptWidth
	OptTopLevel
	OptProjects
	OptReplace
	OptSiteGenerator
)

var optionNames = [...]string{"Fragment", "JSONLD", "Lang", "Width", "TopLevel", "Projects", "Replace", "SiteGenerator"}

// Only returns an Option that only formats which have o can honour.
func Only(o Opt, f func(*Config)) Option {
	return optionFunc(func(c *Config) {
		c.Given |= o
		f(c)
	})
}

// Check reports an option given to fn that is not among its own.
func (c *Config) Check(fn string, own Opt) error {
	foreign := c.Given &^ own
	if foreign == 0 {
		return nil
	}
	for i, name := range optionNames {
		if foreign&(1<<i) != 0 {
			return errors.New("render: " + fn + " cannot honour the " + name + " option")
		}
	}
	return nil
}

// Order is the order incidents are drawn in.
type Order int

const (
	// AsWritten keeps the content file's order. It is the default.
	AsWritten Order = iota
	// BySeverity puts the most severe first (lowest level), keeping the
	// written order among equals.
	BySeverity
	// ByDate puts the most recent first; incidents without a date go last.
	ByDate
	// ByDuration puts the longest first; incidents without a known length go last.
	ByDuration
)

type Config struct {
	Roles      []incident.Role
	Severities []incident.Severity
	Tags       []string
	IDs        []incident.ID
	Order      Order

	NoIntro, NoLegend, NoLessons, NoDetails bool
	HeadingOffset                           int
	Given                                   Opt // the format options given

	// HTML
	Fragment bool
	JSONLD   bool
	Lang     string
	// Markdown
	Site bool
	// Text
	Width int
	// JSON Resume
	TopLevel bool
	Projects bool
	Replace  bool
}

// Set applies opts to the default configuration.
func (c *Config) Set(opts []Option) {
	*c = Config{Width: 80}
	for _, o := range opts {
		if o != nil {
			o.apply(c)
		}
	}
}

// NewConfig returns the configuration opts make. (A render applies them
// to its pooled page instead: a config handed to Option.apply escapes.)
func NewConfig(opts []Option) Config {
	c := new(Config)
	c.Set(opts)
	return *c
}

// Roles keeps only the incidents with one of the given roles; with none
// given, it keeps none (as do Severities, Tags and IDs).
func Roles(roles ...incident.Role) Option {
	if roles == nil {
		roles = []incident.Role{} // given, even empty: a filter that keeps none
	}
	return optionFunc(func(c *Config) { c.Roles = roles })
}

// Severities keeps only the incidents with one of the given severities.
func Severities(codes ...incident.Severity) Option {
	if codes == nil {
		codes = []incident.Severity{}
	}
	return optionFunc(func(c *Config) { c.Severities = codes })
}

// Tags keeps only the incidents that carry at least one of the given tags.
func Tags(tags ...string) Option {
	if tags == nil {
		tags = []string{}
	}
	return optionFunc(func(c *Config) { c.Tags = tags })
}

// IDs keeps only the incidents with the given IDs, in the order given
// (unless Sort asks for another). A full HTML page of the one incident
// IDs names has its title before the portfolio's in the <title>.
func IDs(ids ...incident.ID) Option {
	if ids == nil {
		ids = []incident.ID{}
	}
	return optionFunc(func(c *Config) { c.IDs = ids })
}

// Sort draws the incidents in the given order.
func Sort(o Order) Option {
	return optionFunc(func(c *Config) { c.Order = o })
}

// Intro includes (the default) or leaves out the introduction.
func Intro(on bool) Option { return optionFunc(func(c *Config) { c.NoIntro = !on }) }

// Legend includes (the default) or leaves out the legend.
func Legend(on bool) Option { return optionFunc(func(c *Config) { c.NoLegend = !on }) }

// Lessons includes (the default) or leaves out the lessons block.
func Lessons(on bool) Option { return optionFunc(func(c *Config) { c.NoLessons = !on }) }

// Details includes (the default) or leaves out the optional fields of each
// incident: date, organisation, tags, command role, figures, action items
// and links.
func Details(on bool) Option { return optionFunc(func(c *Config) { c.NoDetails = !on }) }

// HeadingOffset shifts every heading down by n levels (0 to 5), so the
// portfolio can sit inside a larger page: with 1, the title is an h2.
// Levels never go past 6, so from 4 on the lowest levels merge (with 5,
// every heading is an h6). It is meant for a Fragment, or Markdown that
// goes under a heading of its own: a standalone HTML page shifted down
// has no h1.
func HeadingOffset(n int) Option {
	return optionFunc(func(c *Config) { c.HeadingOffset = min(max(n, 0), 5) })
}

// Heading returns the level of a heading that is at level n at offset 0.
func (c *Config) Heading(n int) int { return min(n+c.HeadingOffset, 6) }

// Selection is the incidents a render draws, in order. When no option
// filters or sorts, idx is nil and the portfolio's own order is used.
type Selection struct {
	P   *incident.Portfolio
	idx []int
	all bool
}

func (s *Selection) Len() int {
	if s.all {
		return len(s.P.Incidents)
	}
	return len(s.idx)
}

func (s *Selection) At(i int) *incident.Incident {
	if s.all {
		return &s.P.Incidents[i]
	}
	return &s.P.Incidents[s.idx[i]]
}

// Select applies the filters and the order. It allocates once,
// and only when some option filters or sorts.
func (c *Config) Select(p *incident.Portfolio) Selection {
	if c.Roles == nil && c.Severities == nil && c.Tags == nil && c.IDs == nil && c.Order == AsWritten {
		return Selection{P: p, all: true}
	}
	idx := make([]int, 0, len(p.Incidents))
	if c.IDs != nil {
		for _, id := range c.IDs {
			for i := range p.Incidents {
				if p.Incidents[i].ID == id && c.keep(&p.Incidents[i]) && !slices.Contains(idx, i) {
					idx = append(idx, i)
				}
			}
		}
	} else {
		for i := range p.Incidents {
			if c.keep(&p.Incidents[i]) {
				idx = append(idx, i)
			}
		}
	}
	switch c.Order {
	case BySeverity:
		slices.SortStableFunc(idx, func(a, b int) int {
			return level(p, p.Incidents[a].Severity) - level(p, p.Incidents[b].Severity)
		})
	case ByDate:
		slices.SortStableFunc(idx, func(a, b int) int {
			da, db := p.Incidents[a].When.Start, p.Incidents[b].When.Start
			switch {
			case da.IsZero() || db.IsZero():
				return BoolInt(da.IsZero()) - BoolInt(db.IsZero())
			}
			return db.Compare(da)
		})
	case ByDuration:
		slices.SortStableFunc(idx, func(a, b int) int {
			la, lb := p.Incidents[a].Duration.Length, p.Incidents[b].Duration.Length
			switch {
			case la > lb:
				return -1
			case la < lb:
				return 1
			}
			return 0
		})
	}
	return Selection{P: p, idx: idx}
}

func BoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// level returns a severity's level, or a level past every known one.
func level(p *incident.Portfolio, s incident.Severity) int {
	if d, ok := p.Severity(s); ok {
		return d.Level
	}
	return 1 << 30
}

func (c *Config) keep(in *incident.Incident) bool {
	if c.Roles != nil && !slices.Contains(c.Roles, in.Role) {
		return false
	}
	if c.Severities != nil && !slices.Contains(c.Severities, in.Severity) {
		return false
	}
	if c.Tags != nil && !slices.ContainsFunc(in.Tags, func(t string) bool { return slices.Contains(c.Tags, t) }) {
		return false
	}
	return true
}

// usesRole reports whether any selected incident has role r.
func (s *Selection) usesRole(r incident.Role) bool {
	for i := range s.Len() {
		if s.At(i).Role == r {
			return true
		}
	}
	return false
}

// usesSeverity reports whether any selected incident has severity code.
func (s *Selection) usesSeverity(code incident.Severity) bool {
	for i := range s.Len() {
		if s.At(i).Severity == code {
			return true
		}
	}
	return false
}

// legendRoles calls f for each role the selection uses, in legend order:
// built-in roles, then declared ones.
func (s *Selection) legendRoles(f func(incident.RoleDef)) {
	for _, r := range [...]incident.Role{incident.CausedAndFixed, incident.LedResolution} {
		if s.usesRole(r) {
			d, _ := s.P.Role(r)
			f(d)
		}
	}
	for _, d := range s.P.Roles {
		if s.usesRole(d.Key) {
			f(d)
		}
	}
}

// legendSeverities calls f for each severity the selection uses, most
// severe first.
func (s *Selection) legendSeverities(f func(incident.SeverityDef)) {
	scale := s.P.Severities
	if len(scale) == 0 {
		scale = DefaultScale[:]
	}
	// Walk the scale level by level without sorting a copy: scales are short.
	var last int
	for first := true; ; first = false {
		var next int
		found := false
		for _, d := range scale {
			if (first || d.Level > last) && (!found || d.Level < next) {
				next, found = d.Level, true
			}
		}
		if !found {
			return
		}
		for _, d := range scale {
			if d.Level == next && s.usesSeverity(d.Code) {
				f(d)
			}
		}
		last = next
	}
}

var DefaultScale = [...]incident.SeverityDef{
	{Code: incident.P1, Label: "Critical", Level: 1},
	{Code: incident.P2, Label: "High", Level: 2},
	{Code: incident.P3, Label: "Medium", Level: 3},
	{Code: incident.P4, Label: "Low", Level: 4},
}

// stringWriter is what the renderers write to: *bytes.Buffer and
// *bufio.Writer are used as they are.
type stringWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// out writes to the user's writer and keeps the first error. After an
// error it writes nothing more.
type out struct {
	w        stringWriter
	buffered *bufio.Writer // the buffer out puts around any other writer
	err      error
}

func newOut(w io.Writer) out {
	switch w := w.(type) {
	case *bytes.Buffer:
		return out{w: w}
	case *bufio.Writer:
		return out{w: w}
	}
	b := bufio.NewWriterSize(w, 16<<10)
	return out{w: b, buffered: b}
}

func (o *out) str(s string) {
	if o.err == nil {
		_, o.err = o.w.WriteString(s)
	}
}

func (o *out) byte(c byte) {
	if o.err == nil {
		o.err = o.w.WriteByte(c)
	}
}

// finish flushes out's own buffer and returns the first error.
func (o *out) finish() error {
	if o.buffered != nil && o.err == nil {
		o.err = o.buffered.Flush()
	}
	return o.err
}

// Spare writes by appending to b, the spare room of the *bytes.Buffer or
// *bufio.Writer it writes to (the one out puts around any other
// writer), and hands b over (a copy onto itself) only when it is
// full and at the end; so writing is an append, with no call through an
// interface.
type Spare struct {
	out
	B []byte // written but not yet handed over
}

func NewSpare(w io.Writer) Spare {
	o := Spare{out: newOut(w)}
	o.B = o.room()
	return o
}

// room returns the spare room of the writer's buffer.
func (o *Spare) room() []byte {
	switch w := o.w.(type) {
	case *bytes.Buffer:
		return w.AvailableBuffer()
	case *bufio.Writer:
		return w.AvailableBuffer()
	}
	return nil
}

// Flush hands b over and makes room for need more bytes, or less when the
// buffer is smaller: the callers check.
func (o *Spare) Flush(need int) {
	o.handOver()
	if o.err != nil {
		return // keep appending to the same room, for nothing
	}
	switch w := o.w.(type) {
	case *bytes.Buffer:
		w.Grow(max(need, 4<<10))
	case *bufio.Writer:
		if w.Available() < need {
			o.err = w.Flush()
		}
	}
	o.B = o.room()
}

// handOver writes b to the writer it is the spare room of.
func (o *Spare) handOver() {
	if o.err == nil && len(o.B) > 0 {
		_, o.err = o.w.Write(o.B)
	}
	o.B = o.B[:0]
}

// Finish hands b over, flushes out's own buffer and returns the first error.
func (o *Spare) Finish() error {
	o.handOver()
	return o.out.finish()
}

func (o *Spare) Str(s string) {
	if len(s) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, s...)
		return
	}
	o.strSlow(s)
}

func (o *Spare) strSlow(s string) {
	o.Flush(len(s))
	if len(s) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, s...)
		return
	}
	o.out.str(s) // longer than the buffer: write it as it is
	o.B = o.room()
}

func (o *Spare) Byte(c byte) {
	if len(o.B) < cap(o.B) {
		o.B = append(o.B, c)
		return
	}
	o.byteSlow(c)
}

func (o *Spare) byteSlow(c byte) {
	o.Flush(1)
	if len(o.B) < cap(o.B) {
		o.B = append(o.B, c)
		return
	}
	o.out.byte(c) // no buffer: write it as it is
	o.B = o.room()
}

// Int writes n in decimal.
func (o *Spare) Int(n int) {
	var buf [20]byte
	o.Raw(strconv.AppendInt(buf[:0], int64(n), 10))
}

// Raw writes a few bytes, such as a number formatted into an array on
// the caller's stack, without letting them escape.
func (o *Spare) Raw(b []byte) {
	if len(b) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, b...)
		return
	}
	for _, c := range b {
		o.Byte(c)
	}
}
