package load_test

import (
	"errors"
	"fmt"

	"github.com/incident-leadership/portfolio/incident"
	"github.com/incident-leadership/portfolio/incident/load"
)

func ExampleBytes() {
	p, err := load.Bytes("portfolio.yaml", []byte(`
title: Incident Leadership
tagline: Lessons from production.
incidents:
  - id: database-connection-pool-exhaustion
    title: Production Database Connection Pool Exhaustion
    role: caused-and-fixed
    severity: P1
    duration: 4h
    situation: [Deployed a configuration change.]
    myRole: [Identified the root cause.]
    resolution: [Rolled back.]
    permanentFix: [Added monitoring.]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	in := p.Incidents[0]
	fmt.Println(p.Title)
	fmt.Println(in.ID, p.RoleLabel(in.Role), in.Severity, in.Duration, in.Duration.Length)
	// Output:
	// Incident Leadership
	// database-connection-pool-exhaustion Caused & Fixed P1 4 hours 4h0m0s
}

// Every problem comes at once, each at the line and column of the field it
// names.
func ExampleBytes_errors() {
	_, err := load.Bytes("portfolio.yaml", []byte(`title: 123
tagline: Lessons from production.
incidents:
  - id: outage
    tittle: Outage
    role: caused-and-fixed
    severity: P9
    duration: 4h
    situation: [It broke.]
    myRole: [I fixed it.]
    resolution: [Rolled back.]
    permanentFix: [Added a test.]
`))
	fmt.Println(err)

	var e *load.Error
	if errors.As(err, &e) {
		fmt.Printf("first problem at line %d, column %d\n", e.Line, e.Col)
	}
	// Output:
	// portfolio.yaml:1:8: title: want a string, got an integer 123; write "123" in quotes if it is text
	// portfolio.yaml:4:5: incidents[0].title: missing required field
	// portfolio.yaml:5:5: incidents[0].tittle: unknown field; did you mean "title"?
	// portfolio.yaml:7:15: incidents[0].severity: unknown severity "P9"; want one of P1, P2, P3, P4
	// first problem at line 1, column 8
}

func ExampleFile() {
	p, err := load.File("../../portfolio.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, in := range p.Incidents {
		fmt.Printf("%-36s %-15s %s %s\n", in.ID, p.RoleLabel(in.Role), in.Severity, in.Duration)
	}
	// Output:
	// database-connection-pool-exhaustion  Caused & Fixed  P1 4 hours
	// message-queue-backlog                Led Resolution  P1 Weekend (Fri-Sun)
	// ci-cd-pipeline-breakage              Caused & Fixed  P2 2 hours
	// kubernetes-node-group-rollout        Led Resolution  P1 6 hours
}

// A program's own check of a portfolio, here that no title runs past 40
// characters, reports at the fields it names, as the loader's do.
func ExamplePlace() {
	data := []byte(`title: Incident Leadership
tagline: Lessons from production.
incidents:
  - id: outage
    title: Production Database Connection Pool Exhaustion
    role: caused-and-fixed
    severity: P1
    duration: 4h
    situation: [It broke.]
    myRole: [I fixed it.]
    resolution: [Rolled back.]
    permanentFix: [Added a test.]
`)
	p, err := load.Bytes("portfolio.yaml", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	var problems incident.Errors
	for i, in := range p.Incidents {
		if len(in.Title) > 40 {
			problems = append(problems, &incident.FieldError{Path: fmt.Sprintf("incidents[%d].title", i), Msg: "longer than 40 characters"})
		}
	}
	fmt.Println(load.Place("portfolio.yaml", data, problems))
	// Output:
	// portfolio.yaml:5:12: incidents[0].title: longer than 40 characters
}
