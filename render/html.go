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
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// Fragment makes HTML write only the portfolio itself, a <section> ready
// to embed in another page, without the document around it (doctype,
// html, head, body and the <style>). Style it with HTMLStyle.
func Fragment() Option {
	return page.Only(page.OptFragment, func(c *page.Config) { c.Fragment = true })
}

// JSONLD makes HTML add a <script type="application/ld+json"> describing
// the incidents for search engines: a schema.org ItemList of Articles
// with name, description, date and keywords where known. It goes in the
// head of a document, or at the start of a Fragment.
func JSONLD() Option { return page.Only(page.OptJSONLD, func(c *page.Config) { c.JSONLD = true }) }

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
// numbers; only its text reads them so.
//
// A tag is 1 to 35 ASCII letters, digits and hyphens, neither starting
// nor ending with a hyphen; any other value makes every format return an
// error before writing anything. Lang("") names no language: the default,
// as if Lang were not given. The last Lang given wins.
func Lang(tag string) Option {
	if tag != "" && !langTag(tag) {
		return page.Invalid("Lang(" + strconv.Quote(tag) + "): not a language tag: " +
			`want a BCP 47 tag such as "de" or "pt-BR"`)
	}
	return page.Only(page.OptLang, func(c *page.Config) { c.Lang = tag })
}

// langTag reports whether s is shaped like a BCP 47 tag.
func langTag(s string) bool {
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
	d, err := newDoc(w, p, opts, "render: HTML", page.OptFragment|page.OptJSONLD|page.OptLang)
	if err != nil {
		return err
	}
	d.html = htmlWriter{Spare: &d.out, c: &d.C, p: &d.P, sel: d.Sel}
	return d.draw(&d.html)
}

// htmlWriter writes a page as HTML.
type htmlWriter struct {
	*page.Spare
	c   *page.Config
	p   *incident.Portfolio
	sel page.Selection
}

func (h *htmlWriter) Begin() {
	lang := h.c.Lang
	if h.c.Fragment {
		h.Str("<section class=\"incident-portfolio\"")
	} else {
		lang = cmp.Or(lang, "en")
		h.Str("<!doctype html>\n<html")
	}
	if lang != "" {
		h.Str(" lang=\"")
		h.Str(lang)
		h.Byte('"')
	}
	h.Str(">\n")
	if !h.c.Fragment {
		h.head()
	}
	if h.c.JSONLD {
		h.jsonLD()
	}
	if !h.c.Fragment {
		h.Str("</head>\n<body>\n<div class=\"incident-portfolio\">\n")
	}
}

// head writes a document's head, up to the JSON-LD.
func (h *htmlWriter) head() {
	h.Str("<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
	if len(h.c.IDs) == 1 && h.sel.Len() == 1 {
		// A page of one incident is named after it, as a browser's tab
		// or a search result shows it.
		h.attr(h.sel.At(0).Title)
		if h.p.Title != "" {
			h.Str(" · ")
		}
	}
	h.attr(h.p.Title)
	h.Str("</title>\n")
	if h.p.Tagline != "" {
		h.Str("<meta name=\"description\" content=\"")
		h.attr(h.p.Tagline)
		h.Str("\">\n")
	}
	h.Str("<style>\n")
	h.Str(htmlPageStyle)
	h.Str(htmlStyle)
	if h.timelines() {
		h.Str(htmlTimelineStyle)
	}
	h.Str("</style>\n")
}

// timelines reports whether the page draws a timeline.
func (h *htmlWriter) timelines() bool {
	for i := range h.sel.Len() {
		if !h.c.NoDetails && len(h.sel.At(i).Timeline) > 0 {
			return true
		}
	}
	return false
}

func (h *htmlWriter) End() {
	if h.c.Fragment {
		h.Str("</div>\n</section>\n")
	} else {
		h.Str("</main>\n</div>\n</body>\n</html>\n")
	}
}

// Header writes the header, then opens the rest of the page.
func (h *htmlWriter) Header(back page.Link, title, tagline string) {
	if back.Text != "" || title != "" || tagline != "" {
		h.Str("<header>\n")
		if back.Text != "" {
			h.Str("<p class=\"back\">")
			a := h.linkStart(back)
			if !strings.HasPrefix(back.Text, page.BackArrow) { // the text's own arrow is enough
				h.Str("<span aria-hidden=\"true\">" + page.BackArrow + " </span>")
			}
			h.text(back.Text)
			h.linkEnd(a)
			h.Str("</p>\n")
		}
		if title != "" {
			level := '0' + byte(h.c.Heading(1))
			h.Str("<h")
			h.Byte(level)
			h.Str(" class=\"portfolio-title\">")
			h.text(title)
			h.Str("</h")
			h.Byte(level)
			h.Str(">\n")
		}
		if tagline != "" {
			h.Str("<p class=\"tagline\">")
			h.text(tagline)
			h.Str("</p>\n")
		}
		h.Str("</header>\n")
	}
	if h.c.Fragment {
		h.Str("<div class=\"incidents\">\n")
	} else {
		h.Str("<main>\n")
	}
}

func (h *htmlWriter) Intro(ps []string) {
	h.Str("<div class=\"intro\">\n")
	for _, s := range ps {
		h.Str("<p>")
		h.text(s)
		h.Str("</p>\n")
	}
	h.Str("</div>\n")
}

func (h *htmlWriter) Legend(label string, roles []incident.RoleDef, sevs []page.Severity) {
	h.Str("<p class=\"legend\"><span class=\"legend-label\">")
	h.text(label)
	h.Str(":</span>")
	// Each group, the roles and the severities, is a box of its own,
	// which the stylesheet keeps whole where it fits a line; the "|"
	// between them ends the first.
	if len(roles) > 0 {
		h.Str("\n<span class=\"legend-group\">")
		for i, d := range roles {
			if i > 0 {
				h.Byte('\n')
			}
			h.Str("<span class=\"badge role role-")
			h.attr(string(d.Key))
			h.Str("\">")
			h.text(d.Label)
			h.Str("</span>")
		}
		if len(sevs) > 0 {
			h.Str("\n<span class=\"legend-sep\" aria-hidden=\"true\">|</span>")
		}
		h.Str("</span>")
	}
	if len(sevs) > 0 {
		h.Str("\n<span class=\"legend-group\">")
		for i, d := range sevs {
			if i > 0 {
				h.Byte('\n')
			}
			h.sevBadge(d)
		}
		h.Str("</span>")
	}
	h.Str("</p>\n")
}

// sevBadge writes a severity's badge, in the legend and on a card
// alike: its code and, visibly, its label.
func (h *htmlWriter) sevBadge(d page.Severity) {
	h.Str("<span class=\"badge sev sev-")
	h.Byte(d.Rank)
	h.Str("\">")
	h.text(string(d.Code))
	if d.Label != "" {
		h.Byte(' ')
		h.text(d.Label)
	}
	h.Str("</span>")
}

func (h *htmlWriter) Empty(notice string) {
	h.Str("<p class=\"empty\">")
	h.Str(notice)
	h.Str("</p>\n")
}

func (h *htmlWriter) Incidents()    {}
func (h *htmlWriter) IncidentsEnd() {}

func (h *htmlWriter) Incident(in *incident.Incident, role string, sev page.Severity) {
	pc := &htmlPieces[h.c.HeadingOffset]
	h.Str("<article id=\"")
	h.attr(string(in.ID))
	h.Str(pc.titleStart)
	h.attr(string(in.ID))
	h.Str("\">")
	h.text(in.Title)
	h.Str(pc.titleEnd)
	h.attr(string(in.Role))
	h.Str("\">")
	h.text(role)
	h.Str("</span>\n")
	h.sevBadge(sev)
	if in.Duration.Text != "" {
		h.Str("\n<span class=\"duration\"><span class=\"visually-hidden\">" + page.DurationName + "</span>")
		if in.Duration.Length > 0 {
			var buf [48]byte
			h.Str("<time datetime=\"")
			h.Raw(page.AppendISODuration(buf[:0], in.Duration.Length))
			h.Str("\">")
			h.text(in.Duration.Text)
			h.Str("</time>")
		} else {
			h.text(in.Duration.Text)
		}
		h.Str("</span>")
	}
	h.Str("</p>\n")
}

func (h *htmlWriter) Section(k int, s incident.Section) {
	ps := s.Paragraphs
	h.Str(htmlPieces[h.c.HeadingOffset].parts[k])
	if len(ps) == 0 {
		h.Str("</section>\n")
		return
	}
	h.Str("<p>")
	h.text(ps[0])
	for _, p := range ps[1:] {
		h.Str("</p>\n<p>")
		h.text(p)
	}
	h.Str("</p>\n</section>\n")
}

func (h *htmlWriter) IncidentEnd() { h.Str("</article>\n") }

func (h *htmlWriter) Details()    { h.Str("<dl class=\"details\">\n") }
func (h *htmlWriter) DetailsEnd() { h.Str("</dl>\n") }

// dt opens the value of a field labelled n.
func (h *htmlWriter) dt(n page.Name) {
	h.Str("<div><dt>")
	h.Str(n.Label)
	h.Str("</dt><dd>")
}

func (h *htmlWriter) When(n page.Name, start, end page.Moment) {
	h.dt(n)
	h.moment(start)
	if !end.D.IsZero() {
		h.Str(page.RangeDash)
		h.moment(end)
	}
	h.Str("</dd></div>\n")
}

// moment writes m in a <time> element whose datetime is its ISO form.
func (h *htmlWriter) moment(m page.Moment) {
	var buf [48]byte
	h.Str("<time datetime=\"")
	h.Raw(m.AppendISO(buf[:0]))
	h.Str("\">")
	words, n := m.Words()
	for i, w := range words[:n] {
		if i > 0 {
			h.Byte(' ')
		}
		h.Raw(w.AppendWord(buf[:0]))
	}
	h.Str("</time>")
}

func (h *htmlWriter) Span(n page.Name, d time.Duration) {
	var buf [64]byte
	h.dt(n)
	h.Str("<time datetime=\"")
	h.Raw(page.AppendISODuration(buf[:0], d))
	h.Str("\">")
	h.Raw(incident.AppendLength(buf[:0], d))
	h.Str("</time></dd></div>\n")
}

// Timeline draws the timeline as a figure: an ordered list of the
// events, each after a marker whose shape, like its word, tells the
// service's state (see htmlTimelineStyle).
func (h *htmlWriter) Timeline(n page.Name) {
	h.Str("<figure class=\"timeline\">\n<figcaption class=\"part-title\">")
	h.Str(n.Label)
	h.Str("</figcaption>\n<ol>\n")
}

func (h *htmlWriter) Event(e *incident.Event, at page.Moment) {
	h.Str("<li><span class=\"event-marker")
	if e.State != "" {
		h.Str(" state-")
		h.attr(string(e.State))
	}
	h.Str("\" aria-hidden=\"true\"></span>")
	h.moment(at)
	if e.Kind != "" {
		h.Str(page.Separator + "<span class=\"event-kind\">")
		h.text(e.Kind.String())
		h.Str("</span>")
	}
	if e.State != "" {
		h.Str(page.Separator + "<span class=\"event-state state-")
		h.attr(string(e.State))
		h.Str("\">")
		h.text(e.State.String())
		h.Str("</span>")
	}
	h.Str(page.Separator)
	h.text(e.Text)
	h.Str("</li>\n")
}

func (h *htmlWriter) TimelineEnd() { h.Str("</ol>\n</figure>\n") }

func (h *htmlWriter) Field(n page.Name, _, value string) {
	h.dt(n)
	h.text(value)
	h.Str("</dd></div>\n")
}

func (h *htmlWriter) Tags(n page.Name, tags []string) {
	h.dt(n)
	h.Str("<ul class=\"tags\">")
	for _, t := range tags {
		h.Str("<li>")
		h.text(t)
		h.Str("</li>")
	}
	h.Str("</ul></dd></div>\n")
}

func (h *htmlWriter) List(n page.Name) {
	h.dt(n)
	h.Str("<ul class=\"")
	if n == page.ImpactName || n == page.ResultsName {
		h.Str("figures")
	} else {
		h.Str(n.Key)
	}
	h.Str("\">\n")
}

func (h *htmlWriter) ListEnd() { h.Str("</ul></dd></div>\n") }

func (h *htmlWriter) Figure(f *incident.Figure) {
	h.Str("<li><span class=\"figure-label\">")
	h.text(f.Label)
	h.Str(":</span> ")
	if f.HasBefore {
		h.number(f.Before, f.BeforeText, f.Unit)
		h.Str(" <span aria-hidden=\"true\">" + page.FigureArrow + "</span>")
		h.Str("<span class=\"visually-hidden\">" + page.ToName + "</span> ")
	}
	h.number(f.Value, f.ValueText, f.Unit)
	if f.Note != "" {
		h.Str(" <span class=\"figure-note\">(")
		h.text(f.Note)
		h.Str(")</span>")
	}
	h.Str("</li>\n")
}

// number writes v, or text when the figure is text, and its unit: "1.2 h", "70%".
func (h *htmlWriter) number(v float64, text, unit string) {
	if text != "" {
		h.text(text)
	} else {
		var buf [32]byte
		h.Raw(page.AppendNumber(buf[:0], v, h.c.Num))
	}
	h.Str(page.UnitSpace(unit))
	h.text(unit)
}

func (h *htmlWriter) Action(a *incident.Action, marked bool) {
	h.Str("<li><span class=\"action-kind\">")
	h.text(a.Kind.String())
	h.Str(":</span> ")
	h.text(a.Text)
	switch {
	case !marked:
		h.Str("</li>\n")
	case a.Done:
		h.Str(" <span class=\"action-state\">(" + page.DoneLabel + ")</span></li>\n")
	default:
		h.Str(" <span class=\"action-state\">(" + page.OpenLabel + ")</span></li>\n")
	}
}

func (h *htmlWriter) WriteUp(l page.Link) {
	h.Str("<li>")
	a := h.linkStart(l)
	h.text(l.Text)
	h.linkEnd(a)
	if l.Kind != "" {
		h.Str(" <span class=\"link-kind\">(")
		h.text(l.Kind.String())
		h.Str(")</span>")
	}
	h.Str("</li>\n")
}

func (h *htmlWriter) Lessons(l *incident.Lessons) {
	h.Str("<figure class=\"lessons\">\n")
	if l.File != "" {
		h.Str("<figcaption>")
		h.text(l.File)
		h.Str("</figcaption>\n")
	}
	h.Str("<pre><code>")
	if l.Heading != "" {
		h.Str("<span class=\"comment\"># ")
		h.attr(l.Heading) // a listing's line: a line separator is a space, not a <br>
		h.Str("</span>\n")
	}
	for i, item := range l.Items {
		if i > 0 {
			h.Byte('\n')
		}
		h.Str("<span class=\"number\">")
		h.Int(i + 1)
		h.Str(".</span> ")
		h.attr(item)
	}
	h.Str("</code></pre>\n</figure>\n")
}

// htmlPieces holds, for each heading offset, the longest runs of markup
// an incident has between two pieces of text.
var htmlPieces = func() (t [6]struct {
	titleStart string                      // after the ID in <article id="…">, to the ID in the title's link
	titleEnd   string                      // after the title, to the role in the role badge's class
	parts      [len(page.PartOrder)]string // each part's start, to its first paragraph
}) {
	names := page.Parts(&incident.Incident{})
	for off := range t {
		c := page.Config{HeadingOffset: off}
		h2, h3 := strconv.Itoa(c.Heading(2)), strconv.Itoa(c.Heading(3))
		t[off].titleStart = "\" class=\"incident\">\n<h" + h2 + " class=\"incident-title\"><a href=\"#"
		t[off].titleEnd = "</a></h" + h2 + ">\n<p class=\"meta\"><span class=\"badge role role-"
		for k, s := range names {
			t[off].parts[k] = "<section class=\"part\">\n" +
				"<h" + h3 + " class=\"part-title\">" + s.Name + "</h" + h3 + ">\n"
		}
	}
	return t
}()

// linkStart opens a link to l when it is safe, and reports whether it
// did.
func (h *htmlWriter) linkStart(l page.Link) bool {
	if !l.Safe() {
		return false
	}
	h.Str("<a href=\"")
	h.href(l.URL)
	h.Str("\">")
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
		case page.URLTail[c] && c != '#' || c >= 0x80 || c == '[' || c == ']':
			continue
		case c == '%' && i+2 < len(s) && page.IsHex(s[i+1]) && page.IsHex(s[i+2]):
			continue
		case c == '#' && !fragment:
			fragment = true
			continue
		}
		h.attr(s[last:i])
		h.Byte('%')
		h.Byte(hex[c>>4])
		h.Byte(hex[c&15])
		last = i + 1
	}
	h.attr(s[last:])
}

func (h *htmlWriter) linkEnd(opened bool) {
	if opened {
		h.Str("</a>")
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
// With the vector Escaper, it copies a clean run and the replacements and
// plain UTF-8 after it in one call, leaving the rest (rare runes) to
// escapeRune.
func (h *htmlWriter) escape(e *htmlEscaper, s string) {
	for len(s) > 0 {
		if !scan.Vector() || cap(h.B)-len(h.B) < scan.EscapeRoom {
			h.escapeSpan(e, s) // str makes room
			return
		}
		nd, ns := e.fast.Escape(h.B[len(h.B):cap(h.B)], s, 0)
		h.B = h.B[:len(h.B)+nd]
		if s = s[ns:]; len(s) > 0 && cap(h.B)-len(h.B) >= scan.EscapeRoom {
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
		h.Str(s[last:i])
		i += h.escapeRune(e, s[i:])
		last = i
	}
	h.Str(s[last:])
}

// escapeRune writes the escaped form of the byte or rune s starts with, a
// member of e.stop, and returns its length.
func (h *htmlWriter) escapeRune(e *htmlEscaper, s string) int {
	c := s[0]
	if e.class[c] != htmlEscRune {
		h.Str(e.repl[c&0x7f])
		return 1
	}
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && n == 1, r < 0xa0, page.Noncharacter(r):
		// Invalid UTF-8, C1 controls, and noncharacters, which are parse
		// errors in HTML.
		h.Str(e.bad)
	case page.BidiControl(r):
		// Dropped: it would reorder the text after it, beyond its field.
	case r == '\u2028':
		h.Str(e.ls)
	case r == '\u2029':
		h.Str(e.ps)
	default:
		h.Str(s[:n])
	}
	return n
}

// text writes s escaped for HTML element content.
func (h *htmlWriter) text(s string) { h.escape(htmlTextEsc, s) }

// attr writes s escaped for a quoted attribute value or <title>.
func (h *htmlWriter) attr(s string) { h.escape(htmlAttrEsc, s) }

// jsonString writes s as a JSON string safe inside a <script> element.
func (h *htmlWriter) jsonString(s string) {
	h.Byte('"')
	h.escape(htmlJSONEsc, s)
	h.Byte('"')
}

// jsonLD writes the schema.org description of the selected incidents.
func (h *htmlWriter) jsonLD() {
	h.Str("<script type=\"application/ld+json\">\n" +
		"{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"name\":")
	h.jsonString(h.p.Title)
	if h.p.Tagline != "" {
		h.Str(",\"description\":")
		h.jsonString(h.p.Tagline)
	}
	h.Str(",\"numberOfItems\":")
	h.Int(h.sel.Len())
	h.Str(",\"itemListElement\":[")
	for i := range h.sel.Len() {
		in := h.sel.At(i)
		if i > 0 {
			h.Byte(',')
		}
		h.Str("\n{\"@type\":\"ListItem\",\"position\":")
		h.Int(i + 1)
		h.Str(",\"item\":{\"@type\":\"Article\",\"@id\":\"#")
		h.escape(htmlJSONEsc, string(in.ID))
		h.Str("\",\"url\":\"#")
		h.escape(htmlJSONEsc, string(in.ID))
		h.Str("\",\"name\":")
		h.jsonString(in.Title)
		if len(in.Situation) > 0 {
			h.Str(",\"description\":\"")
			for j, s := range in.Situation {
				if j > 0 {
					h.Byte(' ')
				}
				h.escape(htmlJSONEsc, s)
			}
			h.Byte('"')
		}
		h.Str(",\"genre\":")
		h.jsonString(h.p.RoleLabel(in.Role))
		if !in.When.IsZero() {
			h.Str(",\"dateCreated\":\"")
			var buf [48]byte
			h.Raw(page.Moment{D: in.When.Start}.AppendISO(buf[:0]))
			h.Byte('"')
		}
		if len(in.Tags) > 0 {
			h.Str(",\"keywords\":[")
			for j, t := range in.Tags {
				if j > 0 {
					h.Byte(',')
				}
				h.jsonString(t)
			}
			h.Byte(']')
		}
		h.Str("}}")
	}
	h.Str("]}\n</script>\n")
}
