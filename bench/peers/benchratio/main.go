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
//	go run ./benchratio render.txt   (from bench/peers)
//
// With -vs, it compares two files of rounds instead, benchmark by
// benchmark: the median over the rounds of old ns/op ÷ new ns/op, the
// rounds paired in order, with its quartiles and range.
//
// With -unit, the ratios are of another measure than ns/op, such as
// cpu-ns/op.
//
// With -ref NAME, it compares the benchmarks of one file of rounds with
// a sibling of theirs: within each round, each benchmark's ns/op ÷ the
// ns/op of the benchmark of the same name but for its last element,
// which is NAME (BenchmarkPeers/1k/templ against BenchmarkPeers/1k/render
// with -ref render), and prints the median over the rounds, its quartiles
// and range, and the benchmark's median allocs/op.
//
// Quartiles are interpolated between the sorted ratios, as R's default
// (type 7) does: with six rounds, the first quartile lies a quarter of the
// way from the second-lowest ratio to the third.
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

// unit is the measure the ratios are taken of.
var unit = flag.String("unit", "ns/op", "the `measure` to take ratios of, such as cpu-ns/op")

func main() {
	log.SetFlags(0)
	log.SetPrefix("benchratio: ")
	vs := flag.Bool("vs", false, "compare two files of rounds: old new")
	ref := flag.String("ref", "", "compare each benchmark with its sibling whose last name element is `name`")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchratio rounds.txt\n       benchratio -vs old.txt new.txt\n       benchratio -ref name rounds.txt")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *vs && (*ref != "" || flag.NArg() != 2) || !*vs && flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	switch {
	case *vs:
		err = compare(os.Stdout, read(flag.Arg(0)), read(flag.Arg(1)))
	case *ref != "":
		err = against(os.Stdout, read(flag.Arg(0)), *ref)
	default:
		err = ratios(os.Stdout, read(flag.Arg(0)))
	}
	if err != nil {
		log.Fatal(err)
	}
}

// rounds holds each benchmark's ns/op and allocs/op (when reported), one
// a round, and the benchmarks in the order run.
type rounds struct {
	order  []string
	ns     map[string][]float64
	allocs map[string][]float64
}

func read(name string) rounds {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	rs, err := parse(f, *unit)
	if err != nil {
		log.Fatalf("%s: %v", name, err)
	}
	return rs
}

// parse reads benchmark output: for each benchmark, the value of unit
// ("ns/op", or another, such as "cpu-ns/op") and of allocs/op.
func parse(r io.Reader, unit string) (rounds, error) {
	rs := rounds{ns: map[string][]float64{}, allocs: map[string][]float64{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		b := strings.TrimPrefix(fields[0], "Benchmark")
		var v, allocs []float64 // of this line: unit's value, and allocs/op
		for i := 2; i+1 < len(fields); i += 2 {
			if fields[i+1] != unit && fields[i+1] != "allocs/op" {
				continue
			}
			x, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return rounds{}, err
			}
			if fields[i+1] == unit {
				v = append(v, x)
			} else {
				allocs = append(allocs, x)
			}
		}
		if len(v) == 0 {
			continue // not measured in unit
		}
		if _, ok := rs.ns[b]; !ok {
			rs.order = append(rs.order, b)
		}
		rs.ns[b] = append(rs.ns[b], v[0])
		rs.allocs[b] = append(rs.allocs[b], allocs...)
	}
	return rs, sc.Err()
}

// summary is "median× (min–max)" of xs, or a percentage.
func summary(xs []float64, pct bool) string {
	med, lo, hi := median(xs), slices.Min(xs), slices.Max(xs)
	if pct {
		return fmt.Sprintf("%.1f %% (%.1f–%.1f)", 100*med, 100*lo, 100*hi)
	}
	return fmt.Sprintf("%.1f× (%.1f–%.1f)", med, lo, hi)
}

// summary2 is "median× (min–max)" of xs to two decimals, for ratios near
// 1 such as a change's.
func summary2(xs []float64) string {
	return fmt.Sprintf("%.2f× (%.2f–%.2f)", median(xs), slices.Min(xs), slices.Max(xs))
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
	fmt.Fprintln(w, "| benchmark | old ns/op | new ns/op | old ÷ new | quartiles |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
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
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %s | %s |\n", b, median(o), median(n), summary2(r), quartiles(r))
	}
	return nil
}

// against writes the ratios of each benchmark to its sibling ref, within
// each round.
func against(w io.Writer, rs rounds, ref string) error {
	fmt.Fprintf(w, "| benchmark | ns/op | allocs/op | ÷ %s | quartiles |\n", ref)
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
	for _, b := range rs.order {
		i := strings.LastIndexByte(b, '/')
		if i < 0 {
			continue
		}
		base, ok := rs.ns[b[:i+1]+ref]
		if !ok {
			continue
		}
		x := rs.ns[b]
		if len(x) != len(base) {
			return fmt.Errorf("%s: %d rounds, %d of %s", b, len(x), len(base), b[:i+1]+ref)
		}
		var r []float64
		for k := range x {
			r = append(r, x[k]/base[k])
		}
		allocs := "–"
		if a := rs.allocs[b]; len(a) > 0 {
			allocs = strconv.FormatFloat(median(a), 'f', -1, 64)
		}
		fmt.Fprintf(w, "| %s | %.0f | %s | %s | %s |\n", b, median(x), allocs, summary2(r), quartiles(r))
	}
	return nil
}

// median returns the median of xs.
func median(xs []float64) float64 { return quantile(xs, 0.5) }

// quartiles is "q1–q3" of xs.
func quartiles(xs []float64) string {
	return fmt.Sprintf("%.2f–%.2f", quantile(xs, 0.25), quantile(xs, 0.75))
}

// quantile returns the q-quantile of xs, interpolated between the two
// nearest of the sorted values (R's type 7).
func quantile(xs []float64, q float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	h := q * float64(len(s)-1)
	i := int(h)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-float64(i))*(s[i+1]-s[i])
}
