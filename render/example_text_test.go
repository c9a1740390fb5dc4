package render_test

import (
	"log"
	"os"
	"time"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// plainExamplePortfolio is a portfolio of one incident.
func plainExamplePortfolio() incident.Portfolio {
	return incident.Portfolio{
		Title:   "Incidents",
		Tagline: "What I broke & fixed.",
		Incidents: []incident.Incident{{
			ID:           "disk-full",
			Title:        "Disk full",
			Role:         incident.CausedAndFixed,
			Severity:     incident.P2,
			Duration:     incident.Duration{Text: "1 hour", Length: time.Hour},
			Situation:    []string{"Logs filled the *data* disk of the primary database at 03:00."},
			MyRole:       []string{"Found the log."},
			Resolution:   []string{"Deleted old logs."},
			PermanentFix: []string{"Rotated logs daily, and alerted at 80% full."},
			Tags:         []string{"linux", "postgresql"},
		}},
		Lessons: incident.Lessons{File: "lessons-learned.sh", Heading: "Key takeaways", Items: []string{"Watch the disks before they fill up"}},
	}
}

func ExampleText() {
	err := render.Text(os.Stdout, plainExamplePortfolio(), render.Width(40))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// Incidents
	// =========
	//
	// What I broke & fixed.
	//
	// Legend: Caused & Fixed | P2 High
	//
	// Disk full
	// ---------
	// Caused & Fixed · P2 High · 1 hour
	//
	// Situation
	//   Logs filled the *data* disk of the
	//   primary database at 03:00.
	//
	// My Role
	//   Found the log.
	//
	// Resolution
	//   Deleted old logs.
	//
	// Permanent Fix
	//   Rotated logs daily, and alerted at 80%
	//   full.
	//
	// Details
	//   Tags: linux, postgresql
	//
	// lessons-learned.sh
	// ------------------
	// # Key takeaways
	// 1. Watch the disks before they fill up
}

// Width sets the width of Text's lines; a word wider than a line is
// broken, and East Asian wide characters take two cells.
func ExampleWidth() {
	p := plainExamplePortfolio()
	p.Tagline = "全角文字の見出しは一文字が二セル幅です"
	err := render.Text(os.Stdout, p, render.Width(20))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// Incidents
	// =========
	//
	// 全角文字の見出しは一
	// 文字が二セル幅です
	//
	// Legend: Caused &
	//   Fixed | P2 High
	//
	// Disk full
	// ---------
	// Caused & Fixed · P2
	// High · 1 hour
	//
	// Situation
	//   Logs filled the
	//   *data* disk of the
	//   primary database
	//   at 03:00.
	//
	// My Role
	//   Found the log.
	//
	// Resolution
	//   Deleted old logs.
	//
	// Permanent Fix
	//   Rotated logs
	//   daily, and alerted
	//   at 80% full.
	//
	// Details
	//   Tags: linux,
	//     postgresql
	//
	// lessons-learned.sh
	// ------------------
	// # Key takeaways
	// 1. Watch the disks
	//    before they fill
	//    up
}
