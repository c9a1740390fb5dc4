// Package incident is the typed model of an incident-leadership portfolio:
// the production incidents a person caused and permanently fixed, and the
// outages where they led the resolution.
//
// A Portfolio is plain data. It is filled from a content file (see package
// github.com/incident-leadership/portfolio/incident/load), checked with
// Portfolio.Validate, turned into static Go by the generator in
// github.com/incident-leadership/portfolio/gen, and drawn by
// github.com/incident-leadership/portfolio/render.
//
// The package imports nothing but the standard library. Field names in the
// content file are the json tags below; paths in validation errors use them
// too, as in "incidents[2].severity".
//
// # A postmortem's parts
//
// An Incident holds each part of Google's SRE postmortem template; all
// but the seed page's four sections are optional, and pages show a part
// only when it is given:
//
//	Template part            Content file key         Go field
//	Summary                  summary                  Incident.Summary
//	Impact                   impact, duration         Incident.Impact (figures, numbers or text), Incident.Duration
//	Trigger                  trigger                  Incident.Trigger
//	Root cause               rootCause                Incident.RootCause
//	Detection                detection                Incident.Detection
//	Resolution               resolution               Incident.Resolution (a seed section)
//	Action items             actions, permanentFix    Incident.Actions, Incident.PermanentFix (a seed section)
//	What went well           wentWell                 Incident.WentWell
//	What went wrong          wentWrong                Incident.WentWrong
//	Where we got lucky       gotLucky                 Incident.GotLucky
//	Timeline                 timeline                 Incident.Timeline (events: at, text, kind, state)
//
// The seed page's sections, situation, myRole, resolution and
// permanentFix, stay required; Sections lists them, and Postmortem the
// further parts held as paragraphs. A timeline's times to detect,
// mitigate and resolve are Incident.TimeToDetect, TimeToMitigate and
// TimeToResolve, counted from Incident.ImpactStart.
package incident

import (
	"encoding/json"
	"time"
)

// Portfolio is one person's incident-leadership page.
type Portfolio struct {
	// Title is the page heading, for example "Incident Leadership".
	Title string `json:"title"`
	// Tagline is the one-line summary under the title.
	Tagline string `json:"tagline"`
	// Intro holds the introduction, one string per paragraph.
	Intro []string `json:"intro,omitempty"`
	// Back is the link back to the person's home page.
	Back Link `json:"back,omitzero"`
	// Legend is the label in front of the legend of roles and severities, for example "Legend".
	Legend string `json:"legend,omitempty"`
	// Roles declares extra roles, beyond caused-and-fixed and led-resolution, with their labels.
	Roles []RoleDef `json:"roles,omitempty"`
	// Severities declares the portfolio's own severity scale; when empty the default scale P1 to P4 applies.
	Severities []SeverityDef `json:"severities,omitempty"`
	// Incidents are the incidents, in the order the page shows them.
	Incidents []Incident `json:"incidents"`
	// Lessons is the closing block of lessons learned.
	Lessons Lessons `json:"lessons,omitzero"`
}

// Link is a plain hyperlink.
type Link struct {
	// Text is what the link shows, for example "Back to Home".
	Text string `json:"text"`
	// Href is where it goes: an http, https or mailto URL, or a relative one.
	Href string `json:"href"`
}

// Lessons is the closing block, drawn as a terminal listing of a shell file.
type Lessons struct {
	// File is the file name shown above the listing, for example "lessons-learned.sh".
	File string `json:"file"`
	// Heading is the comment line at the top of the listing, without its "#".
	Heading string `json:"heading"`
	// Items are the lessons, in order; the page numbers them.
	Items []string `json:"items"`
}

// ID identifies an incident within a portfolio. It is a slug: lower-case
// ASCII letters and digits in words joined by single hyphens, such as
// "database-connection-pool-exhaustion". It is stable, so pages may link to
// it as an anchor.
type ID string

// Incident is one production incident.
type Incident struct {
	// ID is the incident's stable slug, unique in the portfolio.
	ID ID `json:"id"`
	// Title is the incident's headline.
	Title string `json:"title"`
	// Role is the person's part in it: caused-and-fixed, led-resolution, or a role the portfolio declares.
	Role Role `json:"role"`
	// Severity is the incident's severity code on the portfolio's scale, for example P1.
	Severity Severity `json:"severity"`
	// Duration is how long the incident lasted: a length such as "4h", or a text with an optional length.
	Duration Duration `json:"duration"`
	// Situation tells what happened, one string per paragraph.
	Situation []string `json:"situation"`
	// MyRole tells what the person did, one string per paragraph.
	MyRole []string `json:"myRole"`
	// Resolution tells how service was restored, one string per paragraph.
	Resolution []string `json:"resolution"`
	// PermanentFix tells what was changed so it cannot happen again, one string per paragraph.
	PermanentFix []string `json:"permanentFix"`

	// When is when it happened: a partial date such as "2023", "2023-03" or "2023-03-14", a date-time with its zone such as "2023-03-14T13:42Z", or a range of two dates or two date-times, as in "2023-03-14/2023-03-16" or "2023-03-14T13:42Z/2023-03-14T14:09Z".
	When Period `json:"when,omitzero"`
	// Org is the organisation it happened at; it may be anonymised, as in "a publicly traded financial services company".
	Org string `json:"org,omitempty"`
	// Tags are technologies and topics, such as "kubernetes" or "postgresql".
	Tags []string `json:"tags,omitempty"`
	// Command is the person's incident-command role, such as incident-commander or scribe.
	Command CommandRole `json:"command,omitempty"`
	// Impact are figures of the harm done, such as 1.2 billion queries lost.
	Impact []Figure `json:"impact,omitempty"`
	// Results are figures of what the fix achieved, such as MTTR 70 % lower or restored in 30 minutes.
	Results []Figure `json:"results,omitempty"`
	// Actions are the follow-up action items.
	Actions []Action `json:"actions,omitempty"`
	// Links are public write-ups: postmortems, status pages, talks.
	Links []WriteUp `json:"links,omitempty"`

	// The further parts of a postmortem (Google's SRE template), each one
	// string per paragraph; Postmortem lists them.

	// Summary tells the incident in a few sentences.
	Summary []string `json:"summary,omitempty"`
	// Trigger tells what set the incident off, such as a deploy or a traffic spike.
	Trigger []string `json:"trigger,omitempty"`
	// RootCause tells why the trigger could cause the incident.
	RootCause []string `json:"rootCause,omitempty"`
	// Detection tells how the incident was noticed: an alert, a customer, a person.
	Detection []string `json:"detection,omitempty"`
	// WentWell tells what went well in the response.
	WentWell []string `json:"wentWell,omitempty"`
	// WentWrong tells what went wrong in the response.
	WentWrong []string `json:"wentWrong,omitempty"`
	// GotLucky tells where the responders got lucky.
	GotLucky []string `json:"gotLucky,omitempty"`
	// Timeline is what happened when, earliest first, inside When when both are given.
	Timeline []Event `json:"timeline,omitempty"`
}

// Section is one of the labelled parts of an incident: the four of
// Sections, or one of the further parts of Postmortem.
type Section struct {
	// Name is the label the page shows, such as "Permanent Fix".
	Name string
	// Key is the field's name in the content file, such as "permanentFix".
	Key string
	// Paragraphs is the section's text.
	Paragraphs []string
}

// Sections returns the four sections in page order: Situation, My Role,
// Resolution and Permanent Fix. It does not allocate.
func (in *Incident) Sections() [4]Section {
	return [4]Section{
		{"Situation", "situation", in.Situation},
		{"My Role", "myRole", in.MyRole},
		{"Resolution", "resolution", in.Resolution},
		{"Permanent Fix", "permanentFix", in.PermanentFix},
	}
}

// Postmortem returns the optional parts of Google's SRE postmortem
// template the model holds as paragraphs, in the template's order:
// Summary, Trigger, Root Cause, Detection, What Went Well, What Went Wrong
// and Where We Got Lucky. A part not given has no paragraphs; pages show
// only the parts given. It does not allocate.
func (in *Incident) Postmortem() [7]Section {
	return [7]Section{
		{"Summary", "summary", in.Summary},
		{"Trigger", "trigger", in.Trigger},
		{"Root Cause", "rootCause", in.RootCause},
		{"Detection", "detection", in.Detection},
		{"What Went Well", "wentWell", in.WentWell},
		{"What Went Wrong", "wentWrong", in.WentWrong},
		{"Where We Got Lucky", "gotLucky", in.GotLucky},
	}
}

// Figure is a quantified fact: a label, a value, an optional value before
// the change, and a unit. "MTTR 4 h → 1.2 h" is
// Figure{Label: "MTTR", Before: 4, Value: 1.2, Unit: "h", HasBefore: true}.
// A value, or the value before, may be text instead of a number: "rule
// rollout: seconds → staged over hours" is Figure{Label: "Rule rollout",
// BeforeText: "seconds", ValueText: "staged over hours", HasBefore: true};
// the content file gives it as before: seconds, value: staged over hours.
type Figure struct {
	// Label names what was measured, such as "MTTR" or "Queries lost".
	Label string `json:"label"`
	// Value is the figure, or the figure after the change when Before is set.
	Value float64 `json:"value"`
	// ValueText is the value when it is text, such as "staged over hours"; Value is then zero. The content file sets it by giving "value" a text.
	ValueText string `json:"-"`
	// Before is the figure before the change; it counts only when HasBefore is set.
	Before float64 `json:"before,omitempty"`
	// BeforeText is the value before the change when it is text, such as "seconds"; Before is then zero. The content file sets it by giving "before" a text.
	BeforeText string `json:"-"`
	// HasBefore reports whether Before, or BeforeText, was given. The content file sets it by giving "before".
	HasBefore bool `json:"-"`
	// Unit is the unit shown after the value, such as "h", "%" or "queries".
	Unit string `json:"unit,omitempty"`
	// Note is a short qualifier, such as "lower" or "within SLO".
	Note string `json:"note,omitempty"`
}

// Action is a follow-up action item.
type Action struct {
	// Text says what is to be done.
	Text string `json:"text"`
	// Kind is mitigate, prevent or process.
	Kind ActionKind `json:"kind"`
	// Done reports whether the item is finished.
	Done bool `json:"done,omitempty"`
}

// WriteUp is a link to a public write-up of an incident.
type WriteUp struct {
	// Title is what the link shows.
	Title string `json:"title"`
	// URL is an http or https address.
	URL string `json:"url"`
	// Kind is postmortem, status-page, talk or article.
	Kind LinkKind `json:"kind"`
}

// Duration is how long an incident lasted: the words a page shows and, when
// known, a machine-readable length for sorting and summing.
type Duration struct {
	// Text is what the page shows, such as "4 hours" or "Weekend (Fri-Sun)".
	Text string `json:"text"`
	// Length is the incident's length, or zero when unknown.
	Length time.Duration `json:"length,omitempty"`
	// Approximate says the length is approximate, as in "about 6 hours".
	Approximate bool `json:"approximate,omitempty"`
}

// Period is when an incident happened: a start and, for a range, an end.
// Both ends are dates, or both are date-times with their zones. The zero
// Period means "not given".
type Period struct {
	// Start is the first day (or month, or year) of the incident.
	Start Date
	// End is the last day of a range; zero when the incident is one date.
	End Date
}

// Date is a calendar date given to a year, a month or a day and, on a
// day, optionally a time of day with its zone: a date-time such as
// 2023-03-14T13:42Z. Month and Day are zero when not given, and Clock is
// the zero Clock when no time of day is.
type Date struct {
	Year  int
	Month time.Month
	Day   int
	// Clock is the time of day and its zone.
	Clock Clock
}

// MarshalJSON writes the figure as a content file gives it: value and
// before are numbers, or text when ValueText or BeforeText holds it; a
// before of zero that is not text is left out, as its omitempty tag says.
func (f Figure) MarshalJSON() ([]byte, error) {
	var value, before any = f.Value, nil
	if f.ValueText != "" {
		value = f.ValueText
	}
	switch {
	case f.BeforeText != "":
		before = f.BeforeText
	case f.Before != 0:
		before = f.Before
	}
	return json.Marshal(struct {
		Label  string `json:"label"`
		Value  any    `json:"value"`
		Before any    `json:"before,omitempty"`
		Unit   string `json:"unit,omitempty"`
		Note   string `json:"note,omitempty"`
	}{f.Label, value, before, f.Unit, f.Note})
}
