// Package length reads the lengths of time content files give, as SREs
// write them: "4h", "2h 15m", "1h 30 min", "90 minutes", "24 hours 11
// minutes", "1d 2h", "1.5h", and approximately: "about 6 hours", "~6h".
// Its grammar is written once, as the portable regular expressions the
// JSON Schema of the content file holds (Exact, Approximate, LooksLike);
// Parse reads by the same expressions, so the loader and the schema agree.
//
// The grammar, every word in any case:
//
//	length  = [approx] exact
//	approx  = "~" {" "} | ("about" | "around" | "approx." | "approx" | "approximately" | "roughly") " " {" "}
//	exact   = part {sep part}, one part's number not zero
//	part    = number {" "} unit
//	number  = 1 to 6 digits, with one decimal digit before d, h or m units ("1.5h")
//	unit    = d | day | days | h | hr | hrs | hour | hours | m | min | mins | minute | minutes
//	        | s | sec | secs | second | seconds
//	sep     = ["," ] {" "} | [","] " " {" "} "and" " " {" "}
//
// A text looks like a length (LooksLike) when, after an optional approx
// word, it starts with a digit, or with "+", "-" or "." and a digit. A
// content file's duration that looks like a length must be one; any other
// text is prose, such as "Weekend (Fri-Sun)".
package length

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A unit is a unit of length and the words that name it.
type unit struct {
	size    time.Duration
	words   []string // longest first, as a regular expression must try them
	decimal bool     // a number before it may have one decimal digit
}

var units = []unit{
	{24 * time.Hour, []string{"days", "day", "d"}, true},
	{time.Hour, []string{"hours", "hour", "hrs", "hr", "h"}, true},
	{time.Minute, []string{"minutes", "minute", "mins", "min", "m"}, true},
	{time.Second, []string{"seconds", "second", "secs", "sec", "s"}, false},
}

// approxWords mark a length as approximate; "~" does too.
var approxWords = []string{"approximately", "approx.", "approx", "roughly", "around", "about"}

// Forms names the accepted forms, for error messages.
const Forms = "want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~"

// anyCase returns the pattern of word in any case: "[hH][rR]".
func anyCase(word string) string {
	var b strings.Builder
	for _, r := range word {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteString("[" + string(r) + string(r-'a'+'A') + "]")
		case r == '.':
			b.WriteString(`\.`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func either(words []string) string {
	alts := make([]string, len(words))
	for i, w := range words {
		alts[i] = anyCase(w)
	}
	return "(" + strings.Join(alts, "|") + ")"
}

const (
	digits  = `[0-9]{1,6}`
	nonZero = `([1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9])`
)

// Approx is the pattern, without ^, of the approx of the grammar: the
// approximation word of a length and the spaces after it, such as "about "
// or "~".
var Approx = `(~ *|` + either(approxWords) + ` +)`

// parts returns the pattern of a part, or of a part whose number is not
// zero.
func parts(nonzero bool) string {
	var decimal, whole []string
	for _, u := range units {
		if u.decimal {
			decimal = append(decimal, u.words...)
		} else {
			whole = append(whole, u.words...)
		}
	}
	num, dec := digits+`(\.[0-9])?`, digits
	if nonzero {
		num, dec = `(`+nonZero+`(\.[0-9])?|0{1,6}\.[1-9])`, nonZero
	}
	return `(` + num + ` *` + either(decimal) + `|` + dec + ` *` + either(whole) + `)`
}

var sepPattern = `(,? *|,? +` + anyCase("and") + ` +)`

// Exact is the pattern of an exact length, such as "2h 15m", without ^
// and $.
var Exact = `(` + parts(false) + sepPattern + `)*` + parts(true) + `(` + sepPattern + parts(false) + `)*`

// Approximate is the pattern of a length, exact or approximate, without ^
// and $.
var Approximate = Approx + `?` + Exact

// LooksLike is the pattern, anchored at the start only, of a text that
// looks like a length.
var LooksLike = `^` + Approx + `?[-+.]?[0-9]`

// Part is the pattern of one part of a length: its number in group 1, a
// decimal digit after a dot in group 2, its unit in group 3.
const Part = `([0-9]+)(\.[0-9])? *([A-Za-z]+)`

// Units returns every word of a unit, in lower case, with the length it
// stands for: "h", "hr" and "hours" are an hour.
func Units() map[string]time.Duration {
	m := map[string]time.Duration{}
	for _, u := range units {
		for _, w := range u.words {
			m[w] = u.size
		}
	}
	return m
}

var (
	exactRE     = regexp.MustCompile(`^` + Exact + `$`)
	approxRE    = regexp.MustCompile(`^` + Approx)
	looksLikeRE = regexp.MustCompile(LooksLike)
	partRE      = regexp.MustCompile(Part)
)

// LooksLikeLength reports whether s looks like a length: see the package
// doc.
func LooksLikeLength(s string) bool { return looksLikeRE.MatchString(s) }

// Parse reads a length, exact or approximate. Its errors say what is
// wrong and end with the accepted forms.
func Parse(s string) (d time.Duration, approx bool, err error) {
	rest := s
	if m := approxRE.FindString(s); m != "" {
		approx, rest = true, s[len(m):]
	}
	d, err = parseExact(rest)
	if err != nil {
		return 0, false, malformed(s, err)
	}
	return d, approx, nil
}

// ParseExact reads an exact length, such as "2h 15m".
func ParseExact(s string) (time.Duration, error) {
	if approxRE.MatchString(s) {
		return 0, malformed(s, errors.New(
			"want an exact length here, such as 4h or 2h 15m; to say it is approximate, add approximate: true"))
	}
	d, err := parseExact(s)
	if err != nil {
		return 0, malformed(s, err)
	}
	return d, nil
}

func malformed(s string, err error) error {
	if s == "" {
		return errors.New("empty duration")
	}
	return fmt.Errorf("malformed duration %q: %w", s, err)
}

func parseExact(s string) (time.Duration, error) {
	if !exactRE.MatchString(s) {
		return 0, diagnose(s)
	}
	var total time.Duration
	for _, m := range partRE.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		u := unitOf(m[3])
		tenths := n * 10
		if m[2] != "" {
			tenths += int64(m[2][1] - '0')
		}
		if time.Duration(tenths) > (math.MaxInt64-total)/(u.size/10) {
			return 0, errors.New("too long")
		}
		total += time.Duration(tenths) * (u.size / 10)
	}
	return total, nil
}

func unitOf(word string) *unit {
	word = strings.ToLower(word)
	for i := range units {
		for _, w := range units[i].words {
			if w == word {
				return &units[i]
			}
		}
	}
	return nil
}

// loosePartRE reads what diagnose takes for the next part: separators,
// and in group 1, then the digits of a number (group 2), a fraction of any
// digits (3) and, after any spaces, the letters of a unit (4).
var loosePartRE = regexp.MustCompile(`^[ ,]*((?i:and) +)?([0-9]*)(\.[0-9]*)? *([A-Za-z]*)`)

// diagnose says what is wrong with s, which the grammar refuses, as
// precisely as it can.
func diagnose(s string) error {
	generic := errors.New(Forms)
	seen, nonzero := false, false
	for rest := s; rest != ""; {
		m := loosePartRE.FindStringSubmatch(rest)
		and, num, frac, word := m[1], m[2], m[3], m[4]
		if num == "" || and != "" && !seen {
			return generic // no number, or and before the first part
		}
		if len(num) > 6 {
			return fmt.Errorf("%s has more than six digits; %s", num, Forms)
		}
		if word == "" {
			return fmt.Errorf("%s has no unit; %s", num+frac, Forms)
		}
		u := unitOf(word)
		if u == nil {
			return fmt.Errorf("unknown unit %q: the units are d, h, m and s, or day, hour, minute and second; %s",
				word, Forms)
		}
		if frac != "" && (len(frac) != 2 || !u.decimal) {
			return errors.New(
				"a number may have one decimal digit, and none before seconds; write whole units, as in 1h 15m")
		}
		if strings.Trim(num, "0") != "" || strings.Trim(frac, ".0") != "" {
			nonzero = true
		}
		seen, rest = true, rest[len(m[0]):]
	}
	if seen && !nonzero {
		return errors.New("the length must be positive")
	}
	return generic
}
