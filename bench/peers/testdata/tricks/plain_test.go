package render

// Not committed: the renderers at 1k writing to a writer that is neither
// a *bytes.Buffer nor a *bufio.Writer, where the pools serve.

import (
	"io"
	"testing"
)

type plainWriter struct{ io.Writer }

func BenchmarkPlainWriter(b *testing.B) {
	p := benchPortfolio(1000)
	for _, f := range baselines {
		b.Run(f.name+"/1k", func(b *testing.B) {
			w := plainWriter{io.Discard}
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if err := f.render(w, p); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}
