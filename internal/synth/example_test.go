package synth_test

import (
	"fmt"
	"strings"

	"github.com/incident-leadership/portfolio/internal/synth"
)

func ExamplePortfolio() {
	p := synth.Portfolio(1000)
	fmt.Println(len(p.Incidents), p.Validate())
	in := p.Incidents[0]
	fmt.Println(in.ID, in.Role, in.Severity)
	fmt.Println(in.Title)
	// Output:
	// 1000 <nil>
	// logging-node-exhaustion-1 Led Resolution P3
	// Regional Logging Node Exhaustion After a Routine Change
}

func ExampleYAML() {
	data, err := synth.YAML(synth.Portfolio(2))
	if err != nil {
		panic(err)
	}
	lines := strings.Split(string(data), "\n")
	fmt.Println(strings.Join(lines[:2], "\n"))
	fmt.Println(strings.Join(lines[5:8], "\n"))
	// Output:
	// # A synthetic portfolio of 2 incidents, made by internal/synth.
	// title: "Incident Leadership"
	// back:
	//   text: "Back to Home"
	//   href: "/"
}
