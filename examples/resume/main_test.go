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

	// Merging again into the same file says that nothing changed.
	stdout, stderr, code = runResume(t, "-in", in, "-out", out, "-projects")
	if code != 0 || stdout != out+" unchanged\n" {
		t.Errorf("merging again: exit %d, stdout %q (stderr %q); want %q", code, stdout, stderr, out+" unchanged\n")
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
	latin1 := filepath.Join(dir, "latin1.json")
	os.WriteFile(latin1, []byte("{\"basics\": {\"name\": \"Jos\xe9\"}}"), 0o644)
	cr := filepath.Join(dir, "cr.json")
	os.WriteFile(cr, []byte("{\r  \"basics\": {\r    \"name\": \"Ada\"\r  },\r  \"work\": [,]\r}"), 0o644)
	conflict := filepath.Join(dir, "conflict.json")
	os.WriteFile(conflict, []byte("{\n  \"meta\": {\"incidentLeadership\": {\"old\": true}}\n}"), 0o644)
	top := filepath.Join(dir, "top.json")
	os.WriteFile(top, []byte("{\"incidentLeadership\": []}"), 0o644)
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
		{"not UTF-8", []string{"-in", latin1, "-out", out}, 1, "resume: " + latin1 + ":1:25: invalid UTF-8: save the file as UTF-8\n"},
		{"CR line ends", []string{"-in", cr, "-out", out}, 1, cr + ":5:12: invalid character ','"},
		{"a different portfolio", []string{"-in", conflict, "-out", out}, 1,
			"resume: " + conflict + ":2:34: meta.incidentLeadership holds a different portfolio: pass -replace to overwrite it\n"},
		{"a different portfolio at the top", []string{"-in", top, "-out", out, "-top-level"}, 1,
			"resume: " + top + ":1:24: incidentLeadership holds a different portfolio: pass -replace to overwrite it\n"},
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

// TestReadResumeBounded: the résumé is read up to maxResume bytes, and a
// larger file, or an endless one, is refused without reading it all.
func TestReadResumeBounded(t *testing.T) {
	defer func(n int64) { maxResume = n }(maxResume)
	maxResume = 16
	dir := t.TempDir()
	for size, ok := range map[int]bool{16: true, 17: false, 1 << 20: false} {
		name := filepath.Join(dir, "resume.json")
		if err := os.WriteFile(name, bytes.Repeat([]byte(" "), size), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := readResume(name)
		switch want := name + ": more than 16 bytes, too large for a résumé: is it the right file?"; {
		case ok && (err != nil || len(data) != size):
			t.Errorf("%d bytes: read %d, %v; want all of them", size, len(data), err)
		case !ok && (err == nil || err.Error() != want):
			t.Errorf("%d bytes: %v; want %q", size, err, want)
		}
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := readResume("/dev/zero"); err == nil || !strings.Contains(err.Error(), "too large") {
			t.Errorf("/dev/zero: %v; want it refused as too large", err)
		}
	}
}
