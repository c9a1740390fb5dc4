package portfolio_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/incident-leadership/portfolio"
)

// schemaSummary is the part of a JSON Schema the examples show.
type schemaSummary struct {
	Schema   string   `json:"$schema"`
	Title    string   `json:"title"`
	Required []string `json:"required"`
}

func ExampleContentSchema() {
	var s schemaSummary
	if err := json.Unmarshal(portfolio.ContentSchema(), &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Title)
	fmt.Println(s.Required)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Incident-leadership portfolio
	// [title tagline incidents]
}

func ExampleResumeSchema() {
	var s schemaSummary
	if err := json.Unmarshal(portfolio.ResumeSchema(), &s); err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Schema)
	fmt.Println(s.Title)
	fmt.Println(s.Required)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Incident-leadership portfolio: JSON Resume extension
	// [version title tagline incidents]
}
