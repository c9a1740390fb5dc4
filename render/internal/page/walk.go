package page

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

// A writer writes the pieces of a page in one format, in the order walk
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
	// Incidents and incidentsEnd go around the incidents, which may be
	// none: between them, empty then writes the notice that says so.
	Incidents()
	IncidentsEnd()
	Empty(notice string)
	// Incident starts an incident: its title and its badges.
	Incident(in *incident.Incident, role string, sev Severity)
	// Section writes the k-th of its parts (see Parts): each of the
	// seed's four sections, and each further part of a postmortem that
	// is given.
	Section(k int, s incident.Section)
	// Details and detailsEnd go around the optional fields of an
	// incident, when it has any.
	Details()
	DetailsEnd()
	// When writes when an incident happened: start, and end unless it
	// is the zero moment.
	When(n Name, start, end Moment)
	// Span writes a length with a label, such as the time to detect.
	Span(n Name, d time.Duration)
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
	// Action writes an action item, with its state (done or open) when
	// marked: only where an incident's items are of both states.
	Action(a *incident.Action, marked bool)
	WriteUp(l Link)
	// Timeline and timelineEnd go around an incident's timeline, of at
	// least one event; event writes each, at the moment walk decides
	// on (the day only when it changes).
	Timeline(n Name)
	Event(e *incident.Event, at Moment)
	TimelineEnd()
	// IncidentEnd ends an incident.
	IncidentEnd()
	// Lessons writes the lessons as a listing, with at least one item.
	Lessons(l *incident.Lessons)
}

// A name is what a part of the page is called: its key in JSON (and an
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
	openName    = newName("actions", "Open action items") // the action items, when none is done
	linksName   = newName("links", "Write-ups")
	// The times walk computes from a timeline, and the timeline.
	detectName   = newName("timeToDetect", "Time to detect")
	mitigateName = newName("timeToMitigate", "Time to mitigate")
	resolveName  = newName("timeToResolve", "Time to resolve")
	timelineName = newName("timeline", "Timeline")
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

// emptyNotice is what a page says where the selection leaves no
// incident, in the Hugo module's words.
const emptyNotice = "No incidents to show."

// A link is a link as walk hands it over.
type Link struct {
	Text, URL string
	Kind      incident.LinkKind
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

// A severity is a severity as an incident or the legend shows it. Its
// Code is the incident's; Label and Level are the scale's, or "" and 0
// when the scale does not know the code.
type Severity struct {
	incident.SeverityDef
	Known bool
	// Rank is the badge's colour, '1' for the most severe level of the
	// scale to '4' for the fourth and beyond.
	Rank byte
}

// Page is one render: the options, the portfolio, the incidents drawn
// and the legend. A format's package keeps Pages, with its writers and
// their Spare, in a pool, so that a render allocates nothing.
type Page struct {
	C     Config
	P     incident.Portfolio
	Sel   Selection
	roles []incident.RoleDef
	sevs  []Severity
}

// Init readies pg to draw p with opts. It fails, before anything is
// written, when opts hold an option of another format than fn's (named
// with its package, as "render: HTML"), which has only the options own,
// or a role, severity or ID that p does not know (see checkKnown).
func (pg *Page) Init(p incident.Portfolio, opts []Option, fn string, own Opt) error {
	pg.C.Set(opts)
	if err := pg.C.Check(fn, own); err != nil {
		return err
	}
	if err := pg.C.checkKnown(fn, &p); err != nil {
		return err
	}
	pg.Use(p)
	return nil
}

// Use makes p the portfolio pg draws: it selects p's incidents by pg.C
// and lists the roles and severities they use for the legend, in legend
// order: built-in roles, then declared ones; the most severe (lowest
// level) first, in the scale's order among equals.
func (pg *Page) Use(p incident.Portfolio) {
	pg.P = p
	pg.Sel = pg.C.Select(&pg.P)
	pg.roles, pg.sevs = pg.roles[:0], pg.sevs[:0]
	for _, r := range [...]incident.Role{incident.CausedAndFixed, incident.LedResolution} {
		if pg.Sel.uses(func(in *incident.Incident) bool { return in.Role == r }) {
			d, _ := pg.P.Role(r)
			pg.roles = append(pg.roles, d)
		}
	}
	for _, d := range pg.P.Roles {
		if pg.Sel.uses(func(in *incident.Incident) bool { return in.Role == d.Key }) {
			pg.roles = append(pg.roles, d)
		}
	}
	scale := pg.P.Severities
	if len(scale) == 0 {
		scale = DefaultScale[:]
	}
	for _, d := range scale {
		if pg.Sel.uses(func(in *incident.Incident) bool { return in.Severity == d.Code }) {
			pg.sevs = append(pg.sevs, pg.Severity(d, true))
		}
	}
	slices.SortStableFunc(pg.sevs, func(a, b Severity) int { return cmp.Compare(a.Level, b.Level) })
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
	ranked := []incident.Tier{incident.TierCritical, incident.TierHigh, incident.TierMedium}
	rank := slices.Index(ranked, d.TierOn(scale))
	if rank < 0 { // low, info
		rank = badgeRanks - 1
	}
	s.Rank = '1' + byte(rank)
	return s
}

// Walk draws the page through w.
func (pg *Page) Walk(w Writer) {
	c, p := &pg.C, &pg.P
	w.Begin()
	var back Link
	if p.Back.Text != "" {
		back = Link{Text: p.Back.Text, URL: p.Back.Href}
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
	if pg.Sel.Len() == 0 {
		w.Empty(emptyNotice)
	}
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
	for k, s := range Parts(in) {
		if PartShown(k, s) {
			w.Section(k, s)
		}
	}
	if !pg.C.NoDetails {
		spans, n := TimesTo(in)
		if in.HasDetails() || n > 0 {
			Details(w, in, spans[:n])
		}
		if len(in.Timeline) > 0 {
			timeline(w, in)
		}
	}
	w.IncidentEnd()
}

// A Span is a length a timeline gives, with its name.
type Span struct {
	N Name
	D time.Duration
}

// TimesTo returns the times to detect, mitigate and resolve in's
// timeline gives, in that order, and how many it gives.
func TimesTo(in *incident.Incident) (spans [3]Span, n int) {
	detect, _ := in.TimeToDetect() // 0 when not given
	mitigate, _ := in.TimeToMitigate()
	resolve, _ := in.TimeToResolve()
	for _, s := range [...]Span{{detectName, detect}, {mitigateName, mitigate}, {resolveName, resolve}} {
		if s.D > 0 {
			spans[n] = s
			n++
		}
	}
	return spans, n
}

// Details writes the optional fields of in, and the times its timeline
// gives, of which there are some.
func Details(w Writer, in *incident.Incident, spans []Span) {
	w.Details()
	if !in.When.IsZero() {
		start, end := periodMoments(in.When)
		w.When(whenName, start, end)
	}
	for _, s := range spans {
		w.Span(s.N, s.D)
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
		n, marked := actionList(in.Actions)
		w.List(n)
		for k := range in.Actions {
			w.Action(&in.Actions[k], marked)
		}
		w.ListEnd()
	}
	if len(in.Links) > 0 {
		w.List(linksName)
		for _, l := range in.Links {
			w.WriteUp(Link{Text: l.Title, URL: l.URL, Kind: l.Kind})
		}
		w.ListEnd()
	}
	w.DetailsEnd()
}

// timeline writes in's timeline, which has events. An event's day shows
// when it is not the day of the event before it, or, for the first, the
// day the incident's When starts on.
func timeline(w Writer, in *incident.Incident) {
	w.Timeline(timelineName)
	prev := in.When.Start
	for k := range in.Timeline {
		e := &in.Timeline[k]
		w.Event(e, Moment{D: e.At, Day: !sameDay(e.At, prev) || !e.At.HasClock(), Zone: true})
		prev = e.At
	}
	w.TimelineEnd()
}

// PartOrder is the order in which an incident's parts show: the seed's
// four sections (incident.Incident.Sections) and the further parts of
// Google's SRE postmortem template (incident.Incident.Postmortem) woven
// among them in the template's order. The summary comes first; trigger,
// root cause and detection follow what happened; what went well, what
// went wrong and where we got lucky close the incident.
var PartOrder = [...]struct {
	seed bool // one of Sections, which always shows; else one of Postmortem, which shows when given
	k    int  // its index there
}{
	{false, 0}, // Summary
	{true, 0},  // Situation
	{false, 1}, // Trigger
	{false, 2}, // Root Cause
	{false, 3}, // Detection
	{true, 1},  // My Role
	{true, 2},  // Resolution
	{true, 3},  // Permanent Fix
	{false, 4}, // What Went Well
	{false, 5}, // What Went Wrong
	{false, 6}, // Where We Got Lucky
}

// Parts returns an incident's parts in page order (partOrder). It does
// not allocate.
func Parts(in *incident.Incident) (ps [len(PartOrder)]incident.Section) {
	seed, pm := in.Sections(), in.Postmortem()
	for i, o := range PartOrder {
		if o.seed {
			ps[i] = seed[o.k]
		} else {
			ps[i] = pm[o.k]
		}
	}
	return ps
}

// PartShown reports whether the k-th part, s, shows: a seed section
// always does, a further part of a postmortem when it is given.
func PartShown(k int, s incident.Section) bool { return PartOrder[k].seed || len(s.Paragraphs) > 0 }

// actionList returns the name over action items as, at least one, and
// whether each item is marked done or open: only where both states are
// among them. Items all done show no state; items all open show none
// either, and the list says so in its label, "Open action items".
func actionList(as []incident.Action) (n Name, marked bool) {
	done := 0
	for _, a := range as {
		if a.Done {
			done++
		}
	}
	switch done {
	case 0:
		return openName, false
	case len(as):
		return actionsName, false
	}
	return actionsName, true
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

// DateWord is one word of a date as readers see it: s, or, when s is
// empty, the time of day clock when it is set, else the number n. A time
// of day has its zone after it when zone is set.
type DateWord struct {
	S     string
	N     int
	Clock incident.Clock
	Zone  bool
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

// A moment is a date, or a date-time, as a page shows it: with its day
// (its date, to the precision given) or its time of day alone, and with
// its zone or without, when the zone shows once after a range.
type Moment struct {
	D         incident.Date
	Day, Zone bool
}

// periodMoments returns the ends of p as readers see them: "14 March
// 2023", and for a range the end too (else the zero moment). A range of
// date-times within one day and zone shows the day and the zone once:
// "14 March 2023 13:42 – 14:09 UTC".
func periodMoments(p incident.Period) (start, end Moment) {
	start = Moment{D: p.Start, Day: true, Zone: true}
	e := PeriodEnd(p)
	if e.IsZero() {
		return start, Moment{}
	}
	end = Moment{D: e, Day: true, Zone: true}
	if e.HasClock() && sameDay(e, p.Start) && e.Clock.Offset == p.Start.Clock.Offset {
		start.Zone, end.Day = false, false
	}
	return start, end
}

// sameDay reports whether d and e are on one day, as written, with
// their days given.
func sameDay(d, e incident.Date) bool {
	return d.Day > 0 && d.Year == e.Year && d.Month == e.Month && d.Day == e.Day
}

// Words spells m out: "14 March 2023", "14 March 2023 13:42 UTC",
// "13:42 UTC", "13:42".
func (m Moment) Words() (words [4]DateWord, n int) {
	if m.Day || !m.D.HasClock() {
		w, k := DateWords(m.D)
		n = copy(words[:], w[:k])
	}
	if m.D.HasClock() {
		words[n] = DateWord{Clock: m.D.Clock, Zone: m.Zone}
		n++
	}
	return words, n
}

// PeriodWords spells p out: "14 March 2023", or a range such as
// "14 March 2023 – 16 March 2023" or "14 March 2023 13:42 – 14:09 UTC".
func PeriodWords(p incident.Period) (words [9]DateWord, n int) {
	start, end := periodMoments(p)
	w, k := start.Words()
	n = copy(words[:], w[:k])
	if !end.D.IsZero() {
		words[n] = DateWord{S: RangeDash[1 : len(RangeDash)-1]}
		w, k = end.Words()
		n += 1 + copy(words[n+1:], w[:k])
	}
	return words, n
}

// AppendISO appends m as machines read it, as HTML's <time datetime> and
// ISO 8601 do: appendDate's date, or an RFC 3339 date-time with its
// seconds and zone, "2023-03-14T13:42:00Z", "2023-03-14T13:42:00+01:00".
func (m Moment) AppendISO(b []byte) []byte {
	b = AppendDate(b, m.D)
	c := m.D.Clock
	if !c.Set {
		return b
	}
	b = append(b, 'T')
	b = appendClock(b, c, true)
	if c.Offset == 0 {
		return append(b, 'Z')
	}
	return appendOffset(b, c.Offset)
}

// appendClock appends a time of day, "13:42", with its seconds when they
// are not zero, "13:42:05"; for machines (iso) always with its seconds
// and then its fraction of a second, if any, "13:42:05.25".
func appendClock(b []byte, c incident.Clock, iso bool) []byte {
	b = appendPadded(b, c.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, c.Minute, 2)
	if iso || c.Second != 0 || c.Nanosecond != 0 {
		b = append(b, ':')
		b = appendPadded(b, c.Second, 2)
	}
	if iso && c.Nanosecond != 0 {
		b = appendPadded(append(b, '.'), c.Nanosecond, 9)
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b
}

// appendOffset appends a zone's offset from UTC, "+05:30" or "-08:00".
func appendOffset(b []byte, off int) []byte {
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = append(b, sign)
	b = appendPadded(b, off/3600, 2)
	b = append(b, ':')
	return appendPadded(b, off/60%60, 2)
}

// utc is the zone's word: UTC, or UTC and its offset, "UTC+05:30".
const utc = "UTC"

// AppendWord appends w as readers see it: its text, its number, or its
// time of day, with the zone after it when w.zone is set: "13:42 UTC",
// "09:15 UTC+05:30".
func (w DateWord) AppendWord(b []byte) []byte {
	switch {
	case w.S != "":
		return append(b, w.S...)
	case !w.Clock.Set:
		return strconv.AppendInt(b, int64(w.N), 10)
	}
	b = appendClock(b, w.Clock, false)
	if w.Zone {
		b = append(b, " "+utc...)
		if w.Clock.Offset != 0 {
			b = appendOffset(b, w.Clock.Offset)
		}
	}
	return b
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
			b = appendPadded(append(b, '.'), int(frac), 9)
			for b[len(b)-1] == '0' {
				b = b[:len(b)-1]
			}
		}
		b = append(b, 'S')
	}
	return b
}

// A numberForm is how a language writes a figure's number: the mark
// between groups of three digits, the decimal mark, and the fewest
// digits before the decimal mark that are grouped (CLDR's minimum
// grouping digits plus three: Spanish and Polish write 5000 but 50.000).
type NumberForm struct {
	group, decimal string
	grouped        int
}

// numberForms are the forms of the languages Lang may name, by primary
// language subtag, or by a whole tag where a region writes otherwise.
// Any other language, and a page without Lang, writes numbers as English
// does: 5,000 and 1.5.
var numberForms = [...]struct {
	lang string
	form NumberForm
}{
	{"en", NumberForm{",", ".", 4}},
	{"de", NumberForm{".", ",", 4}},
	{"de-ch", NumberForm{"’", ".", 4}},
	{"es", NumberForm{".", ",", 5}},
	{"fr", NumberForm{"\u202f", ",", 4}}, // a narrow no-break space
	{"it", NumberForm{".", ",", 4}},
	{"nl", NumberForm{".", ",", 4}},
	{"pl", NumberForm{"\u00a0", ",", 5}}, // a no-break space
	{"pt", NumberForm{".", ",", 4}},
	{"pt-pt", NumberForm{"\u00a0", ",", 4}},
	{"ru", NumberForm{"\u00a0", ",", 4}},
	{"sv", NumberForm{"\u00a0", ",", 4}},
}

// numberFormOf returns the number form of the BCP 47 tag lang: its own,
// its primary language's, or English's.
func numberFormOf(lang string) NumberForm {
	primary, _, _ := strings.Cut(lang, "-")
	form := numberForms[0].form
	for _, f := range numberForms {
		switch {
		case strings.EqualFold(f.lang, lang):
			return f.form
		case strings.EqualFold(f.lang, primary):
			form = f.form
		}
	}
	return form
}

// AppendNumber appends v as readers of form read it: "5,000", "1.5",
// "5.000", "1,5", "1,200,000,000".
func AppendNumber(b []byte, v float64, form NumberForm) []byte {
	var buf [32]byte
	d := strconv.AppendFloat(buf[:0], v, 'f', -1, 64)
	if d[0] == '-' {
		b = append(b, '-')
		d = d[1:]
	}
	whole := len(d)
	for i, c := range d {
		if c == '.' {
			whole = i
			break
		}
	}
	for i := range whole {
		if i > 0 && (whole-i)%3 == 0 && whole >= form.grouped {
			b = append(b, form.group...)
		}
		b = append(b, d[i])
	}
	if whole < len(d) {
		b = append(b, form.decimal...)
		b = append(b, d[whole+1:]...)
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
