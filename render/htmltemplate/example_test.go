package htmltemplate_test

import (
	"html/template"
	"log"
	"os"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/htmltemplate"
)

// layout is a site's page template.
var layout = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{.Portfolio}}</body>
</html>
`))

// examplePortfolio is a portfolio of one incident.
func examplePortfolio() incident.Portfolio {
	return incident.Portfolio{
		Title: "Incidents",
		Incidents: []incident.Incident{{
			ID:           "disk-full",
			Title:        "Disk <full>",
			Role:         incident.CausedAndFixed,
			Severity:     incident.P2,
			Situation:    []string{"Logs filled the disk."},
			MyRole:       []string{"Found the log."},
			Resolution:   []string{"Deleted old logs."},
			PermanentFix: []string{"Rotated logs daily."},
		}},
	}
}

// A site generator puts the fragment and the stylesheet into its own
// html/template layout. (The stylesheet is cut short here.)
func Example() {
	frag, err := htmltemplate.Fragment(examplePortfolio(), render.Intro(false), render.HeadingOffset(1))
	if err != nil {
		log.Fatal(err)
	}
	err = layout.Execute(os.Stdout, struct {
		Title     string
		Style     template.CSS
		Portfolio template.HTML
	}{"My <site>", htmltemplate.Style()[:20], frag})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// <!doctype html>
	// <html lang="en">
	// <head>
	// <meta charset="utf-8">
	// <title>My &lt;site&gt;</title>
	// <style>.incident-portfolio </style>
	// </head>
	// <body>
	// <h1>My &lt;site&gt;</h1>
	// <section class="incident-portfolio">
	// <header>
	// <h2 class="portfolio-title">Incidents</h2>
	// </header>
	// <div class="incidents">
	// <p class="legend"><span class="legend-label">Legend:</span>
	// <span class="legend-group"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="legend-sep" aria-hidden="true">|</span></span>
	// <span class="legend-group"><span class="badge sev sev-2">P2 High</span></span></p>
	// <article id="disk-full" class="incident">
	// <h3 class="incident-title"><a href="#disk-full">Disk &lt;full&gt;</a></h3>
	// <p class="meta"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="badge sev sev-2">P2 High</span></p>
	// <section class="part">
	// <h4 class="part-title">Situation</h4>
	// <p>Logs filled the disk.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">My Role</h4>
	// <p>Found the log.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">Resolution</h4>
	// <p>Deleted old logs.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">Permanent Fix</h4>
	// <p>Rotated logs daily.</p>
	// </section>
	// </article>
	// </div>
	// </section>
	// </body>
	// </html>
}
