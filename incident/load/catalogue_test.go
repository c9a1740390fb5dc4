package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/internal/golden"
)

// TestErrorCatalogue loads each malformed content file under
// testdata/errors, the mistakes a new user makes, and compares every
// message with the file's .golden twin: exactly what they would see,
// file:line:col first. go test ./incident/load -update rewrites the
// golden files; read them as a newcomer would before committing.
func TestErrorCatalogue(t *testing.T) {
	names, err := filepath.Glob("testdata/errors/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		ext := filepath.Ext(name)
		if ext != ".yaml" && ext != ".json" {
			continue
		}
		n++
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Bytes(filepath.Base(name), data)
			if err == nil {
				t.Fatal("loaded without error")
			}
			if _, ok := err.(Errors); !ok {
				t.Errorf("%T is not load.Errors", err)
			}
			golden.Check(t, strings.TrimSuffix(name, ext)+".golden", []byte(err.Error()+"\n"))
		})
	}
	if n < 25 {
		t.Errorf("only %d files in the catalogue, want at least 25", n)
	}
	// Every golden file has its content file.
	goldens, _ := filepath.Glob("testdata/errors/*.golden")
	for _, g := range goldens {
		base := strings.TrimSuffix(g, ".golden")
		if _, yerr := os.Stat(base + ".yaml"); yerr != nil {
			if _, jerr := os.Stat(base + ".json"); jerr != nil {
				t.Errorf("%s has no content file", g)
			}
		}
	}
}

// TestLineEndings checks that a content file saved with CRLF line ends,
// CR line ends (as classic Mac OS saved text), a byte order mark (as some
// Windows editors save UTF-8), or both, loads as the same portfolio; and
// that positions in such a file are the lines an editor shows.
func TestLineEndings(t *testing.T) {
	data, err := os.ReadFile(fullFile)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Bytes("full.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	bom := []byte("\xef\xbb\xbf")
	for name, doc := range map[string][]byte{
		"CRLF":         crlf,
		"CR":           bytes.ReplaceAll(data, []byte("\n"), []byte("\r")),
		"BOM":          append(bom[:3:3], data...),
		"BOM and CRLF": append(bom[:3:3], crlf...),
	} {
		got, err := Bytes("full.yaml", doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: the portfolio differs (-LF +%s):\n%s", name, name, diff)
		}
	}
	bad := bytes.Replace(data, []byte("severity: SEV-1"), []byte("severity: SEV-9"), 1)
	_, lf := Bytes("f.yaml", bad)
	_, cr := Bytes("f.yaml", append(bom[:3:3], bytes.ReplaceAll(bad, []byte("\n"), []byte("\r\n"))...))
	if lf == nil || cr == nil || lf.Error() != cr.Error() {
		t.Errorf("the same mistake is reported\n%v\nwith LF, and\n%v\nwith a BOM and CRLF", lf, cr)
	}
	for _, tc := range []struct{ name, bad, at string }{ // mistakes the loader places itself, not the parser
		{"f.json", "{\n\"title\": \"T\",\n\"tagline\": \"x\",\n\n  \"incidents\": [,]}", "f.json:5:17: "},
		{"f.yaml", "title: T\ntagline: x\n\nx: Jos\xe9\n", "f.yaml:4:7: "},
	} {
		_, lf := Bytes(tc.name, []byte(tc.bad))
		_, cr := Bytes(tc.name, []byte(strings.ReplaceAll(tc.bad, "\n", "\r")))
		if lf == nil || cr == nil || lf.Error() != cr.Error() || !strings.HasPrefix(lf.Error(), tc.at) {
			t.Errorf("the same mistake is reported\n%v\nwith LF, and\n%v\nwith CR; want both at %s", lf, cr, tc.at)
		}
	}
}
