package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var bin string

// TestMain builds the command once; the tests run it as a user would.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "resume-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "resume")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func runResume(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestResumeCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "resume.json")
	user := `{"basics":{"name":"Ada","label":"SRE"},"work":[{"name":"Acme","startDate":"2020-01"}],"x-big":12345678901234567890,"meta":{"theme":"even"}}`
	if err := os.WriteFile(in, []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "resume.full.json")

	stdout, stderr, code := runResume(t, "-in", in, "-out", out, "-projects")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote "+out) {
		t.Errorf("stdout %q, want it to name the file written", stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "12345678901234567890") {
		t.Error("a big number of the user's did not come through as written")
	}
	var doc struct {
		Basics   map[string]any   `json:"basics"`
		Work     []map[string]any `json:"work"`
		Projects []map[string]any `json:"projects"`
		Meta     map[string]any   `json:"meta"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Basics["name"] != "Ada" || len(doc.Work) != 1 || doc.Meta["theme"] != "even" {
		t.Errorf("the user's fields did not survive: %+v", doc)
	}
	if len(doc.Projects) != 4 {
		t.Errorf("%d projects, want the 4 incidents", len(doc.Projects))
	}
	if len(doc.Meta) != 2 {
		t.Errorf("meta holds %d keys, want the user's theme and the extension", len(doc.Meta))
	}

	// Merging the result again changes nothing.
	again := filepath.Join(dir, "again.json")
	if _, stderr, code := runResume(t, "-in", out, "-out", again, "-projects"); code != 0 {
		t.Fatalf("second merge: exit %d: %s", code, stderr)
	}
	if data2, _ := os.ReadFile(again); !bytes.Equal(data, data2) {
		t.Error("merging a merged résumé again changed it")
	}
}

func TestResumeMinimalToStdout(t *testing.T) {
	stdout, stderr, code := runResume(t, "-out", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if _, ok := doc["basics"]; !ok {
		t.Error("the minimal résumé has no basics")
	}
}

func TestResumeErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n  \"basics\": {,\n}"), 0o644)
	out := filepath.Join(dir, "out.json")
	os.WriteFile(out, []byte("precious"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -out", nil, 2, "usage: resume"},
		{"extra argument", []string{"-out", out, "extra"}, 2, "usage: resume"},
		{"missing input", []string{"-in", filepath.Join(dir, "nope.json"), "-out", out}, 1, "no such file"},
		{"invalid JSON", []string{"-in", bad, "-out", out}, 1, bad + ":2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := runResume(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tc.code, tc.want)
			}
			if got, _ := os.ReadFile(out); string(got) != "precious" {
				t.Errorf("output file changed to %q", got)
			}
		})
	}
}
