package render

import (
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/scan"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// Markdown writes p as CommonMark that also reads well on GitHub: the
// back link, the title as a heading, each incident as a heading preceded
// by an HTML anchor named by its ID (so links to #<id> work where the
// generated heading slugs differ; IDs that are not slugs get no anchor),
// its badges on one line, its sections as subheadings, its details as
// lists (action items as a task list), its timeline as a list under a
// subheading, and the lessons as a fenced sh code block under a heading
// naming the file.
//
// All text from p is escaped: parsed as CommonMark or GitHub Flavored
// Markdown it comes back as the same text, and never opens a heading,
// list, link, emphasis, code span, table, autolink or raw HTML. Only the
// characters that could open something are escaped, so the source stays
// readable; leading and trailing white space is kept as references such
// as &#32;. Control characters, terminal escape sequences and
// bidirectional-text controls are dropped, the line and paragraph
// separators U+2028 and U+2029 (no line break in Markdown, and nothing at
// all in a browser) become spaces, and invalid UTF-8 and noncharacters
// (such as U+FFFE) become U+FFFD. Links are made only of URLs that
// incident.SafeURL accepts; other links show their text alone. What
// GitHub does to rendered text after Markdown (emoji shortcodes such as
// :fire:, @mentions) is not Markdown and cannot be escaped.
func Markdown(w io.Writer, p incident.Portfolio, opts ...Option) error {
	d, err := newDoc(w, p, opts, "render: Markdown", page.OptSiteGenerator|page.OptLang)
	if err != nil {
		return err
	}
	d.md = mdWriter{Spare: &d.out, c: &d.C, site: d.C.Site}
	if d.C.Site {
		d.md.title, d.md.tagline, d.md.date = p.Title, p.Tagline, latestDay(&d.Sel)
	}
	return d.draw(&d.md)
}

// SiteGenerator makes Markdown a content page for a static site generator
// such as Hugo or Jekyll. It starts with a YAML front matter block: the
// portfolio's title as title, its tagline as description, and as date
// the latest date of the incidents drawn (the end of a period), when that
// date is known to the day, and with a time of day as an RFC 3339
// date-time with its zone, "2023-03-14T13:42:00+01:00", as HTML's
// <time datetime> writes it; a value that is empty or not known is left
// out. Each value is a double-quoted YAML string, with the text
// sanitized as in the page. Incident headings carry their IDs as heading
// attributes, "## Title {#id}", which Hugo and kramdown read, in place of
// HTML anchors: the page holds no raw HTML, which Hugo drops by default.
// And every "{" in text takes a backslash, so that no "{{<" or "{{%"
// reaches Hugo's shortcodes and no heading ends in an attribute of its
// own. In the lessons, a code block, where no escape works and Hugo
// still reads shortcodes, "{{<" and "{{%" take an invisible U+2060 WORD
// JOINER after the braces: the listing looks as written, but a copy of
// it holds the joiner. The page has no "# Title" heading: themes show the
// front matter's title, and the incidents' "##" headings sit under it.
// Only Markdown honours it.
func SiteGenerator() Option {
	return page.Only(page.OptSiteGenerator, func(c *page.Config) { c.Site = true })
}

// latestDay returns the latest date of the selected incidents in
// incident.Date.Compare's order (the latest day as written, as the page
// shows it), or the zero Date when it is not known to the day.
func latestDay(s *page.Selection) incident.Date {
	var latest incident.Date
	for i := range s.Len() {
		p := s.At(i).When
		d := p.End
		if d.IsZero() {
			d = p.Start
		}
		if d.IsZero() {
			continue
		}
		// The same instant written in two zones on one day ties: the
		// greater text wins, so the order of the incidents does not
		// matter.
		if c := d.Compare(latest); latest.IsZero() || c > 0 || c == 0 && d.String() > latest.String() {
			latest = d
		}
	}
	if latest.Day == 0 {
		return incident.Date{}
	}
	return latest
}

// mdWriter writes a page as Markdown.
type mdWriter struct {
	*page.Spare
	c       *page.Config
	started bool // whether a block was written
	fields  bool // whether the list of an incident's fields is started

	// With SiteGenerator: the front matter, heading attributes and "\{".
	site           bool
	title, tagline string
	date           incident.Date
}

// begin writes the front matter of SiteGenerator.
func (m *mdWriter) Begin() {
	if !m.site {
		return
	}
	m.Str("---\n")
	m.yamlField("title", m.title)
	m.yamlField("description", m.tagline)
	if !m.date.IsZero() {
		var b [40]byte
		m.Str("date: ")
		m.Raw(page.Moment{D: m.date}.AppendISO(b[:0]))
		m.Byte('\n')
	}
	m.Str("---\n")
	m.started = true
}

// yamlField writes key: "value", unless value is empty, sanitized as text
// and quoted: Go's escapes in a double-quoted string are YAML's too.
func (m *mdWriter) yamlField(key, value string) {
	if value == "" {
		return
	}
	if dirty(value) {
		value = sanitize(value)
	}
	m.Str(key)
	m.Str(": ")
	m.Str(strconv.Quote(value))
	m.Byte('\n')
}

func (m *mdWriter) Empty(notice string) { m.para(notice) }
func (m *mdWriter) End()                {}
func (m *mdWriter) Incidents()          {}
func (m *mdWriter) IncidentsEnd()       {}
func (m *mdWriter) DetailsEnd()         {}
func (m *mdWriter) ListEnd()            {}
func (m *mdWriter) IncidentEnd()        {}

func (m *mdWriter) Header(back page.Link, title, tagline string) {
	if back.Text != "" {
		m.block()
		m.link(back)
		m.Byte('\n')
	}
	if title != "" && !m.site { // SiteGenerator: the front matter's title, which the theme shows
		m.heading(1, title)
	}
	if tagline != "" {
		m.para(tagline)
	}
}

func (m *mdWriter) Intro(ps []string) {
	for _, s := range ps {
		m.para(s)
	}
}

// block separates blocks with a blank line.
func (m *mdWriter) block() {
	if m.started {
		m.Byte('\n')
	}
	m.started = true
}

func (m *mdWriter) heading(n int, s string) {
	m.headingID(n, s, "")
}

// headingID writes a heading with id as its attribute, unless id is "".
func (m *mdWriter) headingID(n int, s string, id incident.ID) {
	m.block()
	m.Str("######"[:m.c.Heading(n)])
	m.Byte(' ')
	m.text(s)
	if id != "" {
		m.Str(" {#")
		m.Str(string(id))
		m.Byte('}')
	}
	m.Byte('\n')
}

func (m *mdWriter) para(s string) {
	m.block()
	m.text(s)
	m.Byte('\n')
}

func (m *mdWriter) Legend(label string, roles []incident.RoleDef, sevs []page.Severity) {
	m.block()
	m.Str("**")
	m.text(label)
	m.Str(":**")
	sep := " "
	for _, d := range roles {
		m.Str(sep)
		m.text(d.Label)
		sep = page.Separator
	}
	if len(roles) > 0 {
		sep = " | "
	}
	for _, d := range sevs {
		m.Str(sep)
		m.text(string(d.Code))
		if d.Label != "" {
			m.Byte(' ')
			m.text(d.Label)
		}
		sep = page.Separator
	}
	m.Byte('\n')
}

func (m *mdWriter) Incident(in *incident.Incident, role string, sev page.Severity) {
	var id incident.ID // the heading's attribute, with SiteGenerator
	switch {
	case m.site && in.ID.Valid():
		id = in.ID
	case in.ID.Valid():
		m.block()
		m.Str(`<a id="`)
		m.Str(string(in.ID))
		m.Str("\"></a>\n")
		m.started = false // the heading follows on the next line
	}
	m.headingID(2, in.Title, id)

	m.block()
	if role != "" {
		m.Str("**")
		m.text(role)
		m.Str("**")
	}
	m.Str(page.Separator + "**")
	m.text(string(sev.Code))
	m.Str("**")
	if sev.Label != "" {
		m.Byte(' ')
		m.text(sev.Label)
	}
	if in.Duration.Text != "" {
		m.Str(page.Separator)
		m.text(in.Duration.Text)
	}
	m.Byte('\n')
}

func (m *mdWriter) Section(k int, s incident.Section) {
	m.heading(3, s.Name)
	for _, para := range s.Paragraphs {
		m.para(para)
	}
}

func (m *mdWriter) Details() {
	m.heading(3, page.DetailsLabel)
	m.fields = false
}

// label starts an item of the list of fields: "- **Label:**".
func (m *mdWriter) label(n page.Name) {
	if !m.fields {
		m.block()
		m.fields = true
	}
	m.Str("- **")
	m.Str(n.Colon)
	m.Str("**")
}

func (m *mdWriter) When(n page.Name, start, end page.Moment) {
	m.label(n)
	m.moment(start)
	if !end.D.IsZero() {
		m.Str(page.RangeDash[:len(page.RangeDash)-1])
		m.moment(end)
	}
	m.Byte('\n')
}

// moment writes m's words, each after a space.
func (m *mdWriter) moment(at page.Moment) {
	var buf [32]byte
	words, k := at.Words()
	for _, w := range words[:k] {
		m.Byte(' ')
		m.Raw(w.AppendWord(buf[:0]))
	}
}

func (m *mdWriter) Span(n page.Name, d time.Duration) {
	var buf [64]byte
	m.label(n)
	m.Byte(' ')
	m.Raw(incident.AppendLength(buf[:0], d))
	m.Byte('\n')
}

// Timeline writes a heading above the events' list.
func (m *mdWriter) Timeline(n page.Name) {
	m.heading(3, n.Label)
	m.block()
}

// Event writes an event as a list item: "- 13:42 UTC · **Detected** ·
// Down · text".
func (m *mdWriter) Event(e *incident.Event, at page.Moment) {
	m.Str("-")
	m.moment(at)
	if e.Kind != "" {
		m.Str(page.Separator + "**")
		m.text(e.Kind.String())
		m.Str("**")
	}
	if e.State != "" {
		m.Str(page.Separator)
		m.text(e.State.String())
	}
	m.Str(page.Separator)
	m.text(e.Text)
	m.Byte('\n')
}

func (m *mdWriter) TimelineEnd() {}

func (m *mdWriter) Field(n page.Name, _, value string) {
	m.label(n)
	m.Byte(' ')
	m.text(value)
	m.Byte('\n')
}

func (m *mdWriter) Tags(n page.Name, tags []string) {
	m.label(n)
	m.Byte(' ')
	for j, tag := range tags {
		if j > 0 {
			m.Str(", ")
		}
		m.text(tag)
	}
	m.Byte('\n')
}

// List writes a bold line above a list, and starts the list.
func (m *mdWriter) List(n page.Name) {
	m.block()
	m.Str("**")
	m.Str(n.Label)
	m.Str("**\n")
	m.block()
}

func (m *mdWriter) Figure(f *incident.Figure) {
	m.Str("- ")
	m.text(f.Label)
	m.Str(": ")
	if f.HasBefore {
		m.figureValue(f.Before, f.BeforeText, f.Unit)
		m.Str(" " + page.FigureArrow + " ")
	}
	m.figureValue(f.Value, f.ValueText, f.Unit)
	if f.Note != "" {
		m.Str(" (")
		m.text(f.Note)
		m.Byte(')')
	}
	m.Byte('\n')
}

func (m *mdWriter) Action(a *incident.Action, marked bool) {
	switch {
	case !marked:
		m.Str("- ")
	case a.Done:
		m.Str("- [x] ")
	default:
		m.Str("- [ ] ")
	}
	m.text(a.Kind.String())
	m.Str(": ")
	m.text(a.Text)
	m.Byte('\n')
}

func (m *mdWriter) WriteUp(l page.Link) {
	// The kind comes first: "- [x](…)" would be a task list item.
	m.Str("- ")
	m.text(l.KindLabel())
	m.Str(": ")
	m.link(l)
	m.Byte('\n')
}

// figureValue writes a value and its unit: "1.2 h", "70%".
func (m *mdWriter) figureValue(v float64, text, unit string) {
	if text != "" {
		m.text(text)
	} else {
		var b [32]byte
		m.Raw(page.AppendNumber(b[:0], v, m.c.Num))
	}
	// Decide on the unit as the reader will see it: "%\x00" is "%".
	if dirty(unit) {
		unit = sanitize(unit)
	}
	m.Str(page.UnitSpace(unit))
	m.text(unit)
}

// link writes a link, or its text alone when it is not safe.
func (m *mdWriter) link(l page.Link) {
	text := l.Text
	if !l.Safe() {
		m.text(text)
		return
	}
	m.Byte('[')
	// In the text, a "(" after "]" takes a backslash too: CommonMark needs
	// none after "\]", but marked ends the link text there. (Sanitized
	// first, so that no dropped character hides a "](".)
	if strings.Contains(text, "]") && dirty(text) {
		text = sanitize(text)
	}
	for {
		i := strings.Index(text, "](")
		if i < 0 {
			break
		}
		m.text(text[:i+1])
		m.Str(`\(`)
		text = text[i+2:]
	}
	m.text(text)
	m.Str("](")
	m.dest(l.URL)
	m.Byte(')')
}

// dest writes a safe URL as a link destination: parentheses and angle
// brackets escaped, and "&" as "&amp;" where it could start a reference.
// (A backslash would do for CommonMark, but goldmark resolves references
// in destinations after backslashes.)
func (m *mdWriter) dest(s string) {
	span := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(' || c == ')' || c == '<' || c == '>' || c == '\\':
			m.Str(s[span:i])
			m.Byte('\\')
			span = i
		case c == '&' && mdReference(s, i):
			m.Str(s[span:i])
			m.Str("&amp;")
			span = i + 1
		}
	}
	m.Str(s[span:])
}

func (m *mdWriter) Lessons(l *incident.Lessons) {
	file := l.File
	if file == "" {
		file = page.LessonsLabel
	}
	m.heading(2, file)

	// The fence is longer than any run of backticks in the listing.
	fence := max(3, backtickRun(l.Heading)+1)
	for _, s := range l.Items {
		fence = max(fence, backtickRun(s)+1)
	}
	m.block()
	m.fence(fence)
	m.Str("sh\n")
	if l.Heading != "" {
		m.Str("# ")
		m.literal(l.Heading)
		m.Byte('\n')
	}
	for i, s := range l.Items {
		m.Int(i + 1)
		m.Str(". ")
		m.literal(s)
		m.Byte('\n')
	}
	m.fence(fence)
	m.Byte('\n')
}

func (m *mdWriter) fence(n int) {
	const ticks = "````````````````"
	for ; n > len(ticks); n -= len(ticks) {
		m.Str(ticks)
	}
	m.Str(ticks[:n])
}

// backtickRun returns the length of the longest run of backticks in s.
func backtickRun(s string) int {
	longest := 0
	for i := strings.IndexByte(s, '`'); i >= 0; {
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		longest = max(longest, j-i)
		k := strings.IndexByte(s[j:], '`')
		if k < 0 {
			break
		}
		i = j + k
	}
	return longest
}

// literal writes s inside a code block: as it is, but for what must not
// reach a reader.
func (m *mdWriter) literal(s string) {
	if dirty(s) {
		s = sanitize(s)
	}
	if m.site {
		s = hugoDelims.Replace(s)
	}
	m.Str(s)
}

// hugoDelims breaks Hugo's shortcode delimiters in a code block, which
// Hugo reads even there, with an invisible U+2060 WORD JOINER.
var hugoDelims = strings.NewReplacer("{{<", "{{\u2060<", "{{%", "{{\u2060%")

// Escaping. mdClass sorts the bytes: clean ones are copied; mdEsc ones
// always take a backslash; mdCtx ones take one where they could start
// something (see mdContext); and mdCtl ones, ASCII control
// characters and the lead bytes of the multi-byte sequences that encode
// C1 controls, bidi controls and line separators, are looked at closely
// by dirty before escaping starts.
const (
	mdClean = iota
	mdEsc
	mdCtx
	mdCtl
)

var mdClass = func() (t [256]uint8) {
	for _, c := range "\\`*[]<#|~@$" {
		t[c] = mdEsc
	}
	for _, c := range "&:._" {
		t[c] = mdCtx
	}
	for c := range 0x20 {
		t[c] = mdCtl
	}
	t[0x7f] = mdCtl
	t[0xc2] = mdCtl // U+0080 to U+00BF: the C1 controls
	t[0xd8] = mdCtl // U+0600 to U+063F: ARABIC LETTER MARK
	t[0xe2] = mdCtl // U+2000 to U+2FFF: bidi controls, U+2028, U+2029
	return t
}()

// mdTextStop marks the bytes textAny must look at: those of classes mdEsc
// and mdCtx, and the lead byte of U+2028 and U+2029.
var mdTextStop = scan.New(func(c byte) bool { return mdClass[c] == mdEsc || mdClass[c] == mdCtx || c == 0xe2 })

// mdSiteStop is mdTextStop with "{", for SiteGenerator.
var mdSiteStop = scan.New(func(c byte) bool { return mdTextStop.Has(c) || c == '{' })

// mdEscaper is textPlain's vector loop: it gives the bytes of class mdEsc
// their backslash, copies plain UTF-8 and the '.' and ':' that cannot
// start a link, and leaves the other bytes of classes mdCtx and mdCtl to
// textPlain, with the sequences that could be what mdCtl's lead bytes
// start: all from 0xd8, and from 0xe2 the bidi controls, U+2028 and U+2029.
var mdEscaper = scan.NewEscaper(func(c byte) bool { return mdClass[c] != mdClean },
	func(c byte) string {
		if mdClass[c] == mdEsc {
			return `\` + string(c)
		}
		return ""
	}, scan.EscapeOptions{Leave: []byte{0xd8}, LineSeps: true, Bidi: true, URLPunct: true})

// textPlain writes s as text does, in one pass, when s starts and ends
// with printable ASCII that needs no care at the start or end of a line
// and holds nothing that sanitize would change; otherwise it writes
// nothing and returns false.
func (m *mdWriter) textPlain(s string) bool {
	if len(s) == 0 {
		return false
	}
	if c := s[0]; c >= utf8.RuneSelf || c == ' ' || c >= '0' && c <= '9' ||
		c == '-' || c == '+' || c == '=' || c == '>' {
		return false
	}
	if c := s[len(s)-1]; c >= utf8.RuneSelf || c == ' ' {
		return false
	}
	need := 2*len(s) + scan.EscapeRoom // a backslash for every byte, at most
	if cap(m.B)-len(m.B) < need {
		m.Flush(need)
		if cap(m.B)-len(m.B) < need {
			return false
		}
	}
	b := m.B
	for i := 0; i < len(s); {
		nd, j := mdEscaper.Escape(b[len(b):cap(b)], s, i)
		b, i = b[:len(b)+nd], j
		if i == len(s) {
			break
		}
		switch c := s[i]; {
		case mdClass[c] == mdCtx:
			if mdContext(s, i) {
				b = append(b, '\\')
			}
			b = append(b, c)
			i++
		case c < utf8.RuneSelf:
			return false // a control character
		default:
			k, n, _ := tok(s, i)
			switch {
			case k == tokShow:
				b = append(b, s[i:i+n]...)
			case k == tokSpace:
				b = append(b, ' ') // U+2028 or U+2029, inside s: sanitize's space
			default:
				return false // sanitize would change it
			}
			i += n
		}
	}
	m.B = b
	return true
}

// mdDirtyStop marks the bytes dirty must look at: all but printable ASCII.
var mdDirtyStop = scan.New(func(c byte) bool { return c < 0x20 || c >= 0x7f })

// mdReference reports whether the "&" at s[i] starts something shaped
// like an entity or numeric character reference: "&name;", "&#123;" or
// "&#x7b;".
func mdReference(s string, i int) bool {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	k := j
	for k < len(s) && mdAlnum(s[k]) {
		k++
	}
	return k > j && k < len(s) && s[k] == ';'
}

// text writes s escaped as inline content. See Markdown for the promise.
func (m *mdWriter) text(s string) {
	if scan.Vector() && !(m.site && strings.IndexByte(s, '{') >= 0) && m.textPlain(s) {
		return
	}
	m.textAny(s)
}

// textAny is text for any s, in two passes: one to see whether s needs
// sanitizing, one to escape.
func (m *mdWriter) textAny(s string) {
	if unclean(s, true) {
		s = sanitize(s)
	}
	// Leading and trailing spaces would be stripped, four would make
	// code, and white space inside "**" would keep it from being bold:
	// keep them as references. At the start, "-", "+", "=" and "1." or
	// "1)" could make a list or a heading underline.
	end := len(s)
	for end > 0 {
		r, n := rune(s[end-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s[:end])
		}
		if !mdSpace(r) {
			break
		}
		end -= n
	}
	i := 0
	for i < end {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !mdSpace(r) {
			break
		}
		m.ref(mdSep(r))
		i += n
	}
	if i < end {
		switch c := s[i]; {
		case c == '-' || c == '+' || c == '=' || c == '>':
			m.Byte('\\')
		case c >= '0' && c <= '9':
			j := i
			for j < end && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j < end && (s[j] == '.' || s[j] == ')') {
				m.Str(s[i:j])
				m.Byte('\\')
				i = j
			}
		}
	}
	stop := mdTextStop
	if m.site {
		stop = mdSiteStop
	}
	span := i
	for ; i < end; i++ {
		i += stop.Span(s[i:end])
		if i == end {
			break
		}
		switch mdClass[s[i]] {
		case mdClean:
			if s[i] != '{' { // (mdTextStop stops at no other clean byte)
				continue
			}
		case mdCtl:
			if r, n := utf8.DecodeRuneInString(s[i:]); mdSep(r) == ' ' {
				m.Str(s[span:i])
				m.Byte(' ')
				i += n - 1
				span = i + 1
			}
			continue
		case mdCtx:
			if !mdContext(s, i) {
				continue
			}
		}
		m.Str(s[span:i])
		m.Byte('\\')
		span = i
	}
	m.Str(s[span:end])
	for _, r := range s[end:] {
		m.ref(mdSep(r))
	}
}

// mdSep returns ' ' for the line and paragraph separators, which Markdown
// writes as spaces, and r for any other rune.
func mdSep(r rune) rune {
	if r == '\u2028' || r == '\u2029' {
		return ' '
	}
	return r
}

// mdSpace reports whether r is white space to CommonMark (a space or a
// character of category Zs) or to goldmark (which adds U+2028 and
// U+2029). Tabs and line breaks are gone by now.
func mdSpace(r rune) bool {
	return r == ' ' || r >= 0x80 && unicode.IsSpace(r)
}

// ref writes r as a numeric character reference, such as "&#32;".
func (m *mdWriter) ref(r rune) {
	m.Str("&#")
	m.Int(int(r))
	m.Byte(';')
}

// dirty reports whether sanitize would change s.
func dirty(s string) bool { return unclean(s, false) }

// unclean reports whether sanitize would change s; with seps, but for the
// line and paragraph separators, which textAny makes spaces itself. (They
// become spaces: Markdown has no such line break, and a browser draws them
// as nothing, running the words on either side together.) It skips
// printable ASCII with mdDirtyStop.
func unclean(s string, seps bool) bool {
	for i := 0; i < len(s); {
		i += mdDirtyStop.Span(s[i:])
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			return true // a control character
		}
		k, n, _ := tok(s, i)
		if k != tokShow && !(seps && k == tokSpace) {
			return true
		}
		i += n
	}
	return false
}

// mdContext reports whether the mdCtx byte at s[i] could start something:
// "&" a reference, ":" a URL ("http://"), "." a www autolink, "_"
// emphasis unless it stands between two letters or digits, as in
// "max_connections" (there it can neither open nor close).
func mdContext(s string, i int) bool {
	switch s[i] {
	case '&':
		return mdReference(s, i)
	case ':':
		return strings.HasPrefix(s[i+1:], "//")
	case '_':
		return i == 0 || i+1 == len(s) || !mdAlnum(s[i-1]) || !mdAlnum(s[i+1])
	}
	return i >= 3 && strings.EqualFold(s[i-3:i], "www")
}

func mdAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// sanitize returns s without what must not reach a reader, line breaks
// and tabs made spaces and invalid UTF-8 made U+FFFD. Only untrusted
// text that breaks the rules pays for the copy.
func sanitize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		k, n, _ := tok(s, i)
		switch k {
		case tokShow:
			b.WriteString(s[i : i+n])
		case tokSpace:
			b.WriteByte(' ')
		case tokBad:
			b.WriteString("\uFFFD")
		}
		i += n
	}
	return b.String()
}
