package render_test

import (
	"bytes"
	"fmt"
	"log"
	"slices"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// optionsExamplePortfolio is plainExamplePortfolio with an introduction,
// two more incidents and no lessons. Disk full has no date.
func optionsExamplePortfolio() incident.Portfolio {
	p := plainExamplePortfolio()
	p.Intro = []string{"Three incidents I learned from."}
	p.Lessons = incident.Lessons{}
	brief := func(id incident.ID, title string, role incident.Role, sev incident.Severity, length, when, tag string) incident.Incident {
		in := incident.Incident{ID: id, Title: title, Role: role, Severity: sev, Tags: []string{tag},
			Situation: []string{"It broke."}, MyRole: []string{"I led."},
			Resolution: []string{"Rolled back."}, PermanentFix: []string{"Tested it."}}
		in.Duration, _ = incident.ParseDuration(length)
		in.When, _ = incident.ParsePeriod(when)
		return in
	}
	p.Incidents = append(p.Incidents,
		brief("region-down", "Region down", incident.LedResolution, incident.P1, "30m", "2023-03", "kubernetes"),
		brief("bad-deploy", "Bad deploy", incident.CausedAndFixed, incident.P3, "6h", "2024-01", "ci"))
	return p
}

// markdown renders p as Markdown.
func markdown(p incident.Portfolio, opts ...render.Option) string {
	var b bytes.Buffer
	if err := render.Markdown(&b, p, opts...); err != nil {
		log.Fatal(err)
	}
	return b.String()
}

// printLines prints the lines of s that start with one of prefixes.
func printLines(s string, prefixes ...string) {
	for line := range strings.Lines(s) {
		if slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(line, p) }) {
			fmt.Print(line)
		}
	}
}

// The legend shows only the roles and severities of the incidents kept.
func ExampleRoles() {
	md := markdown(optionsExamplePortfolio(), render.Roles(incident.LedResolution))
	printLines(md, "**Legend:**", "## ")
	// Output:
	// **Legend:** Led Resolution | P1 Critical
	// ## Region down
}

func ExampleSeverities() {
	md := markdown(optionsExamplePortfolio(), render.Severities(incident.P1, incident.P2))
	printLines(md, "**Legend:**", "## ")
	// Output:
	// **Legend:** Caused & Fixed · Led Resolution | P1 Critical · P2 High
	// ## Disk full
	// ## Region down
}

// A role or severity the portfolio does not know is an error, and nothing
// is written; a known one that no incident has is not.
func ExampleSeverities_unknown() {
	p := optionsExamplePortfolio()
	var b bytes.Buffer
	err := render.Markdown(&b, p, render.Severities("P9", "critical"))
	fmt.Println(err, b.Len())
	err = render.Markdown(&b, p, render.Roles("lead-resolution"))
	fmt.Println(err, b.Len())
	err = render.Markdown(&b, p, render.Severities(incident.P4))
	fmt.Println(err, strings.Contains(b.String(), "No incidents to show."))
	// Output:
	// render: Markdown: Severities: no severities "P9", "critical" in the portfolio's scale: want P1, P2, P3, P4 0
	// render: Markdown: Roles: no role "lead-resolution" in the portfolio: want caused-and-fixed, led-resolution 0
	// <nil> true
}

func ExampleTags() {
	md := markdown(optionsExamplePortfolio(), render.Tags("kubernetes", "ci"))
	printLines(md, "## ")
	// Output:
	// ## Region down
	// ## Bad deploy
}

func ExampleIDs() {
	md := markdown(optionsExamplePortfolio(), render.IDs("bad-deploy", "disk-full"))
	printLines(md, "## ")
	// Output:
	// ## Bad deploy
	// ## Disk full
}

// An ID the portfolio has no incident of is an error, and nothing is
// written; an incident the other filters leave out is not.
func ExampleIDs_unknown() {
	p := optionsExamplePortfolio()
	var b bytes.Buffer
	err := render.Markdown(&b, p, render.IDs("bad-deploy", "bad-deplyo"))
	fmt.Println(err, b.Len())
	err = render.Markdown(&b, p, render.IDs("bad-deploy"), render.Tags("no-such-tag"))
	fmt.Println(err, strings.Contains(b.String(), "No incidents to show."))
	// Output:
	// render: Markdown: IDs: no incident "bad-deplyo" in the portfolio 0
	// <nil> true
}

func ExampleSort() {
	p := optionsExamplePortfolio()
	for _, o := range []struct {
		name  string
		order render.Order
	}{{"AsWritten", render.AsWritten}, {"BySeverity", render.BySeverity}, {"ByDate", render.ByDate}, {"ByDuration", render.ByDuration}} {
		fmt.Println(o.name + ":")
		printLines(markdown(p, render.Sort(o.order)), "## ")
	}
	// Output:
	// AsWritten:
	// ## Disk full
	// ## Region down
	// ## Bad deploy
	// BySeverity:
	// ## Region down
	// ## Disk full
	// ## Bad deploy
	// ByDate:
	// ## Bad deploy
	// ## Region down
	// ## Disk full
	// ByDuration:
	// ## Bad deploy
	// ## Disk full
	// ## Region down
}

// The top of the page, down to the first incident, with and without the
// introduction.
func ExampleIntro() {
	p := optionsExamplePortfolio()
	for _, on := range []bool{true, false} {
		top, _, _ := strings.Cut(markdown(p, render.Intro(on)), "<a id=")
		fmt.Printf("Intro(%t):\n%s", on, top)
	}
	// Output:
	// Intro(true):
	// # Incidents
	//
	// What I broke & fixed.
	//
	// Three incidents I learned from.
	//
	// **Legend:** Caused & Fixed · Led Resolution | P1 Critical · P2 High · P3 Medium
	//
	// Intro(false):
	// # Incidents
	//
	// What I broke & fixed.
	//
	// **Legend:** Caused & Fixed · Led Resolution | P1 Critical · P2 High · P3 Medium
}

// The top of the page, down to the first incident, without the legend.
func ExampleLegend() {
	top, _, _ := strings.Cut(markdown(optionsExamplePortfolio(), render.Legend(false)), "<a id=")
	fmt.Print(top)
	// Output:
	// # Incidents
	//
	// What I broke & fixed.
	//
	// Three incidents I learned from.
}

// The end of the page, with and without the lessons.
func ExampleLessons() {
	for _, on := range []bool{true, false} {
		_, end, _ := strings.Cut(markdown(plainExamplePortfolio(), render.Lessons(on)), "### Details")
		fmt.Printf("Lessons(%t):\n### Details%s", on, end)
	}
	// Output:
	// Lessons(true):
	// ### Details
	//
	// - **Tags:** linux, postgresql
	//
	// ## lessons-learned.sh
	//
	// ```sh
	// # Key takeaways
	// 1. Watch the disks before they fill up
	// ```
	// Lessons(false):
	// ### Details
	//
	// - **Tags:** linux, postgresql
}

// The end of one incident, with and without its details.
func ExampleDetails() {
	p := optionsExamplePortfolio()
	for _, on := range []bool{true, false} {
		_, end, _ := strings.Cut(markdown(p, render.IDs("region-down"), render.Details(on)), "### Permanent Fix")
		fmt.Printf("Details(%t):\n### Permanent Fix%s", on, end)
	}
	// Output:
	// Details(true):
	// ### Permanent Fix
	//
	// Tested it.
	//
	// ### Details
	//
	// - **When:** March 2023
	// - **Tags:** kubernetes
	// Details(false):
	// ### Permanent Fix
	//
	// Tested it.
}

// The first three headings: the title, an incident and its first section.
// No heading goes past level 6.
func ExampleHeadingOffset() {
	for _, n := range []int{0, 2, 5} {
		var headings []string
		for line := range strings.Lines(markdown(plainExamplePortfolio(), render.HeadingOffset(n))) {
			if strings.HasPrefix(line, "#") && len(headings) < 3 {
				headings = append(headings, strings.TrimSpace(line))
			}
		}
		fmt.Println(n, strings.Join(headings, " / "))
	}
	// Output:
	// 0 # Incidents / ## Disk full / ### Situation
	// 2 ### Incidents / #### Disk full / ##### Situation
	// 5 ###### Incidents / ###### Disk full / ###### Situation
}
