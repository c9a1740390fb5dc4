package portfolio

import _ "embed" // for the JSON Schemas below

//go:embed portfolio.schema.json
var contentSchema string

// ContentSchema returns the JSON Schema (draft 2020-12) of the content file
// format, the file portfolio.yaml is written in. Editors use it through the
// file's "# yaml-language-server: $schema=" line. Each call returns a new
// copy.
func ContentSchema() []byte { return []byte(contentSchema) }

//go:embed jsonresume-incidents.schema.json
var resumeSchema string

// ResumeSchema returns the JSON Schema (draft 2020-12) of the JSON Resume
// extension that jsonresume.Write writes. Each call returns a new copy.
func ResumeSchema() []byte { return []byte(resumeSchema) }
