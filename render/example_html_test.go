package render_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// examplePortfolio is a portfolio of one incident, which the other
// examples vary.
func examplePortfolio() incident.Portfolio {
	return incident.Portfolio{
		Title:   "Incidents",
		Tagline: "What I broke & fixed.",
		Incidents: []incident.Incident{{
			ID:           "disk-full",
			Title:        "Disk full",
			Role:         incident.CausedAndFixed,
			Severity:     incident.P2,
			Duration:     incident.Duration{Text: "1 hour", Length: time.Hour},
			Situation:    []string{"Logs filled the <data> disk."},
			MyRole:       []string{"Found the log."},
			Resolution:   []string{"Deleted old logs."},
			PermanentFix: []string{"Rotated logs daily."},
			Tags:         []string{"linux"},
		}},
		Lessons: incident.Lessons{File: "lessons-learned.sh", Heading: "Key takeaways", Items: []string{"Watch the disks"}},
	}
}

func ExampleHTML() {
	err := render.HTML(os.Stdout, examplePortfolio(), render.Fragment())
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// <section class="incident-portfolio">
	// <header>
	// <h1 class="portfolio-title">Incidents</h1>
	// <p class="tagline">What I broke &amp; fixed.</p>
	// </header>
	// <div class="incidents">
	// <p class="legend"><span class="legend-label">Legend:</span>
	// <span class="legend-group"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="legend-sep" aria-hidden="true">|</span></span>
	// <span class="legend-group"><span class="badge sev sev-2">P2 High</span></span></p>
	// <article id="disk-full" class="incident">
	// <h2 class="incident-title"><a href="#disk-full">Disk full</a></h2>
	// <p class="meta"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="badge sev sev-2">P2 High</span>
	// <span class="duration"><span class="visually-hidden">Duration: </span><time datetime="PT1H">1 hour</time></span></p>
	// <section class="part">
	// <h3 class="part-title">Situation</h3>
	// <p>Logs filled the &lt;data&gt; disk.</p>
	// </section>
	// <section class="part">
	// <h3 class="part-title">My Role</h3>
	// <p>Found the log.</p>
	// </section>
	// <section class="part">
	// <h3 class="part-title">Resolution</h3>
	// <p>Deleted old logs.</p>
	// </section>
	// <section class="part">
	// <h3 class="part-title">Permanent Fix</h3>
	// <p>Rotated logs daily.</p>
	// </section>
	// <dl class="details">
	// <div><dt>Tags</dt><dd><ul class="tags"><li>linux</li></ul></dd></div>
	// </dl>
	// </article>
	// <figure class="lessons">
	// <figcaption>lessons-learned.sh</figcaption>
	// <pre><code><span class="comment"># Key takeaways</span>
	// <span class="number">1.</span> Watch the disks</code></pre>
	// </figure>
	// </div>
	// </section>
}

// A page section of a larger site: the portfolio's title is an h2 under
// the site's h1, and only the incidents themselves are drawn, most
// severe first.
func ExampleHTML_options() {
	p := examplePortfolio()
	p.Incidents = append(p.Incidents, incident.Incident{
		ID: "region-down", Title: "Region down", Role: incident.LedResolution, Severity: incident.P1,
		Duration:  incident.Duration{Text: "Most of a day"},
		Situation: []string{"A region failed."}, MyRole: []string{"Led the call."},
		Resolution: []string{"Failed over."}, PermanentFix: []string{"Tested failover monthly."},
	})
	err := render.HTML(os.Stdout, p, render.Fragment(), render.HeadingOffset(1),
		render.Sort(render.BySeverity), render.Legend(false), render.Lessons(false), render.Details(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// <section class="incident-portfolio">
	// <header>
	// <h2 class="portfolio-title">Incidents</h2>
	// <p class="tagline">What I broke &amp; fixed.</p>
	// </header>
	// <div class="incidents">
	// <article id="region-down" class="incident">
	// <h3 class="incident-title"><a href="#region-down">Region down</a></h3>
	// <p class="meta"><span class="badge role role-led-resolution">Led Resolution</span>
	// <span class="badge sev sev-1">P1 Critical</span>
	// <span class="duration"><span class="visually-hidden">Duration: </span>Most of a day</span></p>
	// <section class="part">
	// <h4 class="part-title">Situation</h4>
	// <p>A region failed.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">My Role</h4>
	// <p>Led the call.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">Resolution</h4>
	// <p>Failed over.</p>
	// </section>
	// <section class="part">
	// <h4 class="part-title">Permanent Fix</h4>
	// <p>Tested failover monthly.</p>
	// </section>
	// </article>
	// <article id="disk-full" class="incident">
	// <h3 class="incident-title"><a href="#disk-full">Disk full</a></h3>
	// <p class="meta"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="badge sev sev-2">P2 High</span>
	// <span class="duration"><span class="visually-hidden">Duration: </span><time datetime="PT1H">1 hour</time></span></p>
	// <section class="part">
	// <h4 class="part-title">Situation</h4>
	// <p>Logs filled the &lt;data&gt; disk.</p>
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
}

// Fragment leaves the document out, so the portfolio can be embedded in a
// page of a site, here under the site's h1, served with HTMLStyle.
func ExampleFragment() {
	var b bytes.Buffer
	err := render.HTML(&b, examplePortfolio(), render.Fragment(), render.HeadingOffset(1))
	if err != nil {
		log.Fatal(err)
	}
	top, _, _ := strings.Cut(b.String(), "<article")
	fmt.Print(top)
	// Output:
	// <section class="incident-portfolio">
	// <header>
	// <h2 class="portfolio-title">Incidents</h2>
	// <p class="tagline">What I broke &amp; fixed.</p>
	// </header>
	// <div class="incidents">
	// <p class="legend"><span class="legend-label">Legend:</span>
	// <span class="legend-group"><span class="badge role role-caused-and-fixed">Caused &amp; Fixed</span>
	// <span class="legend-sep" aria-hidden="true">|</span></span>
	// <span class="legend-group"><span class="badge sev sev-2">P2 High</span></span></p>
}

// Lang names the language of a portfolio not written in English; a value
// that is not a language tag is an error, and nothing is written.
func ExampleLang() {
	var page, fragment bytes.Buffer
	p := examplePortfolio()
	if err := render.HTML(&page, p, render.Lang("de")); err != nil {
		log.Fatal(err)
	}
	if err := render.HTML(&fragment, p, render.Lang("pt-BR"), render.Fragment()); err != nil {
		log.Fatal(err)
	}
	for _, out := range []string{page.String(), fragment.String()} {
		for line := range strings.Lines(out) {
			if strings.Contains(line, " lang=") {
				fmt.Print(line)
			}
		}
	}
	var none bytes.Buffer
	err := render.HTML(&none, p, render.Lang("pt_BR"))
	fmt.Println(err, none.Len())
	// Output:
	// <html lang="de">
	// <section class="incident-portfolio" lang="pt-BR">
	// render: HTML: Lang("pt_BR"): not a language tag: want a BCP 47 tag such as "de" or "pt-BR" 0
}

// JSONLD describes the incidents to search engines, escaped so that no
// text can end the script element.
func ExampleJSONLD() {
	p := examplePortfolio()
	p.Incidents[0].When, _ = incident.ParsePeriod("2024-02-29")
	p.Incidents[0].Title = "Disk full </script><!--"
	var b bytes.Buffer
	if err := render.HTML(&b, p, render.JSONLD()); err != nil {
		log.Fatal(err)
	}
	_, script, _ := strings.Cut(b.String(), "<script")
	script, _, _ = strings.Cut(script, "</script>")
	fmt.Println("<script" + script + "</script>")
	// Output:
	// <script type="application/ld+json">
	// {"@context":"https://schema.org","@type":"ItemList","name":"Incidents","description":"What I broke \u0026 fixed.","numberOfItems":1,"itemListElement":[
	// {"@type":"ListItem","position":1,"item":{"@type":"Article","@id":"#disk-full","url":"#disk-full","name":"Disk full \u003c/script\u003e\u003c!--","description":"Logs filled the \u003cdata\u003e disk.","genre":"Caused \u0026 Fixed","dateCreated":"2024-02-29","keywords":["linux"]}}]}
	// </script>
}
