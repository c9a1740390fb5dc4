package render_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// plainExamplePortfolio is examplePortfolio with longer text to wrap.
func plainExamplePortfolio() incident.Portfolio {
	p := examplePortfolio()
	in := &p.Incidents[0]
	in.Situation = []string{"Logs filled the *data* disk of the primary database at 03:00."}
	in.PermanentFix = []string{"Rotated logs daily, and alerted at 80% full."}
	in.Tags = []string{"linux", "postgresql"}
	p.Lessons.Items = []string{"Watch the disks before they fill up"}
	return p
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
	// Legend:
	//   Caused & Fixed |
	//   P2 High
	//
	// Disk full
	// ---------
	// Caused & Fixed ·
	//   P2 High · 1 hour
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

// Lang sets how the numbers of figures read: here in German, 5.000 and
// 1,5, where English reads 5,000 and 1.5.
func ExampleLang_digits() {
	p := examplePortfolio()
	p.Incidents[0].Impact = []incident.Figure{
		{Label: "Requests lost", Value: 5000},
		{Label: "MTTR", Before: 4, HasBefore: true, Value: 1.5, Unit: "h"},
	}
	var b strings.Builder
	if err := render.Text(&b, p, render.Lang("de"), render.Details(true)); err != nil {
		log.Fatal(err)
	}
	for line := range strings.Lines(b.String()) {
		if strings.HasPrefix(line, "    ") {
			fmt.Print(line)
		}
	}
	// Output:
	//     Requests lost: 5.000
	//     MTTR: 4 h → 1,5 h
}
