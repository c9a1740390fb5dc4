package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Two rounds: the ratios are taken within each, so the second round's
// slower machine changes nothing.
const sample = `goos: linux
BenchmarkRender/html/1k/impl=render    	 100	  1000 ns/op	 10.00 MB/s
BenchmarkRender/html/1k/impl=baseline  	  10	 30000 ns/op	  0.33 MB/s
BenchmarkRender/html/1k/impl=write     	1000	   100 ns/op	100.00 MB/s
BenchmarkRenderStream/html/1k          	 100	  1100 ns/op
PASS
BenchmarkRender/html/1k/impl=render    	 100	  2000 ns/op	  5.00 MB/s
BenchmarkRender/html/1k/impl=baseline  	  10	 50000 ns/op	  0.20 MB/s
BenchmarkRender/html/1k/impl=write     	1000	   300 ns/op	 33.00 MB/s
BenchmarkRenderStream/html/1k          	 100	  1300 ns/op
`

func TestRatios(t *testing.T) {
	rs, err := parse(strings.NewReader(sample), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := ratios(&b, rs); err != nil {
		t.Fatal(err)
	}
	want := `| benchmark | render ns/op (median) | × baseline | % of one Write |
|---|---:|---:|---:|
| Render/html/1k | 1500 | 27.5× (25.0–30.0) | 12.5 % (10.0–15.0) |
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCompare(t *testing.T) {
	old, err := parse(strings.NewReader(sample), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := parse(strings.NewReader(strings.ReplaceAll(sample, " 1100 ns/op", " 550 ns/op")), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := compare(&b, old, cur); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| RenderStream/html/1k | 1200 | 925 | 1.50× (1.00–2.00) | 1.25–1.75 |") {
		t.Errorf("compare wrote:\n%s", b.String())
	}
}

func TestAgainst(t *testing.T) {
	const peers = `BenchmarkPeers/1k/render     	 10	  1000 ns/op	  0 B/op	  0 allocs/op
BenchmarkPeers/1k/templ      	 10	  9000 ns/op	 99 B/op	 70 allocs/op
BenchmarkPeers/1k/render     	 10	  2000 ns/op	  3 B/op	  0 allocs/op
BenchmarkPeers/1k/templ      	 10	 12000 ns/op	 99 B/op	 70 allocs/op
BenchmarkPeers/1k/render     	 10	  1000 ns/op	  0 B/op	  0 allocs/op
BenchmarkPeers/1k/templ      	 10	 11000 ns/op	 99 B/op	 72 allocs/op
BenchmarkOther/1k/templ      	 10	 11000 ns/op
`
	rs, err := parse(strings.NewReader(peers), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := against(&b, rs, "render"); err != nil {
		t.Fatal(err)
	}
	want := `| benchmark | ns/op | allocs/op | ÷ render | quartiles |
|---|---:|---:|---:|---:|
| Peers/1k/render | 1000 | 0 | 1.00× (1.00–1.00) | 1.00–1.00 |
| Peers/1k/templ | 11000 | 70 | 9.00× (6.00–11.00) | 7.50–10.00 |
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	rs.ns["Peers/1k/templ"] = rs.ns["Peers/1k/templ"][:2]
	if err := against(new(strings.Builder), rs, "render"); err == nil {
		t.Error("against took two rounds of templ and three of render")
	}
}

func TestUnit(t *testing.T) {
	const cpu = `BenchmarkPeers/1k/render 10 1000 ns/op 900 cpu-ns/op 0 B/op 0 allocs/op
BenchmarkPeers/1k/templ 10 9000 ns/op 2700 cpu-ns/op 99 B/op 70 allocs/op
BenchmarkPeers/1k/write 10 90 ns/op
`
	rs, err := parse(strings.NewReader(cpu), "cpu-ns/op")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Peers/1k/render", "Peers/1k/templ"}, rs.order); diff != "" {
		t.Errorf("benchmarks with cpu-ns/op (-want +got):\n%s", diff)
	}
	if got := rs.ns["Peers/1k/templ"]; len(got) != 1 || got[0] != 2700 {
		t.Errorf("templ's cpu-ns/op: %v, want [2700]", got)
	}
}

func TestQuantile(t *testing.T) {
	xs := []float64{6, 1, 5, 2, 4, 3}
	for _, tt := range []struct{ q, want float64 }{{0, 1}, {0.25, 2.25}, {0.5, 3.5}, {0.75, 4.75}, {1, 6}} {
		if got := quantile(xs, tt.q); got != tt.want {
			t.Errorf("quantile(%v, %v) = %v, want %v", xs, tt.q, got, tt.want)
		}
	}
}

func TestRatiosMissingRound(t *testing.T) {
	rs, err := parse(strings.NewReader(sample+"BenchmarkRender/html/1k/impl=render 100 1000 ns/op\n"), "ns/op")
	if err != nil {
		t.Fatal(err)
	}
	if err := ratios(new(strings.Builder), rs); err == nil {
		t.Error("ratios took three rounds of render and two of its baseline")
	}
}

// TestCommittedRounds checks that the rounds BENCHMARKS.md's tables come
// from are whole: six rounds of every format and size, each with its
// baseline and its Write.
func TestCommittedRounds(t *testing.T) {
	for _, name := range []string{"../testdata/history/render-before.txt", "../testdata/history/render-after.txt"} {
		rs := read(name)
		var b strings.Builder
		if err := ratios(&b, rs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rows := strings.Count(b.String(), "\n") - 2; rows != 12 {
			t.Errorf("%s: %d formats and sizes, want 12:\n%s", name, rows, b.String())
		}
		for _, b := range rs.order {
			if n := len(rs.ns[b]); n != 6 {
				t.Errorf("%s: %s has %d rounds, want 6", name, b, n)
			}
		}
	}
}
