package page

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
)

// An Option changes how a portfolio is rendered. Its method is
// unexported, so that only this module makes Options: render declares it
// as render.Option, and the format packages make theirs with Func and
// Only.
type Option interface{ apply(*Config) }

type optionFunc func(*Config)

func (f optionFunc) apply(c *Config) { f(c) }

// Func returns an Option every format honours, which sets c with f.
func Func(f func(c *Config)) Option { return optionFunc(f) }

// Opt is a set of the options only some formats can honour.
type Opt uint8

const (
	OptFragment Opt = 1 << iota
	OptJSONLD
	OptLang
	OptWidth
	OptTopLevel
	OptProjects
	OptReplace
	OptSiteGenerator
)

var optionNames = [...]string{"Fragment", "JSONLD", "Lang", "Width", "TopLevel", "Projects", "Replace", "SiteGenerator"}

// Only returns an Option that only formats which have o can honour.
func Only(o Opt, f func(*Config)) Option {
	return optionFunc(func(c *Config) {
		c.Given |= o
		f(c)
	})
}

// Invalid returns an Option that makes every format fail with what
// (such as "Sort(99): no such order") after its name, before writing
// anything. Of several, the first given is reported.
func Invalid(what string) Option {
	return optionFunc(func(c *Config) {
		if c.Bad == "" {
			c.Bad = what
		}
	})
}

// Check reports an option given to fn that is not among its own. fn
// names the function with its package, as "render: HTML".
func (c *Config) Check(fn string, own Opt) error {
	if c.Bad != "" {
		return errors.New(fn + ": " + c.Bad)
	}
	foreign := c.Given &^ own
	if foreign == 0 {
		return nil
	}
	for i, name := range optionNames {
		if foreign&(1<<i) != 0 {
			return errors.New(fn + " cannot honour the " + name + " option")
		}
	}
	return nil
}

// checkKnown reports a value of Roles, Severities or IDs that p does
// not know, as fn's error (fn as in Check): a role neither built in nor
// declared by p, a severity not on p's scale (the default one when p
// declares none), an ID that names no incident of p. Of the first such
// option (in that order), it names every unknown value, once each, in
// the order given, and, for roles and severities, the known ones. A
// known value that no incident has, or that the other filters leave
// out, is no error. It allocates only for the error.
func (c *Config) checkKnown(fn string, p *incident.Portfolio) error {
	if u := unknown(c.Roles, func(r incident.Role) bool { _, ok := p.Role(r); return ok }); u != nil {
		var want []string
		for _, d := range append(incident.BuiltinRoles(), p.Roles...) {
			want = append(want, string(d.Key))
		}
		return notKnown(fn+": Roles: no ", "role", "roles", u, "in the portfolio", want)
	}
	if u := unknown(c.Severities, func(s incident.Severity) bool { _, ok := p.Severity(s); return ok }); u != nil {
		var want []string
		for _, d := range p.Scale() {
			want = append(want, string(d.Code))
		}
		return notKnown(fn+": Severities: no ", "severity", "severities", u, "in the portfolio's scale", want)
	}
	if u := unknown(c.IDs, func(id incident.ID) bool { return hasIncident(p, id) }); u != nil {
		return notKnown(fn+": IDs: no ", "incident", "incidents", u, "in the portfolio", nil)
	}
	return nil
}

// unknown returns the values of given that known does not hold, each
// once, in the order given, quoted; nil when there are none.
func unknown[T ~string](given []T, known func(T) bool) []string {
	var u []string
	for i, v := range given {
		if !known(v) && !slices.Contains(given[:i], v) {
			u = append(u, strconv.Quote(string(v)))
		}
	}
	return u
}

// notKnown returns the error that the unknown values are not where,
// after prefix and the word for one or many; then, unless want is nil,
// the known values, each once, in their order.
func notKnown(prefix, one, many string, unknown []string, where string, want []string) error {
	var b strings.Builder
	b.WriteString(prefix)
	if len(unknown) == 1 {
		b.WriteString(one)
	} else {
		b.WriteString(many)
	}
	b.WriteString(" " + strings.Join(unknown, ", ") + " " + where)
	if want == nil {
		return errors.New(b.String())
	}
	b.WriteString(": want ")
	for i, w := range want {
		if slices.Contains(want[:i], w) {
			continue // declared twice
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(plain(w))
	}
	return errors.New(b.String())
}

// plain returns s as is when it is letters, digits, '-', '_' and '.',
// as a valid role key or severity code is, and quoted otherwise: the
// portfolio need not be valid.
func plain(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return strconv.Quote(s)
		}
	}
	if s == "" {
		return `""`
	}
	return s
}

func hasIncident(p *incident.Portfolio, id incident.ID) bool {
	for i := range p.Incidents {
		if p.Incidents[i].ID == id {
			return true
		}
	}
	return false
}

// Order is the order incidents are drawn in: render.Order's constants,
// which document them, in the same order.
type Order int

// The orders.
const (
	AsWritten Order = iota
	BySeverity
	ByDate
	ByDuration
	Orders // the number of orders
)

// Config is what the options say.
type Config struct {
	Roles      []incident.Role
	Severities []incident.Severity
	Tags       []string
	IDs        []incident.ID
	Order      Order

	NoIntro, NoLegend, NoLessons, NoDetails bool
	HeadingOffset                           int
	Given                                   Opt    // the format options given
	Bad                                     string // what is wrong with an option's value, if anything

	Lang string     // Lang's tag
	Num  NumberForm // how figures' numbers read, after lang

	// HTML
	Fragment bool
	JSONLD   bool
	// Markdown
	Site bool
	// Text
	Width int
	// JSON Resume
	TopLevel bool
	Projects bool
	Replace  bool
}

// Set applies opts to the default configuration.
func (c *Config) Set(opts []Option) {
	*c = Config{Width: 80}
	for _, o := range opts {
		if o != nil {
			o.apply(c)
		}
	}
	c.Num = numberFormOf(c.Lang)
}

// NewConfig returns the configuration opts make. (A render applies them
// to its pooled page instead: a config handed to Option.apply escapes.)
func NewConfig(opts []Option) Config {
	c := new(Config)
	c.Set(opts)
	return *c
}

// Heading returns the level of a heading that is at level n at offset 0.
func (c *Config) Heading(n int) int { return min(n+c.HeadingOffset, 6) }

// Selection is the incidents a render draws, in order. When no option
// filters or sorts, idx is nil and the portfolio's own order is used.
type Selection struct {
	P   *incident.Portfolio
	idx []int
	all bool
}

func (s *Selection) Len() int {
	if s.all {
		return len(s.P.Incidents)
	}
	return len(s.idx)
}

func (s *Selection) At(i int) *incident.Incident {
	if s.all {
		return &s.P.Incidents[i]
	}
	return &s.P.Incidents[s.idx[i]]
}

// Select applies the filters and the order. It allocates once,
// and only when some option filters or sorts.
func (c *Config) Select(p *incident.Portfolio) Selection {
	if c.Roles == nil && c.Severities == nil && c.Tags == nil && c.IDs == nil && c.Order == AsWritten {
		return Selection{P: p, all: true}
	}
	idx := make([]int, 0, len(p.Incidents))
	if c.IDs != nil {
		for _, id := range c.IDs {
			for i := range p.Incidents {
				if p.Incidents[i].ID == id && c.keep(&p.Incidents[i]) && !slices.Contains(idx, i) {
					idx = append(idx, i)
				}
			}
		}
	} else {
		for i := range p.Incidents {
			if c.keep(&p.Incidents[i]) {
				idx = append(idx, i)
			}
		}
	}
	switch c.Order {
	case BySeverity:
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Compare(level(p, p.Incidents[a].Severity), level(p, p.Incidents[b].Severity))
		})
	case ByDate:
		slices.SortStableFunc(idx, func(a, b int) int {
			da, db := p.Incidents[a].When.Start, p.Incidents[b].When.Start
			if da.IsZero() || db.IsZero() {
				return BoolInt(da.IsZero()) - BoolInt(db.IsZero())
			}
			return db.Compare(da)
		})
	case ByDuration:
		slices.SortStableFunc(idx, func(a, b int) int {
			return cmp.Compare(p.Incidents[b].Duration.Length, p.Incidents[a].Duration.Length)
		})
	}
	return Selection{P: p, idx: idx}
}

func BoolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// level returns a severity's level, or a level past every known one.
func level(p *incident.Portfolio, s incident.Severity) int {
	if d, ok := p.Severity(s); ok {
		return d.Level
	}
	return math.MaxInt // after every known level
}

func (c *Config) keep(in *incident.Incident) bool {
	if c.Roles != nil && !slices.Contains(c.Roles, in.Role) {
		return false
	}
	if c.Severities != nil && !slices.Contains(c.Severities, in.Severity) {
		return false
	}
	if c.Tags != nil && !slices.ContainsFunc(in.Tags, func(t string) bool { return slices.Contains(c.Tags, t) }) {
		return false
	}
	return true
}

// uses reports whether f holds for any selected incident.
func (s *Selection) uses(f func(*incident.Incident) bool) bool {
	for i := range s.Len() {
		if f(s.At(i)) {
			return true
		}
	}
	return false
}

var DefaultScale = [...]incident.SeverityDef{
	{Code: incident.P1, Label: "Critical", Level: 1},
	{Code: incident.P2, Label: "High", Level: 2},
	{Code: incident.P3, Label: "Medium", Level: 3},
	{Code: incident.P4, Label: "Low", Level: 4},
}
