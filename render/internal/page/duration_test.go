package page

import (
	"testing"
	"time"
)

// TestAppendISODuration checks the ISO 8601 form of lengths: hours not
// carried into days, fractions of a second as decimals.
func TestAppendISODuration(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{4 * time.Hour, "PT4H"},
		{48 * time.Hour, "PT48H"},
		{60 * time.Hour, "PT60H"},
		{90 * time.Minute, "PT1H30M"},
		{30*time.Hour + 30*time.Minute + 5*time.Second, "PT30H30M5S"},
		{90 * time.Second, "PT1M30S"},
		{30 * time.Second, "PT30S"},
		{1500 * time.Millisecond, "PT1.5S"},
		{time.Hour + time.Nanosecond, "PT1H0.000000001S"},
		{time.Minute + 250*time.Millisecond, "PT1M0.25S"},
	} {
		if got := string(AppendISODuration(nil, tt.d)); got != tt.want {
			t.Errorf("%v: got %q, want %q", tt.d, got, tt.want)
		}
	}
}
