package render_test

import (
	"log"
	"os"

	"github.com/incident-leadership/portfolio/render"
)

// In Markdown the timeline is a list under a heading of its own; the kind
// of each event is bold and the state follows it as a word.
func ExampleMarkdown_timeline() {
	err := render.Markdown(os.Stdout, timelinePortfolio(), render.Intro(false), render.Legend(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Incidents
	//
	// What I broke & fixed.
	//
	// <a id="disk-full"></a>
	// ## Disk full
	//
	// **Caused & Fixed** · **P2** High · 1 hour
	//
	// ### Situation
	//
	// Logs filled the \<data> disk.
	//
	// ### My Role
	//
	// Found the log.
	//
	// ### Resolution
	//
	// Deleted old logs.
	//
	// ### Permanent Fix
	//
	// Rotated logs daily.
	//
	// ### Details
	//
	// - **When:** 5 March 2024 13:42 – 14:09 UTC
	// - **Time to detect:** 4 minutes
	// - **Time to mitigate:** 16 minutes
	// - **Time to resolve:** 27 minutes
	//
	// ### Timeline
	//
	// - 13:42 UTC · **Started** · Down · Disk fills up; writes \<fail>
	// - 13:46 UTC · **Detected** · Disk alert pages me
	// - 13:58 UTC · **Mitigated** · Recovered · Old logs deleted; writes resume
	// - 14:09 UTC · **Resolved** · Log rotation fixed
}

// The parts of Google's SRE postmortem template beyond the seed's four
// sections show only when given, each in its place: the summary first,
// trigger, root cause and detection after the situation, and what went
// well, what went wrong and where we got lucky at the end.
func ExampleMarkdown_postmortem() {
	p := examplePortfolio()
	in := &p.Incidents[0]
	in.Summary = []string{"A full disk stopped writes for 16 minutes."}
	in.RootCause = []string{"Log rotation had been off since a config change."}
	in.WentWell = []string{"The disk alert paged within four minutes."}
	in.GotLucky = []string{"It happened on a quiet afternoon."}
	p.Lessons.Items = nil
	err := render.Markdown(os.Stdout, p, render.Intro(false), render.Legend(false), render.Details(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Incidents
	//
	// What I broke & fixed.
	//
	// <a id="disk-full"></a>
	// ## Disk full
	//
	// **Caused & Fixed** · **P2** High · 1 hour
	//
	// ### Summary
	//
	// A full disk stopped writes for 16 minutes.
	//
	// ### Situation
	//
	// Logs filled the \<data> disk.
	//
	// ### Root Cause
	//
	// Log rotation had been off since a config change.
	//
	// ### My Role
	//
	// Found the log.
	//
	// ### Resolution
	//
	// Deleted old logs.
	//
	// ### Permanent Fix
	//
	// Rotated logs daily.
	//
	// ### What Went Well
	//
	// The disk alert paged within four minutes.
	//
	// ### Where We Got Lucky
	//
	// It happened on a quiet afternoon.
}
