package incident_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

func ExampleParseDuration() {
	for _, s := range []string{"4h", "2h 15m", "90 minutes", "24 hours 11 minutes", "1d 2h", "1.5h", "about 6 hours", "~45m", "2h 15", "90 minuets"} {
		d, err := incident.ParseDuration(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-19s  %-19s  %-8v  approximate=%v\n", s, d.Text, d.Length, d.Approximate)
	}
	// Output:
	// 4h                   4 hours              4h0m0s    approximate=false
	// 2h 15m               2 hours 15 minutes   2h15m0s   approximate=false
	// 90 minutes           1 hour 30 minutes    1h30m0s   approximate=false
	// 24 hours 11 minutes  24 hours 11 minutes  24h11m0s  approximate=false
	// 1d 2h                26 hours             26h0m0s   approximate=false
	// 1.5h                 1 hour 30 minutes    1h30m0s   approximate=false
	// about 6 hours        about 6 hours        6h0m0s    approximate=true
	// ~45m                 about 45 minutes     45m0s     approximate=true
	// malformed duration "2h 15": 15 has no unit; want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~
	// malformed duration "90 minuets": unknown unit "minuets": the units are d, h, m and s, or day, hour, minute and second; want a length such as 4h, 2h 15m, 1h 30 min, 90 minutes, 1d 2h or 1.5h, optionally after about or ~
}

func ExampleSpellLength() {
	fmt.Println(incident.SpellLength(time.Hour))
	fmt.Println(incident.SpellLength(26*time.Hour + 90*time.Second))
	fmt.Println(incident.SpellLength(72 * time.Hour))
	fmt.Println(incident.SpellLength(98 * time.Hour))
	// Output:
	// 1 hour
	// 26 hours 1 minute 30 seconds
	// 72 hours
	// 4 days 2 hours
}

func ExampleParsePeriod() {
	for _, s := range []string{"2023", "2023-03-14/2023-03-16", "2023-03-16/2023-03-14"} {
		p, err := incident.ParsePeriod(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("start %v, end %q\n", p.Start, p.End)
	}
	// Output:
	// start 2023, end ""
	// start 2023-03-14, end "2023-03-16"
	// period "2023-03-16/2023-03-14" ends before it starts: write the earlier end first
}

// Validate reports every problem at once, each under the path of its field
// in the content file.
func ExamplePortfolio_Validate() {
	p := incident.Portfolio{
		Title: "Incidents",
		Incidents: []incident.Incident{{
			ID:           "Disk_Full",
			Title:        "Disk full",
			Role:         "Led Resolution",
			Severity:     "critical",
			Duration:     incident.Duration{Text: "1 hour"},
			Situation:    []string{"Logs filled the disk."},
			MyRole:       []string{"Found the log."},
			Resolution:   []string{"Deleted old logs."},
			PermanentFix: []string{"Rotated logs daily."},
			Links:        []incident.WriteUp{{Title: "Postmortem", URL: "javascript:alert(1)", Kind: incident.Postmortem}},
		}},
	}
	err := p.Validate()
	fmt.Println(err)

	var fe *incident.FieldError
	if errors.As(err, &fe) {
		fmt.Println("first:", fe.Path)
	}
	// Output:
	// tagline: missing text
	// incidents[0].id: malformed id "Disk_Full": want lower-case letters and digits in words joined by single hyphens, at most 64 bytes; try "disk-full"
	// incidents[0].role: unknown role "Led Resolution"; want one of caused-and-fixed, led-resolution; did you mean "led-resolution"?
	// incidents[0].severity: unknown severity "critical"; want one of P1, P2, P3, P4; did you mean "P1" (Critical)?
	// incidents[0].links[0].url: bad URL "javascript:alert(1)": scheme "javascript" not allowed; want http or https
	// first: tagline
}

// A clone shares nothing with the original: changing it, or appending to
// it, leaves the original as it was.
func ExamplePortfolio_Clone() {
	p := incident.Portfolio{Incidents: []incident.Incident{{ID: "disk-full", Tags: []string{"linux"}}}}
	q := p.Clone()
	q.Incidents[0].Tags[0] = "postgresql"
	q.Incidents = append(q.Incidents, incident.Incident{ID: "region-down"})
	fmt.Println(len(p.Incidents), p.Incidents[0].Tags)
	fmt.Println(len(q.Incidents), q.Incidents[0].Tags)
	// Output:
	// 1 [linux]
	// 2 [postgresql]
}

func ExampleIncident_Sections() {
	in := incident.Incident{
		Situation:    []string{"Logs filled the disk."},
		MyRole:       []string{"Found the log.", "Paged the owner."},
		Resolution:   []string{"Deleted old logs."},
		PermanentFix: []string{"Rotated logs daily."},
	}
	for _, s := range in.Sections() {
		fmt.Printf("%-13s %-12s %d\n", s.Name, s.Key, len(s.Paragraphs))
	}
	// Output:
	// Situation     situation    1
	// My Role       myRole       2
	// Resolution    resolution   1
	// Permanent Fix permanentFix 1
}

func ExampleRole_String() {
	fmt.Println(incident.CausedAndFixed)
	fmt.Println(incident.Role("on-call-commander"))
	// Output:
	// Caused & Fixed
	// on-call-commander
}

func ExampleSeverity_String() {
	fmt.Println(incident.P1, incident.Severity("SEV-1"))
	// Output:
	// P1 SEV-1
}

func ExampleIncident_HasDetails() {
	in := incident.Incident{ID: "disk-full"}
	fmt.Println(in.HasDetails())
	in.Tags = []string{"linux"}
	fmt.Println(in.HasDetails())
	// Output:
	// false
	// true
}

func ExampleCheckText() {
	for _, s := range []string{"Restored in 30 minutes.", "Two\nlines", "bad \xff byte", "bell\a"} {
		fmt.Println(incident.CheckText(s))
	}
	// Output:
	// <nil>
	// line break at byte 3: one paragraph is one line; start a new list item for a new paragraph
	// invalid UTF-8 at byte 4
	// control character U+0007 at byte 4
}
