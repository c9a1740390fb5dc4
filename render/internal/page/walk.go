package page

import (
	"io"
	"strconv"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

// The walk. Every format draws the same page, and walk goes through it
// once, deciding everything a reader sees: the order of the parts, which
// fields show and under what label, which links are safe and what the
// legend lists. A format supplies a writer: how it writes each piece the
// walk hands it, a heading, a paragraph, a badge, a field, a list item or
// a code block. How dates, durations and numbers read is decided once
// too, by the functions at the end of this file, which every writer
// calls.

// A Writer writes the pieces of a page in one format, in the order walk
// calls its methods. A piece that is not to show is never handed over.
type Writer interface {
	// Begin and end write what comes before and after the page: an HTML
	// document's head, a JSON object's braces.
	Begin()
	End()
	// Header writes the back link, the title and the tagline. Any of
	// them may be empty (the back link's text is then empty); header is
	// called even when all are.
	Header(back Link, title, tagline string)
	// Intro writes the introduction's paragraphs, at least one.
	Intro(ps []string)
	// Legend writes the legend: its label, the roles the incidents use
	// and their severities, most severe first. There is at least one of
	// each.
	Legend(label string, roles []incident.RoleDef, sevs []Severity)
	// Incidents and incidentsEnd go around the incidents, which may be none.
	Incidents()
	IncidentsEnd()
	// Incident starts an incident: its title and its badges.
	Incident(in *incident.Incident, role string, sev Severity)
	// Section writes the k-th of its four sections.
	Section(k int, s incident.Section)
	// Details and detailsEnd go around the optional fields of an
	// incident, when it has any.
	Details()
	DetailsEnd()
	// When writes when an incident happened.
	When(n Name, p incident.Period)
	// Field writes a value with a label. A value with a key of its own,
	// such as a command role, has its key too; key is "" otherwise.
	Field(n Name, key, value string)
	// Tags writes a list of words on one line, at least one.
	Tags(n Name, tags []string)
	// List and listEnd go around the figures, action items and links
	// of a list, of which there is at least one.
	List(n Name)
	ListEnd()
	Figure(f *incident.Figure)
	Action(a *incident.Action)
	WriteUp(l Link)
	// IncidentEnd ends an incident.
	IncidentEnd()
	// Lessons writes the lessons as a listing, with at least one item.
	Lessons(l *incident.Lessons)
}

// A Name is what a part of the page is called: its key in JSON (and an
// HTML class) and its label for readers, alone and followed by a colon.
type Name struct{ Key, Label, Colon string }

func newName(key, label string) Name { return Name{key, label, label + ":"} }

// The names of an incident's optional fields.
var (
	whenName    = newName("when", "When")
	orgName     = newName("org", "Organisation")
	commandName = newName("command", "Command role")
	tagsName    = newName("tags", "Tags")
	ImpactName  = newName("impact", "Impact")
	ResultsName = newName("results", "Results")
	actionsName = newName("actions", "Action items")
	linksName   = newName("links", "Write-ups")
)

// Other words a page shows.
const (
	LegendLabel  = "Legend"     // before the legend, unless the portfolio has its own
	DetailsLabel = "Details"    // above an incident's optional fields, where a format has a heading
	LessonsLabel = "Lessons"    // above the lessons, where a format needs a heading and the portfolio names no file
	linkLabel    = "Link"       // a write-up of no kind
	DoneLabel    = "done"       // an action item that is finished
	OpenLabel    = "open"       // one that is not
	BackArrow    = "←"          // before the back link, unless its text has one
	FigureArrow  = "→"          // between a figure's value before and after
	Separator    = " · "        // between badges and between legend items
	DurationName = "Duration: " // read out before a duration where it is a badge
	ToName       = "to"         // read out for figureArrow
	RangeDash    = " – "        // between the two dates of a period
	badgeRanks   = 4            // the colours of severity badges
)

// A Link is a link as walk hands it over.
type Link struct {
	Text, URL string
	Kind      incident.LinkKind
}

func NewLink(text, url string, kind incident.LinkKind) Link {
	return Link{Text: text, URL: url, Kind: kind}
}

// Safe reports whether the link's URL may be a link's target: an
// incident.SafeURL other than "".
func (l Link) Safe() bool { return SafeHref(l.URL) }

// Absolute reports whether the link is safe and has a scheme (http, https
// or mailto), so that it means something outside the site.
func (l Link) Absolute() bool {
	scheme, ok := URLScheme(l.URL)
	return ok && scheme != "" && SafeHref(l.URL)
}

// KindLabel is the label of a write-up's kind, or linkLabel.
func (l Link) KindLabel() string {
	if l.Kind == "" {
		return linkLabel
	}
	return l.Kind.String()
}

// A Severity is a severity as an incident or the legend shows it. Its
// Code is the incident's; Label and Level are the scale's, or "" and 0
// when the scale does not know the code.
type Severity struct {
	incident.SeverityDef
	Known bool
	// Rank is the badge's colour, '1' for the most severe level of the
	// scale to '4' for the fourth and beyond.
	Rank byte
}

// Page is one render: the options, the portfolio, the incidents drawn,
// the legend, and the output. A format's package keeps Pages, with its
// writers, in a pool, so that a render allocates nothing.
type Page struct {
	C     Config
	P     incident.Portfolio
	Sel   Selection
	roles []incident.RoleDef
	sevs  []Severity
	Out   Spare // unset when Init is given no writer
}

// Init readies pg to draw p with opts, writing to w unless it is nil. It
// fails, before anything is written, when opts hold an option of another
// format than fn's (named with its package, as "render: HTML"), which
// has only the options own.
func (pg *Page) Init(w io.Writer, p incident.Portfolio, opts []Option, fn string, own Opt) error {
	pg.C.Set(opts)
	if err := pg.C.Check(fn, own); err != nil {
		return err
	}
	pg.Use(p)
	if w != nil {
		pg.Out = NewSpare(w)
	}
	return nil
}

// Use makes p the portfolio pg draws: it selects p's incidents by pg.C
// and lists the roles and severities they use for the legend.
func (pg *Page) Use(p incident.Portfolio) {
	pg.P = p
	pg.Sel = pg.C.Select(&pg.P)
	pg.roles, pg.sevs = pg.roles[:0], pg.sevs[:0]
	pg.Sel.legendRoles(func(d incident.RoleDef) { pg.roles = append(pg.roles, d) })
	pg.Sel.legendSeverities(func(d incident.SeverityDef) { pg.sevs = append(pg.sevs, pg.Severity(d, true)) })
}

// Legend returns the roles and severities the legend lists.
func (pg *Page) Legend() ([]incident.RoleDef, []Severity) { return pg.roles, pg.sevs }

// Reset clears pg of the render, keeping only its room for the legend.
func (pg *Page) Reset() {
	roles, sevs := pg.roles[:0], pg.sevs[:0]
	clear(pg.roles)
	*pg = Page{roles: roles, sevs: sevs}
}

// Severity returns how the severity d shows; known reports whether d is
// on the scale.
func (pg *Page) Severity(d incident.SeverityDef, known bool) Severity {
	s := Severity{SeverityDef: d, Known: known, Rank: '0' + badgeRanks}
	if !known {
		return s
	}
	// The badge's colour is the level's colour tier on the scale
	// (incident.SeverityDef.TierOn): critical 1, high 2, medium 3, low and info 4.
	scale := pg.P.Severities
	if len(scale) == 0 {
		scale = DefaultScale[:]
	}
	s.Rank = '1' + byte(min(tierRank(d.TierOn(scale)), badgeRanks-1))
	return s
}

// tierRank returns the tier's place among the tiers, 0 for the strongest.
func tierRank(t incident.Tier) int {
	switch t {
	case incident.TierCritical:
		return 0
	case incident.TierHigh:
		return 1
	case incident.TierMedium:
		return 2
	}
	return 3 // low, info
}

// Draw walks the page through w and returns the first error writing it.
func (pg *Page) Draw(w Writer) error {
	pg.Walk(w)
	return pg.Out.Finish()
}

// Walk draws the page through w.
func (pg *Page) Walk(w Writer) {
	c, p := &pg.C, &pg.P
	w.Begin()
	var back Link
	if p.Back.Text != "" {
		back = NewLink(p.Back.Text, p.Back.Href, "")
	}
	w.Header(back, p.Title, p.Tagline)
	if !c.NoIntro && len(p.Intro) > 0 {
		w.Intro(p.Intro)
	}
	if !c.NoLegend && pg.Sel.Len() > 0 {
		label := p.Legend
		if label == "" {
			label = LegendLabel
		}
		w.Legend(label, pg.roles, pg.sevs)
	}
	w.Incidents()
	for i := range pg.Sel.Len() {
		pg.incident(w, pg.Sel.At(i))
	}
	w.IncidentsEnd()
	if !c.NoLessons && len(p.Lessons.Items) > 0 {
		w.Lessons(&p.Lessons)
	}
	w.End()
}

func (pg *Page) incident(w Writer, in *incident.Incident) {
	d, known := pg.P.Severity(in.Severity)
	d.Code = in.Severity
	w.Incident(in, pg.P.RoleLabel(in.Role), pg.Severity(d, known))
	for k, s := range in.Sections() {
		w.Section(k, s)
	}
	if !pg.C.NoDetails && in.HasDetails() {
		Details(w, in)
	}
	w.IncidentEnd()
}

// Details writes the optional fields of in, which has some.
func Details(w Writer, in *incident.Incident) {
	w.Details()
	if !in.When.IsZero() {
		w.When(whenName, in.When)
	}
	if in.Org != "" {
		w.Field(orgName, "", in.Org)
	}
	if in.Command != "" {
		w.Field(commandName, string(in.Command), in.Command.String())
	}
	if len(in.Tags) > 0 {
		w.Tags(tagsName, in.Tags)
	}
	figures(w, ImpactName, in.Impact)
	figures(w, ResultsName, in.Results)
	if len(in.Actions) > 0 {
		w.List(actionsName)
		for k := range in.Actions {
			w.Action(&in.Actions[k])
		}
		w.ListEnd()
	}
	if len(in.Links) > 0 {
		w.List(linksName)
		for _, l := range in.Links {
			w.WriteUp(NewLink(l.Title, l.URL, l.Kind))
		}
		w.ListEnd()
	}
	w.DetailsEnd()
}

func figures(w Writer, n Name, figs []incident.Figure) {
	if len(figs) == 0 {
		return
	}
	w.List(n)
	for k := range figs {
		w.Figure(&figs[k])
	}
	w.ListEnd()
}

// How dates, durations and numbers read.

var months = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// AppendDate appends d as machines read it: "2023", "2023-03" or
// "2023-03-14".
func AppendDate(b []byte, d incident.Date) []byte {
	if d.IsZero() {
		return b
	}
	b = appendPadded(b, d.Year, 4)
	if d.Month >= time.January && d.Month <= time.December {
		b = append(b, '-')
		b = appendPadded(b, int(d.Month), 2)
		if d.Day > 0 {
			b = append(b, '-')
			b = appendPadded(b, d.Day, 2)
		}
	}
	return b
}

func appendPadded(b []byte, n, width int) []byte {
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], int64(n), 10)
	for range width - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// DateWord is one word of a date as readers see it: s, or the number n
// when s is empty.
type DateWord struct {
	S string
	N int
}

// DateWords spells d out: "2023", "March 2023" or "14 March 2023".
func DateWords(d incident.Date) (words [3]DateWord, n int) {
	if d.Month >= time.January && d.Month <= time.December {
		if d.Day > 0 {
			words[n] = DateWord{N: d.Day}
			n++
		}
		words[n] = DateWord{S: months[d.Month-1]}
		n++
	}
	words[n] = DateWord{N: d.Year}
	return words, n + 1
}

// PeriodEnd returns the end of p as readers see it: none (the zero Date)
// for a single date, or a range of one day, which is that day.
func PeriodEnd(p incident.Period) incident.Date {
	if p.End == p.Start {
		return incident.Date{}
	}
	return p.End
}

// PeriodWords spells p out: "14 March 2023", or a range such as
// "14 March 2023 – 16 March 2023".
func PeriodWords(p incident.Period) (words [7]DateWord, n int) {
	w, k := DateWords(p.Start)
	n = copy(words[:], w[:k])
	if end := PeriodEnd(p); !end.IsZero() {
		words[n] = DateWord{S: RangeDash[1 : len(RangeDash)-1]}
		w, k = DateWords(end)
		n += 1 + copy(words[n+1:], w[:k])
	}
	return words, n
}

// AppendISODuration appends d as an ISO 8601 duration in hours, minutes
// and seconds, which are exact where days are not, and which both HTML's
// <time> and JSON read back: "PT4H", "PT1H30M", "PT60H", "PT0.5S".
func AppendISODuration(b []byte, d time.Duration) []byte {
	b = append(b, "PT"...)
	h, m := d/time.Hour, d%time.Hour/time.Minute
	s := d % time.Minute
	if h > 0 {
		b = strconv.AppendInt(b, int64(h), 10)
		b = append(b, 'H')
	}
	if m > 0 {
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, 'M')
	}
	if s > 0 {
		b = strconv.AppendInt(b, int64(s/time.Second), 10)
		if frac := s % time.Second; frac > 0 {
			var buf [16]byte
			f := strconv.AppendInt(buf[:0], int64(frac)+1e9, 10)[1:] // nine digits
			for f[len(f)-1] == '0' {
				f = f[:len(f)-1]
			}
			b = append(b, '.')
			b = append(b, f...)
		}
		b = append(b, 'S')
	}
	return b
}

// UnitSpace is what goes between a figure's number and its unit: a
// space, but none before "%" or no unit.
func UnitSpace(unit string) string {
	if unit == "" || unit == "%" {
		return ""
	}
	return " "
}

// What no format shows as it is.

// Noncharacter reports whether r is one of the Unicode noncharacters,
// such as U+FFFE, which are parse errors in HTML: every format shows
// them as U+FFFD.
func Noncharacter(r rune) bool { return r >= 0xfdd0 && (r <= 0xfdef || r&0xfffe == 0xfffe) }

// BidiControl reports whether r opens or closes a bidi embedding,
// override or isolate (U+202A to U+202E, U+2066 to U+2069), which would
// reorder the text after it, beyond its field: every format drops them.
func BidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

// BidiMark reports whether r is one of the marks ALM, LRM and RLM, which
// reorder nothing beyond their neighbours: HTML keeps them, for the
// right-to-left text that needs them; a terminal, which does no bidi,
// and Markdown, whose readers include terminals, drop them.
func BidiMark(r rune) bool { return r == 0x061c || r == 0x200e || r == 0x200f }
