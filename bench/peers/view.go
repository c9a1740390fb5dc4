package peers

// The helpers the three templates share: what render.HTML decides about a
// page that a template cannot say by itself. Each is what a user of the
// engines would write, plain Go returning strings.

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// style is the stylesheet render.HTML puts in a standalone document,
// taken from its output once, so that the peers embed the same bytes
// whatever the renderer's constants are called.
var style = func() string {
	var b bytes.Buffer
	if err := render.HTML(&b, incident.Portfolio{}); err != nil {
		panic(err)
	}
	_, s, _ := strings.Cut(b.String(), "<style>\n")
	s, _, ok := strings.Cut(s, "</style>")
	if !ok {
		panic("peers: render.HTML wrote no <style> element")
	}
	return s
}()

// legendRoles returns the roles the incidents have, in the legend's
// order: the built-in ones, then the declared ones.
func legendRoles(p *incident.Portfolio) []incident.RoleDef {
	var out []incident.RoleDef
	for _, r := range []incident.Role{incident.CausedAndFixed, incident.LedResolution} {
		if used(p, func(in *incident.Incident) bool { return in.Role == r }) {
			d, _ := p.Role(r)
			out = append(out, d)
		}
	}
	for _, d := range p.Roles {
		if used(p, func(in *incident.Incident) bool { return in.Role == d.Key }) {
			out = append(out, d)
		}
	}
	return out
}

// legendSeverities returns the severities the incidents have, most severe
// first, in the scale's order among equals.
func legendSeverities(p *incident.Portfolio) []incident.SeverityDef {
	var out []incident.SeverityDef
	for _, d := range p.Scale() {
		if used(p, func(in *incident.Incident) bool { return in.Severity == d.Code }) {
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b incident.SeverityDef) int { return a.Level - b.Level })
	return out
}

// used reports whether any incident of p is one that f accepts.
func used(p *incident.Portfolio, f func(*incident.Incident) bool) bool {
	for i := range p.Incidents {
		if f(&p.Incidents[i]) {
			return true
		}
	}
	return false
}

// severityRank returns the CSS class digit of a severity: "1" for the
// most severe level of the scale, up to "4" for the fourth level and
// beyond, and for a code the scale does not know.
func severityRank(p *incident.Portfolio, code incident.Severity) string {
	d, ok := p.Severity(code)
	if !ok {
		return "4"
	}
	return levelRank(p, d.Level)
}

// levelRank is severityRank of a level: the number of distinct levels
// more severe than it, plus one, at most 4.
func levelRank(p *incident.Portfolio, level int) string {
	var above []int
	for _, d := range p.Scale() {
		if d.Level < level && !slices.Contains(above, d.Level) {
			above = append(above, d.Level)
		}
	}
	return strconv.Itoa(min(len(above), 3) + 1)
}

// severityLabel returns the label of a severity, or "" when it has none.
func severityLabel(p *incident.Portfolio, code incident.Severity) string {
	d, _ := p.Severity(code)
	return d.Label
}

// isoDuration returns d as an ISO 8601 duration in hours, minutes and
// seconds, as HTML's <time datetime> and JSON read it: PT4H, PT30H30M.
func isoDuration(d time.Duration) string {
	s := "PT"
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{time.Hour, "H"}, {time.Minute, "M"}, {time.Second, "S"}} {
		if n := d / u.unit; n > 0 {
			s += strconv.Itoa(int(n)) + u.name
			d -= n * u.unit
		}
	}
	if s == "PT" {
		s += "0S"
	}
	return s
}

// humanDate returns d as 2023, March 2023 or 14 March 2023.
func humanDate(d incident.Date) string {
	switch {
	case d.Month < 1 || d.Month > 12:
		return strconv.Itoa(d.Year)
	case d.Day > 0:
		return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
	}
	return d.Month.String() + " " + strconv.Itoa(d.Year)
}

// groupDigits groups the digits of the number s by threes, as English
// reads them: "1,200,000,000", "1,234.5".
func groupDigits(s string) string {
	whole, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return sign + whole + frac
}

// hasEnd reports whether a period is a range of more than one day.
func hasEnd(p incident.Period) bool { return !p.End.IsZero() && p.End != p.Start }

// figure returns a value and its unit: "1.2 h", "70%", "3".
func figure(v float64, unit string) string {
	s := groupDigits(strconv.FormatFloat(v, 'f', -1, 64))
	switch unit {
	case "":
		return s
	case "%":
		return s + unit
	}
	return s + " " + unit
}

// safeURL reports whether a link may point to s.
func safeURL(s string) bool { return s != "" && incident.SafeURL(s) }

// actionsLabel is the label over action items: it says they are open
// when none is done.
func actionsLabel(as []incident.Action) string {
	for _, a := range as {
		if a.Done {
			return "Action items"
		}
	}
	return "Open action items"
}

// mixedActions reports whether action items show each its state: only
// where done and open items are mixed.
func mixedActions(as []incident.Action) bool {
	done := 0
	for _, a := range as {
		if a.Done {
			done++
		}
	}
	return done > 0 && done < len(as)
}

// doneText returns an action item's state.
func doneText(done bool) string {
	if done {
		return "done"
	}
	return "open"
}
