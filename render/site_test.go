package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// checkFrontMatter checks that src starts with a YAML front matter block
// holding p's title and tagline as SiteGenerator writes them, and returns
// the Markdown after it.
func checkFrontMatter(t *testing.T, src []byte, p incident.Portfolio) []byte {
	t.Helper()
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		t.Fatalf("no front matter: %q", src[:min(len(src), 40)])
	}
	fm, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		t.Fatalf("front matter not closed: %q", rest)
	}
	var got map[string]string
	if err := yaml.Unmarshal(fm, &got); err != nil {
		t.Fatalf("front matter: %v\n%s", err, fm)
	}
	want := map[string]string{}
	for k, v := range map[string]string{"title": p.Title, "description": p.Tagline} {
		if v != "" {
			want[k] = sanitize(v)
		}
	}
	c := page.NewConfig(nil)
	sel := c.Select(&p)
	if d := latestDay(&sel); !d.IsZero() {
		want["date"] = d.String()
		if t, ok := d.Time(); ok {
			want["date"] = t.Format(time.RFC3339Nano)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("front matter (-want +got):\n%s", diff)
	}
	return body
}

// TestSiteGeneratorFrontMatter checks that hostile titles and taglines
// come back from the front matter as the page shows them, and that the
// date is the latest one known to the day, with its time of day and zone
// when it has one, as YAML reads an instant.
func TestSiteGeneratorFrontMatter(t *testing.T) {
	for _, title := range []string{
		"Plain",
		`"quoted" 'single' \backslash`,
		"key: value # not a comment",
		"line\nbreak\r\nand\ttab",
		"---\ntitle: injected\n---",
		"- [list]\n? {map: x}",
		"&anchor *alias !tag %directive @at `tick`",
		"null",
		"\u2028sep\u2029 \x85nel \x1b[31mred\ufeff",
		"",
	} {
		p := incident.Portfolio{Title: title, Tagline: title + " {{% note %}}"}
		checkFrontMatter(t, renderMarkdown(t, p, SiteGenerator()), p)
	}

	for _, tt := range []struct {
		when []string // each incident's when
		want string
	}{
		{nil, ""},
		{[]string{"2021-05-03", "2023-01-02/2023-01-04", "2022-01-01"}, "2023-01-04"},
		{[]string{"2021-05-03", "2024-02"}, ""}, // the latest is not known to the day
		{[]string{"2023-03-14T13:42Z"}, "2023-03-14T13:42:00Z"},
		{[]string{"2023-03-14T13:42:05.25-03:00"}, "2023-03-14T13:42:05.25-03:00"},
		// A period's end, with its own day and zone.
		{[]string{"2023-11-30T22:40:15+05:30/2023-12-01T01:35+05:30"}, "2023-12-01T01:35:00+05:30"},
		{[]string{"2024-02-09T18:02Z/2024-02-09T19:37Z", "2023-03-14"}, "2024-02-09T19:37:00Z"},
		{[]string{"2024-02-09T18:02Z", "2024-02-10"}, "2024-02-10"},
		// The latest day as written, as the page shows it: 2024-02-10T01:00+05:30 is 19:30 UTC on the 9th.
		{[]string{"2024-02-10T01:00+05:30", "2024-02-09T22:00Z"}, "2024-02-10T01:00:00+05:30"},
		{[]string{"2024-02-09T22:00Z", "2024-02-10T01:00+05:30"}, "2024-02-10T01:00:00+05:30"},
		// One instant in two zones on one written day: the same text whatever the order.
		{[]string{"2024-02-09T23:30Z", "2024-02-09T20:30-03:00"}, "2024-02-09T23:30:00Z"},
		{[]string{"2024-02-09T20:30-03:00", "2024-02-09T23:30Z"}, "2024-02-09T23:30:00Z"},
	} {
		var p incident.Portfolio
		for _, w := range tt.when {
			when, err := incident.ParsePeriod(w)
			if err != nil {
				t.Fatal(err)
			}
			p.Incidents = append(p.Incidents, incident.Incident{ID: "x", Title: "x", When: when})
		}
		src := renderMarkdown(t, p, SiteGenerator())
		_, after, _ := strings.Cut(string(src), "date: ")
		got, _, _ := strings.Cut(after, "\n")
		if got != tt.want {
			t.Errorf("%v: date %q, want %q", tt.when, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		// YAML reads the date as the instant (or the day) it names.
		var fm struct {
			Date time.Time `yaml:"date"`
		}
		front, _, _ := strings.Cut(strings.TrimPrefix(string(src), "---\n"), "---\n")
		if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
			t.Fatalf("%v: front matter: %v\n%s", tt.when, err, front)
		}
		want, err := time.Parse(time.RFC3339Nano, tt.want)
		if err != nil {
			want, _ = time.Parse(time.DateOnly, tt.want)
		}
		if !fm.Date.Equal(want) {
			t.Errorf("%v: YAML reads date %v, want %v", tt.when, fm.Date, want)
		}
	}
}

// TestSiteGeneratorText checks that SiteGenerator breaks every "{{" and
// keeps a title's "{#x}" from being a heading attribute, while the text
// parses back as written.
func TestSiteGeneratorText(t *testing.T) {
	p := incident.Portfolio{Title: "T", Incidents: []incident.Incident{{
		ID: "real-id", Title: "Evil {#x}", Severity: incident.P1, Role: incident.LedResolution,
		Situation: []string{"{{% note %}} and {{< note >}} and {{.}}", "{"},
	}}, Lessons: incident.Lessons{Heading: "{{< h >}}", Items: []string{"{{% note %}} {{{< note >}}"}}}
	src := renderMarkdown(t, p, SiteGenerator())
	body := checkFrontMatter(t, src, p)
	for _, delim := range []string{"{{<", "{{%"} {
		if bytes.Contains(body, []byte(delim)) {
			t.Errorf("a %s in:\n%s", delim, body)
		}
	}
	// In the lessons' code block, where no escape works, a word joiner
	// breaks the delimiters and nothing else changes.
	if want := "# {{\u2060< h >}}\n1. {{\u2060% note %}} {{{\u2060< note >}}\n"; !bytes.Contains(body, []byte(want)) {
		t.Errorf("lessons: no %q in:\n%s", want, body)
	}
	// The front matter carries the title, which themes show: no "# T".
	if bytes.HasPrefix(body, []byte("\n# ")) || bytes.Contains(body, []byte("\n# T\n")) {
		t.Errorf("the title is a heading too:\n%s", body)
	}
	if !bytes.Contains(body, []byte(`## Evil \{\#x} {#real-id}`)) {
		t.Errorf("heading not as expected:\n%s", body)
	}
	var texts []string
	for _, b := range mdParse(t, body) {
		for _, in := range b.Inlines {
			texts = append(texts, in.Text)
		}
	}
	for _, want := range []string{"{{% note %}} and {{< note >}} and {{.}}", "{"} {
		if !strings.Contains(strings.Join(texts, "\n"), want) {
			t.Errorf("%q does not parse back from:\n%s", want, body)
		}
	}
}

// hugo returns the Hugo to test with: the first of $PORTFOLIO_HUGO (as in
// examples/hugo), or hugo on $PATH.
func hugo(t *testing.T) string {
	t.Helper()
	if env := filepath.SplitList(os.Getenv("PORTFOLIO_HUGO")); len(env) > 0 {
		return env[0]
	}
	path, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no hugo: CI must install it (%v)", err)
		}
		t.Skipf("skipped: no hugo on PATH and PORTFOLIO_HUGO unset (apt-get install hugo)")
	}
	return path
}

// TestSiteGeneratorHugo builds a Hugo site whose one page is hostile.yaml
// with SiteGenerator, and checks the build does not warn, the page has
// the front matter's title, every incident heading has its ID, and
// shortcode delimiters show as text.
func TestSiteGeneratorHugo(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short: runs hugo")
	}
	bin := hugo(t)
	p := fixture(t, "../testdata/hostile.yaml")
	const shortcodes = "{{% note %}} {{< note >}}"
	p.Incidents[0].Situation = append(p.Incidents[0].Situation, shortcodes)
	p.Lessons.Items = append(p.Lessons.Items, "lesson "+shortcodes)
	p.Incidents[0].Title += " {#x}"

	site := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		path := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("hugo.toml", "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'home']\n")
	write("layouts/_default/single.html", "<title>{{ .Title }}</title>\n{{ .Content }}\n")
	write("content/incidents.md", string(renderMarkdown(t, p, SiteGenerator())))
	out, err := exec.Command(bin, "--source", site, "--logLevel", "info").CombinedOutput()
	if err != nil {
		// Hugo before 0.114 has no --logLevel.
		out, err = exec.Command(bin, "--source", site, "--verbose").CombinedOutput()
	}
	if err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	if bytes.Contains(out, []byte("Raw HTML omitted")) || bytes.Contains(out, []byte("WARN")) {
		t.Errorf("hugo warned:\n%s", out)
	}
	page, err := os.ReadFile(filepath.Join(site, "public", "incidents", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	title := regexp.MustCompile(`<title>(.*)</title>`).FindStringSubmatch(html)
	if want := escapeHugo(sanitize(p.Title)); title == nil || title[1] != want {
		t.Errorf("title %q, want %q", title, want)
	}
	for _, in := range p.Incidents {
		if !in.ID.Valid() {
			continue
		}
		if !regexp.MustCompile(`<h2 id="` + regexp.QuoteMeta(string(in.ID)) + `">`).MatchString(html) {
			t.Errorf("no h2 with id %q in:\n%s", in.ID, html)
		}
	}
	if !strings.Contains(html, "{{% note %}} {{&lt; note &gt;}}") {
		t.Errorf("shortcodes not shown as text:\n%s", html)
	}
	if strings.Contains(html, `id="x"`) {
		t.Errorf("a title's {#x} made an id")
	}
	// In the lessons' code block (highlighted: text split into spans),
	// the delimiters show as written, with the invisible word joiner.
	code := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, "")
	if want := "lesson {{\u2060% note %}} {{\u2060&lt; note &gt;}}"; !strings.Contains(code, want) {
		t.Errorf("lessons: no %q in:\n%s", want, code)
	}
	// The theme shows the front matter's title; the page has no h1 of
	// its own.
	if strings.Contains(html, "<h1") {
		t.Errorf("the page repeats the title in an h1:\n%s", html)
	}
}

// escapeHugo escapes s as Hugo's templates do.
func escapeHugo(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}
