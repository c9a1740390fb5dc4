package render_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/incident-leadership/portfolio"
	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/render"
)

// jsonExamplePortfolio is examplePortfolio's incident dated, without tags
// or lessons.
func jsonExamplePortfolio() incident.Portfolio {
	p := examplePortfolio()
	p.Lessons = incident.Lessons{}
	p.Incidents[0].Tags = nil
	p.Incidents[0].When = incident.Period{Start: incident.Date{Year: 2024, Month: 5}}
	return p
}

func ExampleJSONResume() {
	err := render.JSONResume(os.Stdout, jsonExamplePortfolio(), render.Legend(false))
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
	err := render.JSONResume(&b, jsonExamplePortfolio(), render.Projects(), render.TopLevel(), render.Details(false))
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

func ExampleJSONExtension() {
	err := render.JSONExtension(os.Stdout, portfolio.Page(),
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

// A program that reads the extension decodes it into a ResumeExtension.
func ExampleResumeExtension() {
	var b bytes.Buffer
	if err := render.JSONExtension(&b, portfolio.Page(), render.Sort(render.ByDuration)); err != nil {
		log.Fatal(err)
	}
	var x render.ResumeExtension
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

func ExampleMergeResume() {
	resume := []byte(`{
  "basics": {"name": "Ada", "label": "SRE"},
  "meta": {
    "version": "v1.0.0"
  }
}
`)
	var b bytes.Buffer
	if err := render.MergeResume(&b, resume, jsonExamplePortfolio(), render.Legend(false), render.Details(false)); err != nil {
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
func ExampleMergeResume_replace() {
	p := jsonExamplePortfolio()
	var first bytes.Buffer
	if err := render.MergeResume(&first, []byte("{}"), p); err != nil {
		log.Fatal(err)
	}
	var again bytes.Buffer
	err := render.MergeResume(&again, first.Bytes(), p)
	fmt.Println("same portfolio:", err, bytes.Equal(again.Bytes(), first.Bytes()))

	p.Incidents[0].Title = "Disk really full"
	err = render.MergeResume(&again, first.Bytes(), p)
	fmt.Println("resume.json:" + err.Error())
	fmt.Println(errors.Is(err, render.ErrConflict))

	again.Reset()
	err = render.MergeResume(&again, first.Bytes(), p, render.Replace())
	fmt.Println("with Replace:", err, strings.Contains(again.String(), "Disk really full"))
	// Output:
	// same portfolio: <nil> true
	// resume.json:3:27: meta.incidentLeadership: holds a different value; pass render.Replace() to overwrite it
	// true
	// with Replace: <nil> true
}

func ExampleMergeError() {
	err := render.MergeResume(&bytes.Buffer{}, []byte("{\n  \"basics\": {,}\n}"), jsonExamplePortfolio())
	var me *render.MergeError
	if errors.As(err, &me) {
		fmt.Println(me.Line, me.Col)
	}
	fmt.Printf("%s:%v\n", "resume.json", err)
	// Output:
	// 2 14
	// resume.json:2:14: invalid character ',' looking for beginning of object key string
}
