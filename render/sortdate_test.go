package render

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

// TestByDateTotalOrder renders incidents with Sort(ByDate) from every
// order of the content file's incidents, and checks that the page lists
// them in one order: by the day as written, newest first; on one day the
// date-times, latest instant first, before the date alone; undated last.
// Incidents that tie (the same day and instant) keep the written order.
func TestByDateTotalOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		dates map[incident.ID]string // "" for no date
		want  [][]incident.ID        // newest first; each group ties
	}{{
		// a's instant (09 19:30Z) is before b's, b's day before c's,
		// and a is on c's day with a time: a sort by instants across
		// days is no order at all.
		name:  "instant before, day after",
		dates: map[incident.ID]string{"a": "2024-02-10T01:00+05:30", "b": "2024-02-09T22:00Z", "c": "2024-02-10"},
		want:  [][]incident.ID{{"a"}, {"c"}, {"b"}},
	}, {
		name:  "one instant on two written days",
		dates: map[incident.ID]string{"ist": "2024-02-10T01:00+05:30", "utc": "2024-02-09T19:30Z", "day": "2024-02-09"},
		want:  [][]incident.ID{{"ist"}, {"utc"}, {"day"}},
	}, {
		// On one written day, instants decide to the nanosecond; the same
		// instant in two zones ties.
		name: "one written day",
		dates: map[incident.ID]string{
			"z": "2024-02-09T23:30Z", "brt": "2024-02-09T20:30-03:00",
			"sec": "2024-02-09T23:30:01Z", "frac": "2024-02-09T23:30:00.5Z",
			"cet": "2024-02-09T23:40+01:00", "day": "2024-02-09",
		},
		want: [][]incident.ID{{"sec"}, {"frac"}, {"z", "brt"}, {"cet"}, {"day"}},
	}, {
		// A month or a year alone sorts as its first day's start, before
		// that day, and after the day before it.
		name: "months and years",
		dates: map[incident.ID]string{
			"y": "2024", "m": "2024-02", "d": "2024-02-01", "t": "2024-02-01T00:00Z",
			"jan": "2024-01-31T23:00-05:00", "dec": "2023-12", "none": "",
		},
		want: [][]incident.ID{{"t"}, {"d"}, {"m"}, {"jan"}, {"y"}, {"dec"}, {"none"}},
	}, {
		name:  "undated tie, last",
		dates: map[incident.ID]string{"u1": "", "u2": "", "old": "1999", "new": "2999-12-31T23:59:59.999999999-23:59"},
		want:  [][]incident.ID{{"new"}, {"old"}, {"u1", "u2"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var ids []incident.ID
			for _, g := range tc.want {
				ids = append(ids, g...)
			}
			if len(ids) != len(tc.dates) {
				t.Fatalf("want lists %d incidents, dates %d", len(ids), len(tc.dates))
			}
			failed := 0
			permute(ids, func(in []incident.ID) {
				var p incident.Portfolio
				for _, id := range in {
					var when incident.Period
					if s := tc.dates[id]; s != "" {
						var err error
						if when, err = incident.ParsePeriod(s); err != nil {
							t.Fatal(err)
						}
					}
					p.Incidents = append(p.Incidents, incident.Incident{ID: id, Title: "<" + string(id) + ">", When: when})
				}
				var out bytes.Buffer
				if err := Text(&out, p, Sort(ByDate)); err != nil {
					t.Fatal(err)
				}
				got := slices.Clone(in)
				slices.SortFunc(got, func(a, b incident.ID) int {
					return strings.Index(out.String(), "<"+string(a)+">") - strings.Index(out.String(), "<"+string(b)+">")
				})
				// Within a tie, the written order.
				var want []incident.ID
				for _, g := range tc.want {
					for _, id := range in {
						if slices.Contains(g, id) {
							want = append(want, id)
						}
					}
				}
				if diff := cmp.Diff(want, got); diff != "" && failed < 3 {
					failed++
					t.Errorf("written as %v (-want +got):\n%s", in, diff)
				}
			})
		})
	}
}

// permute calls f with every order of ids (Heap's algorithm).
func permute(ids []incident.ID, f func([]incident.ID)) {
	a := slices.Clone(ids)
	c := make([]int, len(a))
	f(a)
	for i := 0; i < len(a); {
		if c[i] < i {
			if i%2 == 0 {
				a[0], a[i] = a[i], a[0]
			} else {
				a[c[i]], a[i] = a[i], a[c[i]]
			}
			f(a)
			c[i]++
			i = 0
		} else {
			c[i] = 0
			i++
		}
	}
}

// TestBySeverityExtremeLevels sorts by levels far apart, which a
// difference of levels would overflow (the loader refuses a negative
// level; a portfolio made in Go may have one): the lower level still
// comes first, and a severity the scale does not know comes last.
func TestBySeverityExtremeLevels(t *testing.T) {
	p := incident.Portfolio{
		Severities: []incident.SeverityDef{{Code: "MAX", Label: "Max", Level: math.MaxInt - 1}, {Code: "MID", Label: "Mid", Level: 1<<30 + 1}, {Code: "MIN", Label: "Min", Level: -5}},
		Incidents: []incident.Incident{
			{ID: "unknown", Title: "unknown", Severity: "P9"},
			{ID: "mid", Title: "mid", Severity: "MID"},
			{ID: "max", Title: "max", Severity: "MAX"},
			{ID: "min", Title: "min", Severity: "MIN"},
		},
	}
	var b bytes.Buffer
	if err := Text(&b, p, Sort(BySeverity), Intro(false), Legend(false), Lessons(false)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(b.String(), "\n") {
		if slices.Contains([]string{"unknown", "mid", "max", "min"}, line) {
			got = append(got, line)
		}
	}
	if diff := cmp.Diff([]string{"min", "mid", "max", "unknown"}, got); diff != "" {
		t.Errorf("BySeverity (-want +got):\n%s\npage:\n%s", diff, b.String())
	}
}
