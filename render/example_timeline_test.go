package render_test

import (
	"bytes"
	"fmt"
	"log"
	"os"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// timelinePortfolio is examplePortfolio with times of day and a
// timeline, as a content file gives them:
//
//	when: 2024-03-05T13:42Z/2024-03-05T14:09Z
//	timeline:
//	  - {at: 2024-03-05T13:42Z, text: Disk fills up, kind: started, state: down}
//	  - ...
func timelinePortfolio() incident.Portfolio {
	at := func(s string) incident.Date {
		d, err := incident.ParseDate(s)
		if err != nil {
			log.Fatal(err)
		}
		return d
	}
	p := examplePortfolio()
	in := &p.Incidents[0]
	in.Tags = nil
	in.When = incident.Period{Start: at("2024-03-05T13:42Z"), End: at("2024-03-05T14:09Z")}
	in.Timeline = []incident.Event{
		{At: at("2024-03-05T13:42Z"), Text: "Disk fills up; writes <fail>", Kind: incident.Started, State: incident.Down},
		{At: at("2024-03-05T13:46Z"), Text: "Disk alert pages me", Kind: incident.Detected},
		{At: at("2024-03-05T13:58Z"), Text: "Old logs deleted; writes resume", Kind: incident.Mitigated, State: incident.Recovered},
		{At: at("2024-03-05T14:09Z"), Text: "Log rotation fixed", Kind: incident.Resolved},
	}
	p.Lessons = incident.Lessons{}
	return p
}

// Times of day show with their zone, and the times to detect, mitigate
// and resolve come from the timeline's kinds. Each event reads its time,
// its kind and the service's state from then on, and what happened.
func ExampleText_timeline() {
	err := render.Text(os.Stdout, timelinePortfolio(), render.Intro(false), render.Legend(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// Incidents
	// =========
	//
	// What I broke & fixed.
	//
	// Disk full
	// ---------
	// Caused & Fixed · P2 High · 1 hour
	//
	// Situation
	//   Logs filled the <data> disk.
	//
	// My Role
	//   Found the log.
	//
	// Resolution
	//   Deleted old logs.
	//
	// Permanent Fix
	//   Rotated logs daily.
	//
	// Details
	//   When: 5 March 2024 13:42 – 14:09 UTC
	//   Time to detect: 4 minutes
	//   Time to mitigate: 16 minutes
	//   Time to resolve: 27 minutes
	//
	// Timeline
	//   13:42 UTC · Started · Down · Disk fills up; writes <fail>
	//   13:46 UTC · Detected · Disk alert pages me
	//   13:58 UTC · Mitigated · Recovered · Old logs deleted; writes resume
	//   14:09 UTC · Resolved · Log rotation fixed
}

// HTML draws a timeline as a figure: an ordered list, each event after a
// marker whose shape (a square for down, a triangle for degraded, a disc
// for recovered, a ring for none) tells the state its word says; the
// times carry their ISO 8601 form in <time datetime>.
func ExampleHTML_timeline() {
	var b bytes.Buffer
	if err := render.HTML(&b, timelinePortfolio(), render.Fragment()); err != nil {
		log.Fatal(err)
	}
	page := b.Bytes()
	start := bytes.Index(page, []byte(`<figure class="timeline">`))
	end := bytes.Index(page, []byte("</figure>\n"))
	fmt.Printf("%s", page[start:end+len("</figure>\n")])
	// Output:
	// <figure class="timeline">
	// <figcaption class="part-title">Timeline</figcaption>
	// <ol>
	// <li><span class="event-marker state-down" aria-hidden="true"></span><time datetime="2024-03-05T13:42:00Z">13:42 UTC</time> · <span class="event-kind">Started</span> · <span class="event-state state-down">Down</span> · Disk fills up; writes &lt;fail&gt;</li>
	// <li><span class="event-marker" aria-hidden="true"></span><time datetime="2024-03-05T13:46:00Z">13:46 UTC</time> · <span class="event-kind">Detected</span> · Disk alert pages me</li>
	// <li><span class="event-marker state-recovered" aria-hidden="true"></span><time datetime="2024-03-05T13:58:00Z">13:58 UTC</time> · <span class="event-kind">Mitigated</span> · <span class="event-state state-recovered">Recovered</span> · Old logs deleted; writes resume</li>
	// <li><span class="event-marker" aria-hidden="true"></span><time datetime="2024-03-05T14:09:00Z">14:09 UTC</time> · <span class="event-kind">Resolved</span> · Log rotation fixed</li>
	// </ol>
	// </figure>
}
