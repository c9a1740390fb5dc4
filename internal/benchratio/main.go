// Command benchratio reads the output of rounds of BenchmarkRender (the
// same benchmarks run one round after another, as BENCHMARKS.md's
// commands do) and prints, for each format and size, the median and range
// over the rounds of two ratios taken within each round: how many times
// faster the renderer is than its baseline (impl=baseline ns/op ÷
// impl=render ns/op), and the renderer's throughput as a share of one
// Write of the same bytes (impl=write ns/op ÷ impl=render ns/op).
//
// Usage:
//
//	go run ./internal/benchratio render.txt
//
// With -vs, it compares two files of rounds instead, benchmark by
// benchmark: the median over the rounds of old ns/op ÷ new ns/op, the
// rounds paired in order.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchratio: ")
	vs := flag.Bool("vs", false, "compare two files of rounds: old new")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchratio rounds.txt\n       benchratio -vs old.txt new.txt")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *vs && flag.NArg() != 2 || !*vs && flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	if *vs {
		err = compare(os.Stdout, read(flag.Arg(0)), read(flag.Arg(1)))
	} else {
		err = ratios(os.Stdout, read(flag.Arg(0)))
	}
	if err != nil {
		log.Fatal(err)
	}
}

// rounds holds each benchmark's ns/op, one a round, and the benchmarks in
// the order run.
type rounds struct {
	order []string
	ns    map[string][]float64
}

func read(name string) rounds {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rs, err := parse(f)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return rs
}

// parse reads benchmark output.
func parse(r io.Reader) (rounds, error) {
	var order []string
	runs := map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") || fields[3] != "ns/op" {
			continue
		}
		ns, err := strconv.ParseFloat(fields[2], 64)
		if err != nil {
			return rounds{}, err
		}
		b := strings.TrimPrefix(fields[0], "Benchmark")
		if _, ok := runs[b]; !ok {
			order = append(order, b)
		}
		runs[b] = append(runs[b], ns)
	}
	return rounds{order, runs}, sc.Err()
}

// summary is "median× (min–max)" of xs, or a percentage.
func summary(xs []float64, pct bool) string {
	med, lo, hi := median(xs), slices.Min(xs), slices.Max(xs)
	if pct {
		return fmt.Sprintf("%.1f %% (%.1f–%.1f)", 100*med, 100*lo, 100*hi)
	}
	return fmt.Sprintf("%.1f× (%.1f–%.1f)", med, lo, hi)
}

func ratios(w io.Writer, rs rounds) error {
	runs := rs.ns
	fmt.Fprintln(w, "| benchmark | render ns/op (median) | × baseline | % of one Write |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	for _, b := range rs.order {
		base, ok := strings.CutSuffix(b, "/impl=render")
		if !ok {
			continue
		}
		r := runs[b]
		bl, wr := runs[base+"/impl=baseline"], runs[base+"/impl=write"]
		if len(bl) != len(r) || len(wr) != len(r) {
			return fmt.Errorf("%s: %d rounds of render, %d of baseline, %d of write", base, len(r), len(bl), len(wr))
		}
		var speed, share []float64
		for i := range r {
			speed = append(speed, bl[i]/r[i])
			share = append(share, wr[i]/r[i])
		}
		fmt.Fprintf(w, "| %s | %.0f | %s | %s |\n", base, median(r), summary(speed, false), summary(share, true))
	}
	return nil
}

func compare(w io.Writer, old, cur rounds) error {
	fmt.Fprintln(w, "| benchmark | old ns/op | new ns/op | old ÷ new |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	for _, b := range old.order {
		o, n := old.ns[b], cur.ns[b]
		if len(n) == 0 {
			continue
		}
		k := min(len(o), len(n))
		var r []float64
		for i := range k {
			r = append(r, o[i]/n[i])
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %s |\n", b, median(o), median(n), summary(r, false))
	}
	return nil
}

// median returns the median of xs.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}
