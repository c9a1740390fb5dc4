package render

import (
	"bufio"
	"bytes"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/render/internal/page"
)

// timelineFixture is testdata/timeline.yaml: times of day and timelines.
func timelineFixture(t testing.TB) incident.Portfolio {
	return fixture(t, "../testdata/timeline.yaml")
}

// TestTimelineGolden draws testdata/timeline.yaml in every format and
// compares each with its golden file, testdata/timeline.*.
func TestTimelineGolden(t *testing.T) {
	p := timelineFixture(t)
	t.Run("html", func(t *testing.T) {
		pg := renderHTML(t, p)
		checkHTML(t, pg, nil)
		if !bytes.Contains(pg, []byte(htmlTimelineStyle)) {
			t.Error("the page draws timelines without their style")
		}
		golden(t, "timeline.golden.html", htmlElideStyle(t, pg))
	})
	t.Run("markdown", func(t *testing.T) {
		src := renderMarkdown(t, p)
		checkMarkdownSafe(t, "timeline.yaml", src)
		golden(t, "timeline.golden.md", src)
	})
	t.Run("markdown site", func(t *testing.T) {
		// The front matter's date is the latest end, with its time and zone.
		src := renderMarkdown(t, p, SiteGenerator())
		checkFrontMatter(t, src, p)
		golden(t, "timeline-site.golden.md", src)
	})
	textGoldens(t, p, "timeline", nil)
	t.Run("nodetails", func(t *testing.T) {
		// Details(false) leaves out the timeline, and its style, too.
		pg := renderHTML(t, p, Details(false))
		for _, s := range []string{"<figure class=\"timeline\">", htmlTimelineStyle, "Time to detect"} {
			if bytes.Contains(pg, []byte(s)) {
				t.Errorf("the page holds %q", s)
			}
		}
	})
}

// TestTimesTo checks which of the times to detect, mitigate and resolve
// a timeline gives, and that every format shows them as the walk's
// length words, "7 minutes".
func TestTimesTo(t *testing.T) {
	p := timelineFixture(t)
	spans, n := page.TimesTo(&p.Incidents[0])
	var got []string
	for _, s := range spans[:n] {
		got = append(got, s.N.Label+" "+string(incident.AppendLength(nil, s.D)))
	}
	want := []string{"Time to detect 7 minutes", "Time to mitigate 46 minutes", "Time to resolve 1 hour 35 minutes"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("times (-want +got):\n%s", diff)
	}
	if _, n := page.TimesTo(&p.Incidents[1]); n != 0 {
		t.Errorf("a timeline without kinds gives %d times, want 0", n)
	}
	for name, pg := range map[string][]byte{
		"html":     renderHTML(t, p),
		"markdown": renderMarkdown(t, p),
		"text":     renderText(t, p),
	} {
		if !bytes.Contains(pg, []byte("46 minutes")) {
			t.Errorf("%s: no time to mitigate", name)
		}
	}
}

// TestTimelineAllocs checks that drawing timelines allocates nothing in
// HTML, Markdown and text, into a buffer with room (package jsonresume
// checks JSON).
func TestTimelineAllocs(t *testing.T) {
	race.SkipAllocs(t)
	p := timelineFixture(t)
	for _, f := range []struct {
		name   string
		render func(io.Writer, incident.Portfolio, ...Option) error
	}{{"html", HTML}, {"markdown", Markdown}, {"text", Text}} {
		bw := bufio.NewWriterSize(io.Discard, 1<<16)
		allocs := testing.AllocsPerRun(20, func() {
			bw.Reset(io.Discard)
			if err := f.render(bw, p); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations a render of timelines, want 0", f.name, allocs)
		}
	}
}
