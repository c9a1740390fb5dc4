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
	rs, err := parse(strings.NewReader(sample))
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
	old, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := parse(strings.NewReader(strings.ReplaceAll(sample, " 1100 ns/op", " 550 ns/op")))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := compare(&b, old, cur); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| RenderStream/html/1k | 1200 | 925 | 1.5× (1.0–2.0) |") {
		t.Errorf("compare wrote:\n%s", b.String())
	}
}

func TestRatiosMissingRound(t *testing.T) {
	rs, err := parse(strings.NewReader(sample + "BenchmarkRender/html/1k/impl=render 100 1000 ns/op\n"))
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
	for _, name := range []string{"testdata/render-before.txt", "testdata/render-after.txt"} {
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
