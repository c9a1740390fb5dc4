package render_test

import (
	"log"
	"os"

	"github.com/incident-leadership/portfolio/render"
)

func ExampleMarkdown() {
	err := render.Markdown(os.Stdout, plainExamplePortfolio())
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// # Incidents
	//
	// What I broke & fixed.
	//
	// **Legend:** Caused & Fixed | P2 High
	//
	// <a id="disk-full"></a>
	// ## Disk full
	//
	// **Caused & Fixed** · **P2** High · 1 hour
	//
	// ### Situation
	//
	// Logs filled the \*data\* disk of the primary database at 03:00.
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
	// Rotated logs daily, and alerted at 80% full.
	//
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
}

// HeadingOffset lets the portfolio sit inside a larger document; Intro,
// Legend, Details and Lessons leave parts out.
func ExampleMarkdown_options() {
	err := render.Markdown(os.Stdout, plainExamplePortfolio(),
		render.HeadingOffset(1), render.Legend(false), render.Details(false), render.Lessons(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// ## Incidents
	//
	// What I broke & fixed.
	//
	// <a id="disk-full"></a>
	// ### Disk full
	//
	// **Caused & Fixed** · **P2** High · 1 hour
	//
	// #### Situation
	//
	// Logs filled the \*data\* disk of the primary database at 03:00.
	//
	// #### My Role
	//
	// Found the log.
	//
	// #### Resolution
	//
	// Deleted old logs.
	//
	// #### Permanent Fix
	//
	// Rotated logs daily, and alerted at 80% full.
}

// SiteGenerator writes a content page for Hugo: front matter (whose title
// the theme shows, so the page has no "# Title"), heading IDs as
// attributes instead of HTML anchors, and "{" escaped so that no
// shortcode runs.
func ExampleSiteGenerator() {
	p := plainExamplePortfolio()
	p.Incidents[0].Situation = []string{"Templates such as {{% note %}} stay text."}
	err := render.Markdown(os.Stdout, p, render.SiteGenerator(),
		render.Intro(false), render.Legend(false), render.Details(false), render.Lessons(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// ---
	// title: "Incidents"
	// description: "What I broke & fixed."
	// ---
	//
	// What I broke & fixed.
	//
	// ## Disk full {#disk-full}
	//
	// **Caused & Fixed** · **P2** High · 1 hour
	//
	// ### Situation
	//
	// Templates such as \{\{% note %}} stay text.
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
	// Rotated logs daily, and alerted at 80% full.
}
