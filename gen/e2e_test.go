package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
)

// e2eMain is a program of the temporary module. It prints, one a line,
// what the two generated packages give, as JSON and in Go syntax (%#v,
// which shows every field exactly, nil slices and HasBefore included).
const e2eMain = `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"example.com/e2e/fromfile"
	"example.com/e2e/full"
	"example.com/e2e/initful"
)

func main() {
	in, ok := full.Incident(full.Incident2023QueueBacklog)
	_, unknown := full.Incident("no-such-incident")
	enc := json.NewEncoder(os.Stdout)
	for _, v := range []any{
		fromfile.Page(),
		full.Page(),
		fmt.Sprintf("%#v", fromfile.Page()),
		fmt.Sprintf("%#v", full.Page()),
		full.IDs(),
		fmt.Sprintf("%#v", in),
		ok,
		unknown,
		len(initful.M),
	} {
		if err := enc.Encode(v); err != nil {
			panic(err)
		}
	}
}
`

// TestEndToEnd works as a user would, in a module of its own that
// requires this one: go run the generator on a hostile content file,
// write a second package from full(), build a program that uses both, and
// check that every string and every field comes back exactly, and that
// neither generated package has any init work.
func TestEndToEnd(t *testing.T) {
	dir := e2eModule(t, map[string]string{
		"main.go": e2eMain,
		// initful is the control: a map literal needs init code, and the
		// trace must show it, or the absence of the others proves nothing.
		"initful/initful.go":   "package initful\n\nvar M = map[string]int{\"a\": 1, \"b\": 2}\n",
		"fromfile/.keep":       "",
		"full/full_gen.go":     string(mustGenerate(t, full(), "full", "full.go")),
		"content/hostile.json": "",
	})
	writeJSON(t, filepath.Join(dir, "content"), "hostile.json", full())
	fromFile, err := load.File(filepath.Join(dir, "content", "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}

	// No -pkg: the package is named after its directory.
	goIn(t, dir, nil, "run", "github.com/incident-leadership/portfolio/gen", "-in", "content/hostile.json", "-out", "fromfile/fromfile_gen.go")
	goIn(t, dir, nil, "vet", "./...")
	goIn(t, dir, nil, "build", "-o", "e2e", ".")

	cmd := exec.Command(filepath.Join(dir, "e2e"))
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stdout, trace bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &trace
	if err := cmd.Run(); err != nil {
		t.Fatalf("e2e: %v\n%s", err, trace.String())
	}

	wantIn := full().Incidents[1]
	want := []any{
		fromFile,
		full(),
		fmt.Sprintf("%#v", fromFile),
		fmt.Sprintf("%#v", full()),
		[]incident.ID{"database-connection-pool-exhaustion", "2023-queue-backlog"},
		fmt.Sprintf("%#v", wantIn),
		true,
		false,
		2,
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("the program printed %d lines, want %d:\n%s", len(lines), len(want), stdout.String())
	}
	for i, w := range want {
		b, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(b), lines[i]); diff != "" {
			t.Errorf("line %d (-want +got):\n%s", i+1, diff)
		}
	}
	// The JSON lines must hold the hostile text itself, not a look-alike.
	if !strings.Contains(lines[0], mustJSON(t, hostile)) {
		t.Errorf("the hostile text %q is not in the program's JSON", hostile)
	}

	inits := map[string]string{} // package: its line of the trace
	for l := range strings.SplitSeq(trace.String(), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == "init" {
			inits[f[1]] = l
		}
	}
	if _, ok := inits["example.com/e2e/initful"]; !ok {
		t.Errorf("the init trace lacks the control package initful:\n%s", trace.String())
	}
	for _, pkg := range []string{"example.com/e2e/fromfile", "example.com/e2e/full", "github.com/incident-leadership/portfolio/incident"} {
		if l, ok := inits[pkg]; ok {
			t.Errorf("%s has init work: %s", pkg, l)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Trim(string(b), `"`)
}
