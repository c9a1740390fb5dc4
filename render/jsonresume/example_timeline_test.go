package jsonresume_test

import (
	"log"
	"os"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

// The extension carries times of day and the timeline in ISO 8601 with
// their zone, and the times to detect, mitigate and resolve as ISO 8601
// durations.
func ExampleWriteExtension_timeline() {
	at := func(s string) incident.Date {
		d, err := incident.ParseDate(s)
		if err != nil {
			log.Fatal(err)
		}
		return d
	}
	p := jsonExamplePortfolio()
	in := &p.Incidents[0]
	in.When = incident.Period{Start: at("2024-03-05T13:42Z"), End: at("2024-03-05T14:09Z")}
	in.Timeline = []incident.Event{
		{At: at("2024-03-05T13:42Z"), Text: "Disk fills up", Kind: incident.Started, State: incident.Down},
		{At: at("2024-03-05T13:46Z"), Text: "Disk alert pages me", Kind: incident.Detected},
		{At: at("2024-03-05T13:58Z"), Text: "Old logs deleted", Kind: incident.Mitigated, State: incident.Recovered},
	}
	err := jsonresume.WriteExtension(os.Stdout, p, render.Legend(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "version": "1",
	//   "title": "Incidents",
	//   "tagline": "What I broke \u0026 fixed.",
	//   "incidents": [
	//     {
	//       "id": "disk-full",
	//       "title": "Disk full",
	//       "role": {
	//         "key": "caused-and-fixed",
	//         "label": "Caused \u0026 Fixed"
	//       },
	//       "severity": {
	//         "code": "P2",
	//         "label": "High",
	//         "level": 2
	//       },
	//       "duration": {
	//         "text": "1 hour",
	//         "length": "PT1H"
	//       },
	//       "situation": [
	//         "Logs filled the \u003cdata\u003e disk."
	//       ],
	//       "myRole": [
	//         "Found the log."
	//       ],
	//       "resolution": [
	//         "Deleted old logs."
	//       ],
	//       "permanentFix": [
	//         "Rotated logs daily."
	//       ],
	//       "when": {
	//         "start": "2024-03-05T13:42:00Z",
	//         "end": "2024-03-05T14:09:00Z"
	//       },
	//       "timeToDetect": "PT4M",
	//       "timeToMitigate": "PT16M",
	//       "timeline": [
	//         {
	//           "at": "2024-03-05T13:42:00Z",
	//           "text": "Disk fills up",
	//           "kind": "started",
	//           "state": "down"
	//         },
	//         {
	//           "at": "2024-03-05T13:46:00Z",
	//           "text": "Disk alert pages me",
	//           "kind": "detected"
	//         },
	//         {
	//           "at": "2024-03-05T13:58:00Z",
	//           "text": "Old logs deleted",
	//           "kind": "mitigated",
	//           "state": "recovered"
	//         }
	//       ]
	//     }
	//   ]
	// }
}
