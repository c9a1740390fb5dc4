package page

import "testing"

// TestNumberForms checks how a figure's number reads in the languages
// Lang may name, and that any other reads as English does.
func TestNumberForms(t *testing.T) {
	for _, tt := range []struct {
		lang string
		v    float64
		want string
	}{
		{"", 5000, "5,000"},
		{"en", 1.2e9, "1,200,000,000"},
		{"en-GB", 1234.5, "1,234.5"},
		{"en", 999, "999"},
		{"en", -12345.25, "-12,345.25"},
		{"en", 0.5, "0.5"},
		{"xx", 5000, "5,000"},
		{"de", 5000, "5.000"},
		{"DE-at", 1234567.5, "1.234.567,5"},
		{"de-CH", 5000, "5’000"},
		{"es", 5000, "5000"},
		{"es", 50000, "50.000"},
		{"fr", 5000.25, "5\u202f000,25"},
		{"fr-CA", 1.5, "1,5"},
		{"pl", 5000, "5000"},
		{"pl", 12345, "12\u00a0345"},
		{"pt-BR", 5000, "5.000"},
		{"pt-PT", 5000, "5\u00a0000"},
		{"ru", 5000, "5\u00a0000"},
		{"sv", 100000, "100\u00a0000"},
		{"it", 5000, "5.000"},
		{"nl", 5000, "5.000"},
	} {
		if got := string(AppendNumber(nil, tt.v, numberFormOf(tt.lang))); got != tt.want {
			t.Errorf("%q, %v: got %q, want %q", tt.lang, tt.v, got, tt.want)
		}
	}
}
