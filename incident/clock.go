package incident

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day and the zone it was given in, as in 13:42Z or
// 09:15:30+05:30. The zero Clock means no time of day was given: a time
// is never without its zone, so Set tells 00:00Z from none.
type Clock struct {
	Hour, Minute, Second, Nanosecond int
	// Offset is the zone: seconds east of UTC, 0 for Z, 19800 for +05:30.
	Offset int
	// Set reports whether a time of day is given.
	Set bool
}

// HasClock reports whether d carries a time of day, as a date-time such
// as 2023-03-14T13:42Z does.
func (d Date) HasClock() bool { return d.Clock.Set }

// Time returns the instant d names, in the zone it was written in (a
// time.FixedZone named as String writes the zone: "Z" or "+05:30"), for
// formatting with that zone (t.Format(time.RFC3339) for ISO 8601 and
// <time datetime>). ok is false when d has no time of day.
func (d Date) Time() (t time.Time, ok bool) {
	if !d.Clock.Set {
		return time.Time{}, false
	}
	c := d.Clock
	loc := time.UTC
	if c.Offset != 0 {
		loc = time.FixedZone(c.Zone(), c.Offset)
	}
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second, c.Nanosecond, loc), true
}

// Zone returns the zone as the content file writes it: "Z" for UTC, or
// the offset, as in "+05:30" or "-08:00".
func (c Clock) Zone() string {
	if c.Offset == 0 {
		return "Z"
	}
	sign, off := byte('+'), c.Offset
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d:%02d", sign, off/3600, off/60%60)
}

// String returns the time of day and its zone as the content file writes
// it: "13:42Z", "09:15:30+05:30", "13:42:00.5Z"; seconds only when not
// zero. It returns "" for the zero Clock.
func (c Clock) String() string {
	if !c.Set {
		return ""
	}
	s := fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
	if c.Second != 0 || c.Nanosecond != 0 {
		s += fmt.Sprintf(":%02d", c.Second)
		if c.Nanosecond != 0 {
			s += strings.TrimRight(fmt.Sprintf(".%09d", c.Nanosecond), "0")
		}
	}
	return s + c.Zone()
}

// ErrNoZone is the error, wrapped, of a time of day given without its
// zone, as in 2023-03-14T13:42: which 13:42 it was depends on where it
// was read.
var ErrNoZone = errors.New("no zone")

// timeForms is how errors name the forms of a time of day.
const timeForms = "2023-03-14T13:42Z (UTC) or 2023-03-14T13:42+01:00 (an offset from UTC)"

// parseDateTime reads an RFC 3339 date-time, "2023-03-14T13:42:00Z" or
// "2023-03-14T13:42:00.5+05:30"; seconds may be left out, as HTML allows:
// "2023-03-14T13:42Z". The zone is required.
func parseDateTime(s string) (Date, error) {
	day, clock, _ := strings.Cut(s, "T")
	d, err := parseDate(day)
	if err != nil {
		return Date{}, err
	}
	if d.Day == 0 {
		return Date{}, fmt.Errorf("date %q: a time of day needs a full date before the T, as in %s", s, timeForms)
	}
	bad := fmt.Errorf("%w %q: want a date and time such as %s", ErrMalformedDate, s, timeForms)
	// The zone: Z, or an offset +hh:mm or -hh:mm at the end.
	var c Clock
	switch i := strings.LastIndexAny(clock, "Z+-"); {
	case i < 0:
		if strings.HasSuffix(strings.ToUpper(clock), " UTC") || strings.HasSuffix(strings.ToUpper(clock), " GMT") {
			return Date{}, fmt.Errorf("time %q: write the zone UTC as Z, right after the time, as in %sT%sZ", s, day, strings.TrimSpace(clock[:len(clock)-4]))
		}
		if strings.ContainsAny(clock, " abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			return Date{}, bad
		}
		return Date{}, fmt.Errorf("time %q has %w: add Z if it is UTC, as in %sZ, or its offset from UTC, as in %s+01:00", s, ErrNoZone, s, s)
	case clock[i] == 'Z':
		if i != len(clock)-1 {
			return Date{}, bad
		}
		clock = clock[:i]
	default:
		off := clock[i+1:]
		if len(off) != 5 || off[2] != ':' {
			return Date{}, bad
		}
		h, herr := digits(off[:2])
		m, merr := digits(off[3:])
		if herr != nil || merr != nil || h > 23 || m > 59 {
			return Date{}, bad
		}
		c.Offset = (h*60 + m) * 60
		if clock[i] == '-' {
			c.Offset = -c.Offset
		}
		clock = clock[:i]
	}
	// hh:mm, hh:mm:ss or hh:mm:ss.fraction
	parts := strings.SplitN(clock, ":", 3)
	if len(parts) < 2 || len(parts[0]) != 2 || len(parts[1]) != 2 {
		return Date{}, bad
	}
	hm, rest := parts[0], parts[1]
	hasSec := len(parts) == 3
	var sec string
	if hasSec {
		sec = parts[2]
	}
	h, herr := digits(hm)
	m, merr := digits(rest)
	if herr != nil || merr != nil {
		return Date{}, bad
	}
	if hasSec {
		whole, frac, hasFrac := strings.Cut(sec, ".")
		sv, serr := digits(whole)
		if serr != nil || len(whole) != 2 || hasFrac && (frac == "" || len(frac) > 9) {
			return Date{}, bad
		}
		if hasFrac {
			n, ferr := digits(frac)
			if ferr != nil {
				return Date{}, bad
			}
			for range 9 - len(frac) {
				n *= 10
			}
			c.Nanosecond = n
		}
		c.Second = sv
	}
	if h > 23 || m > 59 || c.Second > 59 {
		return Date{}, fmt.Errorf("time %q: no such time of day", s)
	}
	c.Hour, c.Minute, c.Set = h, m, true
	d.Clock = c
	return d, nil
}

// digits reads a number of ASCII digits only: no sign, no space.
func digits(s string) (int, error) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(s)
}

// ParseDate reads a date, "2023", "2023-03" or "2023-03-14", or a
// date-time with its zone, "2023-03-14T13:42Z", as ParsePeriod reads
// either end of a period.
func ParseDate(s string) (Date, error) {
	if strings.Contains(s, "T") {
		return parseDateTime(s)
	}
	if day, clock, ok := strings.Cut(s, " "); ok && len(clock) > 0 && clock[0] >= '0' && clock[0] <= '9' {
		return Date{}, fmt.Errorf("date %q: write T between the date and the time, as in %sT%s", s, day, clock)
	}
	if d, ok := strings.CutSuffix(s, "Z"); ok && !strings.Contains(d, "T") {
		return Date{}, fmt.Errorf("date %q: a zone goes after a time of day, as in %s", s, timeForms)
	}
	return parseDate(s)
}

// MarshalText returns the date in the content file's form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the content file's form; see ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// within reports whether d falls inside the period p: after its start,
// and before its end or, for a period of one date, inside that date. Two
// dates with times compare as instants; otherwise d's day as written is
// compared with p's ends to their precision, so that 2023-03-14T23:30-05:00
// is on 2023-03-14 and in 2023-03. A period of one date-time is the
// start of an incident, which has no end.
func (p Period) within(d Date) (before, after bool) {
	start, end := p.Start, p.End
	if end.IsZero() && !start.Clock.Set {
		end = start
	}
	if start.Clock.Set && d.Clock.Set {
		ts, _ := start.Time()
		td, _ := d.Time()
		before = td.Before(ts)
	} else {
		before = truncate(d, start).Compare(start) < 0
	}
	switch {
	case end.IsZero():
	case end.Clock.Set && d.Clock.Set:
		te, _ := end.Time()
		td, _ := d.Time()
		after = td.After(te)
	default:
		after = truncate(d, end).Compare(end) > 0
	}
	return before, after
}

// truncate returns d's calendar date to the precision of e, without a
// time of day: 2023-03 for 2023-03-14T13:42Z and 2023-03.
func truncate(d, e Date) Date {
	t := Date{Year: d.Year, Month: d.Month, Day: d.Day}
	if e.Month == 0 {
		t.Month = 0
	}
	if e.Day == 0 {
		t.Day = 0
	}
	return t
}
