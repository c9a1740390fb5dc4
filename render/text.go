package render

import (
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/scan"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// minWidth is the narrowest line Text draws.
const minWidth = 20

// Width sets the width of Text's lines in terminal cells. It is 80 by
// default and never less than 20.
func Width(n int) Option {
	return page.Only(page.OptWidth, func(c *page.Config) { c.Width = max(n, minWidth) })
}

// Text writes p as plain text for terminals, e-mail and plain-text CVs:
// the title underlined with "=", each incident's title underlined with
// "-" above a line of badges, the sections' paragraphs indented under
// their names, the details, the timeline, an event a line, and the
// lessons as a numbered listing. Links
// show their URL in angle brackets when it is an absolute http, https or
// mailto URL that incident.SafeURL accepts, and their text alone
// otherwise; the back link, meaningless when relative, closes the page.
//
// Lines are wrapped at word boundaries to the Width option (80 cells by
// default), measured in terminal cells: East Asian wide characters and
// emoji take two, combining marks and other zero-width characters none. A
// word wider than a line is broken between characters. A role's label, a
// severity's code with its label, and a duration go to the next line
// whole when they fit on a line but not on this one. Control
// characters, terminal escape sequences and bidirectional-text controls
// are dropped, and invalid UTF-8 and noncharacters become U+FFFD, so no
// text from p can move the cursor, change colours or reorder what the
// reader sees.
func Text(w io.Writer, p incident.Portfolio, opts ...Option) error {
	d, err := newDoc(w, p, opts, "render: Text", page.OptWidth|page.OptLang)
	if err != nil {
		return err
	}
	d.text = textWriter{Spare: &d.out, width: max(d.C.Width, minWidth), num: d.C.Num}
	return d.draw(&d.text)
}

// textWriter writes a page as plain text, flowing words into lines. A
// line starts with a lead (spaces, a list marker); its continuation lines
// are indented to hang.
type textWriter struct {
	*page.Spare
	width int
	num   page.NumberForm
	back  page.Link // written at the end

	started bool // whether a block was written
	col     int  // cells on the current line
	fresh   bool // no word on the line yet
	hang    int  // the indent of continuation lines
	comment bool // whether continuation lines are shell comments
	widest  int  // widest line since the last start
}

func (t *textWriter) Empty(notice string) {
	t.block()
	t.para("", notice)
}

func (t *textWriter) Begin()        {}
func (t *textWriter) Incidents()    {}
func (t *textWriter) IncidentsEnd() {}
func (t *textWriter) DetailsEnd()   {}
func (t *textWriter) ListEnd()      {}
func (t *textWriter) IncidentEnd()  {}

// Header writes the title and the tagline, and keeps the back link for
// the end.
func (t *textWriter) Header(back page.Link, title, tagline string) {
	if title != "" {
		t.block()
		t.underlined(title, '=')
	}
	if tagline != "" {
		t.block()
		t.para("", tagline)
	}
	t.back = back
}

func (t *textWriter) Intro(ps []string) {
	for _, s := range ps {
		t.block()
		t.para("", s)
	}
}

// end writes the back link: a relative link means nothing outside the
// site; an absolute one closes the page, where a reader of plain text
// looks for it.
func (t *textWriter) End() {
	if t.back.Text != "" && t.back.Absolute() {
		t.block()
		t.start("", 2)
		t.flow("", t.back.Text, ":")
		t.flow("<", t.back.URL, ">")
		t.endLine()
	}
}

// block separates blocks with a blank line.
func (t *textWriter) block() {
	if t.started {
		t.Byte('\n')
	}
	t.started = true
}

func (t *textWriter) Legend(label string, roles []incident.RoleDef, sevs []page.Severity) {
	t.block()
	t.start("", 2)
	t.flow("", label, ":")
	// Each item but the last is followed by "·" or "|", which stays on
	// its line.
	n := len(roles) + len(sevs)
	for i, d := range roles {
		if i > 0 {
			t.flow("", "·", "")
		}
		t.unit(d.Label, sepAfter(i+1 < n))
	}
	for i, d := range sevs {
		switch {
		case i > 0:
			t.flow("", "·", "")
		case len(roles) > 0:
			t.flow("", "|", "")
		}
		t.badge(d.Code, d.Label, sepAfter(len(roles)+i+1 < n))
	}
	t.endLine()
}

func (t *textWriter) Incident(in *incident.Incident, role string, sev page.Severity) {
	t.block()
	t.underlined(in.Title, '-')

	t.start("", 2)
	t.unit(role, sepAfter(true))
	t.flow("", "·", "")
	if sev.Known {
		t.badge(sev.Code, sev.Label, sepAfter(in.Duration.Text != ""))
	} else {
		t.flow("", string(sev.Code), "")
	}
	if in.Duration.Text != "" {
		t.flow("", "·", "")
		t.unit(in.Duration.Text, 0)
	}
	t.endLine()
}

func (t *textWriter) Section(_ int, s incident.Section) {
	t.block()
	t.para("", s.Name)
	for j, para := range s.Paragraphs {
		if j > 0 {
			t.Byte('\n')
		}
		t.para("  ", para)
	}
}

func (t *textWriter) Details() {
	t.block()
	t.para("", page.DetailsLabel)
}

// label starts a field's line: "  Label:".
func (t *textWriter) label(n page.Name) {
	t.start("  ", 4)
	t.flow("", n.Colon, "")
}

func (t *textWriter) When(n page.Name, start, end page.Moment) {
	t.label(n)
	t.moment(start, 0)
	if !end.D.IsZero() {
		t.flow("", page.RangeDash[1:len(page.RangeDash)-1], "")
		t.moment(end, 0)
	}
	t.endLine()
}

// moment flows m's words; a time of day with its zone is one unit, kept
// on one line with the after cells of a separator that follows it.
func (t *textWriter) moment(at page.Moment, after int) {
	var buf [32]byte
	words, k := at.Words()
	for _, w := range words[:k] {
		switch {
		case w.S != "":
			t.flow("", w.S, "")
		case w.Clock.Set:
			s := w.AppendWord(buf[:0])
			t.keep(len(s), after)
			t.number(s, "")
		default:
			t.number(strconv.AppendInt(buf[:0], int64(w.N), 10), "")
		}
	}
}

func (t *textWriter) Span(n page.Name, d time.Duration) {
	var buf [64]byte
	t.label(n)
	t.number(incident.AppendLength(buf[:0], d), "")
	t.endLine()
}

func (t *textWriter) Timeline(n page.Name) {
	t.block()
	t.para("", n.Label)
}

// Event writes an event as a line of its own, its continuation lines
// indented: "  13:42 UTC · Detected · Down · text".
func (t *textWriter) Event(e *incident.Event, at page.Moment) {
	t.start("  ", 4)
	t.moment(at, sepAfter(true))
	for _, s := range [...]string{e.Kind.String(), e.State.String()} {
		if s != "" {
			t.flow("", "·", "")
			t.unit(s, sepAfter(true))
		}
	}
	t.flow("", "·", "")
	t.flow("", e.Text, "")
	t.endLine()
}

func (t *textWriter) TimelineEnd() {}

func (t *textWriter) Field(n page.Name, _, value string) {
	t.label(n)
	t.flow("", value, "")
	t.endLine()
}

func (t *textWriter) Tags(n page.Name, tags []string) {
	t.label(n)
	for j, tag := range tags {
		if j < len(tags)-1 {
			t.flow("", tag, ",")
		} else {
			t.flow("", tag, "")
		}
	}
	t.endLine()
}

func (t *textWriter) List(n page.Name) {
	t.start("  ", 2)
	t.flow("", n.Colon, "")
	t.endLine()
}

func (t *textWriter) Figure(f *incident.Figure) {
	t.start("    ", 6)
	t.flow("", f.Label, ":")
	if f.HasBefore {
		t.figureValue(f.Before, f.BeforeText, f.Unit)
		t.flow("", page.FigureArrow, "")
	}
	t.figureValue(f.Value, f.ValueText, f.Unit)
	if f.Note != "" {
		t.flow("(", f.Note, ")")
	}
	t.endLine()
}

func (t *textWriter) Action(a *incident.Action, marked bool) {
	switch {
	case !marked:
		t.start("    ", 6)
	case a.Done:
		t.start("    [x] ", 8)
	default:
		t.start("    [ ] ", 8)
	}
	t.flow("", a.Kind.String(), ":")
	t.flow("", a.Text, "")
	t.endLine()
}

func (t *textWriter) WriteUp(l page.Link) {
	t.start("    ", 6)
	t.flow("", l.KindLabel(), ":")
	t.flow("", l.Text, "")
	if l.Absolute() {
		t.flow("<", l.URL, ">")
	}
	t.endLine()
}

// badge writes a severity's code and label as one unit (see unit).
func (t *textWriter) badge(code incident.Severity, label string, after int) {
	t.keep(cells(string(code))+1+cells(label), after)
	t.flow("", string(code), "")
	t.flow("", label, "")
}

// unit writes s, such as a role's label or a duration, on the next line
// when it does not fit on this one but does on a line of its own; after
// is the cells of the separator that follows it and stays on its line.
func (t *textWriter) unit(s string, after int) {
	t.keep(cells(s), after)
	t.flow("", s, "")
}

// sepAfter is the room a " ·" or " |" after a unit takes, when one follows.
func sepAfter(follows bool) int {
	if follows {
		return 2
	}
	return 0
}

// keep starts the next line for words n cells wide, and the separator
// after cells wide that follows them, when they do not fit on this line
// but do on a line of their own; failing that, for the words alone.
func (t *textWriter) keep(n, after int) {
	switch {
	case t.fresh, t.col+1+n+after <= t.width:
	case t.hang+n+after <= t.width, t.col+1+n > t.width && t.hang+n <= t.width:
		t.newline()
	}
}

// figureValue writes a value and its unit: "1.2 h", "70%".
func (t *textWriter) figureValue(v float64, text, unit string) {
	var b [64]byte
	switch {
	case text != "":
		t.flow("", text, "")
	case unit == "%":
		t.number(page.AppendNumber(b[:0], v, t.num), "%")
		return
	default:
		t.number(page.AppendNumber(b[:0], v, t.num), "")
	}
	t.flow("", unit, "") // nothing for no unit
}

func (t *textWriter) Lessons(l *incident.Lessons) {
	t.block()
	if l.File != "" {
		t.underlined(l.File, '-')
	}
	if l.Heading != "" {
		t.start("# ", 2)
		t.comment = true
		t.flow("", l.Heading, "")
		t.endLine()
	}
	for i, item := range l.Items {
		var b [20]byte
		d := strconv.AppendInt(b[:0], int64(i+1), 10)
		t.start("", len(d)+2)
		t.Raw(d)
		t.Str(". ")
		t.col += len(d) + 2
		t.flow("", item, "")
		t.endLine()
	}
}

// underlined writes s wrapped, then a line of c as wide as its widest line.
func (t *textWriter) underlined(s string, c byte) {
	t.start("", 0)
	t.flow("", s, "")
	t.endLine()
	rule := textRules[c]
	for n := t.widest; n > 0; {
		k := min(n, len(rule))
		t.Str(rule[:k])
		n -= k
	}
	if t.widest > 0 {
		t.Byte('\n')
	}
}

// textRules are ready-made runs of the underline characters.
var textRules = [256]string{
	'=': "================================================================",
	'-': "----------------------------------------------------------------",
}

const textSpaces = "                "

// para writes s as one paragraph, every line led by lead.
func (t *textWriter) para(lead, s string) {
	t.start(lead, len(lead))
	t.flow("", s, "")
	t.endLine()
}

// flowPlain places s as flowWords does when s is words one space apart
// of printable ASCII and of runes one cell wide, a line at a time: each
// line is the longest run of words that fits, up to the last space that
// does, found with a scan of the line. It returns false, having written
// nothing, when s starts or ends with a space; anything else it cannot
// place (two spaces, a control character, a rune of another width) or a
// word too long for a line of its own goes to flowWords with what follows
// it, from the start of a line.
func (t *textWriter) flowPlain(s string) bool {
	if len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	space := !t.fresh // the first word goes one space after what the line holds
	// broke: a line is full, and the next one starts when a word is put
	// on it; flowWords, given the rest, starts it then too (or never, when
	// nothing visible is left).
	for broke := false; ; broke = true {
		if s[0] == ' ' { // two spaces where the line broke
			t.flowWords("", s, "")
			return true
		}
		room := t.width - t.col
		if broke {
			room = t.width - t.hang
		} else if space {
			room--
		}
		// s[:i] is the line's room and the cell after it, or all of s;
		// its runes take cells cells, and runes says whether any is not
		// ASCII.
		i, cells, runes := 0, 0, false
		for room >= 0 && i < len(s) {
			end := len(s)
			if room-cells < len(s)-i-1 { // (i+room+1-cells overflows for Width(math.MaxInt))
				end = i + room - cells + 1
			}
			k := textPlain.SpanPair(s[i:end], ' ')
			i, cells = i+k, cells+k
			if cells > room || i == len(s) {
				break
			}
			n := textOneCell(s, i)
			if n == 0 {
				t.flowWords("", s, "")
				return true
			}
			i, cells, runes = i+n, cells+1, true
		}
		sp := len(s) // all of s fits
		if i < len(s) || cells > room {
			if sp = strings.LastIndexByte(s[:i], ' '); sp <= 0 {
				if space && !broke {
					continue // the first word does not fit after the line's words: it starts the next line
				}
				t.flowWords("", s, "") // the first word does not fit a line: flowWords breaks it
				return true
			}
			if runes {
				cells -= textCells(s[sp:i])
			} else {
				cells -= i - sp
			}
		}
		switch {
		case broke:
			t.newline()
		case space:
			t.Byte(' ')
			t.col++
		}
		t.Str(s[:sp])
		t.col += cells
		t.fresh = false
		if sp == len(s) {
			return true
		}
		s = s[sp+1:]
	}
}

// textOneCell returns the length of the rune at s[i] when it is one cell
// wide and shown as it is, else 0: for ASCII, which textPlain stopped at,
// it is a control character or a second space.
func textOneCell(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 0
	}
	k, n, r := tok(s, i)
	if k != tokShow || r == 0xFE0F || runeCells(r) != 1 {
		return 0
	}
	return n
}

// textCells returns the cells of s, which holds only printable ASCII and
// runes one cell wide: one for each byte but the continuation bytes.
func textCells(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i]&0xc0 == 0x80 {
			n--
		}
	}
	return n
}

// start begins a line with lead, ASCII, and makes hang the indent of the
// lines it wraps onto.
func (t *textWriter) start(lead string, hang int) {
	t.Str(lead)
	t.col = len(lead)
	t.hang = hang
	t.comment = false
	t.fresh = true
	t.widest = 0
}

// endLine finishes the line.
func (t *textWriter) endLine() {
	t.widest = max(t.widest, t.col)
	t.Byte('\n')
}

// newline wraps onto a continuation line.
func (t *textWriter) newline() {
	t.widest = max(t.widest, t.col)
	t.Byte('\n')
	if t.comment {
		t.Str("# ")
	} else {
		for n := t.hang; n > 0; n -= len(textSpaces) {
			t.Str(textSpaces[:min(n, len(textSpaces))])
		}
	}
	t.col = t.hang
	t.fresh = true
}

// room makes room for a word w cells wide: a space after the previous
// word, or a new line. It reports whether the word fits.
func (t *textWriter) room(w int) bool {
	if !t.fresh {
		if t.col+1+w <= t.width {
			t.Byte(' ')
			t.col++
			return true
		}
		t.newline()
	}
	return t.col+w <= t.width
}

// flow writes the words of s, wrapping lines as needed, with pre stuck to
// the first word and suf to the last; pre and suf are short ASCII. When s
// has no words, pre and suf are written as one.
func (t *textWriter) flow(pre, s, suf string) {
	if pre == "" && suf == "" && textLineOn && t.flowPlain(s) {
		return
	}
	t.flowWords(pre, s, suf)
}

// flowWords is flow a word at a time.
func (t *textWriter) flowWords(pre, s, suf string) {
	a, b, w, clean, ok := nextWord(s, 0)
	if !ok {
		if pre != "" || suf != "" {
			if t.room(len(pre) + len(suf)) {
				t.Str(pre)
				t.Str(suf)
				t.col += len(pre) + len(suf)
				t.fresh = false
			} else {
				t.breakWord(pre)
				t.breakWord(suf)
			}
		}
		return
	}
	// Words placed one space apart on a line are written as one span.
	pa, pb := 0, 0 // s[pa:pb] is placed but not written yet
	for first := true; ok; first = false {
		na, nb, nw, nclean, more := nextWord(s, b)
		need := w
		if first {
			need += len(pre)
		}
		if !more {
			need += len(suf)
		}
		plain := clean && (!first || pre == "") && (more || suf == "")
		if plain && pb > pa && pb+1 == a && s[pb] == ' ' && t.col+1+need <= t.width {
			pb = b
			t.col += 1 + need
		} else {
			t.Str(s[pa:pb])
			pa, pb = 0, 0
			fits := t.room(need)
			switch {
			case fits && plain:
				pa, pb = a, b
				t.col += need
				t.fresh = false
			case fits || textURL(s[a:b]):
				// A URL too wide for a line is never broken, so that it
				// can be copied: it takes a line of its own, however
				// wide, and the next word starts the next line.
				if first {
					t.Str(pre)
				}
				t.clean(s[a:b], clean)
				if !more {
					t.Str(suf)
				}
				t.col += need
				t.fresh = false
			default:
				if first {
					t.breakWord(pre)
				}
				t.breakWord(s[a:b])
				if !more {
					t.breakWord(suf)
				}
			}
		}
		a, b, w, clean, ok = na, nb, nw, nclean, more
	}
	t.Str(s[pa:pb])
}

// textLineOn turns flowPlain on; TestTextLineOn turns it off to check
// that it changes nothing.
var textLineOn = true

// textPlain holds the bytes flowPlain does not take as they are: all but
// printable ASCII and the space.
var textPlain = scan.New(func(c byte) bool { return c < ' ' || c >= 0x7f })

// number writes v as a word, with suf stuck to it.
func (t *textWriter) number(d []byte, suf string) {
	need := utf8.RuneCount(d) + len(suf) // digits and marks of a cell each
	if !t.room(need) {
		t.breakWord(string(d)) // only for numbers of more digits than a line holds
		t.breakWord(suf)
		return
	}
	t.Raw(d)
	t.Str(suf)
	t.col += need
	t.fresh = false
}

// textURL reports whether the word s holds a URL, which is never broken:
// a scheme's "://", or a mailto: or www. at its start.
func textURL(s string) bool {
	return strings.Contains(s, "://") ||
		len(s) > 7 && strings.EqualFold(s[:7], "mailto:") ||
		len(s) > 4 && strings.EqualFold(s[:4], "www.")
}

// breakWord writes a word too wide for a line, wrapping between
// characters: never inside a UTF-8 sequence, never before a zero-width
// character such as a combining mark.
func (t *textWriter) breakWord(s string) {
	for i := 0; i < len(s); {
		k, n, w := textTok(s, i)
		if k == tokDrop {
			i += n
			continue
		}
		if w > 0 && !t.fresh && t.col+w > t.width {
			t.newline()
		}
		if k == tokBad {
			t.Str("\uFFFD")
		} else {
			t.Str(s[i : i+n])
		}
		t.col += w
		t.fresh = false
		i += n
	}
}

// clean writes a word, dropping what must not reach a terminal unless the
// scan found the word clean.
func (t *textWriter) clean(s string, clean bool) {
	if clean {
		t.Str(s)
		return
	}
	span := 0
	for i := 0; i < len(s); {
		k, n, _ := tok(s, i)
		switch k {
		case tokDrop:
			t.Str(s[span:i])
			span = i + n
		case tokBad:
			t.Str(s[span:i])
			t.Str("\uFFFD")
			span = i + n
		}
		i += n
	}
	t.Str(s[span:])
}

// nextWord finds the first word of s[i:] with something to show: its
// bounds, its width in cells, and whether it holds nothing to drop or
// replace.
func nextWord(s string, i int) (a, b, w int, clean, ok bool) {
	for {
		for i < len(s) {
			if c := s[i]; c == ' ' {
				i++
				continue
			} else if c > ' ' && c < 0x7f {
				break
			}
			k, n, _ := tok(s, i)
			if k != tokSpace {
				break
			}
			i += n
		}
		if i == len(s) {
			return 0, 0, 0, false, false
		}
		a, w, clean = i, 0, true
		visible := false
	word:
		for i < len(s) {
			j := i
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
				j++
			}
			w += j - i
			if i = j; i == len(s) || s[i] == ' ' {
				break
			}
			k, n, r := tok(s, i)
			switch k {
			case tokSpace:
				break word
			case tokDrop:
				clean = false
			case tokBad:
				clean = false
				visible = true
				w++
			default:
				visible = true
				if r != 0xFE0F {
					w += runeCells(r)
				} else if prev, _ := utf8.DecodeLastRuneInString(s[a:i]); i > a && runeCells(prev) == 1 {
					w++ // VARIATION SELECTOR-16 widens a one-cell rune, as cellsAt counts it
				}
			}
			i += n
		}
		if visible || w > 0 {
			return a, i, w, clean, true
		}
	}
}

// Sanitising untrusted text for Text and Markdown.

// tokKind is what the renderers do with a piece of untrusted text.
type tokKind uint8

const (
	tokShow  tokKind = iota // shown as it is
	tokSpace                // a space, or what stands for one: tab, line breaks, U+2028, U+2029
	tokDrop                 // never shown: control characters, terminal escape sequences, bidi controls
	tokBad                  // invalid UTF-8, shown as U+FFFD
)

// tok reads the piece of s at s[i], i < len(s): its kind, its length in
// bytes, and the rune it shows (' ' for ASCII white space).
func tok(s string, i int) (tokKind, int, rune) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			return tokSpace, 1, ' '
		case c == 0x1b:
			return tokDrop, escEnd(s, i+1) - i, 0
		case c < ' ' || c == 0x7f:
			return tokDrop, 1, 0
		}
		return tokShow, 1, rune(c)
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return tokBad, 1, r
	case r < 0xa0: // C1 controls, some of which start sequences
		switch r {
		case 0x9b: // CSI
			return tokDrop, csiEnd(s, i+n) - i, 0
		case 0x90, 0x98, 0x9d, 0x9e, 0x9f: // DCS, SOS, OSC, PM, APC
			return tokDrop, stringEnd(s, i+n) - i, 0
		}
		return tokDrop, n, 0
	case r == 0x2028 || r == 0x2029:
		return tokSpace, n, r
	case page.Noncharacter(r):
		return tokBad, n, utf8.RuneError
	case page.BidiControl(r) || page.BidiMark(r):
		return tokDrop, n, 0
	}
	return tokShow, n, r
}

// textTok is tok with the cells the piece takes on a terminal.
func textTok(s string, i int) (k tokKind, n, cells int) {
	k, n, r := tok(s, i)
	switch k {
	case tokShow:
		cells, n = cellsAt(s, i, r, n)
	case tokSpace, tokBad:
		cells = 1
	}
	return k, n, cells
}

// escEnd returns the end of the escape sequence whose ESC is just before
// s[j] (ECMA-48): a control sequence (ESC [), a control string (ESC ],
// ESC P, ESC X, ESC ^, ESC _) or a short escape.
func escEnd(s string, j int) int {
	if j == len(s) {
		return j
	}
	switch c := s[j]; {
	case c == '[':
		return csiEnd(s, j+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return stringEnd(s, j+1)
	case c >= 0x20 && c <= 0x2f: // intermediate bytes, then a final byte
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7e:
		return j + 1
	}
	return j
}

// csiEnd returns the end of a control sequence whose parameters start at
// s[j]: parameter and intermediate bytes, then a final byte.
func csiEnd(s string, j int) int {
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		j++
	}
	return j
}

// stringEnd returns the end of a control string whose body starts at s[j]:
// just after BEL, ESC \ or ST, just before any other ESC, or the end of s.
func stringEnd(s string, j int) int {
	for ; j < len(s); j++ {
		switch s[j] {
		case 0x07:
			return j + 1
		case 0x1b:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			return j
		case 0xc2:
			if j+1 < len(s) && s[j+1] == 0x9c {
				return j + 2
			}
		}
	}
	return j
}
