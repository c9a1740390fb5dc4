package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/incident-leadership/portfolio/internal/schema"
)

func ExampleContent() {
	b, err := schema.Content()
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		Schema   string   `json:"$schema"`
		Required []string `json:"required"`
		Defs     map[string]struct {
			Description string `json:"description"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Required)
	fmt.Println(s.Defs["Incident"].Description)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// [title tagline incidents]
	// Incident is one production incident.
}
