// Package synth makes synthetic portfolios of any size, for benchmarks and
// scale tests: the same n gives the same portfolio on every run and every
// machine.
//
// The text reads like the seed page's: paragraphs of 120 to 480 bytes of
// operations prose, one a section and now and then two; titles of 30 to
// 80 bytes. The incidents mix the built-in roles with a declared one and
// the four default severities; about half carry the optional details
// (date, organisation, tags, command role, figures, action items,
// write-ups). About one paragraph in eight holds something a renderer must
// escape: an ampersand, angle brackets, quotes, an asterisk, a backtick or
// an underscore; and apostrophes and a few non-ASCII letters appear
// throughout, as in the seed. No text holds '+', which html/template alone
// writes as "&#43;".
//
// The package imports nothing but the standard library and the model.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

// OnCall is the role synthetic portfolios declare besides the built-in ones.
const OnCall incident.Role = "on-call-responder"

// Portfolio returns a valid portfolio of n incidents (at least one).
func Portfolio(n int) incident.Portfolio {
	g := gen{r: rand.New(rand.NewPCG(uint64(n), 0x5eed))}
	p := incident.Portfolio{
		Title:   "Incident Leadership",
		Tagline: g.sentence(80, 140),
		Intro:   []string{g.paragraph()},
		Back:    incident.Link{Text: "Back to Home", Href: "/"},
		Legend:  "Legend",
		Roles:   []incident.RoleDef{{Key: OnCall, Label: "On-call Responder"}},
		Lessons: incident.Lessons{
			File:    "lessons-learned.sh",
			Heading: "Key takeaways from production incidents",
			Items: []string{
				"Document everything in real-time",
				"Understand concepts, not just tools",
				"Every incident is a chance to build resilience",
				"The fix isn't done until it can't happen again",
			},
		},
	}
	p.Incidents = make([]incident.Incident, max(n, 1))
	for i := range p.Incidents {
		p.Incidents[i] = g.incident(i)
	}
	return p
}

type gen struct{ r *rand.Rand }

func (g *gen) pick(words []string) string { return words[g.r.IntN(len(words))] }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func (g *gen) incident(i int) incident.Incident {
	subject := []string{g.pick(systems), g.pick(parts), g.pick(failures)}
	in := incident.Incident{
		ID:       incident.ID(strings.Join(subject, "-") + "-" + strconv.Itoa(i+1)),
		Title:    g.title(subject),
		Role:     g.role(),
		Severity: severities[g.r.IntN(len(severities))],
		Duration: g.duration(),
	}
	for _, s := range []*[]string{&in.Situation, &in.MyRole, &in.Resolution, &in.PermanentFix} {
		*s = make([]string, 1+g.r.IntN(4)/3) // a second paragraph one time in four
		for j := range *s {
			(*s)[j] = g.paragraph()
		}
	}
	if g.r.IntN(2) == 0 {
		g.details(&in, i)
	}
	return in
}

// role returns a built-in role nine times in ten, else OnCall.
func (g *gen) role() incident.Role {
	switch g.r.IntN(10) {
	case 0:
		return OnCall
	case 1, 3, 5, 7, 9:
		return incident.LedResolution
	}
	return incident.CausedAndFixed
}

func (g *gen) title(subject []string) string {
	var b strings.Builder
	b.WriteString(g.pick(titleStarts))
	for _, w := range subject {
		b.WriteByte(' ')
		b.WriteString(strings.ToUpper(w[:1]))
		b.WriteString(w[1:])
	}
	b.WriteString(g.pick(titleEnds))
	return b.String()
}

func (g *gen) duration() incident.Duration {
	if g.r.IntN(8) == 0 {
		return incident.Duration{Text: g.pick(vagueDurations)}
	}
	d := time.Duration(g.between(1, 96)) * 15 * time.Minute
	return incident.Duration{Text: incident.SpellLength(d), Length: d}
}

// paragraph returns one to four sentences, 120 to 480 bytes in all.
func (g *gen) paragraph() string {
	n := g.between(120, 480)
	var b strings.Builder
	escape := g.r.IntN(8) == 0
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		s := g.sentence(60, 160)
		if escape && b.Len() > 0 {
			s = s[:len(s)-1] + ", " + g.pick(escapes) + "."
			escape = false
		}
		b.WriteString(s)
	}
	return b.String()
}

// sentence returns a capitalised sentence of lo to hi bytes or a little
// more, ending in a full stop.
func (g *gen) sentence(lo, hi int) string {
	n := g.between(lo, hi)
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.pick(words))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (g *gen) details(in *incident.Incident, i int) {
	year := 2015 + i%10
	month := time.Month(1 + i%12)
	switch i % 3 {
	case 0:
		in.When = incident.Period{Start: incident.Date{Year: year, Month: month, Day: 1 + i%28}}
	case 1:
		in.When = incident.Period{Start: incident.Date{Year: year, Month: month}}
	default:
		in.When = incident.Period{
			Start: incident.Date{Year: year, Month: month, Day: 1 + i%27},
			End:   incident.Date{Year: year, Month: month, Day: 2 + i%27},
		}
	}
	in.Org = g.pick(orgs)
	for _, k := range g.r.Perm(len(tags))[:g.between(1, 4)] {
		in.Tags = append(in.Tags, tags[k])
	}
	if g.r.IntN(2) == 0 {
		in.Command = commands[g.r.IntN(len(commands))]
	}
	in.Impact = []incident.Figure{{
		Label: "Requests failed", Value: float64(g.between(1, 900)) * 1000, Unit: "requests",
	}}
	in.Results = []incident.Figure{
		{
			Label: "MTTR", Before: float64(g.between(2, 9)), HasBefore: true,
			Value: float64(g.between(1, 9)) / 10, Unit: "h", Note: "lower",
		},
		{Label: "Alert coverage", Value: float64(g.between(50, 100)), Unit: "%"},
	}
	kinds := incident.ActionKinds()
	for k := range g.between(1, 3) {
		a := incident.Action{Text: g.sentence(30, 70), Kind: kinds[k%len(kinds)]}
		a.Done = g.r.IntN(3) > 0
		in.Actions = append(in.Actions, a)
	}
	in.Links = []incident.WriteUp{{
		Title: "Postmortem " + strconv.Itoa(i+1),
		URL:   fmt.Sprintf("https://example.com/postmortems/%d/%s", year, in.ID),
		Kind:  incident.Postmortem,
	}}
}

var (
	// Severities are drawn with these weights: P2 is the commonest.
	severities = [...]incident.Severity{
		incident.P1, incident.P1, incident.P2, incident.P2, incident.P2, incident.P3, incident.P3, incident.P4,
	}
	commands = incident.CommandRoles()

	systems = []string{
		"database", "message", "cache", "kubernetes", "dns", "storage", "payment", "search", "auth",
		"network", "billing", "logging",
	}
	parts = []string{
		"connection", "queue", "node", "certificate", "replica", "pipeline", "gateway", "scheduler",
		"index", "cluster", "shard", "proxy",
	}
	failures = []string{
		"exhaustion", "backlog", "breakage", "rollout", "expiry", "lag", "outage", "saturation",
		"leak", "corruption", "failover", "drift",
	}
	titleStarts = []string{"Production", "Regional", "Partial", "Critical", "Weekend"}
	titleEnds   = []string{
		" Causing Service Degradation", " During Peak Traffic", " After a Routine Change",
		" at Month End", " in One Region",
	}

	vagueDurations = []string{"Weekend (Fri-Sun)", "About a day", "Most of a shift", "Two business days"}
	orgs           = []string{
		"a publicly traded financial services company", "a regional healthcare provider",
		"an e-commerce start-up", "a logistics company", "Exemplar Café Ltd.",
	}
	tags = []string{
		"database", "kubernetes", "postgresql", "kafka", "redis", "helm", "argocd", "terraform", "dns", "tls",
		"gitops",
	}

	// words make the prose; a few carry apostrophes and non-ASCII letters,
	// as the seed's do.
	words = []string{
		"deployed", "a", "configuration", "change", "that", "inadvertently", "reduced", "the",
		"database", "connection", "pool", "size", "during", "peak", "traffic", "hours", "services",
		"began", "failing", "health", "checks", "and", "user", "requests", "started", "timing", "out",
		"identified", "root", "cause", "through", "metrics", "analysis", "rolled", "back", "implemented",
		"fix", "while", "coordinating", "with", "on-call", "engineers", "immediate", "rollback",
		"restored", "service", "within", "thirty", "minutes", "proper", "was", "after", "appropriate",
		"sizing", "for", "expected", "load", "monitoring", "alerting", "thresholds", "added",
		"mandatory", "testing", "requirements", "any", "created", "runbook", "incidents", "future",
		"consumers", "were", "silently", "causing", "massive", "backlog", "downstream", "payment",
		"processing", "war", "room", "calls", "escalation", "channels", "shared", "screen", "debugging",
		"live", "pods", "sync", "states", "deployments", "documentation", "of", "every", "action",
		"decision", "company's", "regulatory", "reporting", "misconfigured", "secrets", "prevented",
		"authenticating", "to", "queue", "legacy", "manually", "managed", "resources", "didn't",
		"wasn't", "team's", "it's", "blameless", "postmortem", "on", "resilient", "systems", "learned",
		"node", "group", "rollout", "drained", "capacity", "cluster", "autoscaler", "pipeline",
		"breakage", "blocked", "releases", "café", "naïve", "retry", "storm", "cascading", "timeouts",
		"latency", "budget", "error", "rate", "dashboard", "pager", "alert", "handover", "customers",
		"status", "page", "updates", "every", "fifteen", "minutes", "certificate", "expired", "renewal",
	}
	// escapes are the bits of text a renderer must escape.
	escapes = []string{
		"p99 latency stayed < 200 ms", "reads & writes both failed", `the "stale" replica kept serving`,
		"the *.internal zone went dark", "max_connections was set to 10", "the `kubectl drain` step hung",
		"error rates hit 40% > budget", "the team — not one person — owned it",
	}
)
