package incident

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio/internal/length"
)

// ParseDuration reads a length as content files give it, in any case:
// "4h", "2h 15m", "1h 30 min", "90 minutes", "24 hours 11 minutes",
// "1d 2h" (a day is 24 hours), "1.5h"; the units are s, sec, second, m,
// min, minute, h, hr, hour, d and day, in the plural too. After "about",
// "around", "approx.", "approximately", "roughly" or "~", as in "about 6
// hours" or "~6h", the length is approximate. The returned Duration's
// Text spells the length out, as Spell does: "4 hours", "1 hour 30
// minutes", "about 6 hours".
func ParseDuration(s string) (Duration, error) {
	d, approx, err := length.Parse(s)
	if err != nil {
		return Duration{}, err
	}
	v := Duration{Length: d, Approximate: approx}
	v.Text = v.Spell()
	return v, nil
}

// Spell returns the text that spells out the length: SpellLength's,
// after "about" when the length is approximate; "" without a length.
func (d Duration) Spell() string {
	s := SpellLength(d.Length)
	if s != "" && d.Approximate {
		return "about " + s
	}
	return s
}

// spellHoursUpTo is the longest length SpellLength writes in hours: an
// incident of 30 hours reads "30 hours", as SREs write it, not "1 day 6
// hours". Longer ones start with days: "4 days 2 hours".
const spellHoursUpTo = 72 * time.Hour

// lengthParts splits d into the numbers of days, hours, minutes and
// seconds it is written in: hours up to spellHoursUpTo, days and hours
// beyond. Less than a second is left out.
func lengthParts(d time.Duration) [4]int64 {
	var p [4]int64
	if d > spellHoursUpTo {
		p[0] = int64(d / (24 * time.Hour))
		d -= time.Duration(p[0]) * 24 * time.Hour
	}
	p[1] = int64(d / time.Hour)
	d -= time.Duration(p[1]) * time.Hour
	p[2] = int64(d / time.Minute)
	d -= time.Duration(p[2]) * time.Minute
	p[3] = int64(d / time.Second)
	return p
}

// SpellLength writes a length out in words: "4 hours", "1 hour 30
// minutes", "24 hours 11 minutes". Up to 72 hours the length is written
// in hours, minutes and seconds ("72 hours"); beyond, days come first
// ("4 days 2 hours"). Fractions of a second are left out, and a length
// under a second reads "less than a second".
func SpellLength(d time.Duration) string {
	var buf [64]byte
	return string(AppendLength(buf[:0], d))
}

// AppendLength appends the words SpellLength returns for d to b, and
// returns the extended slice; it appends nothing for a length of zero or
// less. It allocates only when b has no room.
func AppendLength(b []byte, d time.Duration) []byte {
	if d <= 0 {
		return b
	}
	if d < time.Second {
		return append(b, "less than a second"...)
	}
	start := len(b)
	for i, n := range lengthParts(d) {
		if n == 0 {
			continue
		}
		if len(b) > start {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, n, 10)
		b = append(b, ' ')
		b = append(b, [...]string{"day", "hour", "minute", "second"}[i]...)
		if n != 1 {
			b = append(b, 's')
		}
	}
	return b
}

// String returns the text the page shows.
func (d Duration) String() string { return d.Text }

// MarshalText returns the short form ("4h", "~6h") when the text is
// exactly the spelled-out length, and the text otherwise.
func (d Duration) MarshalText() ([]byte, error) {
	if d.Length > 0 && d.Text == d.Spell() {
		short := shortLength(d.Length)
		if d.Approximate {
			short = "~" + short
		}
		return []byte(short), nil
	}
	return []byte(d.Text), nil
}

// UnmarshalText reads a text that looks like a length, one that starts
// with a digit, or with "+", "-" or "." and a digit, after an optional
// "about", "around", "approx.", "approximately", "roughly" or "~", as
// ParseDuration does: it is an error when it is none, not text whose
// length would be silently lost. Any other text ("Weekend (Fri-Sun)") is
// Text alone.
func (d *Duration) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "" {
		return errors.New("empty duration")
	}
	if length.LooksLikeLength(s) {
		v, err := ParseDuration(s)
		if err != nil {
			return fmt.Errorf("%w (for other words, write {text: ..., length: ...})", err)
		}
		*d = v
		return nil
	}
	*d = Duration{Text: s}
	return nil
}

func shortLength(d time.Duration) string {
	var b strings.Builder
	for i, n := range lengthParts(d) {
		if n > 0 {
			b.WriteString(strconv.FormatInt(n, 10))
			b.WriteByte("dhms"[i])
		}
	}
	return b.String()
}

// ParsePeriod reads "2023", "2023-03", "2023-03-14", a date-time with
// its zone such as "2023-03-14T13:42Z" or "2023-03-14T13:42:00+01:00"
// (see ParseDate), or a range of two dates or of two date-times joined by
// "/", as in "2023-03-14/2023-03-16" or
// "2023-03-14T13:42Z/2023-03-14T14:09Z". A range ends no earlier than it
// starts.
func ParsePeriod(s string) (Period, error) {
	start, end, isRange := strings.Cut(s, "/")
	a, err := ParseDate(start)
	if err != nil {
		return Period{}, err
	}
	p := Period{Start: a}
	if isRange {
		if p.End, err = ParseDate(end); err != nil {
			return Period{}, err
		}
		if p.Start.Clock.Set != p.End.Clock.Set {
			return Period{}, fmt.Errorf("period %q: one end has a time of day and the other not; give both ends as dates, or both as date-times such as %s", s, timeForms)
		}
		if p.End.chrono(p.Start) < 0 {
			return Period{}, fmt.Errorf("period %q ends before it starts: write the earlier end first", s)
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

// String returns "2023", "2023-03", "2023-03-14" or, with a time of
// day, "2023-03-14T13:42Z" (see Clock.String).
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case d.Clock.Set:
		return fmt.Sprintf("%04d-%02d-%02dT%s", d.Year, int(d.Month), d.Day, d.Clock)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d sorts before, with or after e in the
// order of dates as they are written, which render.ByDate sorts by:
// by year, then month, then day as written (an unknown part as zero, so
// 2023 comes before 2023-01 and 2023-03 before 2023-03-01); on one day,
// the date without a time of day before any date-time; and the
// date-times of one day by instant, whatever their zones. The day comes
// first, as a reader sees it: 2023-03-15T01:00+05:30 (19:30 UTC on the
// 14th) sorts after 2023-03-14T22:00Z. It is a total order, for
// slices.SortFunc; two date-times of one day at one instant in different
// zones compare equal. To compare instants across days, compare Times.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	case d.Day != e.Day:
		return sign(d.Day - e.Day)
	case !d.Clock.Set || !e.Clock.Set:
		return boolSign(d.Clock.Set) - boolSign(e.Clock.Set)
	}
	return d.chrono(e)
}

// chrono returns -1, 0 or +1 as d is earlier than, at or later than e:
// as instants when both have a time of day, whatever their days as
// written and their zones; otherwise as Compare. It is for the two ends
// of a period and the events of a timeline, which have times at both or
// neither (2024-02-10T01:00+05:30 is 2h30m before 2024-02-09T22:00Z);
// between a date and a date-time it is no order, and it sorts nothing.
func (d Date) chrono(e Date) int {
	if d.Clock.Set && e.Clock.Set {
		td, _ := d.Time()
		te, _ := e.Time()
		return td.Compare(te)
	}
	return d.Compare(e)
}

func boolSign(b bool) int {
	if b {
		return 1
	}
	return 0
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
