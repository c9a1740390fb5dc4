package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/incident-leadership/portfolio/internal/schema"
)

func ExampleResumeExtension() {
	b, err := schema.ResumeExtension()
	if err != nil {
		fmt.Println(err)
		return
	}
	var s struct {
		Schema   string   `json:"$schema"`
		Title    string   `json:"title"`
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
	fmt.Println(s.Title)
	fmt.Println(s.Required)
	fmt.Println(s.Defs["ResumeDuration"].Description)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Incident-leadership portfolio: JSON Resume extension
	// [version title tagline incidents]
	// Duration is how long an incident lasted.
}
