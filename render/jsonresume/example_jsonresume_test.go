package jsonresume_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
	"github.com/incident-leadership/portfolio/render/jsonresume"
)

// jsonExamplePortfolio is a portfolio of one incident, which the other
// examples vary.
func jsonExamplePortfolio() incident.Portfolio {
	return incident.Portfolio{
		Title:   "Incidents",
		Tagline: "What I broke & fixed.",
		Incidents: []incident.Incident{{
			ID:           "disk-full",
			Title:        "Disk full",
			Role:         incident.CausedAndFixed,
			Severity:     incident.P2,
			Duration:     incident.Duration{Text: "1 hour", Length: time.Hour},
			Situation:    []string{"Logs filled the <data> disk."},
			MyRole:       []string{"Found the log."},
			Resolution:   []string{"Deleted old logs."},
			PermanentFix: []string{"Rotated logs daily."},
			When:         incident.Period{Start: incident.Date{Year: 2024, Month: 5}},
		}},
	}
}

func ExampleWrite() {
	err := jsonresume.Write(os.Stdout, jsonExamplePortfolio(), render.Legend(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
	//   "meta": {
	//     "incidentLeadership": {
	//       "version": "1",
	//       "title": "Incidents",
	//       "tagline": "What I broke \u0026 fixed.",
	//       "incidents": [
	//         {
	//           "id": "disk-full",
	//           "title": "Disk full",
	//           "role": {
	//             "key": "caused-and-fixed",
	//             "label": "Caused \u0026 Fixed"
	//           },
	//           "severity": {
	//             "code": "P2",
	//             "label": "High",
	//             "level": 2
	//           },
	//           "duration": {
	//             "text": "1 hour",
	//             "length": "PT1H"
	//           },
	//           "situation": [
	//             "Logs filled the \u003cdata\u003e disk."
	//           ],
	//           "myRole": [
	//             "Found the log."
	//           ],
	//           "resolution": [
	//             "Deleted old logs."
	//           ],
	//           "permanentFix": [
	//             "Rotated logs daily."
	//           ],
	//           "when": {
	//             "start": "2024-05"
	//           }
	//         }
	//       ]
	//     }
	//   }
	// }
}

// Projects lists the incidents in the résumé's projects section too, where
// themes show them; TopLevel moves the extension out of meta.
func ExampleProjects() {
	var b bytes.Buffer
	err := jsonresume.Write(&b, jsonExamplePortfolio(), jsonresume.Projects(), jsonresume.TopLevel(), render.Details(false))
	if err != nil {
		log.Fatal(err)
	}
	// Show the document down to the extension.
	doc, _, _ := strings.Cut(b.String(), `    "version"`)
	fmt.Print(doc)
	// Output:
	// {
	//   "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
	//   "projects": [
	//     {
	//       "name": "Disk full",
	//       "highlights": [
	//         "Situation: Logs filled the \u003cdata\u003e disk.",
	//         "My Role: Found the log.",
	//         "Resolution: Deleted old logs.",
	//         "Permanent Fix: Rotated logs daily."
	//       ],
	//       "roles": [
	//         "Caused \u0026 Fixed"
	//       ],
	//       "type": "P2 High incident · 1 hour",
	//       "incidentId": "disk-full"
	//     }
	//   ],
	//   "incidentLeadership": {
}

func ExampleWriteExtension() {
	err := jsonresume.WriteExtension(os.Stdout, portfolio.Page(),
		render.IDs(portfolio.CICDPipelineBreakage), render.Intro(false), render.Lessons(false), render.Details(false))
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "version": "1",
	//   "title": "Incident Leadership",
	//   "tagline": "Lessons from production: incidents I caused and permanently fixed, and critical outages where I led the resolution.",
	//   "back": {
	//     "text": "Back to Home",
	//     "href": "/"
	//   },
	//   "legend": {
	//     "label": "Legend",
	//     "roles": [
	//       {
	//         "key": "caused-and-fixed",
	//         "label": "Caused \u0026 Fixed"
	//       }
	//     ],
	//     "severities": [
	//       {
	//         "code": "P2",
	//         "label": "High",
	//         "level": 2
	//       }
	//     ]
	//   },
	//   "incidents": [
	//     {
	//       "id": "ci-cd-pipeline-breakage",
	//       "title": "CI/CD Pipeline Breaking All Deployments",
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
	//         "text": "2 hours",
	//         "length": "PT2H"
	//       },
	//       "situation": [
	//         "Merged a change to shared CI/CD pipeline templates that contained a syntax error. All teams across the organization were blocked from deploying for the duration of the incident."
	//       ],
	//       "myRole": [
	//         "Quickly identified the issue through failed workflow logs, prepared and tested the fix locally, then deployed the correction. Communicated status updates to affected teams throughout."
	//       ],
	//       "resolution": [
	//         "Reverted the problematic change within 20 minutes, then deployed a tested fix. All pipelines restored to working state."
	//       ],
	//       "permanentFix": [
	//         "Implemented pipeline template validation in CI - templates are now tested against sample workflows before merge. Added required review from platform team for shared template changes. Created staging environment for pipeline changes."
	//       ]
	//     }
	//   ]
	// }
}

// A program that reads the extension decodes it into an Extension.
func ExampleExtension() {
	var b bytes.Buffer
	if err := jsonresume.WriteExtension(&b, portfolio.Page(), render.Sort(render.ByDuration)); err != nil {
		log.Fatal(err)
	}
	var x jsonresume.Extension
	if err := json.Unmarshal(b.Bytes(), &x); err != nil {
		log.Fatal(err)
	}
	for _, in := range x.Incidents {
		fmt.Printf("%-24s %-6s %s\n", in.Duration.Text, in.Duration.Length, in.Role.Label)
	}
	fmt.Println(x.Legend.Severities[0].Code, x.Legend.Severities[0].Label)
	// Output:
	// Weekend (Fri-Sun)        PT48H  Led Resolution
	// 6 hours                  PT6H   Led Resolution
	// 4 hours                  PT4H   Caused & Fixed
	// 2 hours                  PT2H   Caused & Fixed
	// P1 Critical
}

func ExampleMerge() {
	resume := []byte(`{
  "basics": {"name": "Ada", "label": "SRE"},
  "meta": {
    "version": "v1.0.0"
  }
}
`)
	var b bytes.Buffer
	if err := jsonresume.Merge(&b, resume, jsonExamplePortfolio(), render.Legend(false), render.Details(false)); err != nil {
		log.Fatal(err)
	}
	fmt.Print(b.String())
	// Output:
	// {
	//   "basics": {"name": "Ada", "label": "SRE"},
	//   "meta": {
	//     "version": "v1.0.0",
	//     "incidentLeadership": {
	//       "version": "1",
	//       "title": "Incidents",
	//       "tagline": "What I broke \u0026 fixed.",
	//       "incidents": [
	//         {
	//           "id": "disk-full",
	//           "title": "Disk full",
	//           "role": {
	//             "key": "caused-and-fixed",
	//             "label": "Caused \u0026 Fixed"
	//           },
	//           "severity": {
	//             "code": "P2",
	//             "label": "High",
	//             "level": 2
	//           },
	//           "duration": {
	//             "text": "1 hour",
	//             "length": "PT1H"
	//           },
	//           "situation": [
	//             "Logs filled the \u003cdata\u003e disk."
	//           ],
	//           "myRole": [
	//             "Found the log."
	//           ],
	//           "resolution": [
	//             "Deleted old logs."
	//           ],
	//           "permanentFix": [
	//             "Rotated logs daily."
	//           ]
	//         }
	//       ]
	//     }
	//   }
	// }
}

// A résumé that already holds a different value is refused unless Replace
// is given; merging the same value again changes nothing.
func ExampleMerge_replace() {
	p := jsonExamplePortfolio()
	var first bytes.Buffer
	if err := jsonresume.Merge(&first, []byte("{}"), p); err != nil {
		log.Fatal(err)
	}
	var again bytes.Buffer
	err := jsonresume.Merge(&again, first.Bytes(), p)
	fmt.Println("same portfolio:", err, bytes.Equal(again.Bytes(), first.Bytes()))

	p.Incidents[0].Title = "Disk really full"
	err = jsonresume.Merge(&again, first.Bytes(), p)
	fmt.Println("resume.json:" + err.Error())
	fmt.Println(errors.Is(err, jsonresume.ErrConflict))

	again.Reset()
	err = jsonresume.Merge(&again, first.Bytes(), p, jsonresume.Replace())
	fmt.Println("with Replace:", err, strings.Contains(again.String(), "Disk really full"))
	// Output:
	// same portfolio: <nil> true
	// resume.json:3:27: meta.incidentLeadership: holds a different value; pass jsonresume.Replace() to overwrite it
	// true
	// with Replace: <nil> true
}

func ExampleMergeError() {
	err := jsonresume.Merge(&bytes.Buffer{}, []byte("{\n  \"basics\": {,}\n}"), jsonExamplePortfolio())
	var me *jsonresume.MergeError
	if errors.As(err, &me) {
		fmt.Println(me.Line, me.Col)
	}
	fmt.Printf("%s:%v\n", "resume.json", err)
	// Output:
	// 2 14
	// resume.json:2:14: invalid character ',' looking for beginning of object key string
}

// The top-level keys of the résumé Write writes, without and with
// TopLevel.
func ExampleTopLevel() {
	for _, opts := range [][]render.Option{nil, {jsonresume.TopLevel()}} {
		var b bytes.Buffer
		if err := jsonresume.Write(&b, jsonExamplePortfolio(), opts...); err != nil {
			log.Fatal(err)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			log.Fatal(err)
		}
		fmt.Println(slices.Sorted(maps.Keys(doc)))
	}
	// Output:
	// [$schema meta]
	// [$schema incidentLeadership]
}

// Merge refuses to overwrite an extension written from an older
// portfolio unless Replace is given.
func ExampleReplace() {
	p := jsonExamplePortfolio()
	var resume bytes.Buffer
	if err := jsonresume.Merge(&resume, []byte("{}"), p); err != nil {
		log.Fatal(err)
	}
	p.Title = "Incidents, updated"

	err := jsonresume.Merge(io.Discard, resume.Bytes(), p)
	fmt.Println(errors.Is(err, jsonresume.ErrConflict))
	err = jsonresume.Merge(io.Discard, resume.Bytes(), p, jsonresume.Replace())
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}
