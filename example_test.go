package portfolio_test

import (
	"fmt"

	"github.com/incident-leadership/portfolio"
)

func ExamplePage() {
	p := portfolio.Page()
	fmt.Println(p.Title)
	for _, in := range p.Incidents {
		fmt.Printf("%s  %-16s %s\n", in.Severity, p.RoleLabel(in.Role), in.Title)
	}
	// Output:
	// Incident Leadership
	// P1  Caused & Fixed   Production Database Connection Pool Exhaustion
	// P1  Led Resolution   Message Queue Backlog Causing Service Degradation
	// P2  Caused & Fixed   CI/CD Pipeline Breaking All Deployments
	// P1  Led Resolution   Kubernetes Node Group Rolling Update Failure
}

func ExampleIncident() {
	in, ok := portfolio.Incident(portfolio.MessageQueueBacklog)
	fmt.Println(ok, in.Title)
	fmt.Println(in.Duration, in.Duration.Length)
	_, ok = portfolio.Incident("no-such-incident")
	fmt.Println(ok)
	// Output:
	// true Message Queue Backlog Causing Service Degradation
	// Weekend (Fri-Sun) 48h0m0s
	// false
}

func ExampleIDs() {
	for _, id := range portfolio.IDs() {
		fmt.Println(id)
	}
	// Output:
	// database-connection-pool-exhaustion
	// message-queue-backlog
	// ci-cd-pipeline-breakage
	// kubernetes-node-group-rollout
}
