package conformance

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recorder is a testing.TB that records how a test would have ended.
type recorder struct {
	testing.TB
	ended string // "fatal" or "skip"
	msg   string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.ended, r.msg = "fatal", fmt.Sprintf(format, args...)
}
func (r *recorder) Skipf(format string, args ...any) {
	r.ended, r.msg = "skip", fmt.Sprintf(format, args...)
}

func TestMissing(t *testing.T) {
	for _, tc := range []struct {
		ci   string
		want string
	}{
		{"", "skip"},
		{"true", "fatal"},
		{"1", "fatal"},
	} {
		t.Run("CI="+tc.ci, func(t *testing.T) {
			t.Setenv("CI", tc.ci)
			var r recorder
			Missing(&r, "node is not installed")
			if r.ended != tc.want {
				t.Errorf("with CI=%q Missing ended the test with %q, want %q", tc.ci, r.ended, tc.want)
			}
			for _, s := range []string{"node is not installed", "bash .ci/run", "npm ci --ignore-scripts"} {
				if !strings.Contains(r.msg, s) {
					t.Errorf("the message %q does not say %q", r.msg, s)
				}
			}
		})
	}
}

func TestFindNodeMissingPackage(t *testing.T) {
	t.Setenv("CI", "")
	t.Setenv("PORTFOLIO_TOOLS", t.TempDir())
	var r recorder
	FindNode(&r, "no-such-package")
	if r.ended != "skip" || !strings.Contains(r.msg, "not installed") {
		t.Errorf("FindNode of a package that is not installed ended the test with %q, %q; want a skip saying what is not installed", r.ended, r.msg)
	}
}

func TestRoot(t *testing.T) {
	root := Root(t)
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := strings.Cut(string(b), "\n")
	if diff := cmp.Diff("module github.com/incident-leadership/portfolio", got); diff != "" {
		t.Errorf("first line of %s/go.mod (-want +got):\n%s", root, diff)
	}
}

func TestFindPythonMissingModule(t *testing.T) {
	t.Setenv("CI", "")
	var r recorder
	FindPython(&r, "no_such_module_for_portfolio")
	if r.ended != "skip" || !strings.Contains(r.msg, "no_such_module_for_portfolio") && !strings.Contains(r.msg, "not installed") {
		t.Errorf("FindPython of a module that is not installed ended the test with %q, %q; want a skip saying what is missing", r.ended, r.msg)
	}
}
