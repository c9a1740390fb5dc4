package incident_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

func TestParseDateTime(t *testing.T) {
	plus1 := 3600
	tests := []struct {
		in      string
		want    incident.Date
		wantErr string
	}{
		{"2023-03-14T13:42Z", incident.Date{Year: 2023, Month: 3, Day: 14, Clock: incident.Clock{Hour: 13, Minute: 42, Set: true}}, ""},
		{"2023-03-14T13:42:07+01:00", incident.Date{Year: 2023, Month: 3, Day: 14, Clock: incident.Clock{Hour: 13, Minute: 42, Second: 7, Offset: plus1, Set: true}}, ""},
		{"2023-03-14T00:00:00.25-05:30", incident.Date{Year: 2023, Month: 3, Day: 14, Clock: incident.Clock{Nanosecond: 250_000_000, Offset: -(5*3600 + 1800), Set: true}}, ""},
		{"2023-03-14T13:42", incident.Date{}, `time "2023-03-14T13:42" has no zone: add Z if it is UTC, as in 2023-03-14T13:42Z, or its offset from UTC, as in 2023-03-14T13:42+01:00`},
		{"2023-03-14 13:42Z", incident.Date{}, `date "2023-03-14 13:42Z": write T between the date and the time, as in 2023-03-14T13:42Z`},
		{"2023-03-14T13:42 UTC", incident.Date{}, `time "2023-03-14T13:42 UTC": write the zone UTC as Z, right after the time, as in 2023-03-14T13:42Z`},
		{"2023-03T13:42Z", incident.Date{}, `date "2023-03T13:42Z": a time of day needs a full date before the T, as in 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`},
		{"2023-03-14T24:00Z", incident.Date{}, `time "2023-03-14T24:00Z": no such time of day`},
		{"2023-03-14T1:42Z", incident.Date{}, `malformed date "2023-03-14T1:42Z": want a date and time such as 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`},
		{"2023-03-14T13:42+1", incident.Date{}, `malformed date "2023-03-14T13:42+1": want a date and time such as 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`},
		{"2023-03-14Z", incident.Date{}, `date "2023-03-14Z": a zone goes after a time of day, as in 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`},
	}
	for _, tc := range tests {
		got, err := incident.ParseDate(tc.in)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("ParseDate(%q) error = %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseDate(%q) (-want +got):\n%s", tc.in, diff)
		}
		// The content file's form round-trips, and Time agrees with time.Parse.
		back, err := incident.ParseDate(got.String())
		if err != nil || back != got {
			t.Errorf("ParseDate(%q).String() = %q, which reads back as %+v, %v", tc.in, got.String(), back, err)
		}
		tm, ok := got.Time()
		want, perr := time.Parse(time.RFC3339Nano, got.String()[:16]+":"+fmt.Sprintf("%02d.%09d", got.Clock.Second, got.Clock.Nanosecond)+got.Clock.Zone())
		if !ok || perr != nil || !tm.Equal(want) || tm.Format(time.RFC3339Nano) != want.Format(time.RFC3339Nano) {
			t.Errorf("%q: Time() = %v, %v; time.Parse gives %v, %v", tc.in, tm, ok, want, perr)
		}
	}
}

func TestParsePeriodTimes(t *testing.T) {
	for in, wantErr := range map[string]string{
		"2023-03-14T13:42Z/2023-03-14T14:09Z":      "",
		"2023-03-14T23:42-05:00/2023-03-15T04:50Z": "",
		"2023-03-14T14:09Z/2023-03-14T13:42Z":      `period "2023-03-14T14:09Z/2023-03-14T13:42Z" ends before it starts: write the earlier end first`,
		"2023-03-14T14:09+01:00/2023-03-14T13:42Z": "", // 13:09Z to 13:42Z
		// Ends compare as instants, not as days written: 19:30Z to 22:00Z.
		"2024-02-10T01:00+05:30/2024-02-09T22:00Z": "",
		"2024-02-09T22:00Z/2024-02-10T01:00+05:30": `period "2024-02-09T22:00Z/2024-02-10T01:00+05:30" ends before it starts: write the earlier end first`,
		"2023-03-14/2023-03-14T13:42Z":             `period "2023-03-14/2023-03-14T13:42Z": one end has a time of day and the other not; give both ends as dates, or both as date-times such as 2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)`,
	} {
		p, err := incident.ParsePeriod(in)
		switch {
		case wantErr == "" && err != nil:
			t.Errorf("ParsePeriod(%q): %v", in, err)
		case wantErr != "" && (err == nil || err.Error() != wantErr):
			t.Errorf("ParsePeriod(%q) error = %v, want %q", in, err, wantErr)
		case err == nil && p.String() != in:
			t.Errorf("ParsePeriod(%q).String() = %q", in, p.String())
		}
	}
}

// incidentWith returns the first incident of valid() with a timeline.
func withTimeline(when string, events ...incident.Event) incident.Portfolio {
	p := valid()
	if when != "" {
		w, err := incident.ParsePeriod(when)
		if err != nil {
			panic(err)
		}
		p.Incidents[0].When = w
	}
	p.Incidents[0].Timeline = events
	return p
}

func at(s string) incident.Date {
	d, err := incident.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestValidateTimeline(t *testing.T) {
	ev := func(s string, k incident.EventKind, st incident.State) incident.Event {
		return incident.Event{At: at(s), Text: "Something happened", Kind: k, State: st}
	}
	type fe = incident.FieldError
	const tl = "incidents[0].timeline"
	tests := []struct {
		name string
		p    incident.Portfolio
		want []fe
	}{
		{"in order, inside a day", withTimeline("2023-03-14", ev("2023-03-14T13:42Z", incident.Started, incident.Down), ev("2023-03-14T23:30-05:00", incident.Resolved, incident.Recovered)), nil},
		{"same instant, two zones", withTimeline("", ev("2023-03-14T13:42Z", "", ""), ev("2023-03-14T14:42+01:00", "", "")), nil},
		{"out of order", withTimeline("", ev("2023-03-14T13:42Z", "", ""), ev("2023-03-14T14:00+01:00", "", "")),
			[]fe{{tl + "[1].at", "2023-03-14T14:00+01:00 is earlier than the event above it, at 2023-03-14T13:42Z: list the timeline's events in the order they happened"}}},
		{"in order, the days written backwards", withTimeline("", ev("2024-02-10T01:00+05:30", "", ""), ev("2024-02-09T22:00Z", "", "")), nil},
		{"out of order, the days written forwards", withTimeline("", ev("2024-02-09T22:00Z", "", ""), ev("2024-02-10T01:00+05:30", "", "")),
			[]fe{{tl + "[1].at", "2024-02-10T01:00+05:30 is earlier than the event above it, at 2024-02-09T22:00Z: list the timeline's events in the order they happened"}}},
		{"before a date", withTimeline("2023-03-14/2023-03-15", ev("2023-03-13T23:59Z", "", "")),
			[]fe{{tl + "[0].at", "2023-03-13T23:59Z is before the incident's when, 2023-03-14/2023-03-15: move the event, or start when earlier"}}},
		{"after a date", withTimeline("2023-03-14", ev("2023-03-15T00:10Z", "", "")),
			[]fe{{tl + "[0].at", "2023-03-15T00:10Z is after the incident's when, 2023-03-14: move the event, or end when later, as in when: 2023-03-14/2023-03-15"}}},
		{"after a time range", withTimeline("2023-03-14T13:00Z/2023-03-14T14:00Z", ev("2023-03-14T15:30+01:00", "", "")),
			[]fe{{tl + "[0].at", "2023-03-14T15:30+01:00 is after the incident's when, 2023-03-14T13:00Z/2023-03-14T14:00Z: move the event, or end when later, as in when: 2023-03-14T13:00Z/2023-03-14T15:30+01:00"}}},
		{"after a start time", withTimeline("2023-03-14T13:00Z", ev("2023-03-20T15:30Z", "", "")), nil},
		{"in a month", withTimeline("2023-03", ev("2023-03-31T23:30Z", "", "")), nil},
		{"no time of day", withTimeline("", incident.Event{At: incident.Date{Year: 2023, Month: 3, Day: 14}, Text: "x"}),
			[]fe{{tl + "[0].at", "2023-03-14 has no time of day: a timeline event needs one, with its zone, as in at: 2023-03-14T13:42Z"}}},
		{"unknown kind and state", withTimeline("", ev("2023-03-14T13:42Z", "fixed", "up")),
			[]fe{
				{tl + "[0].kind", `unknown event kind "fixed"; want one of started, detected, escalated, mitigated, resolved`},
				{tl + "[0].state", `unknown service state "up"; want one of down, degraded, recovered`},
			}},
		{"no text", withTimeline("", incident.Event{At: at("2023-03-14T13:42Z")}), []fe{{tl + "[0].text", "missing text"}}},
		{"no time", withTimeline("", incident.Event{Text: "x"}), []fe{{tl + "[0].at", "missing time: give when it happened, as in at: 2023-03-14T13:42Z"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []fe
			if err := tc.p.Validate(); err != nil {
				for _, e := range err.(incident.Errors) {
					got = append(got, *e)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTimesTo(t *testing.T) {
	ev := func(s string, k incident.EventKind, st incident.State) incident.Event {
		return incident.Event{At: at(s), Text: "x", Kind: k, State: st}
	}
	type times struct{ Detect, Mitigate, Resolve time.Duration }
	tests := []struct {
		name string
		in   incident.Incident
		want times // -1: not known
	}{
		{"from started", incident.Incident{Timeline: []incident.Event{
			ev("2023-03-14T13:42Z", incident.Started, incident.Degraded),
			ev("2023-03-14T13:50Z", incident.Detected, ""),
			ev("2023-03-14T14:09+01:00", incident.Escalated, incident.Down), // 13:09Z: before started is allowed here, not in a valid file
			ev("2023-03-14T14:15Z", incident.Mitigated, incident.Recovered),
			ev("2023-03-14T16:00Z", incident.Resolved, ""),
		}}, times{8 * time.Minute, 33 * time.Minute, 2*time.Hour + 18*time.Minute}},
		{"from the first down state", incident.Incident{Timeline: []incident.Event{
			ev("2023-03-14T13:00Z", "", ""),
			ev("2023-03-14T13:42Z", "", incident.Degraded),
			ev("2023-03-14T13:45Z", incident.Detected, incident.Down),
		}}, times{3 * time.Minute, -1, -1}},
		{"from when", incident.Incident{When: incident.Period{Start: at("2023-03-14T13:00Z")}, Timeline: []incident.Event{
			ev("2023-03-14T13:20Z", incident.Detected, ""),
			ev("2023-03-14T15:00Z", incident.Resolved, ""),
		}}, times{20 * time.Minute, -1, 2 * time.Hour}},
		{"no start", incident.Incident{When: incident.Period{Start: incident.Date{Year: 2023}}, Timeline: []incident.Event{
			ev("2023-03-14T13:20Z", incident.Detected, ""),
		}}, times{-1, -1, -1}},
		{"detected before started", incident.Incident{Timeline: []incident.Event{
			ev("2023-03-14T13:20Z", incident.Detected, ""),
			ev("2023-03-14T13:30Z", incident.Started, ""),
		}}, times{-1, -1, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			get := func(d time.Duration, ok bool) time.Duration {
				if !ok {
					return -1
				}
				return d
			}
			got := times{get(tc.in.TimeToDetect()), get(tc.in.TimeToMitigate()), get(tc.in.TimeToResolve())}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("times (-want +got):\n%s", diff)
			}
		})
	}
}

func TestColourTier(t *testing.T) {
	def := func(code incident.Severity, level int, tier incident.Tier) incident.SeverityDef {
		return incident.SeverityDef{Code: code, Label: string(code), Level: level, Tier: tier}
	}
	tests := []struct {
		name  string
		scale []incident.SeverityDef
		want  []incident.Tier
	}{
		{"default", incident.DefaultScale(), []incident.Tier{"critical", "high", "medium", "low"}},
		{"P0 at level 0", []incident.SeverityDef{def("P0", 0, ""), def("P1", 1, ""), def("P2", 2, ""), def("P3", 3, ""), def("P4", 4, "")},
			[]incident.Tier{"critical", "critical", "high", "medium", "low"}},
		{"P0 at level 1, the rest one down", []incident.SeverityDef{def("P0", 1, ""), def("P1", 2, ""), def("P2", 3, ""), def("P3", 4, ""), def("P4", 5, "")},
			[]incident.Tier{"critical", "critical", "high", "medium", "low"}},
		{"SEV-1 to SEV-5", []incident.SeverityDef{def("SEV-1", 1, ""), def("SEV-2", 2, ""), def("SEV-3", 3, ""), def("SEV-4", 4, ""), def("SEV-5", 5, "")},
			[]incident.Tier{"critical", "high", "medium", "low", "info"}},
		{"declared tiers win", []incident.SeverityDef{def("P1", 1, "high"), def("minor", 10, "low"), def("notice", 20, "")},
			[]incident.Tier{"high", "low", "medium"}},
		{"own codes by place, whatever the levels", []incident.SeverityDef{def("SEV-0", 0, ""), def("SEV-1", 10, ""), def("SEV-2", 20, ""), def("SEV-3", 30, ""), def("SEV-4", 40, "")},
			[]incident.Tier{"critical", "high", "medium", "low", "info"}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, incident.ScaleTiers(tc.scale)); diff != "" {
			t.Errorf("%s: ScaleTiers (-want +got):\n%s", tc.name, diff)
		}
	}
	p := valid()
	p.Severities = []incident.SeverityDef{def("P1", 1, "red"), def("P2", 2, ""), def("P3", 3, "")}
	err := p.Validate()
	want := `severities[0].tier: unknown colour tier "red"; want one of critical, high, medium, low, info: a tier says how severe, and pages pick its colour`
	if err == nil || err.Error() != want {
		t.Errorf("a tier red: %v, want %s", err, want)
	}
}

func TestFigureText(t *testing.T) {
	p := valid()
	p.Incidents[0].Results = []incident.Figure{
		{Label: "Rule rollout", BeforeText: "seconds", ValueText: "staged over hours", HasBefore: true},
		{Label: "Both", Value: 3, ValueText: "three"},
		{Label: "Blank", ValueText: " "},
	}
	err := p.Validate()
	want := "incidents[0].results[1].value: both a number, 3, and a text, \"three\": give one\n" +
		"incidents[0].results[2].value: blank text"
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %v\nwant %s", err, want)
	}
}

func TestPostmortemParts(t *testing.T) {
	p := valid()
	in := &p.Incidents[0]
	in.Summary, in.GotLucky = []string{"A summary."}, []string{"", "\tx"}
	err := p.Validate()
	want := "incidents[0].gotLucky[0]: missing text\nincidents[0].gotLucky[1]: tab at byte 0: use spaces"
	if err == nil || err.Error() != want {
		t.Errorf("Validate = %v\nwant %s", err, want)
	}
	var keys []string
	for _, s := range in.Postmortem() {
		keys = append(keys, s.Key)
	}
	if diff := cmp.Diff([]string{"summary", "trigger", "rootCause", "detection", "wentWell", "wentWrong", "gotLucky"}, keys); diff != "" {
		t.Errorf("Postmortem keys (-want +got):\n%s", diff)
	}
}
