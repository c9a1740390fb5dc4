// Package rendertest holds what the tests of package render and of its
// format packages share: golden files, content files, a writer that
// fails, and how the tests expect a page to read. Only tests import it.
package rendertest

import (
	"bufio"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
	"github.com/incident-leadership/portfolio/internal/golden"
)

// Golden compares got with testdata/name of the package under test, or
// rewrites the file with -update: go test ./render/... -update rewrites
// the golden files with what the formats write now.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// Fixture loads a content file of the repository.
func Fixture(t testing.TB, path string) incident.Portfolio {
	t.Helper()
	p, err := load.File(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ErrFail is the error of FailAfter.
var ErrFail = errors.New("writer failed")

// FailAfter is a writer that accepts N bytes, then fails every write.
type FailAfter struct{ N int }

func (w *FailAfter) Write(p []byte) (int, error) {
	if len(p) <= w.N {
		w.N -= len(p)
		return len(p), nil
	}
	k := w.N
	w.N = 0
	return k, ErrFail
}

// CheckFailingWriter checks that write, which writes a document of size
// bytes, returns ErrFail from a writer that fails after n bytes, for n
// from 0 to size, both directly and through a small bufio.Writer it then
// flushes; and that a writer with room for the document takes it whole.
func CheckFailingWriter(t *testing.T, size int, write func(io.Writer) error) {
	t.Helper()
	for n := 0; n <= size; n += 1 + n/8 {
		if err := write(&FailAfter{N: n}); !errors.Is(err, ErrFail) {
			t.Errorf("failing after %d of %d bytes: got %v", n, size, err)
		}
		bw := bufio.NewWriterSize(&FailAfter{N: n}, 64)
		err := write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if !errors.Is(err, ErrFail) {
			t.Errorf("through a bufio.Writer failing after %d of %d bytes: got %v", n, size, err)
		}
	}
	if err := write(&FailAfter{N: size}); err != nil {
		t.Errorf("a writer with room for the document: %v", err)
	}
}

// WantParts is the parts of in a page shows, in order, as the tests
// expect them: the seed's four sections always, the postmortem's parts
// when given, the summary first and the lessons last.
func WantParts(in *incident.Incident) (out []incident.Section) {
	seed, pm := in.Sections(), in.Postmortem()
	inSeed := func(s incident.Section) bool {
		return slices.ContainsFunc(seed[:], func(d incident.Section) bool { return d.Key == s.Key })
	}
	order := []incident.Section{pm[0], seed[0], pm[1], pm[2], pm[3], seed[1], seed[2], seed[3], pm[4], pm[5], pm[6]}
	for _, s := range order {
		if len(s.Paragraphs) > 0 || inSeed(s) {
			out = append(out, s)
		}
	}
	return out
}

// EnglishNumber is v as English readers read it, its digits grouped by
// threes: 1,200,000,000 and 1234.5 as 1,234.5.
func EnglishNumber(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	s, sign := strings.CutPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		whole += "." + frac
	}
	if sign {
		return "-" + whole
	}
	return whole
}
