package render

// Benchmarks of every format at three sizes, against its baseline and the
// physical limit, and the tests that keep the renderers free of
// allocations. BENCHMARKS.md at the root of the repository has the
// commands and the figures.

import (
	"bufio"
	"bytes"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/race"
	"github.com/incident-leadership/portfolio/internal/synth"
)

// benchSizes are the portfolios benchmarked: the seed page and synthetic
// ones of a thousand and ten thousand incidents.
var benchSizes = []struct {
	name string
	n    int // 0 for the seed
}{{"seed", 0}, {"1k", 1000}, {"10k", 10000}}

var benchCache sync.Map // n → incident.Portfolio

// benchPortfolio returns the seed page for n == 0, else synth.Portfolio(n),
// made once.
func benchPortfolio(n int) incident.Portfolio {
	if n == 0 {
		return portfolio.Page()
	}
	if p, ok := benchCache.Load(n); ok {
		return p.(incident.Portfolio)
	}
	p, _ := benchCache.LoadOrStore(n, synth.Portfolio(n))
	return p.(incident.Portfolio)
}

// BenchmarkRender measures each format at each size three ways, as the
// sub-benchmark key impl says: the renderer (impl=render), its baseline
// writing the same bytes (impl=baseline; see baseline_test.go), and one
// Write of the finished bytes (impl=write), the physical limit. All three
// write into a bytes.Buffer with room, reset each time, and count the
// renderer's bytes, so their MB/s compare. Compare them with
//
//	benchstat -col /impl
func BenchmarkRender(b *testing.B) {
	for _, f := range baselines {
		for _, size := range benchSizes {
			for _, impl := range []string{"render", "baseline", "write"} {
				b.Run(f.name+"/"+size.name+"/impl="+impl, func(b *testing.B) {
					p := benchPortfolio(size.n)
					var page bytes.Buffer
					if err := f.render(&page, p); err != nil {
						b.Fatal(err)
					}
					buf := bytes.NewBuffer(make([]byte, 0, 2*page.Len()))
					run := func() error { return f.render(buf, p) }
					switch impl {
					case "baseline":
						run = func() error { return f.baseline(buf, &p) }
					case "write":
						run = func() error { _, err := buf.Write(page.Bytes()); return err }
					}
					b.SetBytes(int64(page.Len()))
					b.ReportAllocs()
					cpu := cpuTime()
					for b.Loop() {
						buf.Reset()
						if err := run(); err != nil {
							b.Fatal(err)
						}
					}
					reportCPU(b, cpu)
				})
			}
		}
	}
}

// loadedCache holds the synthetic portfolios as the loader returns them.
var loadedCache sync.Map // n → incident.Portfolio

// loadedPortfolio returns synth.Portfolio(n) written as a content file and
// read back with load.Bytes, made once: its text lies in memory in the
// order of the file, as the loader lays it out, where synth.Portfolio's
// lies wherever the heap put each string.
func loadedPortfolio(b testing.TB, n int) incident.Portfolio {
	if p, ok := loadedCache.Load(n); ok {
		return p.(incident.Portfolio)
	}
	data, err := synth.YAML(benchPortfolio(n))
	if err != nil {
		b.Fatal(err)
	}
	p, err := load.Bytes("synth.yaml", data)
	if err != nil {
		b.Fatal(err)
	}
	loadedCache.Store(n, p)
	return p
}

// BenchmarkRenderLoaded is BenchmarkRender's impl=render for portfolios
// as the loader returns them (loadedPortfolio), at 1k and 10k: the
// renderers' work is the same, and the difference from BenchmarkRender is
// where the text lies in memory.
func BenchmarkRenderLoaded(b *testing.B) {
	for _, f := range baselines {
		for _, size := range benchSizes[1:] {
			b.Run(f.name+"/"+size.name, func(b *testing.B) {
				p := loadedPortfolio(b, size.n)
				var page bytes.Buffer
				if err := f.render(&page, p); err != nil {
					b.Fatal(err)
				}
				if want := renderBytes(b, f, benchPortfolio(size.n)); !bytes.Equal(page.Bytes(), want) {
					b.Fatal("the loaded portfolio renders differently from the synthetic one")
				}
				buf := bytes.NewBuffer(make([]byte, 0, 2*page.Len()))
				b.SetBytes(int64(page.Len()))
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					buf.Reset()
					if err := f.render(buf, p); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// renderBytes returns the page f draws of p.
func renderBytes(b testing.TB, f baseline, p incident.Portfolio) []byte {
	var page bytes.Buffer
	if err := f.render(&page, p); err != nil {
		b.Fatal(err)
	}
	return page.Bytes()
}

// reportCPU reports the CPU time per operation since start, as
// cpu-ns/op: unlike ns/op, it does not count the time the benchmark
// waited while other processes ran, and so is steadier on a shared
// machine.
func reportCPU(b *testing.B, start time.Duration) {
	if start > 0 && b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkRenderStream measures the renderers writing through a 64 KiB
// bufio.Writer to io.Discard, as to a file or a socket: unlike
// BenchmarkRender, the page never sits whole in memory, so the page of
// ten thousand incidents stays in the caches as the page of a thousand
// does, and the two compare for linearity alone.
func BenchmarkRenderStream(b *testing.B) {
	for _, f := range baselines {
		for _, size := range benchSizes[1:] {
			b.Run(f.name+"/"+size.name, func(b *testing.B) {
				p := benchPortfolio(size.n)
				var page bytes.Buffer
				if err := f.render(&page, p); err != nil {
					b.Fatal(err)
				}
				bw := bufio.NewWriterSize(io.Discard, 64<<10)
				b.SetBytes(int64(page.Len()))
				b.ReportAllocs()
				cpu := cpuTime()
				for b.Loop() {
					bw.Reset(io.Discard)
					if err := f.render(bw, p); err != nil {
						b.Fatal(err)
					}
					if err := bw.Flush(); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu)
			})
		}
	}
}

// selectOptions filter and sort: they cost one allocation, the index of
// the selection.
var selectOptions = []Option{Roles(incident.LedResolution, incident.CausedAndFixed), Severities(incident.P1, incident.P2, incident.P3), Sort(BySeverity)}

// BenchmarkRenderSelect measures the renderers with selectOptions, at a
// thousand incidents.
func BenchmarkRenderSelect(b *testing.B) {
	p := benchPortfolio(1000)
	for _, f := range baselines {
		var page bytes.Buffer
		if err := f.render(&page, p, selectOptions...); err != nil {
			b.Fatal(err)
		}
		buf := bytes.NewBuffer(make([]byte, 0, 2*page.Len()))
		b.Run(f.name+"/1k", func(b *testing.B) {
			b.SetBytes(int64(page.Len()))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				buf.Reset()
				if err := f.render(buf, p, selectOptions...); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
		})
	}
}

// TestRenderAllocs checks that no renderer allocates when its writer has
// room for the page, a *bytes.Buffer or a *bufio.Writer, whatever the
// number of incidents; and that filtering and sorting cost at most one
// allocation.
func TestRenderAllocs(t *testing.T) {
	race.SkipAllocs(t)
	p := benchPortfolio(1000)
	for _, f := range baselines {
		for _, tt := range []struct {
			name string
			opts []Option
			max  float64
		}{{"default", nil, 0}, {"select", selectOptions, 1}} {
			var page bytes.Buffer
			if err := f.render(&page, p, tt.opts...); err != nil {
				t.Fatal(err)
			}
			buf := bytes.NewBuffer(make([]byte, 0, page.Len()+1<<10))
			bw := bufio.NewWriterSize(io.Discard, page.Len()+1<<10)
			for _, w := range []struct {
				name  string
				reset func()
				w     io.Writer
			}{{"bytes.Buffer", buf.Reset, buf}, {"bufio.Writer", func() { bw.Reset(io.Discard) }, bw}} {
				allocs := testing.AllocsPerRun(20, func() {
					w.reset()
					if err := f.render(w.w, p, tt.opts...); err != nil {
						t.Fatal(err)
					}
				})
				if allocs > tt.max {
					t.Errorf("%s, %s, into a %s: %v allocations a render, want at most %v", f.name, tt.name, w.name, allocs, tt.max)
				}
			}
			// The page is the same through either writer.
			if got := buf.Bytes(); !bytes.Equal(got, page.Bytes()) {
				t.Errorf("%s, %s: the render into a buffer with room differs:\n%s", f.name, tt.name, firstDiff(page.Bytes(), got))
			}
		}
	}
}

// TestRenderAllocsLarge checks that the renderers do not allocate at ten
// thousand incidents either, into a buffer with room.
func TestRenderAllocsLarge(t *testing.T) {
	race.SkipAllocs(t)
	p := benchPortfolio(10000)
	for _, f := range baselines {
		var page bytes.Buffer
		if err := f.render(&page, p); err != nil {
			t.Fatal(err)
		}
		buf := bytes.NewBuffer(make([]byte, 0, page.Len()+1<<10))
		allocs := testing.AllocsPerRun(3, func() {
			buf.Reset()
			if err := f.render(buf, p); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %v allocations a render of 10,000 incidents, want 0", f.name, allocs)
		}
	}
}

// TestRenderLinear checks that the page of ten thousand incidents is ten
// times the page of a thousand, give or take the parts every page has,
// so that the benchmarks at the two sizes measure comparable work.
func TestRenderLinear(t *testing.T) {
	for _, f := range baselines {
		var small, large bytes.Buffer
		if err := f.render(&small, benchPortfolio(1000)); err != nil {
			t.Fatal(err)
		}
		if err := f.render(&large, benchPortfolio(10000)); err != nil {
			t.Fatal(err)
		}
		if r := float64(large.Len()) / float64(small.Len()); r < 9.5 || r > 10.5 {
			t.Errorf("%s: the 10k page is %.2f times the 1k page (%d and %d bytes), want about 10", f.name, r, large.Len(), small.Len())
		}
	}
}
