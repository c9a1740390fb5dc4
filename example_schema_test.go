package portfolio_test

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/incident-leadership/portfolio"
)

// printSchema prints a JSON Schema's dialect, title and required
// properties.
func printSchema(schema []byte) {
	var s struct {
		Schema   string   `json:"$schema"`
		Title    string   `json:"title"`
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(schema, &s); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n%s\n%v\n", s.Schema, s.Title, s.Required)
}

func ExampleContentSchema() {
	printSchema(portfolio.ContentSchema())
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Incident-leadership portfolio
	// [title tagline incidents]
}

func ExampleResumeSchema() {
	printSchema(portfolio.ResumeSchema())
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// Incident-leadership portfolio: JSON Resume extension
	// [version title tagline incidents]
}
