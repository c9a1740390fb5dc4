// Package render draws an incident.Portfolio as HTML, Markdown and plain
// text; package render/jsonresume writes it as a JSON Resume extension.
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
// others: they return an error and write nothing. Only this module can
// make an Option.
//
// Rendering into a *bytes.Buffer or *bufio.Writer writes straight into it,
// and allocates nothing when it has room for the page; any other writer
// gets a buffer of its own, flushed before the function returns.
//
// Inside, every format draws the same page: one walk of it (render/internal/page)
// decides the order of the parts, which fields show and their labels,
// which links are safe and what the legend lists, and how dates,
// durations and numbers read. Each format is a small writer the walk
// calls, one method per kind of piece: a header, a paragraph, a badge
// line, a field, a list item, a code block. A new field of the model is
// one line of the walk and, at most, one method per format.
package render

import (
	"io"
	"strconv"
	"sync"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// An Option changes how a portfolio is rendered. Only this module makes
// Options: this package's, shared by every format, and those of the
// formats (HTML's Fragment, Text's Width, package jsonresume's TopLevel).
type Option = page.Option

// Order is the order incidents are drawn in.
type Order int

const (
	// AsWritten keeps the content file's order. It is the default.
	AsWritten Order = iota
	// BySeverity puts the most severe first (lowest level), keeping the
	// written order among equals.
	BySeverity
	// ByDate puts the most recent first, by the start of each incident's
	// when in the order incident.Date.Compare gives, reversed: by the day
	// as written (what readers see; an unknown month or day as zero, so
	// 2023-03 comes after 2023-03-01 and 2023 after 2023-01-31); on
	// one day, the date-times, latest instant first whatever their zones,
	// before the date alone. Incidents that tie (the same day, or the same
	// instant in two zones) keep the written order, and incidents without
	// a date go last. The Hugo module's order="date" sorts the same way.
	ByDate
	// ByDuration puts the longest first; incidents without a known length go last.
	ByDuration
)

// doc is one render of a page in one of this package's formats, with
// the writers. Docs are pooled, so that a render allocates nothing.
type doc struct {
	page.Page
	out  page.Spare // what the writers append to
	html htmlWriter
	md   mdWriter
	text textWriter
}

var docs = sync.Pool{New: func() any { return new(doc) }}

// newDoc returns a doc of p with opts, from the pool, writing to w. It
// fails, before anything is written, when opts hold an option of another
// format than fn's, which has only the options own.
func newDoc(w io.Writer, p incident.Portfolio, opts []Option, fn string, own page.Opt) (*doc, error) {
	d := docs.Get().(*doc)
	if err := d.Init(p, opts, fn, own); err != nil {
		d.free()
		return nil, err
	}
	d.out = page.NewSpare(w)
	return d, nil
}

// draw walks the page through w, frees the doc and returns the first
// error writing it.
func (d *doc) draw(w page.Writer) error {
	d.Walk(w)
	err := d.out.Finish()
	d.free()
	return err
}

// free returns the doc to the pool, keeping nothing of the render.
func (d *doc) free() {
	d.Reset()
	d.out, d.html, d.md, d.text = page.Spare{}, htmlWriter{}, mdWriter{}, textWriter{}
	docs.Put(d)
}

// Roles keeps only the incidents with one of the given roles; with none
// given, it keeps none (as do Severities, Tags and IDs).
//
// A role the portfolio does not know, neither built in nor declared in
// Portfolio.Roles, is almost surely a typo: every format then returns an
// error naming all such roles and the known ones, before writing
// anything, such as
//
//	render: HTML: Roles: no role "lead-resolution" in the portfolio: want caused-and-fixed, led-resolution
//
// A known role that no incident has is no error: the page then says it
// has no incidents to show.
func Roles(roles ...incident.Role) Option {
	return page.Func(func(c *page.Config) { c.Roles = given(roles) })
}

// Severities keeps only the incidents with one of the given severities.
//
// A code not on the portfolio's scale (Portfolio.Severities, or the
// default scale P1 to P4 when it declares none) is an error from every
// format, before anything is written, naming all such codes and the
// scale's, such as
//
//	render: HTML: Severities: no severity "P9" in the portfolio's scale: want P1, P2, P3, P4
//
// A code on the scale that no incident has is no error, as with Roles.
func Severities(codes ...incident.Severity) Option {
	return page.Func(func(c *page.Config) { c.Severities = given(codes) })
}

// Tags keeps only the incidents that carry at least one of the given tags.
// Tags are free-form, so a tag no incident carries is no error: it keeps
// none, and the page says it has no incidents to show.
func Tags(tags ...string) Option {
	return page.Func(func(c *page.Config) { c.Tags = given(tags) })
}

// IDs keeps only the incidents with the given IDs, in the order given
// (unless Sort asks for another). A full HTML page of the one incident
// IDs names has its title before the portfolio's in the <title>.
//
// An ID the portfolio has no incident of is almost surely a typo, or an
// incident since deleted from the content file: every format then
// returns an error naming all such IDs, before writing anything, such as
//
//	render: HTML: IDs: no incident "typo" in the portfolio
//
// An incident the other filters (Roles, Severities, Tags) leave out is no
// error: the page then says it has no incidents to show.
func IDs(ids ...incident.ID) Option {
	return page.Func(func(c *page.Config) { c.IDs = given(ids) })
}

// given returns s, or an empty slice for nil: a filter given, even
// empty, keeps none.
func given[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Sort draws the incidents in the given order.
func Sort(o Order) Option {
	if o < 0 || page.Order(o) >= page.Orders {
		return page.Invalid("Sort(" + strconv.Itoa(int(o)) + "): no such order")
	}
	return page.Func(func(c *page.Config) { c.Order = page.Order(o) })
}

// Intro includes (the default) or leaves out the introduction.
func Intro(on bool) Option { return page.Func(func(c *page.Config) { c.NoIntro = !on }) }

// Legend includes (the default) or leaves out the legend.
func Legend(on bool) Option { return page.Func(func(c *page.Config) { c.NoLegend = !on }) }

// Lessons includes (the default) or leaves out the lessons block.
func Lessons(on bool) Option { return page.Func(func(c *page.Config) { c.NoLessons = !on }) }

// Details includes (the default) or leaves out the optional fields of each
// incident: date, organisation, tags, command role, figures, action items
// and links, and its timeline with the times to detect, mitigate and
// resolve it gives.
func Details(on bool) Option { return page.Func(func(c *page.Config) { c.NoDetails = !on }) }

// HeadingOffset shifts every heading down by n levels (0 to 5), so the
// portfolio can sit inside a larger page: with 1, the title is an h2.
// Levels never go past 6, so from 4 on the lowest levels merge (with 5,
// every heading is an h6). It is meant for a Fragment, or Markdown that
// goes under a heading of its own: a standalone HTML page shifted down
// has no h1.
func HeadingOffset(n int) Option {
	return page.Func(func(c *page.Config) { c.HeadingOffset = min(max(n, 0), 5) })
}
