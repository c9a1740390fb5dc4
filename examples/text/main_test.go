package main

import (
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestColumns(t *testing.T) {
	for _, tc := range []struct {
		flag    int
		columns string
		want    int
	}{
		{flag: 60, columns: "100", want: 60},
		{flag: 0, columns: "100", want: 100},
		{flag: 0, columns: "", want: 80},
		{flag: 0, columns: "wide", want: 80},
	} {
		t.Setenv("COLUMNS", tc.columns)
		// Under go test, standard output is not a terminal, so the
		// terminal's width never applies here.
		if got := columns(tc.flag); got != tc.want {
			t.Errorf("columns(%d) with COLUMNS=%q = %d, want %d", tc.flag, tc.columns, got, tc.want)
		}
	}
}

func TestTextCommand(t *testing.T) {
	for _, width := range []string{"40", "72"} {
		out, err := exec.Command("go", "run", ".", "-width", width).Output()
		if err != nil {
			t.Fatalf("-width %s: %v", width, err)
		}
		text := string(out)
		if !strings.HasPrefix(text, "Incident Leadership\n") || !strings.Contains(text, "lessons-learned.sh") {
			t.Errorf("-width %s: output lacks the title or the lessons:\n%s", width, text)
		}
		longest := 0
		for line := range strings.Lines(text) {
			longest = max(longest, utf8.RuneCountInString(strings.TrimRight(line, "\n")))
		}
		if want := map[string]int{"40": 40, "72": 72}[width]; longest > want {
			t.Errorf("-width %s: a line of %d characters", width, longest)
		}
	}
	if err := exec.Command("go", "run", ".", "-width", "-3").Run(); err == nil {
		t.Error("a negative -width was accepted")
	} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		// go run reports the program's non-zero exit as its own exit 1.
		t.Errorf("a negative -width: %v, want exit status 1 from go run", err)
	}
}
