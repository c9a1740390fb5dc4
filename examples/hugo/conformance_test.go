package hugosite

// The conformance suite for the site Hugo builds: the same checks as
// examples/site's pages get (internal/conformance), on every page of the
// example site built by each Hugo in PORTFOLIO_HUGO, and on copies of its
// home page under a hostile site stylesheet. Without the tools these tests
// skip and say why; with CI set they fail.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/conformance"
)

// hostileStyle is a site stylesheet whose element rules would make the
// fragment illegible if they reached it: the fragment's stylesheet must
// keep every text at WCAG AA contrast under it.
const hostileStyle = `<style>
pre { background: #f4f4f4; color: #111; }
code { background: black; }
a { color: yellow; }
ul { list-style: none; padding: 0; }
h2 { font-size: 3em; color: pink; }
h3 { color: #eee; }
dl { display: flex; }
dt, dd, p, li, span, time { color: #ddd; background: #fff; }
section, article, header, figure, figcaption { background: #fff; color: #ccc; }
</style>
`

// hostilePages are the copies of the home page with hostileStyle: following
// the reader's system, and forced light and dark by the site with data-theme
// on <html>. The browser checks each in the light and the dark scheme.
var hostilePages = map[string]string{
	"hostile.html":       `<html lang="en">`,
	"hostile-light.html": `<html lang="en" data-theme="light">`,
	"hostile-dark.html":  `<html lang="en" data-theme="dark">`,
}

// conformanceSite builds the example site with hugo, adds the hostile
// pages, and returns the public folder and its HTML pages with the
// incidents each shows. A page this test does not know fails it.
func conformanceSite(t *testing.T, hugo string) (string, []conformance.Page) {
	t.Helper()
	const data = "data/portfolio.yaml"
	p, err := load.File(data)
	if err != nil {
		t.Fatal(err)
	}
	public, out, err := build(t, hugo, data)
	if err != nil {
		t.Fatalf("%s: %v\n%s", hugo, err, out)
	}
	home, err := os.ReadFile(filepath.Join(public, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name, open := range hostilePages {
		page := strings.Replace(string(home), "</head>", hostileStyle+"</head>", 1)
		page = strings.Replace(page, `<html lang="en">`, open, 1)
		if !strings.Contains(page, hostileStyle) || !strings.Contains(page, open) {
			t.Fatalf("the home page has no </head> or no <html lang=\"en\">:\n%s", home)
		}
		if err := os.WriteFile(filepath.Join(public, name), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	all := ids(p, func(incident.Incident) bool { return true })
	want := map[string][]string{
		"index.html":           all,
		"led/index.html":       ids(p, func(in incident.Incident) bool { return in.Role == incident.LedResolution }),
		"incidents/index.html": all,
	}
	for name := range hostilePages {
		want[name] = all
	}
	scheme := map[string]string{"hostile-light.html": "light", "hostile-dark.html": "dark"}
	for _, id := range all {
		want["incidents/"+id+"/index.html"] = []string{id}
	}
	var pages []conformance.Page
	err = filepath.WalkDir(public, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		rel, err := filepath.Rel(public, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		ids, ok := want[rel]
		if !ok {
			t.Errorf("the site has a page %s this test does not know", rel)
			return nil
		}
		pages = append(pages, conformance.Page{Path: rel, IDs: ids, Scheme: scheme[rel]})
		delete(want, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for rel := range want {
		t.Errorf("the site has no page %s", rel)
	}
	return public, pages
}

// ids returns the IDs of p's incidents that keep returns true for.
func ids(p incident.Portfolio, keep func(incident.Incident) bool) []string {
	var ids []string
	for _, in := range p.Incidents {
		if keep(in) {
			ids = append(ids, string(in.ID))
		}
	}
	return ids
}

// TestConformanceHTMLChecker runs the W3C Nu HTML Checker on every page of
// the site, built by each Hugo.
func TestConformanceHTMLChecker(t *testing.T) {
	for _, hugo := range hugos(t) {
		t.Run(version(t, hugo), func(t *testing.T) {
			dir, pages := conformanceSite(t, hugo)
			conformance.CheckHTML(t, dir, pages)
		})
	}
}

// TestConformanceBrowser loads every page of the site, built by each Hugo
// and served over http on the loopback, in Chromium: axe-core in the light
// and the dark scheme (the hostile pages included), a 375 px phone, print.
//
// With PORTFOLIO_SCREENSHOTS=dir it also writes screenshot-light.png and
// screenshot-dark.png of the home page (1000x1100 CSS px) into dir, from
// the last Hugo in the list.
func TestConformanceBrowser(t *testing.T) {
	for _, hugo := range hugos(t) {
		t.Run(version(t, hugo), func(t *testing.T) {
			dir, pages := conformanceSite(t, hugo)
			var shots []conformance.Screenshot
			if out := os.Getenv("PORTFOLIO_SCREENSHOTS"); out != "" {
				for _, scheme := range []string{"light", "dark"} {
					shots = append(shots, conformance.Screenshot{Page: "index.html", Path: filepath.Join(out, "screenshot-"+scheme+".png"), Scheme: scheme, Width: 1000, Height: 1100})
				}
			}
			conformance.CheckBrowser(t, dir, pages, shots...)
		})
	}
}
