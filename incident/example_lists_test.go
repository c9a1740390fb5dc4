package incident_test

import (
	"fmt"

	"github.com/incident-leadership/portfolio/incident"
)

func ExampleBuiltinRoles() {
	for _, d := range incident.BuiltinRoles() {
		fmt.Printf("%s: %s\n", string(d.Key), d.Label)
	}
	// Output:
	// caused-and-fixed: Caused & Fixed
	// led-resolution: Led Resolution
}

func ExampleDefaultScale() {
	for _, d := range incident.DefaultScale() {
		fmt.Printf("%s %s (level %d)\n", d.Code, d.Label, d.Level)
	}
	// Output:
	// P1 Critical (level 1)
	// P2 High (level 2)
	// P3 Medium (level 3)
	// P4 Low (level 4)
}

func ExampleCommandRoles() {
	for _, c := range incident.CommandRoles() {
		fmt.Printf("%s: %s\n", string(c), c)
	}
	// Output:
	// incident-commander: Incident Commander
	// deputy-commander: Deputy Incident Commander
	// communications-lead: Communications Lead
	// operations-lead: Operations Lead
	// scribe: Scribe
	// subject-matter-expert: Subject Matter Expert
	// responder: Responder
}

func ExampleActionKinds() {
	for _, k := range incident.ActionKinds() {
		fmt.Printf("%s: %s\n", string(k), k)
	}
	// Output:
	// mitigate: Mitigate
	// prevent: Prevent
	// process: Process
}

func ExampleLinkKinds() {
	for _, k := range incident.LinkKinds() {
		fmt.Printf("%s: %s\n", string(k), k)
	}
	// Output:
	// postmortem: Postmortem
	// status-page: Status page
	// talk: Talk
	// article: Article
}
