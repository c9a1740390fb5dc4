package length

import (
	"regexp"
	"testing"
)

// TestLengthsLookLikeLengths checks that every text the grammar reads
// looks like a length, so that the schema's two string forms of a
// duration, a length and prose, never overlap; and that Parse reads
// exactly the texts the pattern Approximate matches.
func TestLengthsLookLikeLengths(t *testing.T) {
	approx := regexp.MustCompile(`^` + Approximate + `$`)
	for _, s := range []string{
		"4h", "2h 15m", "1h 30 min", "90 minutes", "24 hours 11 minutes", "1d 2h", "1.5h", "2 hrs, 3 secs",
		"1 hour and 1 minute", "about 6 hours", "~6h", "approx. 2h", "around 45 minutes", "ROUGHLY 2H",
		"2h 15", "90 minuets", "0h", "1.25h", "1.5s", "about a day", "Weekend (Fri-Sun)", "~", "-4h", "2h and",
	} {
		_, _, err := Parse(s)
		if ok := approx.MatchString(s); ok != (err == nil) {
			t.Errorf("%q: the pattern matches = %v, Parse error = %v", s, ok, err)
		}
		if err == nil && !LooksLikeLength(s) {
			t.Errorf("%q is a length but does not look like one", s)
		}
	}
}
