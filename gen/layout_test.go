package main

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/synth"
)

// gofmtContents are the portfolios whose generated source must be exactly
// what go/format.Source makes of it: the seed, the hostile fixtures, every
// committed fuzz input, and synthetic ones past switchMax.
func gofmtContents(t *testing.T) map[string]incident.Portfolio {
	t.Helper()
	contents := map[string]incident.Portfolio{
		"full()":    full(),
		"synth 1":   synth.Portfolio(1),
		"synth 300": synth.Portfolio(300),
	}
	for _, name := range []string{"../portfolio.yaml", "../testdata/full.yaml", "../testdata/hostile.yaml"} {
		p, err := load.File(name)
		if err != nil {
			t.Fatal(err)
		}
		contents[name] = p
	}
	seeds, err := filepath.Glob("testdata/fuzz/FuzzGenerate/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range seeds {
		contents[name] = fuzzContent(corpusArgs(t, name))
	}
	return contents
}

// TestGofmtClean checks that the output is byte for byte what gofmt
// makes of it, page's literal included, which generate writes itself in
// gofmt's layout rather than have go/format lay it out; and that the
// literal is what jennifer and go/format make of the same elements laid
// out one a line (litCode).
func TestGofmtClean(t *testing.T) {
	for name, p := range gofmtContents(t) {
		src, err := generate(p, "content", "content.yaml")
		if err != nil {
			if strings.Contains(err.Error(), "gets the Go name") {
				continue // a fuzz input that the generator refuses, and rightly
			}
			t.Fatalf("%s: %v", name, err)
		}
		checkGofmt(t, name, src)
		checkJennifer(t, name, p, src)
	}
}

func checkGofmt(t *testing.T, name string, src []byte) {
	t.Helper()
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if diff := cmp.Diff(string(formatted), string(src)); diff != "" {
		t.Errorf("%s: the output is not gofmt-clean (-gofmt +got):\n%s", name, diff)
	}
}

// checkJennifer compares page's literal in src with what jennifer and
// go/format make of it.
func checkJennifer(t *testing.T, name string, p incident.Portfolio, src []byte) {
	t.Helper()
	var lits literals
	page, err := lits.literal("", reflect.ValueOf(p), true)
	if err != nil {
		t.Fatal(err)
	}
	want := jen.Var().Id("page").Op("=").Add(litCode(&page)).GoString()
	_, got, ok := bytes.Cut(src, []byte("\nvar page = "))
	if !ok {
		t.Fatalf("%s: no var page", name)
	}
	if diff := cmp.Diff(want, "var page = "+string(bytes.TrimSuffix(got, []byte("\n")))); diff != "" {
		t.Errorf("%s: page (-jennifer +got):\n%s", name, diff)
	}
}

// litCode is l as jennifer code, one element a line where writeLit writes
// one a line.
func litCode(l *lit) jen.Code {
	if l.elems == nil {
		return jen.Op(l.text)
	}
	codes := make([]jen.Code, len(l.elems))
	for i := range l.elems {
		e := &l.elems[i]
		codes[i] = litCode(e)
		if e.key != "" {
			codes[i] = jen.Id(e.key).Op(":").Add(codes[i])
		}
	}
	return jen.Op(l.typ).Custom(multiLine, codes...)
}

// TestGofmtAlignLimit checks the alignment of fields at go/printer's
// limit: a field whose "Key: value" is printerInfinity bytes is aligned
// with its neighbours, one a byte longer is not.
func TestGofmtAlignLimit(t *testing.T) {
	for _, extra := range []int{-1, 0, 1} {
		p := full()
		// "Title: " and the quotes take 9 bytes.
		p.Incidents[1].Title = strings.Repeat("a", printerInfinity-9+extra)
		src := mustGenerate(t, p, "content", "content.yaml")
		checkGofmt(t, fmt.Sprintf("a title of %+d bytes at the limit", extra), src)
		aligned := bytes.Contains(src, []byte("\t\t\tTitle:    \"aaa"))
		if aligned != (extra <= 0) {
			t.Errorf("%+d bytes: aligned is %v", extra, aligned)
		}
	}
}

func TestQuote(t *testing.T) {
	ss := []string{"", "plain text, 50% (P1) & more!", hostile, "\u2028", "\xff", "a\x7fb", "~ \"q\" \\ `b`"}
	for c := range 256 {
		ss = append(ss, string([]byte{'a', byte(c), 'z'}))
	}
	for _, s := range ss {
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Errorf("quote(%q) = %s, want %s", s, got, want)
		}
	}
}
