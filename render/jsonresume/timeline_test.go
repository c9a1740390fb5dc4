package jsonresume

import (
	"bufio"
	"bytes"
	"io"
	"testing"

	"github.com/incident-leadership/portfolio/internal/race"
)

// TestTimelineGolden writes testdata/timeline.yaml of the repository and
// compares it with testdata/timeline.golden.json; -update rewrites it.
// It gives the times to detect, mitigate and resolve as ISO 8601
// durations.
func TestTimelineGolden(t *testing.T) {
	p := jsonFixture(t, "../../testdata/timeline.yaml")
	doc := renderJSONResume(t, p)
	if !bytes.Contains(doc, []byte(`"timeToMitigate": "PT46M"`)) {
		t.Error("no time to mitigate")
	}
	golden(t, "timeline.golden.json", doc)
}

// TestTimelineAllocs checks that writing timelines allocates nothing,
// into a buffer with room.
func TestTimelineAllocs(t *testing.T) {
	race.SkipAllocs(t)
	p := jsonFixture(t, "../../testdata/timeline.yaml")
	bw := bufio.NewWriterSize(io.Discard, 1<<16)
	allocs := testing.AllocsPerRun(20, func() {
		bw.Reset(io.Discard)
		if err := Write(bw, p); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations a write of timelines, want 0", allocs)
	}
}
