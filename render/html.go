package render

import (
	"cmp"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/scan"
)

// Fragment makes HTML write only the portfolio itself, a <section> ready
// to embed in another page, without the document around it (doctype,
// html, head, body and the <style>). Style it with HTMLStyle.
func Fragment() Option { return only(optFragment, func(c *config) { c.fragment = true }) }

// JSONLD makes HTML add a <script type="application/ld+json"> describing
// the incidents for search engines: a schema.org ItemList of Articles
// with name, description, date and keywords where known. It goes in the
// head of a document, or at the start of a Fragment.
func JSONLD() Option { return only(optJSONLD, func(c *config) { c.jsonLD = true }) }

// Lang sets the language of the portfolio's text, a BCP 47 tag such as
// "de" or "pt-BR". In HTML it is the lang attribute of <html>, or of the
// Fragment's <section>: without it a document says "en" and a fragment
// says nothing (it takes the page's). In every format it sets how the
// numbers of figures read: their digit grouping and decimal mark, such as
// 5,000 and 1.5 in English (the default, and the form of any language
// not listed), 5.000 and 1,5 in German, Italian, Dutch and Portuguese,
// 5 000 and 1,5 in French (a narrow no-break space), Russian, Swedish and
// European Portuguese (a no-break space), 5’000 in Swiss German, and 5000
// but 50.000 in Spanish and 50 000 in Polish. JSON's numbers stay
// numbers; only its text reads them so. A tag of other than ASCII
// letters, digits and hyphens, or longer than 35 bytes, is ignored.
func Lang(tag string) Option {
	return only(optLang, func(c *config) {
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
// to "#database-connection-pool-exhaustion"; its timeline, if any, is a
// <figure> of an ordered list, each event's state told by a marker's
// shape and a word, not by colour alone; times are <time> elements
// whose datetime is ISO 8601) and the lessons block, styled
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
	pg, err := newPage(w, p, opts, "HTML", optFragment|optJSONLD|optLang)
	if err != nil {
		return err
	}
	pg.html = htmlWriter{spare: &pg.sp, c: &pg.c, p: &pg.p, sel: pg.sel}
	return pg.draw(&pg.html)
}

// htmlWriter writes a page as HTML.
type htmlWriter struct {
	*spare
	c   *config
	p   *incident.Portfolio
	sel selection
}

func (h *htmlWriter) begin() {
	lang := h.c.lang
	if h.c.fragment {
		h.str("<section class=\"incident-portfolio\"")
	} else {
		lang = cmp.Or(lang, "en")
		h.str("<!doctype html>\n<html")
	}
	if lang != "" {
		h.str(" lang=\"")
		h.str(lang)
		h.byte('"')
	}
	h.str(">\n")
	if !h.c.fragment {
		h.head()
	}
	if h.c.jsonLD {
		h.jsonLD()
	}
	if !h.c.fragment {
		h.str("</head>\n<body>\n<div class=\"incident-portfolio\">\n")
	}
}

// head writes a document's head, up to the JSON-LD.
func (h *htmlWriter) head() {
	h.str("<head>\n<meta charset=\"utf-8\">\n" +
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
	h.str(htmlStyle)
	if h.timelines() {
		h.str(htmlTimelineStyle)
	}
	h.str("</style>\n")
}

// timelines reports whether the page draws a timeline.
func (h *htmlWriter) timelines() bool {
	for i := range h.sel.Len() {
		if !h.c.noDetails && len(h.sel.At(i).Timeline) > 0 {
			return true
		}
	}
	return false
}

func (h *htmlWriter) end() {
	if h.c.fragment {
		h.str("</div>\n</section>\n")
	} else {
		h.str("</main>\n</div>\n</body>\n</html>\n")
	}
}

// header writes the header, then opens the rest of the page.
func (h *htmlWriter) header(back link, title, tagline string) {
	if back.text != "" || title != "" || tagline != "" {
		h.str("<header>\n")
		if back.text != "" {
			h.str("<p class=\"back\">")
			a := h.linkStart(back)
			if !strings.HasPrefix(back.text, backArrow) { // the text's own arrow is enough
				h.str("<span aria-hidden=\"true\">" + backArrow + " </span>")
			}
			h.text(back.text)
			h.linkEnd(a)
			h.str("</p>\n")
		}
		if title != "" {
			h.headingStart(1, "portfolio-title")
			h.text(title)
			h.headingEnd(1)
		}
		if tagline != "" {
			h.str("<p class=\"tagline\">")
			h.text(tagline)
			h.str("</p>\n")
		}
		h.str("</header>\n")
	}
	if h.c.fragment {
		h.str("<div class=\"incidents\">\n")
	} else {
		h.str("<main>\n")
	}
}

func (h *htmlWriter) intro(ps []string) {
	h.str("<div class=\"intro\">\n")
	for _, s := range ps {
		h.str("<p>")
		h.text(s)
		h.str("</p>\n")
	}
	h.str("</div>\n")
}

func (h *htmlWriter) legend(label string, roles []incident.RoleDef, sevs []severity) {
	h.str("<p class=\"legend\"><span class=\"legend-label\">")
	h.text(label)
	h.str(":</span>")
	// Each group, the roles and the severities, is a box of its own,
	// which the stylesheet keeps whole where it fits a line; the "|"
	// between them ends the first.
	if len(roles) > 0 {
		h.str("\n<span class=\"legend-group\">")
		for i, d := range roles {
			if i > 0 {
				h.byte('\n')
			}
			h.str("<span class=\"badge role role-")
			h.attr(string(d.Key))
			h.str("\">")
			h.text(d.Label)
			h.str("</span>")
		}
		if len(sevs) > 0 {
			h.str("\n<span class=\"legend-sep\" aria-hidden=\"true\">|</span>")
		}
		h.str("</span>")
	}
	if len(sevs) > 0 {
		h.str("\n<span class=\"legend-group\">")
		for i, d := range sevs {
			if i > 0 {
				h.byte('\n')
			}
			h.sevBadge(d)
		}
		h.str("</span>")
	}
	h.str("</p>\n")
}

// sevBadge writes a severity's badge, in the legend and on a card
// alike: its code and, visibly, its label.
func (h *htmlWriter) sevBadge(d severity) {
	h.str("<span class=\"badge sev sev-")
	h.byte(d.rank)
	h.str("\">")
	h.text(string(d.Code))
	if d.Label != "" {
		h.byte(' ')
		h.text(d.Label)
	}
	h.str("</span>")
}

func (h *htmlWriter) empty(notice string) {
	h.str("<p class=\"empty\">")
	h.str(notice)
	h.str("</p>\n")
}

func (h *htmlWriter) incidents()    {}
func (h *htmlWriter) incidentsEnd() {}

func (h *htmlWriter) incident(in *incident.Incident, role string, sev severity) {
	pc := &htmlPieces[h.c.headingOffset]
	h.str("<article id=\"")
	h.attr(string(in.ID))
	h.str(pc.titleStart)
	h.attr(string(in.ID))
	h.str("\">")
	h.text(in.Title)
	h.str(pc.titleEnd)
	h.attr(string(in.Role))
	h.str("\">")
	h.text(role)
	h.str("</span>\n")
	h.sevBadge(sev)
	if in.Duration.Text != "" {
		h.str("\n<span class=\"duration\"><span class=\"visually-hidden\">" + durationName + "</span>")
		if in.Duration.Length > 0 {
			var buf [48]byte
			h.str("<time datetime=\"")
			h.raw(appendISODuration(buf[:0], in.Duration.Length))
			h.str("\">")
			h.text(in.Duration.Text)
			h.str("</time>")
		} else {
			h.text(in.Duration.Text)
		}
		h.str("</span>")
	}
	h.str("</p>\n")
}

func (h *htmlWriter) section(k int, s incident.Section) {
	ps := s.Paragraphs
	h.str(htmlPieces[h.c.headingOffset].parts[k])
	if len(ps) == 0 {
		h.str("</section>\n")
		return
	}
	h.str("<p>")
	h.text(ps[0])
	for _, p := range ps[1:] {
		h.str("</p>\n<p>")
		h.text(p)
	}
	h.str("</p>\n</section>\n")
}

func (h *htmlWriter) incidentEnd() { h.str("</article>\n") }

func (h *htmlWriter) details()    { h.str("<dl class=\"details\">\n") }
func (h *htmlWriter) detailsEnd() { h.str("</dl>\n") }

// dt opens the value of a field labelled n.
func (h *htmlWriter) dt(n name) {
	h.str("<div><dt>")
	h.str(n.label)
	h.str("</dt><dd>")
}

func (h *htmlWriter) when(n name, start, end moment) {
	h.dt(n)
	h.moment(start)
	if !end.d.IsZero() {
		h.str(rangeDash)
		h.moment(end)
	}
	h.str("</dd></div>\n")
}

// moment writes m in a <time> element whose datetime is its ISO form.
func (h *htmlWriter) moment(m moment) {
	var buf [48]byte
	h.str("<time datetime=\"")
	h.raw(m.appendISO(buf[:0]))
	h.str("\">")
	words, n := m.words()
	for i, w := range words[:n] {
		if i > 0 {
			h.byte(' ')
		}
		h.raw(w.appendWord(buf[:0]))
	}
	h.str("</time>")
}

func (h *htmlWriter) span(n name, d time.Duration) {
	var buf [64]byte
	h.dt(n)
	h.str("<time datetime=\"")
	h.raw(appendISODuration(buf[:0], d))
	h.str("\">")
	h.raw(incident.AppendLength(buf[:0], d))
	h.str("</time></dd></div>\n")
}

// timeline draws the timeline as a figure: an ordered list of the
// events, each after a marker whose shape, like its word, tells the
// service's state (see htmlTimelineStyle).
func (h *htmlWriter) timeline(n name) {
	h.str("<figure class=\"timeline\">\n<figcaption class=\"part-title\">")
	h.str(n.label)
	h.str("</figcaption>\n<ol>\n")
}

func (h *htmlWriter) event(e *incident.Event, at moment) {
	h.str("<li><span class=\"event-marker")
	if e.State != "" {
		h.str(" state-")
		h.attr(string(e.State))
	}
	h.str("\" aria-hidden=\"true\"></span>")
	h.moment(at)
	if e.Kind != "" {
		h.str(separator + "<span class=\"event-kind\">")
		h.text(e.Kind.String())
		h.str("</span>")
	}
	if e.State != "" {
		h.str(separator + "<span class=\"event-state state-")
		h.attr(string(e.State))
		h.str("\">")
		h.text(e.State.String())
		h.str("</span>")
	}
	h.str(separator)
	h.text(e.Text)
	h.str("</li>\n")
}

func (h *htmlWriter) timelineEnd() { h.str("</ol>\n</figure>\n") }

func (h *htmlWriter) field(n name, _, value string) {
	h.dt(n)
	h.text(value)
	h.str("</dd></div>\n")
}

func (h *htmlWriter) tags(n name, tags []string) {
	h.dt(n)
	h.str("<ul class=\"tags\">")
	for _, t := range tags {
		h.str("<li>")
		h.text(t)
		h.str("</li>")
	}
	h.str("</ul></dd></div>\n")
}

func (h *htmlWriter) list(n name) {
	h.dt(n)
	h.str("<ul class=\"")
	if n == impactName || n == resultsName {
		h.str("figures")
	} else {
		h.str(n.key)
	}
	h.str("\">\n")
}

func (h *htmlWriter) listEnd() { h.str("</ul></dd></div>\n") }

func (h *htmlWriter) figure(f *incident.Figure) {
	h.str("<li><span class=\"figure-label\">")
	h.text(f.Label)
	h.str(":</span> ")
	if f.HasBefore {
		h.number(f.Before, f.BeforeText, f.Unit)
		h.str(" <span aria-hidden=\"true\">" + figureArrow + "</span>")
		h.str("<span class=\"visually-hidden\">" + toName + "</span> ")
	}
	h.number(f.Value, f.ValueText, f.Unit)
	if f.Note != "" {
		h.str(" <span class=\"figure-note\">(")
		h.text(f.Note)
		h.str(")</span>")
	}
	h.str("</li>\n")
}

// number writes v, or text when the figure is text, and its unit: "1.2 h", "70%".
func (h *htmlWriter) number(v float64, text, unit string) {
	if text != "" {
		h.text(text)
	} else {
		var buf [32]byte
		h.raw(appendNumber(buf[:0], v, h.c.num))
	}
	h.str(unitSpace(unit))
	h.text(unit)
}

func (h *htmlWriter) action(a *incident.Action, marked bool) {
	h.str("<li><span class=\"action-kind\">")
	h.text(a.Kind.String())
	h.str(":</span> ")
	h.text(a.Text)
	switch {
	case !marked:
		h.str("</li>\n")
	case a.Done:
		h.str(" <span class=\"action-state\">(" + doneLabel + ")</span></li>\n")
	default:
		h.str(" <span class=\"action-state\">(" + openLabel + ")</span></li>\n")
	}
}

func (h *htmlWriter) writeUp(l link) {
	h.str("<li>")
	a := h.linkStart(l)
	h.text(l.text)
	if a {
		h.str("</a>")
	}
	if l.kind != "" {
		h.str(" <span class=\"link-kind\">(")
		h.text(l.kind.String())
		h.str(")</span>")
	}
	h.str("</li>\n")
}

func (h *htmlWriter) lessons(l *incident.Lessons) {
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

// htmlPieces holds, for each heading offset, the longest runs of markup
// an incident has between two pieces of text.
var htmlPieces = func() (t [6]struct {
	titleStart string                 // after the ID in <article id="…">, to the ID in the title's link
	titleEnd   string                 // after the title, to the role in the role badge's class
	parts      [len(partOrder)]string // each part's start, to its first paragraph
}) {
	names := parts(&incident.Incident{})
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

// linkStart opens a link to l when it is safe, and reports whether it
// did.
func (h *htmlWriter) linkStart(l link) bool {
	if !l.safe() {
		return false
	}
	h.str("<a href=\"")
	h.href(l.url)
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

// safeHref reports whether s may be a link's target: an
// incident.SafeURL other than "". incident.SafeURL parses the URL, which
// allocates; the common cases are decided here without it: plain http,
// https, absolute-path and fragment URLs are safe, and any other scheme is
// not.
func safeHref(s string) bool {
	if s == "" {
		return false
	}
	scheme, ok := urlScheme(s)
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

// urlScheme returns the scheme of s as net/url reads it, or "" when s
// has none; ok is false when s starts with ':'.
func urlScheme(s string) (scheme string, ok bool) {
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
// With the vector Escaper, it copies a clean run and the replacements and
// plain UTF-8 after it in one call, leaving the rest (rare runes) to
// escapeRune.
func (h *htmlWriter) escape(e *htmlEscaper, s string) {
	for len(s) > 0 {
		if !scan.Vector() || cap(h.b)-len(h.b) < scan.EscapeRoom {
			h.escapeSpan(e, s) // str makes room
			return
		}
		nd, ns := e.fast.Escape(h.b[len(h.b):cap(h.b)], s, 0)
		h.b = h.b[:len(h.b)+nd]
		if s = s[ns:]; len(s) > 0 && cap(h.b)-len(h.b) >= scan.EscapeRoom {
			s = s[h.escapeRune(e, s):]
		}
	}
}

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
	case r == utf8.RuneError && n == 1, r < 0xa0, noncharacter(r):
		// Invalid UTF-8, C1 controls, and noncharacters, which are parse
		// errors in HTML.
		h.str(e.bad)
	case bidiControl(r):
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
			var buf [48]byte
			h.raw(moment{d: in.When.Start}.appendISO(buf[:0]))
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
