package peers

import (
	"bytes"
	"testing"

	"github.com/incident-leadership/portfolio/render"
)

// BenchmarkPeers measures render.HTML and the three peers drawing the
// same page (TestSamePage) of the seed portfolio and of 1,000 synthetic
// incidents, each into a bytes.Buffer with room for it, reset each time.
// All count render.HTML's bytes, so that their MB/s compare. Besides
// ns/op they report cpu-ns/op, the process's CPU time an operation, which
// leaves out the time spent waiting for a core on a shared machine.
// RESULTS.md has the commands and the figures.
func BenchmarkPeers(b *testing.B) {
	for _, f := range fixtures() {
		var page bytes.Buffer
		if err := render.HTML(&page, f.p); err != nil {
			b.Fatal(err)
		}
		for _, pr := range peers {
			b.Run(f.name+"/"+pr.name, func(b *testing.B) {
				buf := bytes.NewBuffer(make([]byte, 0, 2*page.Len()))
				b.SetBytes(int64(page.Len()))
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					buf.Reset()
					if err := pr.write(buf, &f.p); err != nil {
						b.Fatal(err)
					}
				}
				if cpu > 0 {
					b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}
