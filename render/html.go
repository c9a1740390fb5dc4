package render

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/scan"
)

// Fragment makes HTML write only the portfolio itself, a <section> ready
// to embed in another page, without the document around it (doctype,
// html, head, body and the <style>). Style it with HTMLStyle.
func Fragment() Option { return optionFunc(func(c *config) { c.fragment = true }) }

// JSONLD makes HTML add a <script type="application/ld+json"> describing
// the incidents for search engines: a schema.org ItemList of Articles
// with name, description, date and keywords where known. It goes in the
// head of a document, or at the start of a Fragment.
func JSONLD() Option { return optionFunc(func(c *config) { c.jsonLD = true }) }

// Lang sets the language of the portfolio's text for HTML, a BCP 47 tag
// such as "de" or "pt-BR": the lang attribute of <html>, or of the
// Fragment's <section>. Without it a document says "en" and a fragment
// says nothing (it takes the page's). A tag of other than ASCII letters,
// digits and hyphens, or longer than 35 bytes, is ignored.
func Lang(tag string) Option {
	return optionFunc(func(c *config) {
		if htmlLangTag(tag) {
			c.lang = tag
		}
	})
}

// htmlLangTag reports whether s is shaped like a BCP 47 tag.
func htmlLangTag(s string) bool {
	if s == "" || len(s) > 35 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// HTML writes p as a standalone HTML5 document: a header with the back
// link, title and tagline, then the introduction, the legend, one
// <article> per incident (its id is the incident's ID, so pages can link
// to "#database-connection-pool-exhaustion") and the lessons block, styled
// by a small embedded stylesheet with a dark scheme and a print layout,
// without scripts or external resources. With Fragment it writes the
// portfolio alone, for embedding.
//
// Every piece of text is escaped; links whose URL is not
// incident.SafeURL are written as plain text; invalid UTF-8, control
// characters and noncharacters (such as U+FFFE) become U+FFFD; and the
// bidi embedding, override and isolate controls (U+202A to U+202E, U+2066
// to U+2069) are dropped, so that no text reorders what follows it. The
// marks LRM, RLM and ALM, which right-to-left text needs, are kept. The
// line and paragraph separators U+2028 and U+2029, which browsers draw as
// nothing, become <br> in text and spaces in attribute values, the
// <title> and the lessons listing.
func HTML(w io.Writer, p incident.Portfolio, opts ...Option) error {
	c := newConfig(opts)
	o := newOut(w)
	var buf []byte
	var pool htmlPool
	// h points to o, p, c, buf and pool rather than holding them, so that
	// what reaches the writer (the text) does not make them escape.
	h := htmlWriter{out: &o, buf: &buf, pool: &pool, c: &c, p: &p, sel: c.selectIncidents(&p)}
	h.room()
	h.page()
	h.out.bytes(buf)
	if pool.b != nil {
		htmlBufs.Put(pool.b)
	}
	return o.finish()
}

// htmlBufs holds the buffers pages are drawn in when the writer has no
// room of its own to draw in: appending to a slice is much cheaper than a
// call through io.Writer for every piece of a page.
var htmlBufs = sync.Pool{New: func() any { b := make([]byte, 0, htmlRoom); return &b }}

// The page is written out htmlFlushAt bytes at a time, or a little more,
// from a buffer of htmlRoom bytes or more.
const (
	htmlFlushAt = 16 << 10
	htmlRoom    = 2 * htmlFlushAt
)

// htmlPool holds the pooled buffer of a page, once taken.
type htmlPool struct{ b *[]byte }

// htmlWriter draws one page.
type htmlWriter struct {
	out *out
	// buf is what is drawn and not yet written: the spare room of the
	// *bytes.Buffer or *bufio.Writer written to when that has room, so
	// that writing it out is a copy onto itself, or else a pooled buffer.
	// (Every assignment to *buf is of itself or of a value from further
	// away than h's fields, lest escape analysis move o, c and p to the
	// heap.)
	buf    *[]byte
	direct bool // whether buf is the writer's spare room
	pool   *htmlPool
	c      *config
	p      *incident.Portfolio
	sel    selection
	// roles and sevs count the badges the legend has written.
	roles, sevs int
}

func (h *htmlWriter) str(s string) { *h.buf = append(*h.buf, s...) }

func (h *htmlWriter) byte(c byte) { *h.buf = append(*h.buf, c) }

// flush writes the buffer out and makes room again.
func (h *htmlWriter) flush() {
	h.out.bytes(*h.buf)
	*h.buf = (*h.buf)[:0]
	h.room()
}

// maybeFlush writes the buffer out when it is full enough.
func (h *htmlWriter) maybeFlush() {
	if len(*h.buf) >= htmlFlushAt {
		h.flush()
	}
}

// room points buf at the writer's spare room when that holds htmlRoom
// bytes or more, and at the pooled buffer otherwise.
func (h *htmlWriter) room() {
	switch w := h.out.w.(type) {
	case *bytes.Buffer:
		if w.Available() >= htmlRoom {
			*h.buf, h.direct = w.AvailableBuffer(), true
			return
		}
	case *bufio.Writer:
		if w.Available() < htmlRoom && w.Size() >= htmlRoom && h.out.err == nil {
			h.out.err = w.Flush()
		}
		if w.Available() >= htmlRoom {
			*h.buf, h.direct = w.AvailableBuffer(), true
			return
		}
	}
	if !h.direct && cap(*h.buf) >= htmlRoom {
		return // the pooled buffer, or a larger one it grew into
	}
	h.direct = false
	if h.pool.b == nil {
		h.pool.b = htmlBufs.Get().(*[]byte)
	}
	*h.buf = (*h.pool.b)[:0]
}

func (h *htmlWriter) page() {
	if h.c.fragment {
		h.str("<section class=\"incident-portfolio\"")
		if h.c.lang != "" {
			h.str(" lang=\"")
			h.str(h.c.lang)
			h.byte('"')
		}
		h.str(">\n")
		if h.c.jsonLD {
			h.jsonLD()
		}
	} else {
		lang := h.c.lang
		if lang == "" {
			lang = "en"
		}
		h.str("<!doctype html>\n<html lang=\"")
		h.str(lang)
		h.str("\">\n<head>\n<meta charset=\"utf-8\">\n" +
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
			"<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
		if len(h.c.ids) == 1 && h.sel.Len() == 1 {
			// A page of one incident is named after it, as a browser's tab
			// or a search result shows it.
			h.attr(h.sel.At(0).Title)
			if h.p.Title != "" {
				h.str(" · ")
			}
		}
		h.attr(h.p.Title)
		h.str("</title>\n")
		if h.p.Tagline != "" {
			h.str("<meta name=\"description\" content=\"")
			h.attr(h.p.Tagline)
			h.str("\">\n")
		}
		h.str("<style>\n")
		h.str(htmlPageStyle)
		h.str(HTMLStyle)
		h.str("</style>\n")
		if h.c.jsonLD {
			h.jsonLD()
		}
		h.str("</head>\n<body>\n<div class=\"incident-portfolio\">\n")
	}
	h.header()
	if h.c.fragment {
		h.str("<div class=\"incidents\">\n")
	} else {
		h.str("<main>\n")
	}
	if !h.c.noIntro && len(h.p.Intro) > 0 {
		h.str("<div class=\"intro\">\n")
		h.paragraphs(h.p.Intro)
		h.str("</div>\n")
	}
	if !h.c.noLegend {
		h.legend()
	}
	for i := range h.sel.Len() {
		h.maybeFlush()
		if h.out.err != nil {
			return
		}
		h.sel.aheadOf(i + 1)
		h.incident(h.sel.At(i))
	}
	if !h.c.noLessons {
		h.lessons()
	}
	if h.c.fragment {
		h.str("</div>\n</section>\n")
	} else {
		h.str("</main>\n</div>\n</body>\n</html>\n")
	}
}

func (h *htmlWriter) header() {
	if h.p.Back.Text == "" && h.p.Title == "" && h.p.Tagline == "" {
		return
	}
	h.str("<header>\n")
	if b := h.p.Back; b.Text != "" {
		h.str("<p class=\"back\">")
		a := h.linkStart(b.Href)
		if !strings.HasPrefix(b.Text, "←") { // the text's own arrow is enough
			h.str("<span aria-hidden=\"true\">← </span>")
		}
		h.text(b.Text)
		h.linkEnd(a)
		h.str("</p>\n")
	}
	if h.p.Title != "" {
		h.headingStart(1, "portfolio-title")
		h.text(h.p.Title)
		h.headingEnd(1)
	}
	if h.p.Tagline != "" {
		h.str("<p class=\"tagline\">")
		h.text(h.p.Tagline)
		h.str("</p>\n")
	}
	h.str("</header>\n")
}

func (h *htmlWriter) legend() {
	if h.sel.Len() == 0 {
		return
	}
	h.str("<p class=\"legend\"><span class=\"legend-label\">")
	if h.p.Legend != "" {
		h.text(h.p.Legend)
	} else {
		h.str("Legend")
	}
	h.str(":</span>")
	h.roles, h.sevs = 0, 0
	h.sel.legendRoles(h.legendRole)
	h.sel.legendSeverities(h.legendSeverity)
	h.str("</p>\n")
}

func (h *htmlWriter) legendRole(d incident.RoleDef) {
	h.str("\n")
	h.roleBadge(d.Key, d.Label)
	h.roles++
}

func (h *htmlWriter) legendSeverity(d incident.SeverityDef) {
	if h.sevs == 0 && h.roles > 0 {
		h.str("\n<span class=\"legend-sep\" aria-hidden=\"true\">|</span>")
	}
	h.str("\n<span class=\"badge sev sev-")
	h.byte(h.sevRank(d.Level))
	h.str("\">")
	h.severityName(d.Code, d.Label)
	h.str("</span>")
	h.sevs++
}

// severityName writes "P1 Critical", or the code alone when it has no label.
func (h *htmlWriter) severityName(code incident.Severity, label string) {
	h.text(string(code))
	if label != "" {
		h.byte(' ')
		h.text(label)
	}
}

func (h *htmlWriter) roleBadge(r incident.Role, label string) {
	h.str("<span class=\"badge role role-")
	h.attr(string(r))
	h.str("\">")
	h.text(label)
	h.str("</span>")
}

// sevRank returns the CSS class digit of a severity level: '1' for the
// most severe level of the scale, up to '4' for the fourth and beyond.
func (h *htmlWriter) sevRank(level int) byte {
	scale := h.p.Severities
	if len(scale) == 0 {
		scale = defaultScale[:]
	}
	// Count the distinct levels more severe than this one.
	rank := 0
	for i, d := range scale {
		if d.Level >= level {
			continue
		}
		dup := false
		for _, e := range scale[:i] {
			if e.Level == d.Level {
				dup = true
				break
			}
		}
		if !dup {
			rank++
		}
	}
	return '1' + byte(min(rank, 3))
}

// incident draws one incident. Its markup is appended to a local slice
// b, which the compiler keeps in registers between the pieces of text
// (appendText takes and returns it), rather than to *h.buf.
func (h *htmlWriter) incident(in *incident.Incident) {
	pc := &htmlPieces[h.c.headingOffset]
	d, known := h.p.Severity(in.Severity)
	rank := byte('4')
	if known {
		rank = h.sevRank(d.Level)
	}
	b := *h.buf
	b = append(b, "<article id=\""...)
	b = h.appendAttr(b, string(in.ID))
	b = append(b, pc.titleStart...)
	b = h.appendAttr(b, string(in.ID))
	b = append(b, "\">"...)
	b = h.appendText(b, in.Title)
	b = append(b, pc.titleEnd...)
	b = h.appendAttr(b, string(in.Role))
	b = append(b, "\">"...)
	b = h.appendText(b, h.p.RoleLabel(in.Role))
	b = append(b, "</span>\n<span class=\"badge sev sev-"...)
	b = append(b, rank)
	b = append(b, "\" title=\""...)
	b = h.appendAttr(b, string(in.Severity))
	if d.Label != "" {
		b = append(b, ' ')
		b = h.appendAttr(b, d.Label)
	}
	b = append(b, "\">"...)
	b = h.appendText(b, string(in.Severity))
	if d.Label != "" {
		b = append(b, "<span class=\"visually-hidden\"> "...)
		b = h.appendText(b, d.Label)
		b = append(b, "</span>"...)
	}
	b = append(b, "</span>"...)
	if in.Duration.Text != "" {
		b = append(b, "\n<span class=\"duration\"><span class=\"visually-hidden\">Duration: </span>"...)
		if in.Duration.Length > 0 {
			b = append(b, "<time datetime=\""...)
			*h.buf = b
			h.isoDuration(in.Duration.Length)
			b = *h.buf
			b = append(b, "\">"...)
			b = h.appendText(b, in.Duration.Text)
			b = append(b, "</time>"...)
		} else {
			b = h.appendText(b, in.Duration.Text)
		}
		b = append(b, "</span>"...)
	}
	b = append(b, "</p>\n"...)

	for k, sec := range in.Sections() {
		ps := sec.Paragraphs
		b = append(b, pc.parts[k]...)
		if len(ps) == 0 {
			b = append(b, "</section>\n"...)
			continue
		}
		b = append(b, "<p>"...)
		b = h.appendText(b, ps[0])
		for _, p := range ps[1:] {
			b = append(b, "</p>\n<p>"...)
			b = h.appendText(b, p)
		}
		b = append(b, "</p>\n</section>\n"...)
	}
	*h.buf = b
	if !h.c.noDetails {
		h.details(in)
	}
	h.str("</article>\n")
}

// appendText appends s, escaped for HTML text, to b, which is *h.buf or a
// longer slice of the same array.
func (h *htmlWriter) appendText(b []byte, s string) []byte { return h.appendEscaped(htmlTextEsc, b, s) }

// appendAttr is appendText for an attribute value.
func (h *htmlWriter) appendAttr(b []byte, s string) []byte { return h.appendEscaped(htmlAttrEsc, b, s) }

// appendEscaped appends s, escaped through e, to b, which is *h.buf or a
// longer slice of the same array: with e.fast, a clean run and the
// replacements and plain UTF-8 after it in one call, leaving the rest
// (rare runes) to escapeRune.
func (h *htmlWriter) appendEscaped(e *htmlEscaper, b []byte, s string) []byte {
	if !scan.Vector() {
		*h.buf = b
		h.escapeSpan(e, s)
		return *h.buf
	}
	for len(s) > 0 {
		if cap(b)-len(b) < scan.EscapeRoom {
			*h.buf = b
			h.escapeSpan(e, s) // appending grows the buffer
			return *h.buf
		}
		nd, ns := e.fast.Escape(b[len(b):cap(b)], s, 0)
		b = b[:len(b)+nd]
		if s = s[ns:]; len(s) > 0 && cap(b)-len(b) >= scan.EscapeRoom {
			*h.buf = b
			s = s[h.escapeRune(e, s):]
			b = *h.buf
		}
	}
	return b
}

// details draws the optional fields, appending to a local slice as
// incident does.
func (h *htmlWriter) details(in *incident.Incident) {
	if !in.HasDetails() {
		return
	}
	b := *h.buf
	b = append(b, "<dl class=\"details\">\n"...)
	if !in.When.IsZero() {
		b = append(b, "<div><dt>When</dt><dd>"...)
		*h.buf = b
		h.period(in.When)
		b = *h.buf
		b = append(b, "</dd></div>\n"...)
	}
	if in.Org != "" {
		b = append(b, "<div><dt>Organisation</dt><dd>"...)
		b = h.appendText(b, in.Org)
		b = append(b, "</dd></div>\n"...)
	}
	if in.Command != "" {
		b = append(b, "<div><dt>Command role</dt><dd>"...)
		b = h.appendText(b, in.Command.String())
		b = append(b, "</dd></div>\n"...)
	}
	if len(in.Tags) > 0 {
		b = append(b, "<div><dt>Tags</dt><dd><ul class=\"tags\">"...)
		for _, t := range in.Tags {
			b = append(b, "<li>"...)
			b = h.appendText(b, t)
			b = append(b, "</li>"...)
		}
		b = append(b, "</ul></dd></div>\n"...)
	}
	b = h.figures(b, "<div><dt>Impact</dt><dd><ul class=\"figures\">\n", in.Impact)
	b = h.figures(b, "<div><dt>Results</dt><dd><ul class=\"figures\">\n", in.Results)
	if len(in.Actions) > 0 {
		b = append(b, "<div><dt>Action items</dt><dd><ul class=\"actions\">\n"...)
		for _, a := range in.Actions {
			b = append(b, "<li><span class=\"action-kind\">"...)
			b = h.appendText(b, a.Kind.String())
			b = append(b, ":</span> "...)
			b = h.appendText(b, a.Text)
			if a.Done {
				b = append(b, " <span class=\"action-state\">(done)</span></li>\n"...)
			} else {
				b = append(b, " <span class=\"action-state\">(open)</span></li>\n"...)
			}
		}
		b = append(b, "</ul></dd></div>\n"...)
	}
	if len(in.Links) > 0 {
		b = append(b, "<div><dt>Write-ups</dt><dd><ul class=\"links\">\n"...)
		for _, l := range in.Links {
			b = append(b, "<li>"...)
			*h.buf = b
			a := h.linkStart(l.URL)
			b = h.appendText(*h.buf, l.Title)
			if a {
				b = append(b, "</a>"...)
			}
			if l.Kind != "" {
				b = append(b, " <span class=\"link-kind\">("...)
				b = h.appendText(b, l.Kind.String())
				b = append(b, ")</span>"...)
			}
			b = append(b, "</li>\n"...)
		}
		b = append(b, "</ul></dd></div>\n"...)
	}
	*h.buf = append(b, "</dl>\n"...)
}

// figures appends the list of figs, which start starts, to b.
func (h *htmlWriter) figures(b []byte, start string, figs []incident.Figure) []byte {
	if len(figs) == 0 {
		return b
	}
	b = append(b, start...)
	for _, f := range figs {
		b = append(b, "<li><span class=\"figure-label\">"...)
		b = h.appendText(b, f.Label)
		b = append(b, ":</span> "...)
		if f.HasBefore {
			b = h.appendNumber(b, f.Before, f.Unit)
			b = append(b, " <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">to</span> "...)
		}
		b = h.appendNumber(b, f.Value, f.Unit)
		if f.Note != "" {
			b = append(b, " <span class=\"figure-note\">("...)
			b = h.appendText(b, f.Note)
			b = append(b, ")</span>"...)
		}
		b = append(b, "</li>\n"...)
	}
	return append(b, "</ul></dd></div>\n"...)
}

// appendNumber appends v and its unit: "1.2 h", "70%".
func (h *htmlWriter) appendNumber(b []byte, v float64, unit string) []byte {
	b = appendNumber(b, v)
	if unit == "" {
		return b
	}
	if unit != "%" {
		b = append(b, ' ')
	}
	return h.appendText(b, unit)
}

func (h *htmlWriter) lessons() {
	l := &h.p.Lessons
	if len(l.Items) == 0 {
		return
	}
	h.str("<figure class=\"lessons\">\n")
	if l.File != "" {
		h.str("<figcaption>")
		h.text(l.File)
		h.str("</figcaption>\n")
	}
	h.str("<pre><code>")
	if l.Heading != "" {
		h.str("<span class=\"comment\"># ")
		h.attr(l.Heading) // a listing's line: a line separator is a space, not a <br>
		h.str("</span>\n")
	}
	for i, item := range l.Items {
		if i > 0 {
			h.byte('\n')
		}
		h.str("<span class=\"number\">")
		h.int(i + 1)
		h.str(".</span> ")
		h.attr(item)
	}
	h.str("</code></pre>\n</figure>\n")
}

func (h *htmlWriter) paragraphs(ps []string) {
	for _, s := range ps {
		h.str("<p>")
		h.text(s)
		h.str("</p>\n")
	}
}

// htmlPieces holds, for each heading offset, the longest runs of markup
// an incident has between two pieces of text.
var htmlPieces = func() (t [6]struct {
	titleStart string    // after the ID in <article id="…">, to the ID in the title's link
	titleEnd   string    // after the title, to the role in the role badge's class
	parts      [4]string // each section's start, to its first paragraph
}) {
	names := (&incident.Incident{}).Sections()
	for off := range t {
		c := config{headingOffset: off}
		h2, h3 := strconv.Itoa(c.heading(2)), strconv.Itoa(c.heading(3))
		t[off].titleStart = "\" class=\"incident\">\n<h" + h2 + " class=\"incident-title\"><a href=\"#"
		t[off].titleEnd = "</a></h" + h2 + ">\n<p class=\"meta\"><span class=\"badge role role-"
		for k, s := range names {
			t[off].parts[k] = "<section class=\"part\">\n<h" + h3 + " class=\"part-title\">" + s.Name + "</h" + h3 + ">\n"
		}
	}
	return t
}()

func (h *htmlWriter) headingStart(n int, class string) {
	h.str("<h")
	h.byte('0' + byte(h.c.heading(n)))
	h.str(" class=\"")
	h.str(class)
	h.str("\">")
}

func (h *htmlWriter) headingEnd(n int) {
	h.str("</h")
	h.byte('0' + byte(h.c.heading(n)))
	h.str(">\n")
}

// linkStart opens a link to href when it is a safe URL, and reports
// whether it did.
func (h *htmlWriter) linkStart(href string) bool {
	if !htmlSafeHref(href) {
		return false
	}
	h.str("<a href=\"")
	h.href(href)
	h.str("\">")
	return true
}

// href writes a URL as an attribute value. Bytes a URL may not hold as
// they are, such as < or ", are percent-encoded, as a browser would
// before following the link.
func (h *htmlWriter) href(s string) {
	const hex = "0123456789ABCDEF"
	last, fragment := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case htmlURLTail[c] && c != '#' || c >= 0x80 || c == '[' || c == ']':
			continue
		case c == '%' && i+2 < len(s) && htmlIsHex(s[i+1]) && htmlIsHex(s[i+2]):
			continue
		case c == '#' && !fragment:
			fragment = true
			continue
		}
		h.attr(s[last:i])
		h.byte('%')
		h.byte(hex[c>>4])
		h.byte(hex[c&15])
		last = i + 1
	}
	h.attr(s[last:])
}

func (h *htmlWriter) linkEnd(opened bool) {
	if opened {
		h.str("</a>")
	}
}

// htmlSafeHref reports whether s may be a link's target: an
// incident.SafeURL other than "". incident.SafeURL parses the URL, which
// allocates; the common cases are decided here without it: plain http,
// https, absolute-path and fragment URLs are safe, and any other scheme is
// not.
func htmlSafeHref(s string) bool {
	if s == "" {
		return false
	}
	scheme, ok := htmlURLScheme(s)
	switch {
	case !ok:
		return false
	case scheme == "" && (s[0] == '#' || s[0] == '/' && (len(s) == 1 || s[1] != '/')):
		if htmlPlainURLTail(s) {
			return true
		}
	case (scheme == "https" || scheme == "http") && len(s) > len(scheme)+3 && s[len(scheme):len(scheme)+3] == "://":
		rest := s[len(scheme)+3:]
		host := 0
		for host < len(rest) && htmlURLHost[rest[host]] {
			host++
		}
		if host > 0 && htmlPlainURLTail(rest[host:]) && (host == len(rest) || rest[host] == '/' || rest[host] == '?' || rest[host] == '#') {
			return true
		}
	case scheme != "" && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "mailto"):
		return false
	}
	return incident.SafeURL(s)
}

// htmlURLScheme returns the scheme of s as net/url reads it, or "" when s
// has none; ok is false when s starts with ':'.
func htmlURLScheme(s string) (scheme string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return "", true
			}
		case c == ':':
			return s[:i], i > 0
		default:
			return "", true
		}
	}
	return "", true
}

// htmlPlainURLTail reports whether the path, query and fragment s holds
// only bytes no URL parser objects to: letters, digits, the punctuation
// of htmlURLTail and well-formed percent escapes.
func htmlPlainURLTail(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !htmlIsHex(s[i+1]) || !htmlIsHex(s[i+2]) {
				return false
			}
			i += 2
			continue
		}
		if !htmlURLTail[c] {
			return false
		}
	}
	return true
}

func htmlIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// htmlURLHost and htmlURLTail mark the bytes of a plain host name, and of
// a plain path, query and fragment.
var htmlURLHost, htmlURLTail = func() (host, tail [256]bool) {
	for c := range 256 {
		host[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.'
		tail[c] = host[c]
	}
	for _, c := range "_~/?#&=+,;:@!$*()'" {
		tail[c] = true
	}
	return host, tail
}()

// int writes a non-negative number.
func (h *htmlWriter) int(n int) {
	var b [20]byte
	for _, c := range strconv.AppendInt(b[:0], int64(n), 10) {
		h.byte(c)
	}
}

// digits writes n with at least width digits, zero-padded.
func (h *htmlWriter) digits(n, width int) {
	var b [20]byte
	d := strconv.AppendInt(b[:0], int64(n), 10)
	for i := len(d); i < width; i++ {
		h.byte('0')
	}
	for _, c := range d {
		h.byte(c)
	}
}

// isoDuration writes d as an HTML duration string, such as PT4H or P1DT6H30M.
func (h *htmlWriter) isoDuration(d time.Duration) {
	h.byte('P')
	if days := int(d / (24 * time.Hour)); days > 0 {
		h.int(days)
		h.byte('D')
		d -= time.Duration(days) * 24 * time.Hour
	}
	if d == 0 {
		return
	}
	h.byte('T')
	for _, u := range [...]struct {
		unit time.Duration
		name byte
	}{{time.Hour, 'H'}, {time.Minute, 'M'}, {time.Second, 'S'}} {
		if n := int(d / u.unit); n > 0 {
			h.int(n)
			h.byte(u.name)
			d -= time.Duration(n) * u.unit
		}
	}
}

var htmlMonths = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// machineDate writes d as 2023, 2023-03 or 2023-03-14.
func (h *htmlWriter) machineDate(d incident.Date) {
	h.digits(d.Year, 4)
	if d.Month >= 1 && d.Month <= 12 {
		h.byte('-')
		h.digits(int(d.Month), 2)
		if d.Day > 0 {
			h.byte('-')
			h.digits(d.Day, 2)
		}
	}
}

// humanDate writes d as 2023, March 2023 or 14 March 2023.
func (h *htmlWriter) humanDate(d incident.Date) {
	if d.Month >= 1 && d.Month <= 12 {
		if d.Day > 0 {
			h.int(d.Day)
			h.byte(' ')
		}
		h.str(htmlMonths[d.Month-1])
		h.byte(' ')
	}
	h.int(d.Year)
}

func (h *htmlWriter) date(d incident.Date) {
	h.str("<time datetime=\"")
	h.machineDate(d)
	h.str("\">")
	h.humanDate(d)
	h.str("</time>")
}

// period writes a date, or a range of two as "14 March 2023 – 16 March 2023".
func (h *htmlWriter) period(p incident.Period) {
	h.date(p.Start)
	if !p.End.IsZero() && p.End != p.Start { // a one-day range is that day
		h.str(" – ")
		h.date(p.End)
	}
}

// Escaping. The tables classify every byte: clean bytes are copied as
// they are, escaped ones replaced, and the lead bytes of multi-byte UTF-8
// sequences decoded to catch invalid UTF-8 and C1 control characters.
const (
	htmlEscClean = iota
	htmlEscByte
	htmlEscRune
)

type htmlEscaper struct {
	class  [256]uint8
	stop   *scan.Set     // the bytes of a class other than htmlEscClean
	fast   *scan.Escaper // the same, replaced in one vector loop
	repl   [128]string
	bad    string // for invalid UTF-8 and control characters
	ls, ps string // the replacements of U+2028 and U+2029
}

// htmlTextEsc is for element content, where the line and paragraph
// separators, which browsers draw as nothing, become line breaks;
// htmlAttrEsc is for attribute values and <title>, where they become
// spaces.
var (
	htmlTextEsc = newHTMLEscaper("\uFFFD", "<br>", "<br>", "&&amp;", "<&lt;", ">&gt;", "\"&#34;", "'&#39;")
	htmlAttrEsc = newHTMLEscaper("\uFFFD", " ", " ", "&&amp;", "<&lt;", ">&gt;", "\"&#34;", "'&#39;")
)

var htmlJSONEsc = newHTMLEscaper(`\ufffd`, `\u2028`, `\u2029`, `"\"`, `\\\`, `<\u003c`, `>\u003e`, `&\u0026`)

// newHTMLEscaper builds the tables from pairs given as one string each: the
// byte to replace followed by its replacement. Control characters become
// bad, U+2028 ls and U+2029 ps; bidi embedding, override and isolate
// controls are dropped.
func newHTMLEscaper(bad, ls, ps string, pairs ...string) *htmlEscaper {
	e := &htmlEscaper{bad: bad, ls: ls, ps: ps}
	for c := 0; c < 256; c++ {
		switch {
		case c < 0x20 || c == 0x7f:
			e.class[c], e.repl[c] = htmlEscByte, bad
		case c >= 0x80:
			e.class[c] = htmlEscRune
		}
	}
	for _, p := range pairs {
		e.class[p[0]], e.repl[p[0]] = htmlEscByte, p[1:]
	}
	e.stop = scan.New(func(c byte) bool { return e.class[c] != htmlEscClean })
	e.fast = scan.NewEscaper(func(c byte) bool { return e.class[c] != htmlEscClean },
		func(c byte) string { return e.repl[c] }, scan.EscapeOptions{LineSeps: true, Bidi: true})
	return e
}

// escape writes s through e.
func (h *htmlWriter) escape(e *htmlEscaper, s string) { *h.buf = h.appendEscaped(e, *h.buf, s) }

// escapeSpan is escape with a Span and a copy for every clean run.
func (h *htmlWriter) escapeSpan(e *htmlEscaper, s string) {
	last := 0
	for i := 0; i < len(s); {
		i += e.stop.Span(s[i:])
		if i == len(s) {
			break
		}
		h.str(s[last:i])
		i += h.escapeRune(e, s[i:])
		last = i
	}
	h.str(s[last:])
}

// escapeRune writes the escaped form of the byte or rune s starts with, a
// member of e.stop, and returns its length.
func (h *htmlWriter) escapeRune(e *htmlEscaper, s string) int {
	c := s[0]
	if e.class[c] != htmlEscRune {
		h.str(e.repl[c&0x7f])
		return 1
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && n == 1, r < 0xa0, r >= 0xfdd0 && (r <= 0xfdef || r&0xfffe == 0xfffe):
		// Invalid UTF-8, C1 controls, and noncharacters, which are parse
		// errors in HTML.
		h.str(e.bad)
	case htmlBidiControl(r):
		// Dropped: it would reorder the text after it, beyond its field.
	case r == '\u2028':
		h.str(e.ls)
	case r == '\u2029':
		h.str(e.ps)
	default:
		h.str(s[:n])
	}
	return n
}

// htmlBidiControl reports whether r opens or closes a bidi embedding,
// override or isolate (U+202A to U+202E, U+2066 to U+2069). The marks LRM,
// RLM and ALM, which right-to-left text needs and which reorder nothing
// beyond their neighbours, are not among them.
func htmlBidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// text writes s escaped for HTML element content.
func (h *htmlWriter) text(s string) { h.escape(htmlTextEsc, s) }

// attr writes s escaped for a quoted attribute value or <title>.
func (h *htmlWriter) attr(s string) { h.escape(htmlAttrEsc, s) }

// jsonString writes s as a JSON string safe inside a <script> element.
func (h *htmlWriter) jsonString(s string) {
	h.byte('"')
	h.escape(htmlJSONEsc, s)
	h.byte('"')
}

// jsonLD writes the schema.org description of the selected incidents.
func (h *htmlWriter) jsonLD() {
	h.str("<script type=\"application/ld+json\">\n{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"name\":")
	h.jsonString(h.p.Title)
	if h.p.Tagline != "" {
		h.str(",\"description\":")
		h.jsonString(h.p.Tagline)
	}
	h.str(",\"numberOfItems\":")
	h.int(h.sel.Len())
	h.str(",\"itemListElement\":[")
	for i := range h.sel.Len() {
		in := h.sel.At(i)
		if i > 0 {
			h.byte(',')
		}
		h.str("\n{\"@type\":\"ListItem\",\"position\":")
		h.int(i + 1)
		h.str(",\"item\":{\"@type\":\"Article\",\"@id\":\"#")
		h.escape(htmlJSONEsc, string(in.ID))
		h.str("\",\"url\":\"#")
		h.escape(htmlJSONEsc, string(in.ID))
		h.str("\",\"name\":")
		h.jsonString(in.Title)
		if len(in.Situation) > 0 {
			h.str(",\"description\":\"")
			for j, s := range in.Situation {
				if j > 0 {
					h.byte(' ')
				}
				h.escape(htmlJSONEsc, s)
			}
			h.byte('"')
		}
		h.str(",\"genre\":")
		h.jsonString(h.p.RoleLabel(in.Role))
		if !in.When.IsZero() {
			h.str(",\"dateCreated\":\"")
			h.machineDate(in.When.Start)
			h.byte('"')
		}
		if len(in.Tags) > 0 {
			h.str(",\"keywords\":[")
			for j, t := range in.Tags {
				if j > 0 {
					h.byte(',')
				}
				h.jsonString(t)
			}
			h.byte(']')
		}
		h.str("}}")
	}
	h.str("]}\n</script>\n")
}
