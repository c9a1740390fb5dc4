package incident

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/incident-leadership/portfolio/internal/textchar"
)

// FieldError is one problem with one field. Path names the field the way
// the content file does, as in "incidents[2].severity".
type FieldError struct {
	Path string
	Msg  string
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Msg }

// Errors is every problem Validate found, in field order.
type Errors []*FieldError

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Validate reports every problem with p at once, as Errors, or nil when p
// is valid: missing or blank required text, malformed or duplicate IDs,
// unknown roles and severities, a back link other than an http, https,
// mailto or relative URL, a write-up URL other than an absolute http or
// https one, empty sections, and text that holds invalid UTF-8 or control
// characters.
func (p *Portfolio) Validate() error {
	v := validator{}
	v.text("title", p.Title, true)
	v.text("tagline", p.Tagline, true)
	v.paragraphs("intro", p.Intro, false)
	if p.Back != (Link{}) {
		v.text("back.text", p.Back.Text, true)
		v.url("back.href", p.Back.Href, true)
	}
	v.text("legend", p.Legend, false)

	roles := map[Role]bool{}
	for _, d := range builtinRoles {
		roles[d.Key] = true
	}
	for i, d := range p.Roles {
		path := fmt.Sprintf("roles[%d]", i)
		switch {
		case !isSlug(string(d.Key)):
			v.add(path+".key", "malformed role key %q: want lower-case words joined by hyphens", d.Key)
		case slices.ContainsFunc(builtinRoles[:], func(b RoleDef) bool { return b.Key == d.Key }):
			v.add(path+".key", "role %q is built in: leave it out of roles", string(d.Key))
		case roles[d.Key]:
			v.add(path+".key", "duplicate role %q", string(d.Key))
		}
		roles[d.Key] = true
		v.text(path+".label", d.Label, true)
	}

	codes := map[Severity]bool{}
	for i, d := range p.Severities {
		path := fmt.Sprintf("severities[%d]", i)
		if err := checkCode(string(d.Code)); err != nil {
			v.add(path+".code", "malformed severity code %q: %v", d.Code, err)
		} else if codes[d.Code] {
			v.add(path+".code", "duplicate severity %q", d.Code)
		}
		codes[d.Code] = true
		v.text(path+".label", d.Label, true)
		if d.Level < 0 {
			v.add(path+".level", "negative level %d", d.Level)
		}
		if d.Tier != "" {
			if err := new(Tier).UnmarshalText([]byte(d.Tier)); err != nil {
				v.add(path+".tier", "%v", err)
			}
		}
	}

	if len(p.Incidents) == 0 {
		v.add("incidents", "no incidents: a portfolio needs at least one")
	}
	ids := map[ID]int{}
	for i := range p.Incidents {
		v.incident(p, fmt.Sprintf("incidents[%d]", i), &p.Incidents[i], ids, i)
	}

	if p.Lessons.File != "" || p.Lessons.Heading != "" || len(p.Lessons.Items) > 0 {
		v.text("lessons.file", p.Lessons.File, false)
		v.text("lessons.heading", p.Lessons.Heading, false)
		v.paragraphs("lessons.items", p.Lessons.Items, true)
	}
	if len(v.errs) == 0 {
		return nil
	}
	return v.errs
}

type validator struct{ errs Errors }

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, &FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) incident(p *Portfolio, path string, in *Incident, ids map[ID]int, i int) {
	switch {
	case in.ID == "":
		v.add(path+".id", "missing id")
	case !in.ID.Valid():
		v.add(path+".id", "malformed id %q: want lower-case letters and digits in words joined by single hyphens, at most 64 bytes%s", in.ID, slugHint(string(in.ID)))
	default:
		if first, dup := ids[in.ID]; dup {
			v.add(path+".id", "duplicate id %q: incidents[%d] has it too", in.ID, first)
		} else {
			ids[in.ID] = i
		}
	}
	v.text(path+".title", in.Title, true)
	if in.Role == "" {
		v.add(path+".role", "missing role")
	} else if _, ok := p.Role(in.Role); !ok {
		v.add(path+".role", "unknown role %q; want one of %s%s", string(in.Role), roleKeys(p), roleHint(p, in.Role))
	}
	if in.Severity == "" {
		v.add(path+".severity", "missing severity")
	} else if _, ok := p.Severity(in.Severity); !ok {
		v.add(path+".severity", "unknown severity %q; want one of %s%s", in.Severity, severityCodes(p), severityHint(p, in.Severity))
	}
	v.text(path+".duration", in.Duration.Text, true)
	if in.Duration.Length < 0 {
		v.add(path+".duration", "negative length")
	}
	if in.Duration.Approximate && in.Duration.Length == 0 {
		v.add(path+".duration.approximate", "approximate needs a length: give one, as in length: 6h")
	}
	for _, s := range in.Sections() {
		v.paragraphs(path+"."+s.Key, s.Paragraphs, true)
	}

	if !in.When.IsZero() {
		if _, err := ParsePeriod(in.When.String()); err != nil || in.When.String() == "" {
			v.add(path+".when", "malformed period %q", in.When.String())
		}
	} else if !in.When.End.IsZero() {
		v.add(path+".when", "an end without a start")
	}
	v.text(path+".org", in.Org, false)
	seen := map[string]bool{}
	for j, t := range in.Tags {
		tp := path + ".tags[" + strconv.Itoa(j) + "]"
		v.text(tp, t, true)
		if seen[t] {
			v.add(tp, "duplicate tag %q", t)
		}
		seen[t] = true
	}
	if in.Command != "" {
		checkKey(v, path+".command", in.Command, commandRoles[:], "command role")
	}
	v.figures(path+".impact", in.Impact)
	v.figures(path+".results", in.Results)
	for j, a := range in.Actions {
		ap := path + ".actions[" + strconv.Itoa(j) + "]"
		v.text(ap+".text", a.Text, true)
		checkKey(v, ap+".kind", a.Kind, actionKinds[:], "action kind")
	}
	for j, l := range in.Links {
		lp := path + ".links[" + strconv.Itoa(j) + "]"
		v.text(lp+".title", l.Title, true)
		v.url(lp+".url", l.URL, false)
		checkKey(v, lp+".kind", l.Kind, linkKinds[:], "link kind")
	}
	for _, s := range in.Postmortem() {
		v.paragraphs(path+"."+s.Key, s.Paragraphs, false)
	}
	v.timeline(path, in)
}

// checkKey checks that k is a key of the closed set, as UnmarshalText
// does; what names the set in the error.
func checkKey[T ~string](v *validator, path string, k T, set []label[T], what string) {
	if err := parseKey(new(T), []byte(k), set, what); err != nil {
		v.add(path, "%v", err)
	}
}

// timeline checks an incident's events: each a date-time with its zone
// and a text, of a known kind and state, in order, and inside When.
func (v *validator) timeline(path string, in *Incident) {
	var prev *Event
	for j := range in.Timeline {
		e := &in.Timeline[j]
		ep := path + ".timeline[" + strconv.Itoa(j) + "]"
		switch _, err := ParseDate(e.At.String()); {
		case e.At.IsZero():
			v.add(ep+".at", "missing time: give when it happened, as in at: 2023-03-14T13:42Z")
		case err != nil || e.At.String() == "":
			v.add(ep+".at", "malformed time %q", e.At.String())
		case !e.At.Clock.Set:
			v.add(ep+".at", "%s has no time of day: a timeline event needs one, with its zone, as in at: %sT13:42Z", e.At, fullDay(e.At))
		default:
			if prev != nil && e.At.chrono(prev.At) < 0 {
				v.add(ep+".at", "%s is earlier than the event above it, at %s: list the timeline's events in the order they happened", e.At, prev.At)
			}
			prev = e
			if in.When.IsZero() {
				break
			}
			switch before, after := in.When.within(e.At); {
			case before:
				v.add(ep+".at", "%s is before the incident's when, %s: move the event, or start when earlier", e.At, in.When)
			case after:
				v.add(ep+".at", "%s is after the incident's when, %s: move the event, or end when later, as in when: %s", e.At, in.When, widen(in.When, e.At))
			}
		}
		v.text(ep+".text", e.Text, true)
		if e.Kind != "" {
			checkKey(v, ep+".kind", e.Kind, eventKinds[:], "event kind")
		}
		if e.State != "" {
			checkKey(v, ep+".state", e.State, states[:], "service state")
		}
	}
}

// fullDay returns d's day, with a made-up month and day where d leaves
// them out, for an example.
func fullDay(d Date) string {
	e := Date{Year: d.Year, Month: d.Month, Day: d.Day}
	if e.Month == 0 {
		e.Month = time.March
	}
	if e.Day == 0 {
		e.Day = 14
	}
	return e.String()
}

// widen returns p with its end moved to take in d, for a hint: a range of
// date-times ending at d, or of dates ending on d's day.
func widen(p Period, d Date) Period {
	if p.Start.Clock.Set {
		return Period{Start: p.Start, End: d}
	}
	return Period{Start: p.Start, End: truncate(d, Date{Year: 1, Month: 1, Day: 1})}
}

func (v *validator) figures(path string, figs []Figure) {
	for j, f := range figs {
		fp := path + "[" + strconv.Itoa(j) + "]"
		v.text(fp+".label", f.Label, true)
		v.text(fp+".unit", f.Unit, false)
		v.text(fp+".note", f.Note, false)
		if f.ValueText != "" {
			v.text(fp+".value", f.ValueText, true)
			if f.Value != 0 {
				v.add(fp+".value", "both a number, %v, and a text, %q: give one", f.Value, f.ValueText)
			}
		}
		if f.BeforeText != "" {
			v.text(fp+".before", f.BeforeText, true)
			if f.Before != 0 {
				v.add(fp+".before", "both a number, %v, and a text, %q: give one", f.Before, f.BeforeText)
			}
			if !f.HasBefore {
				v.add(fp+".before", "a text without HasBefore set")
			}
		}
		for _, n := range [...]struct {
			key string
			v   float64
		}{{"value", f.Value}, {"before", f.Before}} {
			if math.IsNaN(n.v) || math.IsInf(n.v, 0) {
				v.add(fp+"."+n.key, "%v is not a finite number", n.v)
			}
		}
	}
}

func (v *validator) paragraphs(path string, ps []string, required bool) {
	if required && len(ps) == 0 {
		v.add(path, "empty: want at least one paragraph")
	}
	for j, s := range ps {
		v.text(path+"["+strconv.Itoa(j)+"]", s, true)
	}
}

// text checks that s is valid UTF-8 without control characters, and, when
// required, not blank: it must show something besides white space and
// invisible formatting characters (such as the bidi controls, which
// renderers drop).
func (v *validator) text(path, s string, required bool) {
	if required && strings.TrimSpace(s) == "" {
		if s == "" {
			v.add(path, "missing text")
		} else {
			v.add(path, "blank text")
		}
		return
	}
	if required && strings.IndexFunc(s, textchar.Visible) < 0 && checkText(s) == "" {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
		v.add(path, "blank text: only white space and invisible characters such as %U", r)
		return
	}
	if msg := checkText(s); msg != "" {
		v.add(path, "%s", msg)
	}
}

// CheckText returns nil when s is fit for content: valid UTF-8 holding no
// control characters (C0, DEL or C1, line breaks and tabs included).
// Otherwise its error says what is wrong and at which byte.
func CheckText(s string) error {
	if msg := checkText(s); msg != "" {
		return errors.New(msg)
	}
	return nil
}

func checkText(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r == '\n' || r == '\r':
			return fmt.Sprintf("line break at byte %d: one paragraph is one line; start a new list item for a new paragraph", i)
		case r == '\t':
			return fmt.Sprintf("tab at byte %d: use spaces", i)
		case textchar.Control(r):
			return fmt.Sprintf("control character %U at byte %d", r, i)
		}
	}
	return ""
}

// url checks a link target: http or https, and when allowRelative also
// mailto or a relative URL.
func (v *validator) url(path, s string, allowRelative bool) {
	if strings.TrimSpace(s) == "" {
		v.add(path, "missing URL")
		return
	}
	if msg := checkText(s); msg != "" {
		v.add(path, "%s", msg)
		return
	}
	if msg := checkURL(s, allowRelative); msg != "" {
		v.add(path, "%s", msg)
	}
}

// SafeURL reports whether s is a link target pages may use: an http, https
// or mailto URL, or a relative one. Renderers drop any other.
func SafeURL(s string) bool { return checkURL(s, true) == "" && checkText(s) == "" }

func checkURL(s string, allowRelative bool) string {
	if strings.ContainsAny(s, " \t\\") {
		return fmt.Sprintf("bad URL %q: spaces and backslashes must be percent-encoded", s)
	}
	// Invisible characters, bidirectional controls among them, would make
	// a link read as another one: where pages show a URL, they show it as
	// it is written.
	if i := strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf && (!unicode.IsGraphic(r) || unicode.IsSpace(r)) }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("bad URL %q: invisible character %U at byte %d must be percent-encoded", s, r, i)
	}
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Sprintf("bad URL %q: %v", s, err)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Sprintf("bad URL %q: no host", s)
		}
		if h := u.Hostname(); !hostName(h) && net.ParseIP(h) == nil {
			return fmt.Sprintf("bad URL %q: %q is not a host name", s, h)
		}
		return ""
	case "mailto":
		if !allowRelative {
			return fmt.Sprintf("bad URL %q: want an http or https URL", s)
		}
		return ""
	case "":
		host, _, _ := strings.Cut(s, "/")
		switch {
		case strings.HasPrefix(s, "//"):
			return fmt.Sprintf("bad URL %q: a scheme-relative URL; write http:// or https://", s)
		case strings.HasPrefix(strings.ToLower(s), "www.") || !allowRelative && strings.Contains(host, ".") || looksLikeDomain(s):
			// "www.example.com" is a relative link to a file of that name.
			return fmt.Sprintf("bad URL %q: no scheme; write %q", s, "https://"+s)
		case !allowRelative:
			return fmt.Sprintf("bad URL %q: want an absolute http or https URL", s)
		}
		return ""
	}
	if allowRelative {
		return fmt.Sprintf("bad URL %q: scheme %q not allowed; want http, https, mailto or a relative URL", s, u.Scheme)
	}
	return fmt.Sprintf("bad URL %q: scheme %q not allowed; want http or https", s, u.Scheme)
}

// looksLikeDomain reports whether the first segment of a relative URL,
// such as "example.org" in "example.org/about", is a host name rather
// than a file name: a link there would be broken. A generic top-level
// domain (.com, .org...) says so; a country's (.de, .ai...) only before a
// "/", since some file names end so too (logo.ai).
func looksLikeDomain(s string) bool {
	host, slash := s, false
	if end := strings.IndexAny(s, "/?#"); end >= 0 {
		host, slash = s[:end], s[end] == '/'
	}
	i := strings.LastIndexByte(host, '.')
	if i <= 0 || !hostName(host) {
		return false
	}
	// A switch, not a map: the package does no work at start.
	switch tld := strings.ToLower(host[i+1:]); {
	case tld == "com", tld == "org", tld == "net", tld == "io", tld == "dev", tld == "edu", tld == "gov", tld == "info":
		return true
	case len(tld) == 2 && tld[0] >= 'a' && tld[0] <= 'z' && tld[1] >= 'a' && tld[1] <= 'z', tld == "app":
		return slash
	}
	return false
}

// slugHint suggests the slug an ID that is not one was likely meant to be:
// "; try \"database-outage\"" for "Database_Outage".
func slugHint(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if s := b.String(); isSlug(s) && s != id {
		return fmt.Sprintf("; try %q", s)
	}
	return ""
}

// roleHint names the role a key or label in the wrong case was meant to
// be: "; did you mean \"led-resolution\"?" for "Led Resolution".
func roleHint(p *Portfolio, r Role) string {
	for _, d := range p.allRoles() {
		if strings.EqualFold(string(r), string(d.Key)) || strings.EqualFold(string(r), d.Label) {
			return fmt.Sprintf("; did you mean %q?", string(d.Key))
		}
	}
	return ""
}

// severityHint names the code a label or a code in the wrong case was
// meant to be: "; did you mean \"P1\" (Critical)?" for "critical".
func severityHint(p *Portfolio, code Severity) string {
	for _, d := range p.Scale() {
		if strings.EqualFold(string(code), string(d.Code)) || strings.EqualFold(string(code), d.Label) {
			return fmt.Sprintf("; did you mean %q (%s)?", string(d.Code), d.Label)
		}
	}
	return ""
}

// hostName reports whether h is made of letters (of any script), digits,
// '-', '_' and '.', as host names are. Go's URL parser lets more through,
// quotes and angle brackets among them.
func hostName(h string) bool {
	for _, r := range h {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return false
		}
	}
	return h != ""
}

func roleKeys(p *Portfolio) string {
	keys := make([]Role, 0, len(builtinRoles)+len(p.Roles))
	for _, d := range p.allRoles() {
		keys = append(keys, d.Key)
	}
	return joinKeys(keys)
}

func severityCodes(p *Portfolio) string {
	var codes []Severity
	for _, d := range p.Scale() {
		codes = append(codes, d.Code)
	}
	return joinKeys(codes)
}
