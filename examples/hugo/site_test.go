// Package hugosite is examples/hugo, a Hugo site that imports the Hugo
// module in ../../hugo; its tests build it with a real Hugo and compare
// the pages with what package render writes.
//
// PROTOTYPE (branch hugo-proto) for issue 15.
package hugosite

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/render"
)

// hugos returns the Hugo programs to test with: $PORTFOLIO_HUGO, a list
// separated by the OS's list separator, or else hugo on $PATH.
func hugos(t *testing.T) []string {
	t.Helper()
	if env := os.Getenv("PORTFOLIO_HUGO"); env != "" {
		return filepath.SplitList(env)
	}
	path, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no hugo: CI must install it (%v)", err)
		}
		t.Skipf("skipped: no hugo on PATH and PORTFOLIO_HUGO unset (apt-get install hugo)")
	}
	return []string{path}
}

// version returns the version hugo reports, such as "v0.111.3".
func version(t *testing.T, hugo string) string {
	t.Helper()
	out, err := exec.Command(hugo, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", hugo, err)
	}
	f := strings.Fields(string(out))
	if len(f) < 2 {
		t.Fatalf("%s version: %q", hugo, out)
	}
	v, _, _ := strings.Cut(f[1], "+")
	return v
}

// build copies the site to a temporary directory with data as its
// data/portfolio.yaml (none when data is "") and pages added to its
// content (name: file under content/, then its text), builds it with hugo
// and returns the public folder and what hugo printed.
func build(t *testing.T, hugo, data string, pages ...[2]string) (public string, output string, err error) {
	t.Helper()
	files := make([][2]string, len(pages))
	for i, pg := range pages {
		files[i] = [2]string{filepath.Join("content", pg[0]), pg[1]}
	}
	return buildFiles(t, hugo, data, files...)
}

// buildFiles is build with files added to the site by their path in it
// (such as layouts/x/single.html), not only pages.
func buildFiles(t *testing.T, hugo, data string, files ...[2]string) (public string, output string, err error) {
	t.Helper()
	site := t.TempDir()
	for _, dir := range []string{"content", "layouts"} {
		if err := os.CopyFS(filepath.Join(site, dir), os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		name := filepath.Join(site, filepath.FromSlash(f[0]))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile("hugo.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "hugo.toml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if data != "" {
		b, err := os.ReadFile(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(site, "data"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(site, "data", "portfolio.yaml"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	module, err := filepath.Abs("../../hugo")
	if err != nil {
		t.Fatal(err)
	}
	public = filepath.Join(site, "public")
	cmd := exec.Command(hugo, "-s", site, "-d", public)
	cmd.Env = append(os.Environ(), "HUGO_MODULE_REPLACEMENTS=github.com/incident-leadership/portfolio/hugo -> "+module)
	// Hugo 0.111.3 logs ERROR lines on stdout, 0.165.0 on stderr.
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	return public, out.String(), err
}

// eachData runs f in a subtest per Hugo and content file (named by the
// Hugo's version and the file's base name), with the file loaded.
func eachData(t *testing.T, files []string, f func(t *testing.T, hugo, data string, p incident.Portfolio)) {
	t.Helper()
	for _, hugo := range hugos(t) {
		for _, data := range files {
			t.Run(version(t, hugo)+"/"+filepath.Base(data), func(t *testing.T) {
				p, err := load.File(data)
				if err != nil {
					t.Fatal(err)
				}
				f(t, hugo, data, p)
			})
		}
	}
}

// fragment returns the <section class="incident-portfolio"> of a page.
func fragment(t *testing.T, page []byte) string {
	t.Helper()
	s := string(page)
	i := strings.Index(s, `<section class="incident-portfolio"`)
	j := strings.LastIndex(s, "</section>\n")
	if i < 0 || j < i {
		t.Fatalf("no portfolio in the page:\n%s", page)
	}
	return s[i : j+len("</section>\n")]
}

// TestSameAsRender builds the site on each content file and compares the
// home page's portfolio, byte for byte, with render.HTML's Fragment.
func TestSameAsRender(t *testing.T) {
	eachData(t, []string{"data/portfolio.yaml", "../../testdata/full.yaml", "../../testdata/hostile.yaml", "testdata/template-syntax.yaml", "testdata/tiers.yaml", "testdata/postmortem.yaml", "../mysite/content/content.yaml", "../../testdata/timeline.yaml"}, func(t *testing.T, hugo, data string, p incident.Portfolio) {
		want := renderHTML(t, p)
		public, stderr, err := build(t, hugo, data)
		if err != nil {
			t.Fatalf("%s: %v\n%s", hugo, err, stderr)
		}
		page, err := os.ReadFile(filepath.Join(public, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, fragment(t, page)); diff != "" {
			t.Errorf("Hugo's page differs from render.HTML (-render +hugo):\n%s", diff)
		}
		// The site's title appears in the page's <title> alone: no
		// incident text ran as a template.
		if n := strings.Count(string(page), "Example site"); n != 1 {
			t.Errorf("the site's title appears %d times in the page, want 1 (in <title>)", n)
		}
		// One page per incident, as render draws the one incident.
		for _, in := range p.Incidents {
			samePortfolio(t, public, "incidents/"+string(in.ID), renderIncident(t, p, in.ID), "")
		}
	})
}

// inOrder reports whether the incidents with these IDs appear in html in
// this order, each once.
func inOrder(html string, ids ...string) bool {
	at := -1
	for _, id := range ids {
		i := strings.Index(html, `Incident `+id+`<`)
		if i <= at || strings.Count(html, `Incident `+id+`<`) != 1 {
			return false
		}
		at = i
	}
	return true
}

// TestOptionsSameAsRender builds pages whose shortcode sets the options
// render has too (lang, headingOffset, jsonld, with the selection ones)
// and theme, and compares each page's portfolio with render.HTML's for
// the same options. render has no theme option: its page is expected
// with data-theme on the <section>, after lang.
func TestOptionsSameAsRender(t *testing.T) {
	const dateOrder = "testdata/date-order.yaml"
	type optionsCase struct {
		name, params, theme string
		opts                []render.Option
		data                string // the one data file the case is for, when its ids are that file's
	}
	cases := []optionsCase{
		{"lang-theme", `lang="de" theme="dark"`, "dark", []render.Option{render.Lang("de")}, ""},
		{"offset-jsonld", `headingOffset="1" jsonld="true"`, "", []render.Option{render.HeadingOffset(1), render.JSONLD()}, ""},
		{"offset5-selection", `headingOffset=5 lang="pt-BR" jsonld="true" order="date" intro="false"`, "",
			[]render.Option{render.HeadingOffset(5), render.Lang("pt-BR"), render.JSONLD(), render.Sort(render.ByDate), render.Intro(false)}, ""},
		// Booleans written bare, as Hugo reads them, and "true" spelled out.
		{"bare-booleans", `intro=false lessons=true legend="true" jsonld=true`, "", []render.Option{render.Intro(false), render.JSONLD()}, ""},
		{"offset2-light", `headingOffset=2 theme="light"`, "light", []render.Option{render.HeadingOffset(2)}, ""},
		// Digit grouping by language: Spanish leaves four digits alone,
		// Swiss German is a region's own form, French's is a narrow
		// no-break space (and a tag's case does not matter).
		{"lang-es", `lang="es"`, "", []render.Option{render.Lang("es")}, ""},
		{"lang-de-ch", `lang="de-CH" order="duration"`, "", []render.Option{render.Lang("de-CH"), render.Sort(render.ByDuration)}, ""},
		{"lang-fr", `lang="FR-ca"`, "", []render.Option{render.Lang("FR-ca")}, ""},
		// The longest tag render.Lang takes (TestBadParams has the ones refused).
		{"lang-35", `lang="zh-HantHantHantHantHantHantHantHant"`, "", []render.Option{render.Lang("zh-HantHantHantHantHantHantHantHant")}, ""},
		// A selection that leaves no incident: the notice. (An ID the
		// data lacks is an error: TestBadParams.)
		{"empty", `tags="no-such-tag"`, "", []render.Option{render.Tags("no-such-tag")}, ""},
		// Ties (one instant in two zones, no date; one severity; one
		// length) keep the order of ids.
		{"ids-date", `ids="undated-two,brt-same-instant,undated-one,z-minute,c-day" order="date"`, "",
			[]render.Option{render.IDs("undated-two", "brt-same-instant", "undated-one", "z-minute", "c-day"), render.Sort(render.ByDate)}, dateOrder},
		{"ids-severity", `ids="a-ist-early,c-day" order="severity"`, "", []render.Option{render.IDs("a-ist-early", "c-day"), render.Sort(render.BySeverity)}, dateOrder},
		{"ids-duration", `ids="a-ist-early,c-day" order="duration"`, "", []render.Option{render.IDs("a-ist-early", "c-day"), render.Sort(render.ByDuration)}, dateOrder},
		// Known ids that the other filters leave out: the notice too.
		{"filtered-ids", `ids="a-ist-early" tags="no-such-tag"`, "", []render.Option{render.IDs("a-ist-early"), render.Tags("no-such-tag")}, dateOrder},
		// A known severity no incident has: the notice too. (A role or
		// severity the data does not know is an error: TestBadParams.)
		{"unused-severity", `severities="P4,P3"`, "", []render.Option{render.Severities(incident.P4, incident.P3)}, "data/portfolio.yaml"},
		{"unused-declared-severity", `severities="P1"`, "", []render.Option{render.Severities(incident.P1)}, "../../testdata/hostile.yaml"},
		{"declared-role-severity", `roles="incident-commander-on-call" severities="SEV-1"`, "",
			[]render.Option{render.Roles("incident-commander-on-call"), render.Severities("SEV-1")}, "../../testdata/hostile.yaml"},
	}
	eachData(t, []string{"data/portfolio.yaml", "../../testdata/hostile.yaml", "testdata/postmortem.yaml", "../../testdata/timeline.yaml", dateOrder}, func(t *testing.T, hugo, data string, p incident.Portfolio) {
		cases := slices.DeleteFunc(slices.Clone(cases), func(tc optionsCase) bool { return tc.data != "" && tc.data != data })
		var pages [][2]string
		for _, tc := range cases {
			pages = append(pages, [2]string{tc.name + ".md", "---\ntitle: " + tc.name + "\n---\n{{< incidents " + tc.params + " >}}\n"})
		}
		public, stderr, err := build(t, hugo, data, pages...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", hugo, err, stderr)
		}
		for _, tc := range cases {
			w := renderHTML(t, p, tc.opts...)
			// The content that shows digit grouping, and the notice, stays in the test.
			if data == "testdata/postmortem.yaml" && tc.name == "lang-theme" && !strings.Contains(w, "1.200") ||
				data == "../../testdata/hostile.yaml" && tc.name == "lang-es" && !strings.Contains(w, "1.200.000.000") ||
				(tc.name == "empty" || tc.name == "filtered-ids" || strings.HasPrefix(tc.name, "unused-")) && !strings.Contains(w, `<p class="empty">`) ||
				tc.name == "declared-role-severity" && strings.Contains(w, `<p class="empty">`) ||
				data == "testdata/date-order.yaml" && tc.name == "offset5-selection" && !inOrder(w, "a-ist-early", "c-day", "sec-one-second", "frac-half-second", "z-minute", "brt-same-instant", "cet-earlier", "b-utc-late", "feb-first", "month", "jan-ny", "year", "undated-one", "undated-two") ||
				data == "testdata/date-order.yaml" && tc.name == "ids-date" && !inOrder(w, "c-day", "brt-same-instant", "z-minute", "undated-two", "undated-one") ||
				data == "testdata/date-order.yaml" && strings.HasPrefix(tc.name, "ids-") && tc.name != "ids-date" && !inOrder(w, "a-ist-early", "c-day") {
				t.Fatalf("%s: render's page lacks what the case is for:\n%s", tc.name, w)
			}
			samePortfolio(t, public, tc.name, w, tc.theme)
		}
	})
}

// renderHTML returns render.HTML's fragment of p with opts.
func renderHTML(t *testing.T, p incident.Portfolio, opts ...render.Option) string {
	t.Helper()
	var b bytes.Buffer
	if err := render.HTML(&b, p, append([]render.Option{render.Fragment()}, opts...)...); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// renderIncident returns render.HTML's fragment of p's incident id, as
// incident.html draws it: without intro and lessons.
func renderIncident(t *testing.T, p incident.Portfolio, id incident.ID) string {
	t.Helper()
	return renderHTML(t, p, render.IDs(id), render.Intro(false), render.Lessons(false))
}

// samePortfolio compares the portfolio of the built page /name/ (a path
// with slashes), byte for byte, with want, render.HTML's. render has no
// theme option: with theme set, want is expected with data-theme on the
// <section>, after lang.
func samePortfolio(t *testing.T, public, name, want, theme string) {
	t.Helper()
	if theme != "" {
		want = strings.Replace(want, ">\n", ` data-theme="`+theme+`">`+"\n", 1)
	}
	page, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(name), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, fragment(t, page)); diff != "" {
		t.Errorf("/%s/: Hugo's page differs from render.HTML (-render +hugo):\n%s", name, diff)
	}
}
