package conformance

// The checks every HTML page of the project gets: the W3C Nu HTML Checker,
// and Debian's Chromium with axe-core, a phone's width and print.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Page is an HTML page, a file under the directory a check is given, and
// the IDs of the incidents it shows.
type Page struct {
	Path string // slash-separated, relative to the directory
	IDs  []string
	// Scheme is the colour scheme the page forces on the portfolio with
	// data-theme, "light" or "dark", or "" when it follows the reader's.
	Scheme string
}

// Screenshot asks CheckBrowser for a PNG of a page.
type Screenshot struct {
	Page          string // slash-separated, relative to the directory
	Path          string // where to write the PNG
	Scheme        string // "light" or "dark"
	Width, Height int    // the viewport, in CSS px
}

// control is the negative control for the HTML checks: a page broken on
// purpose, which every check must find fault with.
const control = "broken.html"

func controlPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Root(t), ".ci", "conformance", control))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"` // error, or non-document-error when vnu could not read a file
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	FirstCol int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

func (m vnuMessage) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s (%q)", path.Base(m.URL), m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract)
}

// CheckHTML runs the W3C Nu HTML Checker (vnu) on the pages, files under
// dir: each must get no error, and the control page, copied into dir for
// the run, at least one.
func CheckHTML(t *testing.T, dir string, pages []Page) {
	t.Helper()
	node := FindNode(t, "vnu-jar")
	java := FindJava(t)
	jar := node.Module("vnu-jar", "build", "dist", "vnu.jar")
	if err := os.WriteFile(filepath.Join(dir, control), controlPage(t), 0o644); err != nil {
		t.Fatal(err)
	}

	v, _ := Output(t, exec.Command(java, "-jar", jar, "--version"))
	t.Logf("vnu %s", strings.TrimSpace(string(v)))

	// vnu exits 1 when it finds errors, which the control guarantees; its
	// report goes to stderr.
	args := []string{"-jar", jar, "--format", "json", "--errors-only"}
	for _, p := range pages {
		args = append(args, p.Path)
	}
	cmd := exec.Command(java, append(args, control)...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal([]byte(stderr.String()), &report); jerr != nil {
		t.Fatalf("vnu: %v; its output is not JSON: %v\n%s", err, jerr, stderr.String())
	}
	byFile := map[string][]vnuMessage{}
	for _, m := range report.Messages {
		rel, _ := filepath.Rel(dir, strings.TrimPrefix(m.URL, "file:"))
		byFile[filepath.ToSlash(rel)] = append(byFile[filepath.ToSlash(rel)], m)
	}
	for _, p := range pages {
		t.Run(p.Path, func(t *testing.T) {
			for _, m := range byFile[p.Path] {
				t.Errorf("vnu: %s:%d:%d: %s: %s (%q)", p.Path, m.LastLine, m.FirstCol, m.Type, m.Message, m.Extract)
			}
		})
	}
	t.Run("control", func(t *testing.T) {
		if len(byFile[control]) == 0 {
			t.Errorf("vnu found no error in %s, which is broken on purpose: the check is not working", control)
		}
		for _, m := range byFile[control] {
			t.Logf("vnu on the control (expected): %s", m)
		}
	})
	for f := range byFile {
		if f != control && !slices.ContainsFunc(pages, func(p Page) bool { return p.Path == f }) {
			t.Errorf("vnu reported on %s, which it was not asked about: %v", f, byFile[f])
		}
	}
}

// browserResult is what .ci/conformance/browser.mjs reports.
type browserResult struct {
	Chromium   string        `json:"chromium"`
	Playwright string        `json:"playwright"`
	Axe        string        `json:"axe"`
	Pages      []browserPage `json:"pages"`
}

type browserPage struct {
	Name     string `json:"name"`
	Problems []struct {
		Phase string `json:"phase"`
		Kind  string `json:"kind"`
		Text  string `json:"text"`
	} `json:"problems"`
	Axe map[string][]axeViolation `json:"axe"`
	// Background is the computed background colour of the portfolio's
	// element in each scheme, "" when the page has none.
	Background map[string]string `json:"background"`
	Narrow     struct {
		ScrollWidth int      `json:"scrollWidth"`
		ClientWidth int      `json:"clientWidth"`
		Wide        []string `json:"wide"`
		// LegendGroups counts the legend's groups; LegendBroken says
		// where one that fits a row does not keep to one.
		LegendGroups int      `json:"legendGroups"`
		LegendBroken []string `json:"legendBroken"`
	} `json:"narrow"`
	Print struct {
		Bytes  int    `json:"bytes"`
		Header string `json:"header"`
		Pages  int    `json:"pages"`
		Area   struct {
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		} `json:"area"`
		Overflow    bool `json:"overflow"`
		PDFArticles int  `json:"pdfArticles"`
		Articles    []struct {
			ID          string  `json:"id"`
			Height      float64 `json:"height"`
			BreakInside string  `json:"breakInside"`
			Fits        bool    `json:"fits"`
			PDFPages    []int   `json:"pdfPages"`
		} `json:"articles"`
	} `json:"print"`
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// phoneWidth is the viewport width of the narrow check, in CSS px.
const phoneWidth = 375

// CheckBrowser serves dir over http on the loopback, loads each of the pages
// in it in Debian's Chromium (one browser
// for the whole run) and checks what a reader gets: nothing fetched from
// elsewhere and no console error, no serious or critical axe-core
// violation in the light or the dark colour scheme, no horizontal scroll
// on a 375 px phone, and a PDF print in which no incident card that fits on
// a page is split across two.
//
// The print check reads the real PDF: Chromium prints a tagged PDF whose
// structure tree has one /Art element per <article>, and each piece of
// marked content in it names its page; a card is split when its content
// lands on more than one page. Whether a card fits on a page is measured
// in the print layout (print media, viewport as wide as the paper's
// printable area, A4 with 15 mm margins unless the page's @page rule sets
// its own). The control page must fail every one of these checks.
//
// It then takes the screenshots shots, if any.
func CheckBrowser(t *testing.T, dir string, pages []Page, shots ...Screenshot) {
	t.Helper()
	chromium := FindChromium(t)
	node := FindNode(t, "playwright-core", "axe-core")
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(dir)))
	broken := controlPage(t)
	mux.HandleFunc("/"+control, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(broken)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	type target struct {
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	req := struct {
		Chromium    string   `json:"chromium"`
		Origin      string   `json:"origin"`
		Pages       []target `json:"pages"`
		Screenshots []any    `json:"screenshots,omitempty"`
	}{Chromium: chromium, Origin: srv.URL}
	for _, p := range append(pages, Page{Path: control}) {
		req.Pages = append(req.Pages, target{p.Path, srv.URL + "/" + filepath.ToSlash(p.Path)})
	}
	for _, sh := range shots {
		abs, err := filepath.Abs(sh.Path)
		if err != nil {
			t.Fatal(err)
		}
		req.Screenshots = append(req.Screenshots, map[string]any{
			"url": srv.URL + "/" + sh.Page, "path": abs,
			"width": sh.Width, "height": sh.Height, "colorScheme": sh.Scheme,
		})
		t.Logf("screenshot of %s (%s scheme) written to %s", sh.Page, sh.Scheme, abs)
	}
	var res browserResult
	node.Run(t, "browser.mjs", req, &res)
	t.Logf("Chromium %s, playwright-core %s, axe-core %s", res.Chromium, res.Playwright, res.Axe)
	if len(res.Pages) != len(req.Pages) {
		t.Fatalf("browser.mjs reported %d pages, want %d", len(res.Pages), len(req.Pages))
	}

	for i, p := range res.Pages[:len(pages)] {
		if p.Name != pages[i].Path {
			t.Fatalf("browser.mjs reported page %d as %s, want %s", i, p.Name, pages[i].Path)
		}
		t.Run(p.Name, func(t *testing.T) {
			t.Run("requests and console", func(t *testing.T) {
				for _, pr := range p.Problems {
					report := t.Errorf
					if pr.Kind == "console warning" {
						report = t.Logf
					}
					report("%s (%s): %s", pr.Kind, pr.Phase, pr.Text)
				}
			})
			for _, scheme := range []string{"light", "dark"} {
				t.Run("axe "+scheme, func(t *testing.T) {
					vs, ok := p.Axe[scheme]
					if !ok {
						t.Fatalf("no axe result for the %s scheme", scheme)
					}
					checkScheme(t, pages[i].Scheme, scheme, p.Background[scheme])
					for _, v := range vs {
						report := t.Logf
						if v.Impact == "serious" || v.Impact == "critical" {
							report = t.Errorf
						}
						for _, n := range v.Nodes {
							report("axe %s (%s): %s: %s\n%s", v.ID, v.Impact, v.Help, n.Target, n.Summary)
						}
					}
				})
			}
			t.Run("phone width", func(t *testing.T) {
				n := p.Narrow
				if n.ClientWidth != phoneWidth {
					t.Errorf("at a %d px wide phone the page lays out %d px wide (is the viewport meta missing?)",
						phoneWidth, n.ClientWidth)
				}
				if n.ScrollWidth > n.ClientWidth {
					t.Errorf("at %d px the page scrolls sideways: scrollWidth %d > clientWidth %d; too wide: %q",
						phoneWidth, n.ScrollWidth, n.ClientWidth, n.Wide)
				}
				for _, b := range n.LegendBroken {
					t.Errorf("at %d px the legend breaks a group: %s", phoneWidth, b)
				}
			})
			t.Run("print", func(t *testing.T) {
				pr := p.Print
				if pr.Header != "%PDF-" || pr.Bytes < 1000 || pr.Pages < 1 {
					t.Fatalf("page.pdf gave %d bytes starting %q with %d pages, want a PDF",
						pr.Bytes, pr.Header, pr.Pages)
				}
				if pr.Overflow {
					t.Errorf("the print layout is wider than the paper's printable area (%.0f px), "+
						"so Chromium shrinks it", pr.Area.Width)
				}
				if pr.PDFArticles != len(pr.Articles) {
					t.Fatalf("the PDF's structure tree has %d articles, the page %d", pr.PDFArticles, len(pr.Articles))
				}
				wantIDs := slices.Sorted(slices.Values(pages[i].IDs))
				var gotIDs []string
				for _, a := range pr.Articles {
					gotIDs = append(gotIDs, a.ID)
					if !a.Fits {
						t.Logf("card %s is %.0f px high, more than a page (%.0f px): it may break",
							a.ID, a.Height, pr.Area.Height)
						continue
					}
					if len(a.PDFPages) != 1 {
						t.Errorf("card %s (%.0f px high, fits in %.0f px; break-inside: %s) "+
							"is split across PDF pages %v", a.ID, a.Height, pr.Area.Height, a.BreakInside, a.PDFPages)
					}
				}
				slices.Sort(gotIDs)
				if diff := cmp.Diff(wantIDs, gotIDs); diff != "" {
					t.Errorf("articles in print (-want +got):\n%s", diff)
				}
				t.Logf("%d PDF pages, %d bytes", pr.Pages, pr.Bytes)
			})
		})
	}

	t.Run("control", func(t *testing.T) {
		p := res.Pages[len(res.Pages)-1]
		kinds := map[string]bool{}
		for _, pr := range p.Problems {
			kinds[pr.Kind] = true
		}
		for _, k := range []string{"external request", "console error", "HTTP error"} {
			if !kinds[k] {
				t.Errorf("no %q found on the control page: the check is not working; found %v", k, p.Problems)
			}
		}
		for _, scheme := range []string{"light", "dark"} {
			var ids, lowContrast []string
			for _, v := range p.Axe[scheme] {
				if v.Impact == "serious" || v.Impact == "critical" {
					ids = append(ids, v.ID)
				}
				if v.ID == "color-contrast" {
					for _, n := range v.Nodes {
						lowContrast = append(lowContrast, n.Target)
					}
				}
			}
			for _, want := range []string{"color-contrast", "image-alt", "html-has-lang"} {
				if !slices.Contains(ids, want) {
					t.Errorf("axe (%s) did not report %s on the control page; it reported %q", scheme, want, ids)
				}
			}
			// .dark-only is faint in the dark scheme only: this proves
			// the page was really seen in each scheme.
			want := map[string][]string{"light": {".faint"}, "dark": {".faint", ".dark-only"}}[scheme]
			if diff := cmp.Diff(want, lowContrast); diff != "" {
				t.Errorf("axe color-contrast on the control page in the %s scheme (-want +got):\n%s", scheme, diff)
			}
		}
		if p.Narrow.ScrollWidth <= p.Narrow.ClientWidth || p.Narrow.ClientWidth == phoneWidth {
			t.Errorf("the control page has no viewport meta and a 1200 px wide block, "+
				"yet the phone check found scrollWidth %d, clientWidth %d",
				p.Narrow.ScrollWidth, p.Narrow.ClientWidth)
		}
		if len(p.Narrow.LegendBroken) != 2 {
			t.Errorf("the control page's legend group spans two rows and starts one with its separator, "+
				"yet the phone check found %q", p.Narrow.LegendBroken)
		}
		split := map[string][]int{}
		for _, a := range p.Print.Articles {
			split[a.ID] = a.PDFPages
		}
		if diff := cmp.Diff(map[string][]int{"fits": {1}, "split": {1, 2}}, split); diff != "" {
			t.Errorf("the control page's cards in the PDF (-want +got):\n%s", diff)
		}
	})
}

// checkScheme checks that the portfolio, whose background is bg (a CSS
// rgb() colour) when the reader prefers the scheme prefers, is drawn in
// the scheme the page forces, or else in the one the reader prefers.
func checkScheme(t *testing.T, forced, prefers, bg string) {
	t.Helper()
	if bg == "" {
		if forced != "" {
			t.Errorf("the page forces the %s scheme but has no portfolio", forced)
		}
		return
	}
	var r, g, b float64
	if _, err := fmt.Sscanf(bg, "rgb(%g, %g, %g)", &r, &g, &b); err != nil {
		t.Errorf("the portfolio's background %q is not an rgb() colour: %v", bg, err)
		return
	}
	got := "light"
	if 0.2126*r+0.7152*g+0.0722*b < 128 {
		got = "dark"
	}
	want := forced
	if want == "" {
		want = prefers
	}
	if got != want {
		t.Errorf("with the reader preferring %s, the portfolio's background is %s, a %s one; want %s",
			prefers, bg, got, want)
	}
}
