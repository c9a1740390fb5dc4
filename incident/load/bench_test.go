package load_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
)

// BenchmarkLoad measures load.Bytes (parse, decode, validate) on content
// files of n synthetic incidents. BENCHMARKS.md at the root of the
// repository has the commands and the figures.
func BenchmarkLoad(b *testing.B) {
	benchLoad(b, "synth.yaml", synth.YAML)
}

// BenchmarkLoadJSON measures load.Bytes on the same portfolios written
// as JSON by encoding/json, on one line, as JSON.stringify writes them.
func BenchmarkLoadJSON(b *testing.B) {
	benchLoad(b, "synth.json", func(p incident.Portfolio) ([]byte, error) { return json.Marshal(p) })
}

// benchLoad measures load.Bytes on the portfolios of n synthetic
// incidents, as encode writes them, under name.
func benchLoad(b *testing.B, name string, encode func(incident.Portfolio) ([]byte, error)) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data, err := encode(synth.Portfolio(n))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := load.Bytes(name, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
