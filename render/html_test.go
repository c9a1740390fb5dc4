package render

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/internal/rendertest"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// htmlBundled is the bundled portfolio.
func htmlBundled(testing.TB) incident.Portfolio { return portfolio.Page() }

// htmlFull is testdata/full.yaml: every optional field, htmlHostile text.
func htmlFull(t testing.TB) incident.Portfolio {
	t.Helper()
	p, err := load.File("../testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// htmlExtra has what a content file cannot: an unsafe link and severity
// levels far apart.
func htmlExtra() incident.Portfolio {
	return incident.Portfolio{
		Title:   "Incidents & Outages",
		Tagline: `What broke, what I did, and what changed — "for good".`,
		Intro:   []string{"First paragraph.", "Second <paragraph>."},
		Back:    incident.Link{Text: "Home", Href: "https://example.com/"},
		Legend:  "Key",
		Roles:   []incident.RoleDef{{Key: "scribe-on-call", Label: "Scribe On-Call"}},
		Severities: []incident.SeverityDef{
			{Code: "SEV-0", Label: "Catastrophic", Level: 0},
			{Code: "SEV-1", Label: "Major", Level: 10},
			{Code: "SEV-2", Label: "Minor", Level: 20},
			{Code: "SEV-3", Label: "Low", Level: 30},
			{Code: "SEV-4", Label: "Trivial", Level: 40},
		},
		Incidents: []incident.Incident{
			{
				ID: "dns-outage", Title: "DNS outage", Role: incident.LedResolution, Severity: "SEV-1",
				Duration:  incident.Duration{Text: "1 day 6 hours 30 minutes", Length: 30*time.Hour + 30*time.Minute},
				Situation: []string{"Resolvers failed.", "Everything failed after."},
				MyRole:    []string{"Commanded."}, Resolution: []string{"Flushed caches."}, PermanentFix: []string{"Added a second provider."},
				When:    incident.Period{Start: incident.Date{Year: 2023, Month: 3, Day: 14}, End: incident.Date{Year: 2023, Month: 3, Day: 16}},
				Org:     "a large retailer",
				Tags:    []string{"dns", "networking"},
				Command: incident.IncidentCommander,
				Impact:  []incident.Figure{{Label: "Queries lost", Value: 1.2e9, Unit: "queries"}},
				Results: []incident.Figure{
					{Label: "MTTR", Before: 4, HasBefore: true, Value: 1.2, Unit: "h", Note: "lower"},
					{Label: "Availability", Value: 99.95, Unit: "%"},
				},
				Actions: []incident.Action{
					{Text: "Add a second DNS provider", Kind: incident.Prevent, Done: true},
					{Text: "Write the runbook", Kind: incident.Process},
				},
				Links: []incident.WriteUp{
					{Title: "Postmortem", URL: "https://example.com/postmortems/dns?id=1&v=2", Kind: incident.Postmortem},
					{Title: "Unsafe link", URL: "javascript:alert(1)", Kind: incident.Article},
				},
			},
			{
				ID: "disk-full", Title: "Disk full", Role: "scribe-on-call", Severity: "SEV-0",
				Duration:  incident.Duration{Text: "A long night"},
				Situation: []string{"The disk filled."}, MyRole: []string{"Took notes."},
				Resolution: []string{"Deleted logs."}, PermanentFix: []string{"Rotated logs."},
				When: incident.Period{Start: incident.Date{Year: 2021, Month: 11}},
			},
			{
				ID: "cert-expiry", Title: "Certificate expiry", Role: incident.CausedAndFixed, Severity: "SEV-4",
				Duration:  incident.Duration{Text: "45 minutes", Length: 45 * time.Minute},
				Situation: []string{"A certificate expired."}, MyRole: []string{"Renewed it."},
				Resolution: []string{"Deployed the new one."}, PermanentFix: []string{"Automated renewal."},
				When: incident.Period{Start: incident.Date{Year: 2019}},
			},
		},
		Lessons: incident.Lessons{File: "lessons.sh", Heading: "What I learned", Items: []string{"One", "Two & three"}},
	}
}

// htmlScratch is a writer that keeps what it is given in its buffer, for
// testing the parts of a page.
func htmlScratch() *htmlWriter {
	var buf bytes.Buffer
	o := page.NewSpare(&buf)
	c := page.NewConfig(nil)
	return &htmlWriter{Spare: &o, c: &c, p: &incident.Portfolio{}}
}

// take returns what h holds and empties it.
func (h *htmlWriter) take() string {
	h.Finish() // a bytes.Buffer does not fail
	b := h.Writer().(*bytes.Buffer)
	s := b.String()
	b.Reset()
	h.B = b.AvailableBuffer()
	return s
}

func renderHTML(t testing.TB, p incident.Portfolio, opts ...Option) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, p, opts...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHTMLGolden(t *testing.T) {
	bundled, full, extra := htmlBundled(t), htmlFull(t), htmlExtra()
	for _, tt := range []struct {
		name string
		p    incident.Portfolio
		opts []Option
	}{
		{"portfolio.golden.html", bundled, nil},
		{"portfolio-fragment.golden.html", bundled, []Option{Fragment()}},
		{"portfolio-led-resolution.golden.html", bundled, []Option{Roles(incident.LedResolution)}},
		{"portfolio-p2.golden.html", bundled, []Option{Severities(incident.P2), Fragment()}},
		{"portfolio-offset.golden.html", bundled, []Option{HeadingOffset(1), Fragment()}},
		{"portfolio-jsonld.golden.html", bundled, []Option{JSONLD()}},
		{"full.golden.html", full, nil},
		{"full-nodetails.golden.html", full, []Option{Details(false)}},
		{"full-options.golden.html", full, []Option{
			Fragment(), JSONLD(), HeadingOffset(2), Sort(ByDate), Roles(incident.CausedAndFixed, "on-call-responder"),
			Severities("SEV-1", "SEV-3", "SEV-5"), Tags("kubernetes", "postgresql"), Intro(false), Legend(true), Lessons(true), Details(true),
		}},
		{"full-bare.golden.html", full, []Option{
			IDs("bare-year", "rtl-and-cjk-2022"), Sort(ByDuration), Intro(false), Legend(false), Lessons(false), Details(false),
		}},
		{"extra.golden.html", extra, []Option{JSONLD()}},
		{"extra-filtered.golden.html", extra, []Option{Fragment(), Sort(BySeverity), Tags("dns", "nothing"), IDs("cert-expiry", "dns-outage")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := renderHTML(t, tt.p, tt.opts...)
			checkHTML(t, got, tt.opts)
			if tt.name != "portfolio.golden.html" {
				got = htmlElideStyle(t, got)
			}
			golden(t, tt.name, got)
		})
	}
}

// htmlElideStyle checks that a document holds the stylesheet once, and
// replaces it with a mark, so that only one golden file holds it.
func htmlElideStyle(t *testing.T, page []byte) []byte {
	t.Helper()
	if bytes.HasPrefix(page, []byte("<section")) {
		return page
	}
	style := []byte("<style>\n" + htmlPageStyle + htmlStyle + "</style>\n")
	if bytes.Contains(page, []byte(htmlTimelineStyle)) {
		style = []byte("<style>\n" + htmlPageStyle + htmlStyle + htmlTimelineStyle + "</style>\n")
	}
	if n := bytes.Count(page, style); n != 1 {
		t.Errorf("the document holds the stylesheet %d times, want 1", n)
	}
	return bytes.Replace(page, style, []byte("<style>/* as in portfolio.golden.html */</style>\n"), 1)
}

// checkHTML parses a page and checks its structure against the options it
// was drawn with.
func checkHTML(t *testing.T, src []byte, opts []Option) {
	t.Helper()
	c := page.NewConfig(opts)
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var levels []int
	articles := map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		count[n.Data]++
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			levels = append(levels, int(n.Data[1]-'0'))
		}
		switch n.Data {
		case "article":
			id := htmlAttr(n, "id")
			if id == "" {
				t.Errorf("an article without id")
			}
			articles[id] = true
			if !htmlHasSelfLink(n, id) {
				t.Errorf("article %q has no link to #%s", id, id)
			}
		case "script":
			if typ := htmlAttr(n, "type"); typ != "application/ld+json" {
				t.Errorf("a script of type %q", typ)
			}
			var v any
			if err := json.Unmarshal([]byte(htmlTextOf(n)), &v); err != nil {
				t.Errorf("JSON-LD does not parse: %v", err)
			}
		case "a":
			if href := htmlAttr(n, "href"); !strings.HasPrefix(href, "#") && !incident.SafeURL(href) {
				t.Errorf("link to unsafe URL %q", href)
			}
		}
	}
	if c.Fragment {
		for _, tag := range []string{"style", "main", "meta", "title"} {
			if count[tag] != 0 {
				t.Errorf("a fragment has %d <%s>", count[tag], tag)
			}
		}
		if !bytes.HasPrefix(src, []byte("<section class=\"incident-portfolio\">\n")) {
			t.Errorf("a fragment starts with %.40q", src)
		}
	} else {
		for _, tag := range []string{"header", "main", "style", "title"} {
			if count[tag] != 1 {
				t.Errorf("%d <%s>, want 1", count[tag], tag)
			}
		}
		if !bytes.HasPrefix(src, []byte("<!doctype html>\n<html lang=\"en\">\n")) {
			t.Errorf("a document starts with %.40q", src)
		}
	}
	if want := page.BoolInt(c.JSONLD); count["script"] != want {
		t.Errorf("%d <script>, want %d", count["script"], want)
	}
	if want := page.BoolInt(c.HeadingOffset == 0); count["h1"] != want {
		t.Errorf("%d <h1>, want %d", count["h1"], want)
	}
	if len(levels) == 0 || levels[0] != c.Heading(1) {
		t.Errorf("headings %v: want the first at level %d", levels, c.Heading(1))
	}
	for i := 1; i < len(levels); i++ {
		if levels[i] > levels[i-1]+1 {
			t.Errorf("headings %v skip a level at %d", levels, i)
		}
	}
	if count["article"] != len(articles) {
		t.Errorf("%d articles but %d distinct ids", count["article"], len(articles))
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlHasSelfLink(n *html.Node, id string) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.Data == "a" && htmlAttr(d, "href") == "#"+id {
			return true
		}
	}
	return false
}

// htmlTextOf returns the text inside n.
func htmlTextOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// htmlVisibleText returns the text a sighted reader sees in n: no head, no
// script or style, nothing visually hidden.
func htmlVisibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && (n.Data == "head" || n.Data == "script" || n.Data == "style"):
			return
		case n.Type == html.ElementNode && slices.Contains(strings.Fields(htmlAttr(n, "class")), "visually-hidden"):
			return
		}
		for c := range n.ChildNodes() {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func htmlDropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// seedBadge matches the start of a seed line with an incident's role and
// severity badges.
var seedBadge = regexp.MustCompile(`^(Caused&Fixed|LedResolution)(P[1-4])`)

// TestHTMLSeedText checks that the page reads as the seed page does: every
// line of the seed's text, in order, is in the page's visible text
// (spaces aside, since the seed's text runs badges together).
func TestHTMLSeedText(t *testing.T) {
	// The seed sits in ../shared beside the repository.
	seed, err := os.ReadFile("../testdata/seed-page.txt") // a copy of ../shared/seed/incident-leadership.txt
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range [][]Option{nil, {Fragment()}, {HeadingOffset(2), JSONLD()}} {
		doc, err := html.Parse(bytes.NewReader(renderHTML(t, htmlBundled(t), opts...)))
		if err != nil {
			t.Fatal(err)
		}
		text := htmlDropSpace(htmlVisibleText(doc))
		lines := 0
		for line := range strings.Lines(string(seed)) {
			want := htmlDropSpace(line)
			if want == "" {
				continue
			}
			// A card's badge shows its severity's label, as the legend
			// does, where the seed shows the code alone.
			if m := seedBadge.FindStringSubmatch(want); m != nil {
				bundled := htmlBundled(t)
				d, _ := bundled.Severity(incident.Severity(m[2]))
				want = m[1] + m[2] + d.Label + want[len(m[0]):]
			}
			lines++
			i := strings.Index(text, want)
			if i < 0 {
				t.Errorf("options %d: the page lacks the seed's line %q", len(opts), strings.TrimSpace(line))
				continue
			}
			text = text[i+len(want):]
		}
		if lines < 40 {
			t.Errorf("only %d seed lines checked", lines)
		}
	}
}

// TestHTMLLegend checks that a legend lists exactly the labels the
// selected incidents use, in two groups (badges joined by " + " here),
// roles and severities, the "|" between them ending the first, so that
// the stylesheet can keep each whole.
func TestHTMLLegend(t *testing.T) {
	p := htmlBundled(t)
	for _, tt := range []struct {
		name string
		opts []Option
		want []string
	}{
		{"all", nil, []string{"Legend:", "Caused & Fixed + Led Resolution + |", "P1 Critical + P2 High"}},
		{"led", []Option{Roles(incident.LedResolution)}, []string{"Legend:", "Led Resolution + |", "P1 Critical"}},
		{"p2", []Option{Severities(incident.P2)}, []string{"Legend:", "Caused & Fixed + |", "P2 High"}},
		{"one", []Option{IDs(incident.ID("message-queue-backlog"))}, []string{"Legend:", "Led Resolution + |", "P1 Critical"}},
		{"none", []Option{Tags("no-such-tag")}, nil},
		{"off", []Option{Legend(false)}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(bytes.NewReader(renderHTML(t, p, tt.opts...)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for n := range doc.Descendants() {
				if n.Type == html.ElementNode && htmlAttr(n, "class") == "legend" {
					for c := range n.ChildNodes() {
						items := []string{strings.TrimSpace(htmlTextOf(c))}
						if htmlAttr(c, "class") == "legend-group" {
							items = items[:0]
							for item := range c.ChildNodes() {
								if s := strings.TrimSpace(htmlTextOf(item)); s != "" {
									items = append(items, s)
								}
							}
						}
						if len(items) > 0 && items[0] != "" {
							got = append(got, strings.Join(items, " + "))
						}
					}
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("legend (-want +got):\n%s", diff)
			}
		})
	}
}

// htmlHostile is text that would break out of every context a page puts text
// in, with a control character and invalid UTF-8.
const htmlHostile = `</p></script><script>alert(1)</script><!-- "x" onclick='y' & &amp; <img src=x onerror=z>` + "\u2028\x00\x1b[31m\xff\u0085end"

// htmlHostileClean is htmlHostile as a page shows it.
const htmlHostileClean = `</p></script><script>alert(1)</script><!-- "x" onclick='y' & &amp; <img src=x onerror=z>` + "\u2028\uFFFD\uFFFD[31m\uFFFD\uFFFDend"

func htmlHostilePortfolio() incident.Portfolio {
	h := htmlHostile
	fig := incident.Figure{Label: h, Value: 1, Before: 2, HasBefore: true, Unit: h, Note: h}
	return incident.Portfolio{
		Title: h, Tagline: h, Intro: []string{h}, Back: incident.Link{Text: h, Href: "javascript:alert(1)"}, Legend: h,
		Roles:      []incident.RoleDef{{Key: incident.Role(h), Label: h}},
		Severities: []incident.SeverityDef{{Code: incident.Severity(h), Label: h, Level: 1}},
		Incidents: []incident.Incident{{
			ID: incident.ID(h), Title: h, Role: incident.Role(h), Severity: incident.Severity(h),
			Duration:  incident.Duration{Text: h, Length: time.Hour},
			Situation: []string{h}, MyRole: []string{h}, Resolution: []string{h}, PermanentFix: []string{h},
			Summary: []string{h}, Trigger: []string{h}, RootCause: []string{h}, Detection: []string{h},
			WentWell: []string{h}, WentWrong: []string{h}, GotLucky: []string{h},
			When: incident.Period{Start: incident.Date{Year: 2023, Month: 13, Day: -1}}, Org: h, Tags: []string{h},
			Command: incident.CommandRole(h), Impact: []incident.Figure{fig}, Results: []incident.Figure{fig},
			Actions: []incident.Action{{Text: h, Kind: incident.ActionKind(h)}},
			Links: []incident.WriteUp{
				{Title: h, URL: "javascript:alert(1)", Kind: incident.LinkKind(h)},
				{Title: h, URL: " JavaScript:alert(1)"},
				{Title: h, URL: "data:text/html,<script>alert(1)</script>"},
				{Title: h, URL: "https://example.com/\"><script>alert(1)</script>"},
			},
		}},
		Lessons: incident.Lessons{File: h, Heading: h, Items: []string{h, h}},
	}
}

// htmlAllowed are the elements a page may hold and the attributes each
// may have: what the renderer writes, and nothing content could add.
var htmlAllowed = map[string][]string{
	"html": {"lang"}, "head": nil, "meta": {"charset", "name", "content"}, "title": nil, "style": nil,
	"script": {"type"}, "body": nil, "div": {"class"}, "section": {"class"}, "header": nil, "main": nil,
	"p": {"class"}, "a": {"href"}, "span": {"class", "aria-hidden", "title"}, "h1": {"class"}, "h2": {"class"},
	"h3": {"class"}, "article": {"id", "class"}, "time": {"datetime"}, "dl": {"class"}, "dt": nil, "dd": nil,
	"ul": {"class"}, "ol": nil, "li": nil, "figure": {"class"}, "figcaption": {"class"}, "pre": nil, "code": nil, "br": nil,
}

// TestHTMLHostile checks that htmlHostile text stays text: it makes no
// element or attribute, comes back as written (control characters and
// invalid UTF-8 aside), and unsafe URLs make no link.
func TestHTMLHostile(t *testing.T) {
	for _, opts := range [][]Option{{JSONLD()}, {Fragment(), JSONLD()}} {
		page := renderHTML(t, htmlHostilePortfolio(), opts...)
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			checkHTMLAllowed(t, n) // <br> aside, before htmlBRs makes it text
		}
		htmlBRs(doc)
		shown, _ := htmlShown(htmlHostileClean)
		var texts []string
		for n := range doc.Descendants() {
			switch n.Type {
			case html.ElementNode:
				switch n.Data {
				case "a":
					if href := htmlAttr(n, "href"); href != "#"+strings.ReplaceAll(htmlHostileClean, "\u2028", " ") && !incident.SafeURL(href) {
						t.Errorf("a link to %q", href)
					}
				case "script":
					var ld struct {
						Name  string
						Items []struct {
							Item struct{ Name, Description, Genre string }
						} `json:"itemListElement"`
					}
					if err := json.Unmarshal([]byte(htmlTextOf(n)), &ld); err != nil {
						t.Fatalf("JSON-LD: %v", err)
					}
					for _, s := range []string{ld.Name, ld.Items[0].Item.Name, ld.Items[0].Item.Description, ld.Items[0].Item.Genre} {
						if s != htmlHostileClean {
							t.Errorf("JSON-LD holds %q, want %q", s, htmlHostileClean)
						}
					}
				}
			case html.TextNode:
				texts = append(texts, n.Data)
			}
		}
		// Whole text nodes equal to the htmlHostile text: h1, tagline,
		// paragraphs, badges, link titles...
		whole := 0
		for _, s := range texts {
			if s == shown {
				whole++
			}
		}
		if whole < 19 { // a severity badge holds its code and its label, as one text node
			t.Errorf("only %d text nodes hold the htmlHostile text intact", whole)
		}
		script := page[bytes.Index(page, []byte(`<script type="application/ld+json">`))+1:]
		script = script[:bytes.Index(script, []byte("</script>"))]
		for _, bad := range []string{"<", "\u2028", "<!--", "\x00"} {
			if bytes.Contains(script, []byte(bad)) {
				t.Errorf("JSON-LD holds %q", bad)
			}
		}
		if !htmlUTF8Valid(page) {
			t.Errorf("the page is not valid UTF-8")
		}
		for _, c := range page {
			if c < 0x20 && c != '\n' || c == 0x7f {
				t.Errorf("the page holds control byte %#x", c)
			}
		}
	}
}

func htmlUTF8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "") == string(b) }

func TestHTMLEscape(t *testing.T) {
	for _, tt := range []struct{ in, html, json string }{
		{"", "", ""},
		{"plain text", "plain text", "plain text"},
		{`a&b<c>d"e'f`, "a&amp;b&lt;c&gt;d&#34;e&#39;f", `a\u0026b\u003cc\u003ed\"e'f`},
		{`back\slash`, `back\slash`, `back\\slash`},
		{"é—ü 日本", "é—ü 日本", "é—ü 日本"},
		{"\u2028\u2029", "<br><br>", `\u2028\u2029`},
		{"a\u2028b\u2029c", "a<br>b<br>c", `a\u2028b\u2029c`},
		{"nul\x00tab\tnl\ndel\x7f", "nul\uFFFDtab\uFFFDnl\uFFFDdel\uFFFD", `nul\ufffdtab\ufffdnl\ufffddel\ufffd`},
		{"c1\u0085\u009f", "c1\uFFFD\uFFFD", `c1\ufffd\ufffd`},
		{"bad\xff\xc3", "bad\uFFFD\uFFFD", `bad\ufffd\ufffd`},
		{"\uFFFD stays", "\uFFFD stays", "\uFFFD stays"},
		{"&", "&amp;", `\u0026`},
		{"end<", "end&lt;", `end\u003c`},
	} {
		h := htmlScratch()
		h.text(tt.in)
		html := h.take()
		h.escape(htmlJSONEsc, tt.in)
		if diff := cmp.Diff([2]string{tt.html, tt.json}, [2]string{html, h.take()}); diff != "" {
			t.Errorf("escape(%q) [html, json] (-want +got):\n%s", tt.in, diff)
		}
		// In attributes and <title> the separators are spaces, not <br>.
		h.attr(tt.in)
		if want := strings.ReplaceAll(tt.html, "<br>", " "); h.take() != want {
			t.Errorf("attr(%q) is not %q", tt.in, want)
		}
	}
}

var htmlSafeHrefCases = []string{
	"", "/", "//evil.example", "/path/to", "#frag", "page.html", "example.org/about", "Example.COM", "https://example.com", "https://example.com/a/b",
	"http://example.com", "https://", "http://", "https:///x", "https://:80", "https://a:b:c", "https://a b",
	"https://example.com/?q=1", "mailto:me@example.com", "javascript:alert(1)", "JAVASCRIPT:x", " javascript:x",
	"data:text/html,x", "https://exa%mple.com", "https://example.com/%zz", "https://[::1]/", "https://ex\x00ample",
	"https://ex\u0085ample", "https://example.com/\xff", "vbscript:x", "https://example.com\\@evil",
	"https://example.com/a%20b", "https://example.com/a%2", "https://example.com/a%", "/a%zz", "#a:b", ":x",
	"https://example.com:8080/", "https://user@example.com/", "https://example.com?q", "https://example.com#f",
	"HTTPS://example.com", "Mailto:x@y", "http://a..b", "/a:b/c", "https://example.com/(x)'y'",
}

func TestHTMLSafeHref(t *testing.T) {
	for _, s := range htmlSafeHrefCases {
		if got, want := page.SafeHref(s), s != "" && incident.SafeURL(s); got != want {
			t.Errorf("htmlSafeHref(%q) = %v, incident.SafeURL says %v", s, got, want)
		}
	}
}

func FuzzHTMLSafeHref(f *testing.F) {
	for _, s := range htmlSafeHrefCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := page.SafeHref(s), s != "" && incident.SafeURL(s); got != want {
			t.Errorf("htmlSafeHref(%q) = %v, incident.SafeURL says %v", s, got, want)
		}
	})
}

func TestHTMLDetails(t *testing.T) {
	d := func(y int, m time.Month, day int) incident.Date { return incident.Date{Year: y, Month: m, Day: day} }
	for _, tt := range []struct {
		name string
		in   incident.Incident
		want string
	}{
		{"year", incident.Incident{When: incident.Period{Start: d(2023, 0, 0)}},
			`<div><dt>When</dt><dd><time datetime="2023">2023</time></dd></div>`},
		{"month", incident.Incident{When: incident.Period{Start: d(2023, 3, 0)}},
			`<div><dt>When</dt><dd><time datetime="2023-03">March 2023</time></dd></div>`},
		{"one-day range", incident.Incident{When: incident.Period{Start: d(2024, 5, 2), End: d(2024, 5, 2)}},
			`<div><dt>When</dt><dd><time datetime="2024-05-02">2 May 2024</time></dd></div>`},
		{"range", incident.Incident{When: incident.Period{Start: d(2023, 12, 31), End: d(2024, 1, 2)}},
			`<div><dt>When</dt><dd><time datetime="2023-12-31">31 December 2023</time> – <time datetime="2024-01-02">2 January 2024</time></dd></div>`},
		{"command", incident.Incident{Command: incident.CommunicationsLead},
			`<div><dt>Command role</dt><dd>Communications Lead</dd></div>`},
		{"figure", incident.Incident{Impact: []incident.Figure{{Label: "Lost", Value: 0.5, Before: -3, HasBefore: true, Unit: "%", Note: "n"}}},
			"<div><dt>Impact</dt><dd><ul class=\"figures\">\n<li><span class=\"figure-label\">Lost:</span> -3% <span aria-hidden=\"true\">→</span><span class=\"visually-hidden\">to</span> 0.5% <span class=\"figure-note\">(n)</span></li>\n</ul></dd></div>"},
		{"huge", incident.Incident{Results: []incident.Figure{{Label: "Big", Value: math.MaxFloat64}}},
			"<div><dt>Results</dt><dd><ul class=\"figures\">\n<li><span class=\"figure-label\">Big:</span> " + rendertest.EnglishNumber(math.MaxFloat64) + "</li>\n</ul></dd></div>"},
		{"link", incident.Incident{Links: []incident.WriteUp{{Title: "T", URL: "https://e.com/?a=1&b=2", Kind: incident.Talk}}},
			"<div><dt>Write-ups</dt><dd><ul class=\"links\">\n<li><a href=\"https://e.com/?a=1&amp;b=2\">T</a> <span class=\"link-kind\">(Talk)</span></li>\n</ul></dd></div>"},
		{"odd link", incident.Incident{Links: []incident.WriteUp{{Title: "T", URL: `https://[::1]/?q=<x>&r="y"^{}|` + "`%7e%zz#f#g"}}},
			"<div><dt>Write-ups</dt><dd><ul class=\"links\">\n<li><a href=\"https://[::1]/?q=%3Cx%3E&amp;r=%22y%22%5E%7B%7D%7C%60%7e%25zz#f%23g\">T</a></li>\n</ul></dd></div>"},
		{"unsafe link", incident.Incident{Links: []incident.WriteUp{{Title: "T", URL: "javascript:x"}}},
			"<div><dt>Write-ups</dt><dd><ul class=\"links\">\n<li>T</li>\n</ul></dd></div>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := htmlScratch()
			spans, n := page.TimesTo(&tt.in)
			page.Details(h, &tt.in, spans[:n])
			want := "<dl class=\"details\">\n" + tt.want + "\n</dl>\n"
			if diff := cmp.Diff(want, h.take()); diff != "" {
				t.Errorf("details (-want +got):\n%s", diff)
			}
		})
	}
}

// TestHTMLSeverityClass checks that badges are coloured by the levels'
// colour tiers: by place on the scale, whatever numbers the levels are,
// with the default codes keeping their colours and declared tiers winning.
func TestHTMLSeverityClass(t *testing.T) {
	p := htmlExtra()
	pg := page.Page{P: p}
	var got []string
	for _, d := range p.Severities {
		got = append(got, string(d.Code)+"="+string(pg.Severity(d, true).Rank))
	}
	want := []string{"SEV-0=1", "SEV-1=2", "SEV-2=3", "SEV-3=4", "SEV-4=4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}

	// A P0 above the default P1 to P4 takes the strongest colour and
	// leaves P1 red and P2 amber; a declared tier wins.
	p.Severities = append([]incident.SeverityDef{{Code: "P0", Label: "Emergency", Level: 0}}, incident.DefaultScale()...)
	p.Severities = append(p.Severities, incident.SeverityDef{Code: "P5", Label: "Notice", Level: 5, Tier: incident.TierMedium})
	pg = page.Page{P: p}
	got = got[:0]
	for _, d := range p.Severities {
		got = append(got, string(d.Code)+"="+string(pg.Severity(d, true).Rank))
	}
	want = []string{"P0=1", "P1=1", "P2=2", "P3=3", "P4=4", "P5=3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ranks with a P0 (-want +got):\n%s", diff)
	}
}

func TestHTMLAllocs(t *testing.T) {
	race.SkipAllocs(t)
	p := htmlBundled(t)
	var b bytes.Buffer
	for _, tt := range []struct {
		name string
		opts []Option
		max  float64
	}{
		{"default", nil, 0},
		{"fragment+jsonld", []Option{Fragment(), JSONLD(), HeadingOffset(2)}, 0},
		// full.yaml's back link, "../index.html?from=incidents&x=<y>#top",
		// is outside htmlSafeHref's fast path: net/url parses it.
		{"full", nil, 1},
		{"filtered", []Option{Roles(incident.LedResolution), Sort(BySeverity)}, 1},
	} {
		q := p
		if tt.name == "full" {
			q = htmlFull(t)
		}
		b.Reset()
		if err := HTML(&b, q, tt.opts...); err != nil {
			t.Fatal(err)
		}
		b.Grow(2 * b.Len())
		allocs := testing.AllocsPerRun(100, func() {
			b.Reset()
			if err := HTML(&b, q, tt.opts...); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > tt.max {
			t.Errorf("%s: %v allocations a render, want at most %v", tt.name, allocs, tt.max)
		}
	}
}

func TestHTMLWriterErrors(t *testing.T) {
	p := htmlFull(t)
	size := len(renderHTML(t, p, JSONLD()))
	rendertest.CheckFailingWriter(t, size, func(w io.Writer) error { return HTML(w, p, JSONLD()) })
}

// TestHTMLOddInput checks that nothing panics on portfolios Validate would
// refuse, and on odd options.
func TestHTMLOddInput(t *testing.T) {
	odd := htmlExtra()
	odd.Severities = nil
	odd.Roles = nil
	odd.Incidents[0].Situation = nil
	odd.Incidents[1].When = incident.Period{End: incident.Date{Year: 2020}}
	odd.Lessons = incident.Lessons{Items: []string{""}}
	for _, p := range []incident.Portfolio{{}, {Incidents: make([]incident.Incident, 3)}, odd, htmlHostilePortfolio()} {
		for _, opts := range [][]Option{nil, {nil}, {HeadingOffset(-3)}, {HeadingOffset(99), Fragment(), JSONLD()}, {IDs(), Roles(), Tags()}} {
			var b bytes.Buffer
			if err := HTML(&b, p, opts...); err != nil {
				t.Fatal(err)
			}
			if _, err := html.Parse(&b); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestHTMLLang: the tag goes where it belongs, as written; without one a
// page says "en" and a fragment nothing. (TestLangTag, in
// formats_test.go, checks the values Lang refuses.)
func TestHTMLLang(t *testing.T) {
	tag35 := "zh-" + strings.Repeat("Hant", 8)
	for _, c := range []struct {
		tag            string
		page, fragment string // the start of each
	}{
		{"", `<html lang="en">`, `<section class="incident-portfolio">`},
		{"de", `<html lang="de">`, `<section class="incident-portfolio" lang="de">`},
		{"FR-ca", `<html lang="FR-ca">`, `<section class="incident-portfolio" lang="FR-ca">`},
		{"zh-Hant-TW", `<html lang="zh-Hant-TW">`, `<section class="incident-portfolio" lang="zh-Hant-TW">`},
		{tag35, `<html lang="` + tag35 + `">`, `<section class="incident-portfolio" lang="` + tag35 + `">`},
	} {
		var page, fragment bytes.Buffer
		if err := HTML(&page, htmlExtra(), Lang(c.tag)); err != nil {
			t.Fatal(err)
		}
		if err := HTML(&fragment, htmlExtra(), Lang(c.tag), Fragment()); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page.String(), "\n"+c.page+"\n") {
			t.Errorf("Lang(%q): the page does not hold %s", c.tag, c.page)
		}
		if !strings.HasPrefix(fragment.String(), c.fragment+"\n") {
			t.Errorf("Lang(%q): the fragment does not start %s", c.tag, c.fragment)
		}
	}
}

// TestHTMLOneIncidentTitle: a page of the one incident IDs names has the
// incident's title in its <title>, escaped; any other selection has the
// portfolio's alone.
func TestHTMLOneIncidentTitle(t *testing.T) {
	p := incident.Portfolio{
		Title: "Incidents <&>",
		Incidents: []incident.Incident{
			{ID: "a", Title: "Disk </title> full", Role: incident.CausedAndFixed, Severity: "P2"},
			{ID: "b", Title: "DNS", Role: incident.LedResolution, Severity: "P1"},
		},
	}
	untitled := p
	untitled.Title = ""
	for _, c := range []struct {
		p     incident.Portfolio
		opts  []Option
		title string
	}{
		{p, nil, "<title>Incidents &lt;&amp;&gt;</title>"},
		{p, []Option{IDs("a")}, "<title>Disk &lt;/title&gt; full · Incidents &lt;&amp;&gt;</title>"},
		{untitled, []Option{IDs("b")}, "<title>DNS</title>"},
		{p, []Option{IDs("a", "b")}, "<title>Incidents &lt;&amp;&gt;</title>"},
		{p, []Option{IDs("a", "a")}, "<title>Incidents &lt;&amp;&gt;</title>"},
		{p, []Option{IDs()}, "<title>Incidents &lt;&amp;&gt;</title>"},
		{p, []Option{Severities("P1")}, "<title>Incidents &lt;&amp;&gt;</title>"},
		{p, []Option{IDs("a"), Roles(incident.LedResolution)}, "<title>Incidents &lt;&amp;&gt;</title>"},
	} {
		var b bytes.Buffer
		if err := HTML(&b, c.p, c.opts...); err != nil {
			t.Fatal(err)
		}
		if got := regexp.MustCompile(`<title>.*</title>`).FindString(b.String()); got != c.title {
			t.Errorf("%d options: got %s, want %s", len(c.opts), got, c.title)
		}
		b.Reset()
		if err := HTML(&b, c.p, append(c.opts, Fragment())...); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "<title>") {
			t.Errorf("%d options: a fragment holds a <title>", len(c.opts))
		}
	}
}

// TestHTMLNoHeader: with no title, tagline or back link there is no
// empty heading or header, as Markdown and Text write none.
func TestHTMLNoHeader(t *testing.T) {
	for _, c := range []struct {
		p          incident.Portfolio
		header, h1 bool
	}{
		{incident.Portfolio{}, false, false},
		{incident.Portfolio{Tagline: "page.Only a tagline"}, true, false},
		{incident.Portfolio{Back: incident.Link{Text: "Back", Href: "/"}}, true, false},
		{incident.Portfolio{Title: "T"}, true, true},
	} {
		for _, opts := range [][]Option{nil, {Fragment()}} {
			var b bytes.Buffer
			if err := HTML(&b, c.p, opts...); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(b.String(), "<header>"); got != c.header {
				t.Errorf("%+v, %d options: <header> %v, want %v", c.p, len(opts), got, c.header)
			}
			if got := strings.Contains(b.String(), "<h1"); got != c.h1 {
				t.Errorf("%+v, %d options: <h1> %v, want %v", c.p, len(opts), got, c.h1)
			}
		}
	}
}

func TestHTMLConcurrent(t *testing.T) {
	p := htmlFull(t)
	want := renderHTML(t, p, JSONLD())
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var b bytes.Buffer
				// An io.Writer that is neither a *bytes.Buffer nor a *bufio.Writer gets a bufio.Writer of its own.
				if err := HTML(struct{ io.Writer }{&b}, p, JSONLD()); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(b.Bytes(), want) {
					t.Error("concurrent renders differ")
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestHTMLStyle checks the stylesheet: every text colour has a contrast of
// at least 4.5:1 on its background, 3:1 for the focus ring, in the light
// scheme and in the dark; every colour is a custom property the table
// below checks; and the layout rules the page relies on are there.
func TestHTMLStyle(t *testing.T) {
	pairs := []struct {
		fg, bg string
		min    float64
	}{
		{"fg", "bg", 4.5}, {"fg", "card-bg", 4.5}, {"muted-fg", "bg", 4.5}, {"muted-fg", "card-bg", 4.5},
		{"link-fg", "bg", 4.5}, {"link-fg", "card-bg", 4.5}, {"focus-fg", "bg", 3}, {"focus-fg", "card-bg", 3},
		{"role-fg", "role-bg", 4.5}, {"caused-fg", "caused-bg", 4.5}, {"led-fg", "led-bg", 4.5},
		{"sev1-fg", "sev1-bg", 4.5}, {"sev2-fg", "sev2-bg", 4.5}, {"sev3-fg", "sev3-bg", 4.5}, {"sev4-fg", "sev4-bg", 4.5},
		{"term-fg", "term-bg", 4.5}, {"term-muted-fg", "term-bg", 4.5}, {"term-accent-fg", "term-bg", 4.5},
		{"term-muted-fg", "term-bar-bg", 4.5},
		// The timeline's states, as words on the card and as markers on it.
		{"down-fg", "card-bg", 4.5}, {"degraded-fg", "card-bg", 4.5}, {"recovered-fg", "card-bg", 4.5},
	}
	decorative := []string{"border"}

	css := HTMLStyle()
	decl := regexp.MustCompile(`--([a-z0-9-]+):\s*(#[0-9a-f]{6});`)
	schemes := map[string]map[string]string{"light": {}, "dark": {}}
	// The page's palettes, then the timeline's, each a light one followed
	// by a dark one.
	for _, sheet := range []string{htmlStyle, htmlTimelineStyle} {
		light, after, ok := strings.Cut(sheet, "@media (prefers-color-scheme: dark) {")
		if !ok {
			t.Fatal("no dark scheme")
		}
		dark, _, _ := strings.Cut(after, "\n}\n")
		for name, block := range map[string]string{"light": light, "dark": dark} {
			for _, m := range decl.FindAllStringSubmatch(block, -1) {
				schemes[name][m[1]] = m[2]
			}
		}
	}
	if diff := cmp.Diff(htmlKeys(schemes["light"]), htmlKeys(schemes["dark"])); diff != "" {
		t.Errorf("the schemes define different colours (-light +dark):\n%s", diff)
	}
	checked := map[string]bool{}
	for _, d := range decorative {
		checked[d] = true
	}
	for _, p := range pairs {
		checked[p.fg], checked[p.bg] = true, true
		for name, vars := range schemes {
			fg, bg := vars[p.fg], vars[p.bg]
			if fg == "" || bg == "" {
				t.Errorf("%s: --%s or --%s is not defined", name, p.fg, p.bg)
				continue
			}
			if r := htmlContrast(fg, bg); r < p.min {
				t.Errorf("%s: --%s %s on --%s %s has contrast %.2f, want at least %v", name, p.fg, fg, p.bg, bg, r, p.min)
			}
		}
	}
	for v := range schemes["light"] {
		if !checked[v] {
			t.Errorf("--%s is not in the contrast table", v)
		}
	}
	for _, m := range regexp.MustCompile(`var\(--([a-z0-9-]+)\)`).FindAllStringSubmatch(css, -1) {
		if _, ok := schemes["light"][m[1]]; !ok {
			t.Errorf("var(--%s) is not defined", m[1])
		}
	}
	// Outside the custom properties, the only colour is the print's black.
	rest := decl.ReplaceAllString(css, "")
	for _, m := range regexp.MustCompile(`#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(`).FindAllString(rest, -1) {
		if m != "#000" {
			t.Errorf("colour %s outside the custom properties", m)
		}
	}
	_, print, _ := strings.Cut(css, "@media print {")
	for _, rule := range []string{"color: #000 !important", "background: none !important", "break-inside: avoid", `content: " (" attr(href) ")"`} {
		if !strings.Contains(print, rule) {
			t.Errorf("the print style lacks %q", rule)
		}
	}
	for _, rule := range []string{":focus-visible { outline: 3px solid", "overflow-wrap: anywhere", "white-space: pre-wrap", "max-width: 48rem", "system-ui"} {
		if !strings.Contains(css, rule) {
			t.Errorf("the style lacks %q", rule)
		}
	}
	for _, bad := range []string{"@import", "url(", "@font-face", "expression("} {
		if strings.Contains(css, bad) {
			t.Errorf("the style holds %q", bad)
		}
	}
}

func htmlKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// contrast returns the WCAG contrast ratio of two #rrggbb colours.
func htmlContrast(a, b string) float64 {
	la, lb := htmlLuminance(a), htmlLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func htmlLuminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

func TestHTMLContrastFormula(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#777777", "#ffffff", 4.48}} {
		if got := htmlContrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	for _, bm := range []struct {
		name string
		p    incident.Portfolio
	}{{"bundled", htmlBundled(b)}, {"full", htmlFull(b)}} {
		page := renderHTML(b, bm.p)
		var buf bytes.Buffer
		buf.Grow(2 * len(page))
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := HTML(&buf, bm.p); err != nil {
					b.Fatal(err)
				}
			}
		})
		// The floor: one Write of the same bytes.
		b.Run(bm.name+"/write", func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				buf.Reset()
				buf.Write(page)
			}
		})
	}
}

func BenchmarkHTMLEscape(b *testing.B) {
	p := htmlBundled(b)
	var text []string
	for _, in := range p.Incidents {
		for _, s := range in.Sections() {
			text = append(text, s.Paragraphs...)
		}
	}
	n := 0
	for _, s := range text {
		n += len(s)
	}
	h := htmlScratch()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range text {
			h.text(s)
		}
		h.B = h.B[:0] // the buffer's spare room, written over
	}
}

// TestHTMLBackArrow: the back link shows one arrow, its own when its text
// starts with one.
func TestHTMLBackArrow(t *testing.T) {
	for _, text := range []string{"Back to Home", "← Back to Home", "←Home"} {
		p := incident.Portfolio{Title: "T", Back: incident.Link{Text: text, Href: "/"}}
		page := string(renderHTML(t, p))
		back := page[strings.Index(page, `<p class="back">`):]
		back = back[:strings.Index(back, "</p>")]
		if n := strings.Count(back, "←"); n != 1 || !strings.Contains(back, text) {
			t.Errorf("back text %q: %d arrows in %s", text, n, back)
		}
	}
}
