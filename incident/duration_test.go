package incident_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
)

const (
	forms = "want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~"
	units = "the units are d, h, m and s, or day, hour, minute and second; "
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		want    incident.Duration
		wantErr string
	}{
		{"4h", incident.Duration{Text: "4 hours", Length: 4 * time.Hour}, ""},
		{"1h", incident.Duration{Text: "1 hour", Length: time.Hour}, ""},
		{"30m", incident.Duration{Text: "30 minutes", Length: 30 * time.Minute}, ""},
		{"1h30m", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, ""},
		{"90m", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, ""},
		{"2d", incident.Duration{Text: "48 hours", Length: 48 * time.Hour}, ""},
		{"1d6h", incident.Duration{Text: "30 hours", Length: 30 * time.Hour}, ""},
		{"60h", incident.Duration{Text: "60 hours", Length: 60 * time.Hour}, ""},
		{"1d0h", incident.Duration{Text: "24 hours", Length: 24 * time.Hour}, ""},
		{"45s", incident.Duration{Text: "45 seconds", Length: 45 * time.Second}, ""},
		{"000001h", incident.Duration{Text: "1 hour", Length: time.Hour}, ""},
		{"106751d", incident.Duration{Text: "106751 days", Length: 106751 * 24 * time.Hour}, ""},
		// As SREs write them.
		{"2h 15m", incident.Duration{Text: "2 hours 15 minutes", Length: 135 * time.Minute}, ""},
		{"1h 30 min", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, ""},
		{"90 minutes", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, ""},
		{"24 hours 11 minutes", incident.Duration{Text: "24 hours 11 minutes", Length: 24*time.Hour + 11*time.Minute}, ""},
		{"24h11m", incident.Duration{Text: "24 hours 11 minutes", Length: 24*time.Hour + 11*time.Minute}, ""},
		{"1d 2h", incident.Duration{Text: "26 hours", Length: 26 * time.Hour}, ""},
		{"3 days 1 hour", incident.Duration{Text: "3 days 1 hour", Length: 73 * time.Hour}, ""},
		{"72h", incident.Duration{Text: "72 hours", Length: 72 * time.Hour}, ""},
		{"30h", incident.Duration{Text: "30 hours", Length: 30 * time.Hour}, ""},
		{"4d 2h", incident.Duration{Text: "4 days 2 hours", Length: 98 * time.Hour}, ""},
		{"1 HR 5 Mins", incident.Duration{Text: "1 hour 5 minutes", Length: 65 * time.Minute}, ""},
		{"2 hrs, 3 secs", incident.Duration{Text: "2 hours 3 seconds", Length: 2*time.Hour + 3*time.Second}, ""},
		{"1 hour and 1 minute", incident.Duration{Text: "1 hour 1 minute", Length: 61 * time.Minute}, ""},
		{"2 Days", incident.Duration{Text: "48 hours", Length: 48 * time.Hour}, ""},
		{"4H", incident.Duration{Text: "4 hours", Length: 4 * time.Hour}, ""},
		{"1.5h", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, ""},
		{"0.5d", incident.Duration{Text: "12 hours", Length: 12 * time.Hour}, ""},
		{"2.5 min", incident.Duration{Text: "2 minutes 30 seconds", Length: 150 * time.Second}, ""},
		{"1 sec", incident.Duration{Text: "1 second", Length: time.Second}, ""},
		// Approximately.
		{"about 6 hours", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, ""},
		{"About 6 hours", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, ""},
		{"~6h", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, ""},
		{"~ 6h", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, ""},
		{"approx. 2h", incident.Duration{Text: "about 2 hours", Length: 2 * time.Hour, Approximate: true}, ""},
		{"approximately 2h", incident.Duration{Text: "about 2 hours", Length: 2 * time.Hour, Approximate: true}, ""},
		{"around 45 minutes", incident.Duration{Text: "about 45 minutes", Length: 45 * time.Minute, Approximate: true}, ""},
		{"roughly 1d 2h", incident.Duration{Text: "about 26 hours", Length: 26 * time.Hour, Approximate: true}, ""},
		// Refused.
		{"", incident.Duration{}, "empty duration"},
		{"4", incident.Duration{}, `malformed duration "4": 4 has no unit; ` + forms},
		{"h", incident.Duration{}, `malformed duration "h": ` + forms},
		{"4x", incident.Duration{}, `malformed duration "4x": unknown unit "x": ` + units + forms},
		{"-4h", incident.Duration{}, `malformed duration "-4h": ` + forms},
		{"2h 15", incident.Duration{}, `malformed duration "2h 15": 15 has no unit; ` + forms},
		{"90 minuets", incident.Duration{}, `malformed duration "90 minuets": unknown unit "minuets": ` + units + forms},
		{"about 6 hourz", incident.Duration{}, `malformed duration "about 6 hourz": unknown unit "hourz": ` + units + forms},
		{"~", incident.Duration{}, `malformed duration "~": ` + forms},
		{"about", incident.Duration{}, `malformed duration "about": ` + forms},
		{"2w", incident.Duration{}, `malformed duration "2w": unknown unit "w": ` + units + forms},
		{"1.25h", incident.Duration{}, `malformed duration "1.25h": a number may have one decimal digit, and none before seconds; write whole units, as in 1h 15m`},
		{"1.5s", incident.Duration{}, `malformed duration "1.5s": a number may have one decimal digit, and none before seconds; write whole units, as in 1h 15m`},
		{"2h and", incident.Duration{}, `malformed duration "2h and": ` + forms},
		{"1234567h", incident.Duration{}, `malformed duration "1234567h": 1234567 has more than six digits; ` + forms},
		{"0h", incident.Duration{}, `malformed duration "0h": the length must be positive`},
		{"0h 0.0m", incident.Duration{}, `malformed duration "0h 0.0m": the length must be positive`},
		{"106752d", incident.Duration{}, `malformed duration "106752d": too long`},
		{"320000d", incident.Duration{}, `malformed duration "320000d": too long`},
		{"99999d99999d", incident.Duration{}, `malformed duration "99999d99999d": too long`},
	}
	for _, tc := range tests {
		got, err := incident.ParseDuration(tc.in)
		if gotErr := errString(err); gotErr != tc.wantErr {
			t.Errorf("ParseDuration(%q) error = %q, want %q", tc.in, gotErr, tc.wantErr)
		}
		if got != tc.want {
			t.Errorf("ParseDuration(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestSpellLength(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                    "",
		-time.Hour:                           "",
		time.Second:                          "1 second",
		2 * time.Minute:                      "2 minutes",
		time.Hour + time.Minute:              "1 hour 1 minute",
		25*time.Hour + 30*time.Second:        "25 hours 30 seconds",
		24*time.Hour + 11*time.Minute:        "24 hours 11 minutes",
		30 * time.Hour:                       "30 hours",
		72 * time.Hour:                       "72 hours",
		72*time.Hour + time.Second:           "3 days 1 second",
		98 * time.Hour:                       "4 days 2 hours",
		72*time.Hour + 1500*time.Millisecond: "3 days 1 second",
		72*time.Hour + 500*time.Millisecond:  "3 days",
		500 * time.Millisecond:               "less than a second",
		time.Nanosecond:                      "less than a second",
	} {
		if got := incident.SpellLength(d); got != want {
			t.Errorf("SpellLength(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestDurationTextErrors: one word that starts like a number must be a
// length, so a typo cannot silently become text without a length.
func TestDurationTextErrors(t *testing.T) {
	for _, in := range []string{"0h", "4.5x", "-4h", "2w", "0x10h", "1000000h", "+3h", ".5h", "2h 15", "90 minuets", "about 6 hourz", "~ 2 weeks", "3 days of degraded service"} {
		var d incident.Duration
		if err := d.UnmarshalText([]byte(in)); err == nil {
			t.Errorf("UnmarshalText(%q) = %+v, want an error", in, d)
		}
	}
}

func TestDurationText(t *testing.T) {
	tests := []struct {
		in       string
		want     incident.Duration
		marshals string
	}{
		{"4h", incident.Duration{Text: "4 hours", Length: 4 * time.Hour}, "4h"},
		{"90m", incident.Duration{Text: "1 hour 30 minutes", Length: 90 * time.Minute}, "1h30m"},
		{"Weekend (Fri-Sun)", incident.Duration{Text: "Weekend (Fri-Sun)"}, "Weekend (Fri-Sun)"},
		{"3 days", incident.Duration{Text: "72 hours", Length: 72 * time.Hour}, "72h"},
		{"4d 2h", incident.Duration{Text: "4 days 2 hours", Length: 98 * time.Hour}, "4d2h"},
		{"about 6 hours", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, "~6h"},
		{"~6h", incident.Duration{Text: "about 6 hours", Length: 6 * time.Hour, Approximate: true}, "~6h"},
		{"about a day", incident.Duration{Text: "about a day"}, "about a day"},
		{"Weekend (Fri-Sun)", incident.Duration{Text: "Weekend (Fri-Sun)"}, "Weekend (Fri-Sun)"},
		{"- ongoing", incident.Duration{Text: "- ongoing"}, "- ongoing"},
	}
	for _, tc := range tests {
		var d incident.Duration
		if err := d.UnmarshalText([]byte(tc.in)); err != nil {
			t.Errorf("UnmarshalText(%q): %v", tc.in, err)
		}
		if d != tc.want {
			t.Errorf("UnmarshalText(%q) = %+v, want %+v", tc.in, d, tc.want)
		}
		b, err := d.MarshalText()
		if err != nil || string(b) != tc.marshals {
			t.Errorf("MarshalText(%+v) = %q, %v; want %q", d, b, err, tc.marshals)
		}
		if d.String() != d.Text {
			t.Errorf("String() = %q, want the text %q", d.String(), d.Text)
		}
	}
	// A text that is not the spelled-out length marshals as the text.
	d := incident.Duration{Text: "Weekend (Fri-Sun)", Length: 48 * time.Hour}
	if b, _ := d.MarshalText(); string(b) != d.Text {
		t.Errorf("MarshalText(%+v) = %q, want the text", d, b)
	}
	var empty incident.Duration
	if err := empty.UnmarshalText(nil); errString(err) != "empty duration" {
		t.Errorf("UnmarshalText(empty) error = %v", err)
	}
}

func TestParsePeriod(t *testing.T) {
	date := func(y, m, d int) incident.Date { return incident.Date{Year: y, Month: time.Month(m), Day: d} }
	tests := []struct {
		in      string
		want    incident.Period
		wantErr string
	}{
		{"2023", incident.Period{Start: date(2023, 0, 0)}, ""},
		{"2023-03", incident.Period{Start: date(2023, 3, 0)}, ""},
		{"2023-03-14", incident.Period{Start: date(2023, 3, 14)}, ""},
		{"2023-03-14/2023-03-16", incident.Period{Start: date(2023, 3, 14), End: date(2023, 3, 16)}, ""},
		{"2023-03/2023-04", incident.Period{Start: date(2023, 3, 0), End: date(2023, 4, 0)}, ""},
		{"2024-02-29", incident.Period{Start: date(2024, 2, 29)}, ""},
		{"2023-03-14/2023-03-14", incident.Period{Start: date(2023, 3, 14), End: date(2023, 3, 14)}, ""},
		{"", incident.Period{}, `malformed date "": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-3", incident.Period{}, `malformed date "2023-3": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"23", incident.Period{}, `malformed date "23": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-03-14-01", incident.Period{}, `malformed date "2023-03-14-01": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"+023", incident.Period{}, `malformed date "+023": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-+3", incident.Period{}, `malformed date "2023-+3": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"1899", incident.Period{}, `date "1899": year out of range`},
		{"2023-13", incident.Period{}, `date "2023-13": month out of range`},
		{"2023-00", incident.Period{}, `date "2023-00": month out of range`},
		{"2023-02-29", incident.Period{}, `date "2023-02-29": no such day`},
		{"2023-04-00", incident.Period{}, `date "2023-04-00": no such day`},
		{"2023/", incident.Period{}, `malformed date "": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2023-03-16/2023-03-14", incident.Period{}, `period "2023-03-16/2023-03-14" ends before it starts: write the earlier end first`},
		{"2023/2024/2025", incident.Period{}, `malformed date "2024/2025": want YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tc := range tests {
		got, err := incident.ParsePeriod(tc.in)
		if gotErr := errString(err); gotErr != tc.wantErr {
			t.Errorf("ParsePeriod(%q) error = %q, want %q", tc.in, gotErr, tc.wantErr)
		}
		if got != tc.want {
			t.Errorf("ParsePeriod(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if err != nil {
			continue
		}
		// Round trip through the text form.
		if got.String() != tc.in {
			t.Errorf("ParsePeriod(%q).String() = %q", tc.in, got.String())
		}
		var back incident.Period
		b, _ := got.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != got {
			t.Errorf("text round trip of %q: %+v, %v", tc.in, back, err)
		}
	}
	var p incident.Period
	if !p.IsZero() || p.String() != "" {
		t.Errorf("zero Period: IsZero %v, String %q", p.IsZero(), p.String())
	}
	if err := p.UnmarshalText([]byte("2023-02-30")); errString(err) != `date "2023-02-30": no such day` || !p.IsZero() {
		t.Errorf("UnmarshalText of a bad date: %v, left %+v", err, p)
	}
}

func TestDateCompare(t *testing.T) {
	dates := []incident.Date{
		{Year: 2022, Month: 12, Day: 31},
		{Year: 2023},
		{Year: 2023, Month: 3},
		{Year: 2023, Month: 3, Day: 1},
		{Year: 2023, Month: 3, Day: 14},
		{Year: 2023, Month: 4},
	}
	var got [][]int
	for _, a := range dates {
		var row []int
		for _, b := range dates {
			row = append(row, a.Compare(b))
		}
		got = append(got, row)
	}
	want := [][]int{
		{0, -1, -1, -1, -1, -1},
		{1, 0, -1, -1, -1, -1},
		{1, 1, 0, -1, -1, -1},
		{1, 1, 1, 0, -1, -1},
		{1, 1, 1, 1, 0, -1},
		{1, 1, 1, 1, 1, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare matrix (-want +got):\n%s", diff)
	}
}

// TestDateCompareTimes checks that Compare orders dates and date-times
// by the day as written, then the date alone first, then the instant,
// and that it is a total order: what sorts before, sorts before
// whatever follows.
func TestDateCompareTimes(t *testing.T) {
	// In Compare's order; the two on one line compare equal.
	order := [][]string{
		{"2024"},
		{"2024-02"},
		{"2024-02-09"},
		{"2024-02-09T19:30Z"},
		{"2024-02-09T23:40+01:00"}, // 22:40Z: the latest written, not the latest
		{"2024-02-09T23:30Z", "2024-02-09T20:30-03:00"},
		{"2024-02-09T23:30:00.5Z"},
		{"2024-02-10"},
		{"2024-02-10T01:00+05:30"}, // 2024-02-09T19:30Z
		{"2024-03"},
	}
	type at struct {
		s    string
		rank int
	}
	var dates []at
	for rank, same := range order {
		for _, s := range same {
			dates = append(dates, at{s, rank})
		}
	}
	for _, a := range dates {
		for _, b := range dates {
			da, err := incident.ParseDate(a.s)
			if err != nil {
				t.Fatal(err)
			}
			db, err := incident.ParseDate(b.s)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := da.Compare(db), cmpInt(a.rank, b.rank); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", a.s, b.s, got, want)
			}
		}
	}
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
