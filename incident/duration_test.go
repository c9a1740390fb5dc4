package incident_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-leadership/portfolio/incident"
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
		{"2d", incident.Duration{Text: "2 days", Length: 48 * time.Hour}, ""},
		{"1d6h", incident.Duration{Text: "1 day 6 hours", Length: 30 * time.Hour}, ""},
		{"60h", incident.Duration{Text: "2 days 12 hours", Length: 60 * time.Hour}, ""},
		{"1d0h", incident.Duration{Text: "1 day", Length: 24 * time.Hour}, ""},
		{"45s", incident.Duration{Text: "45 seconds", Length: 45 * time.Second}, ""},
		{"000001h", incident.Duration{Text: "1 hour", Length: time.Hour}, ""},
		{"106751d", incident.Duration{Text: "106751 days", Length: 106751 * 24 * time.Hour}, ""},
		{"", incident.Duration{}, "empty duration"},
		{"4", incident.Duration{}, `malformed duration "4": want a length such as 4h, 30m, 1h30m or 2d`},
		{"h", incident.Duration{}, `malformed duration "h": want a length such as 4h, 30m, 1h30m or 2d`},
		{"4x", incident.Duration{}, `malformed duration "4x": want a length such as 4h, 30m, 1h30m or 2d`},
		{"-4h", incident.Duration{}, `malformed duration "-4h": want a length such as 4h, 30m, 1h30m or 2d`},
		{"4 h", incident.Duration{}, `malformed duration "4 h": want a length such as 4h, 30m, 1h30m or 2d`},
		{"1.5h", incident.Duration{}, `malformed duration "1.5h": want a length such as 4h, 30m, 1h30m or 2d`},
		{"1234567h", incident.Duration{}, `malformed duration "1234567h": want a length such as 4h, 30m, 1h30m or 2d`},
		{"0h", incident.Duration{}, `malformed duration "0h": the length must be positive`},
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
		0:                                      "",
		-time.Hour:                             "",
		time.Second:                            "1 second",
		2 * time.Minute:                        "2 minutes",
		time.Hour + time.Minute:                "1 hour 1 minute",
		25*time.Hour + 30*time.Second:          "1 day 1 hour 30 seconds",
		3*24*time.Hour + 1500*time.Millisecond: "3 days 1 second",
	} {
		if got := incident.SpellLength(d); got != want {
			t.Errorf("SpellLength(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestDurationTextErrors: one word that starts like a number must be a
// length, so a typo cannot silently become text without a length.
func TestDurationTextErrors(t *testing.T) {
	for _, in := range []string{"0h", "4.5x", "-4h", "4H", "2w", "0x10h", "1000000h", "+3h", ".5h"} {
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
		{"3 days", incident.Duration{Text: "3 days"}, "3 days"},
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
		{"2023-03-16/2023-03-14", incident.Period{}, `period "2023-03-16/2023-03-14" ends before it starts`},
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
