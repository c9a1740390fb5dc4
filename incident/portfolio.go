package incident

import (
	"slices"
)

// Scale returns the portfolio's severity scale: the declared one, or the
// default scale when none is declared. The result is the caller's to change.
func (p *Portfolio) Scale() []SeverityDef {
	if len(p.Severities) > 0 {
		return slices.Clone(p.Severities)
	}
	return DefaultScale()
}

// Severity returns the definition of code on the portfolio's scale.
// It does not allocate.
func (p *Portfolio) Severity(code Severity) (SeverityDef, bool) {
	scale := p.Severities
	if len(scale) == 0 {
		scale = defaultScale[:]
	}
	for _, d := range scale {
		if d.Code == code {
			return d, true
		}
	}
	return SeverityDef{}, false
}

// Role returns the definition of a built-in or declared role.
// It does not allocate.
func (p *Portfolio) Role(r Role) (RoleDef, bool) {
	for _, d := range builtinRoles {
		if d.Key == r {
			return d, true
		}
	}
	for _, d := range p.Roles {
		if d.Key == r {
			return d, true
		}
	}
	return RoleDef{}, false
}

// RoleLabel returns the label of a role, or its key when the portfolio does
// not know it.
func (p *Portfolio) RoleLabel(r Role) string {
	if d, ok := p.Role(r); ok {
		return d.Label
	}
	return string(r)
}

// allRoles returns the built-in roles followed by the declared ones: the
// order of a legend.
func (p *Portfolio) allRoles() []RoleDef {
	return append(BuiltinRoles(), p.Roles...)
}

// Clone returns a deep copy of p that shares no slice with it, so changing
// one never changes the other. It allocates a few arrays whatever the
// number of incidents, and subslices them with capacities capped, so that
// appending to one field of the copy cannot overwrite another.
func (p Portfolio) Clone() Portfolio {
	var nstr, nfig, nact, nlink, nev int
	nstr = len(p.Intro) + len(p.Lessons.Items)
	for i := range p.Incidents {
		in := &p.Incidents[i]
		nstr += len(in.Situation) + len(in.MyRole) + len(in.Resolution) + len(in.PermanentFix) + len(in.Tags)
		nfig += len(in.Impact) + len(in.Results)
		nact += len(in.Actions)
		nlink += len(in.Links)
		for _, s := range in.Postmortem() {
			nstr += len(s.Paragraphs)
		}
		nev += len(in.Timeline)
	}
	a := arena{
		str:  make([]string, 0, nstr),
		fig:  make([]Figure, 0, nfig),
		act:  make([]Action, 0, nact),
		link: make([]WriteUp, 0, nlink),
		ev:   make([]Event, 0, nev),
	}
	q := p
	q.Intro = take(&a.str, p.Intro)
	q.Lessons.Items = take(&a.str, p.Lessons.Items)
	q.Roles = slices.Clip(slices.Clone(p.Roles))
	q.Severities = slices.Clip(slices.Clone(p.Severities))
	q.Incidents = slices.Clip(slices.Clone(p.Incidents))
	for i := range q.Incidents {
		in := &q.Incidents[i]
		in.Situation = take(&a.str, in.Situation)
		in.MyRole = take(&a.str, in.MyRole)
		in.Resolution = take(&a.str, in.Resolution)
		in.PermanentFix = take(&a.str, in.PermanentFix)
		in.Tags = take(&a.str, in.Tags)
		in.Impact = take(&a.fig, in.Impact)
		in.Results = take(&a.fig, in.Results)
		in.Actions = take(&a.act, in.Actions)
		in.Links = take(&a.link, in.Links)
		for _, f := range [...]*[]string{&in.Summary, &in.Trigger, &in.RootCause, &in.Detection, &in.WentWell, &in.WentWrong, &in.GotLucky} {
			*f = take(&a.str, *f)
		}
		in.Timeline = take(&a.ev, in.Timeline)
	}
	return q
}

type arena struct {
	str  []string
	fig  []Figure
	act  []Action
	link []WriteUp
	ev   []Event
}

// take appends src to *buf and returns the appended part with its capacity
// capped. A nil src stays nil, so a clone compares equal to its source.
func take[T any](buf *[]T, src []T) []T {
	if src == nil {
		return nil
	}
	start := len(*buf)
	*buf = append(*buf, src...)
	return (*buf)[start:len(*buf):len(*buf)]
}

// Clone returns a deep copy of in that shares no slice with it.
func (in Incident) Clone() Incident {
	return Portfolio{Incidents: []Incident{in}}.Clone().Incidents[0]
}

// HasDetails reports whether in has any of the optional fields: when, org,
// tags, command role, figures, action items or links.
func (in *Incident) HasDetails() bool {
	return !in.When.IsZero() || in.Org != "" || in.Command != "" || len(in.Tags) > 0 ||
		len(in.Impact) > 0 || len(in.Results) > 0 || len(in.Actions) > 0 || len(in.Links) > 0
}
