package page

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

func at(y int, m time.Month, d, hh, mm, ss, off int) incident.Date {
	return incident.Date{Year: y, Month: m, Day: d, Clock: incident.Clock{Hour: hh, Minute: mm, Second: ss, Offset: off, Set: true}}
}

// spell writes words as the writers do, joined by spaces.
func spell(words []DateWord) string {
	var s []string
	for _, w := range words {
		s = append(s, string(w.AppendWord(nil)))
	}
	return strings.Join(s, " ")
}

// TestPeriodReading checks how periods with and without times of day
// read, and their ISO forms.
func TestPeriodReading(t *testing.T) {
	day := incident.Date{Year: 2024, Month: 2, Day: 9}
	for _, tt := range []struct {
		name       string
		p          incident.Period
		words      string
		start, end string
	}{
		{"date", incident.Period{Start: day}, "9 February 2024", "2024-02-09", ""},
		{"instant", incident.Period{Start: at(2024, 2, 9, 18, 2, 0, 0)}, "9 February 2024 18:02 UTC", "2024-02-09T18:02:00Z", ""},
		{"one day, one zone", incident.Period{Start: at(2024, 2, 9, 18, 2, 0, 0), End: at(2024, 2, 9, 19, 37, 0, 0)},
			"9 February 2024 18:02 – 19:37 UTC", "2024-02-09T18:02:00Z", "2024-02-09T19:37:00Z"},
		{"across midnight, offset, seconds", incident.Period{Start: at(2023, 11, 30, 22, 40, 15, 19800), End: at(2023, 12, 1, 1, 35, 0, 19800)},
			"30 November 2023 22:40:15 UTC+05:30 – 1 December 2023 01:35 UTC+05:30", "2023-11-30T22:40:15+05:30", "2023-12-01T01:35:00+05:30"},
		{"one day, two zones", incident.Period{Start: at(2024, 2, 9, 18, 2, 0, 0), End: at(2024, 2, 9, 20, 0, 0, -8*3600)},
			"9 February 2024 18:02 UTC – 9 February 2024 20:00 UTC-08:00", "2024-02-09T18:02:00Z", "2024-02-09T20:00:00-08:00"},
		{"same instant", incident.Period{Start: at(2024, 2, 9, 18, 2, 0, 0), End: at(2024, 2, 9, 18, 2, 0, 0)},
			"9 February 2024 18:02 UTC", "2024-02-09T18:02:00Z", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			words, n := PeriodWords(tt.p)
			start, end := periodMoments(tt.p)
			got := []string{spell(words[:n]), string(start.AppendISO(nil)), string(end.AppendISO(nil))}
			if diff := cmp.Diff([]string{tt.words, tt.start, tt.end}, got); diff != "" {
				t.Errorf("words, start, end (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEventReading checks when an event shows its day, and the fraction
// of a second in its ISO form.
func TestEventReading(t *testing.T) {
	frac := at(2024, 2, 9, 18, 2, 3, 0)
	frac.Clock.Nanosecond = 250_000_000
	in := incident.Incident{
		When: incident.Period{Start: at(2024, 2, 9, 18, 0, 0, 0), End: at(2024, 2, 10, 1, 0, 0, 0)},
		Timeline: []incident.Event{
			{At: frac, Text: "a"},
			{At: at(2024, 2, 9, 23, 59, 0, 0), Text: "b"},
			{At: at(2024, 2, 10, 0, 1, 0, 0), Text: "c"},
			{At: at(2024, 2, 10, 0, 30, 0, 3600), Text: "d"},
		},
	}
	var r eventRecorder
	timeline(&r, &in)
	want := []string{
		"18:02:03 UTC 2024-02-09T18:02:03.25Z",
		"23:59 UTC 2024-02-09T23:59:00Z",
		"10 February 2024 00:01 UTC 2024-02-10T00:01:00Z",
		"00:30 UTC+01:00 2024-02-10T00:30:00+01:00",
	}
	if diff := cmp.Diff(want, r.got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

// eventRecorder is a writer that records the moments of events.
type eventRecorder struct {
	Writer
	got []string
}

func (r *eventRecorder) Timeline(Name) {}
func (r *eventRecorder) TimelineEnd()  {}
func (r *eventRecorder) Event(_ *incident.Event, m Moment) {
	words, n := m.Words()
	r.got = append(r.got, spell(words[:n])+" "+string(m.AppendISO(nil)))
}
