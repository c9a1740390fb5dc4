package incident

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ParseDuration reads the short form of a duration used in content files:
// "4h", "30m", "1h30m", "2d" (days of 24 hours) or "1d6h". The returned
// Duration's Text spells the length out: "4 hours", "1 hour 30 minutes".
func ParseDuration(s string) (Duration, error) {
	d, err := parseLength(s)
	if err != nil {
		return Duration{}, err
	}
	return Duration{Text: SpellLength(d), Length: d}, nil
}

// parseLength parses Go duration syntax extended with a "d" unit.
func parseLength(s string) (time.Duration, error) {
	if s == "" {
		return 0, errors.New("empty duration")
	}
	var total time.Duration
	rest := s
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i > 6 {
			return 0, fmt.Errorf("malformed duration %q: want a length such as 4h, 30m, 1h30m or 2d", s)
		}
		n, _ := strconv.Atoi(rest[:i])
		rest = rest[i:]
		var unit time.Duration
		switch {
		case strings.HasPrefix(rest, "d"):
			unit, rest = 24*time.Hour, rest[1:]
		case strings.HasPrefix(rest, "h"):
			unit, rest = time.Hour, rest[1:]
		case strings.HasPrefix(rest, "m"):
			unit, rest = time.Minute, rest[1:]
		case strings.HasPrefix(rest, "s"):
			unit, rest = time.Second, rest[1:]
		default:
			return 0, fmt.Errorf("malformed duration %q: want a length such as 4h, 30m, 1h30m or 2d", s)
		}
		if time.Duration(n) > (math.MaxInt64-total)/unit {
			return 0, fmt.Errorf("malformed duration %q: too long", s)
		}
		total += time.Duration(n) * unit
	}
	if total <= 0 {
		return 0, fmt.Errorf("malformed duration %q: the length must be positive", s)
	}
	return total, nil
}

// SpellLength writes a length out in words: "4 hours", "1 day 6 hours",
// "1 hour 30 minutes".
func SpellLength(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	var b strings.Builder
	part := func(n int64, one string) {
		if n == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatInt(n, 10))
		b.WriteByte(' ')
		b.WriteString(one)
		if n != 1 {
			b.WriteByte('s')
		}
	}
	days := int64(d / (24 * time.Hour))
	d -= time.Duration(days) * 24 * time.Hour
	hours := int64(d / time.Hour)
	d -= time.Duration(hours) * time.Hour
	minutes := int64(d / time.Minute)
	d -= time.Duration(minutes) * time.Minute
	part(days, "day")
	part(hours, "hour")
	part(minutes, "minute")
	part(int64(d/time.Second), "second")
	return b.String()
}

// String returns the text the page shows.
func (d Duration) String() string { return d.Text }

// MarshalText returns the short form ("4h") when the text is exactly the
// spelled-out length, and the text otherwise.
func (d Duration) MarshalText() ([]byte, error) {
	if d.Length > 0 && d.Text == SpellLength(d.Length) {
		return []byte(shortLength(d.Length)), nil
	}
	return []byte(d.Text), nil
}

// UnmarshalText reads a short length ("4h") into both Text and Length, and
// any other text into Text alone. A single word that starts like a number
// ("4.5h", "-4h", "2w", "0h") must be a length: it is an error, not text
// whose length would be silently lost. Words such as "4 hours" or
// "Weekend (Fri-Sun)" are text.
func (d *Duration) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		return errors.New("empty duration")
	}
	if looksLikeLength(s) {
		v, err := ParseDuration(s)
		if err != nil {
			return fmt.Errorf("%w (for words, write them with a space, or as {text: ..., length: ...})", err)
		}
		*d = v
		return nil
	}
	*d = Duration{Text: s}
	return nil
}

// looksLikeLength reports whether s is one word starting with a digit, a
// sign or a decimal point.
func looksLikeLength(s string) bool {
	return strings.IndexFunc(s, unicode.IsSpace) < 0 && strings.ContainsRune("0123456789+-.", rune(s[0]))
}

func shortLength(d time.Duration) string {
	var b strings.Builder
	for _, u := range [...]struct {
		unit time.Duration
		name byte
	}{{24 * time.Hour, 'd'}, {time.Hour, 'h'}, {time.Minute, 'm'}, {time.Second, 's'}} {
		if n := d / u.unit; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteByte(u.name)
			d -= n * u.unit
		}
	}
	return b.String()
}

// ParsePeriod reads "2023", "2023-03", "2023-03-14", or a range of two of
// those joined by "/", as in "2023-03-14/2023-03-16".
func ParsePeriod(s string) (Period, error) {
	start, end, isRange := strings.Cut(s, "/")
	a, err := parseDate(start)
	if err != nil {
		return Period{}, err
	}
	p := Period{Start: a}
	if isRange {
		if p.End, err = parseDate(end); err != nil {
			return Period{}, err
		}
		if p.End.Compare(p.Start) < 0 {
			return Period{}, fmt.Errorf("period %q ends before it starts", s)
		}
	}
	return p, nil
}

// IsZero reports whether the period is not given.
func (p Period) IsZero() bool { return p.Start.IsZero() }

// String returns the period in the content file's form.
func (p Period) String() string {
	if p.End.IsZero() {
		return p.Start.String()
	}
	return p.Start.String() + "/" + p.End.String()
}

// MarshalText returns the period in the content file's form.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads the content file's form; see ParsePeriod.
func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ErrMalformedDate is the error, wrapped, of a date or period not written
// as YYYY, YYYY-MM or YYYY-MM-DD (as opposed to one whose month or day is
// out of range).
var ErrMalformedDate = errors.New("malformed date")

// parseDate reads "2023", "2023-03" or "2023-03-14".
func parseDate(s string) (Date, error) {
	bad := fmt.Errorf("%w %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrMalformedDate, s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, bad
	}
	var n [3]int
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			return Date{}, bad
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || p[0] == '+' {
			return Date{}, bad
		}
		n[i] = v
	}
	d := Date{Year: n[0], Month: time.Month(n[1]), Day: n[2]}
	if d.Year < 1900 || d.Year > 2999 {
		return Date{}, fmt.Errorf("date %q: year out of range", s)
	}
	if len(parts) > 1 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q: month out of range", s)
	}
	if len(parts) > 2 {
		t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, fmt.Errorf("date %q: no such day", s)
		}
	}
	return d, nil
}

// IsZero reports whether the date is not given.
func (d Date) IsZero() bool { return d.Year == 0 }

// String returns "2023", "2023-03" or "2023-03-14".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d is before, the same as, or after e,
// comparing year, then month, then day (an unknown part as zero).
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	}
	return sign(d.Day - e.Day)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
