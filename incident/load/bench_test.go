package load_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
)

// BenchmarkLoad measures load.Bytes (parse, decode, validate) on content
// files of n synthetic incidents. BENCHMARKS.md at the root of the
// repository has the commands and the figures.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data, err := synth.YAML(synth.Portfolio(n))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := load.Bytes("synth.yaml", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadJSON measures load.Bytes on the same content files as
// BenchmarkLoad, written as JSON by encoding/json, on one line as
// JSON.stringify writes them.
func BenchmarkLoadJSON(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			data, err := json.Marshal(synth.Portfolio(n))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := load.Bytes("synth.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
