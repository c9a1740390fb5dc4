package incident_test

import (
	"fmt"
	"time"

	"github.com/incident-leadership/portfolio/incident"
)

func ExampleParseDate() {
	d, err := incident.ParseDate("2023-03-14T14:42+01:00")
	fmt.Println(d, d.HasClock(), err)
	t, _ := d.Time()
	fmt.Println(t.Format(time.RFC3339), t.UTC().Format(time.RFC3339))
	_, err = incident.ParseDate("2023-03-14T13:42")
	fmt.Println(err)
	// Output:
	// 2023-03-14T14:42+01:00 true <nil>
	// 2023-03-14T14:42:00+01:00 2023-03-14T13:42:00Z
	// time "2023-03-14T13:42" has no zone: add Z if it is UTC, as in 2023-03-14T13:42Z, or its offset from UTC, as in 2023-03-14T13:42+01:00
}

func ExampleIncident_TimeToDetect() {
	at := func(s string) incident.Date { d, _ := incident.ParseDate(s); return d }
	in := incident.Incident{Timeline: []incident.Event{
		{At: at("2024-02-09T18:02Z"), Text: "CoreDNS at its CPU limits", Kind: incident.Started, State: incident.Degraded},
		{At: at("2024-02-09T18:09Z"), Text: "Alert pages on-call", Kind: incident.Detected},
		{At: at("2024-02-09T19:48+01:00"), Text: "Lookups succeed again", Kind: incident.Mitigated, State: incident.Recovered},
		{At: at("2024-02-09T19:37Z"), Text: "Incident closed", Kind: incident.Resolved},
	}}
	for _, f := range []func() (time.Duration, bool){in.TimeToDetect, in.TimeToMitigate, in.TimeToResolve} {
		fmt.Println(f())
	}
	// Output:
	// 7m0s true
	// 46m0s true
	// 1h35m0s true
}

func ExampleScaleTiers() {
	scale := []incident.SeverityDef{
		{Code: "P0", Label: "Emergency", Level: 0},
		{Code: "P1", Label: "Critical", Level: 1},
		{Code: "P2", Label: "High", Level: 2},
		{Code: "P3", Label: "Medium", Level: 3},
		{Code: "P4", Label: "Low", Level: 4},
		{Code: "P5", Label: "Notice", Level: 5, Tier: incident.TierLow},
	}
	fmt.Println(incident.ScaleTiers(scale))
	// Output:
	// [Critical Critical High Medium Low Low]
}

func ExampleIncident_Postmortem() {
	in := incident.Incident{Summary: []string{"A config push exhausted the pool."}, GotLucky: []string{"It was a Sunday."}}
	for _, s := range in.Postmortem() {
		if len(s.Paragraphs) > 0 {
			fmt.Printf("%s (%s): %s\n", s.Name, s.Key, s.Paragraphs[0])
		}
	}
	// Output:
	// Summary (summary): A config push exhausted the pool.
	// Where We Got Lucky (gotLucky): It was a Sunday.
}
