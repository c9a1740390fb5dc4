package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"

	"github.com/incident-leadership/portfolio/render/jsonresume"
	"github.com/invopop/jsonschema"
)

// resumeComments maps "importpath.Type" and "importpath.Type.Field" to the
// doc comments of package jsonresume's types, extracted like comments.
//
//go:embed resume_comments.json
var resumeComments []byte

// Forms of the extension's own textual values; pattern.go says how their
// patterns are written.
const isoSeconds = `[0-9]+(\.[0-9]+)?S` // a whole or decimal number of seconds

// rfc3339Pattern is the date-times the extension writes: RFC 3339, with
// seconds and a zone, as in 2023-03-14T13:42:00Z.
const rfc3339Pattern = `(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])` +
	`T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])`

var (
	resumeDateForm = form{
		body: `(` + datePattern + `|` + rfc3339Pattern + `)`,
		comment: "An ISO 8601 calendar date given to the year, month or day, as JSON Resume's own dates are: " +
			"YYYY, YYYY-MM or YYYY-MM-DD, with a year from 1900 to 2999; " +
			"or, both ends of a period alike, an RFC 3339 date-time with seconds and zone, " +
			"as in 2023-03-14T13:42:00Z or 2023-03-14T14:42:00+01:00.",
	}
	resumeDateTimeForm = form{
		body: rfc3339Pattern,
		comment: "An RFC 3339 (ISO 8601) date-time with seconds and zone, " +
			"as in 2023-03-14T13:42:00Z or 2023-03-14T14:42:00+01:00.",
	}
	isoDurationForm = form{
		body: `PT([0-9]+H([0-9]+M)?(` + isoSeconds + `)?|[0-9]+M(` + isoSeconds + `)?|` + isoSeconds + `)`,
		comment: "An ISO 8601 duration in hours, minutes and seconds, " +
			"at least one of them given: PT4H, PT1H30M, PT1.5S.",
	}
)

// ResumeExtension returns the JSON Schema (draft 2020-12) of the value
// jsonresume.Write writes under jsonresume.Key in a JSON Resume
// document (jsonresume.Extension), committed as
// jsonresume-incidents.schema.json at the root of the repository:
// deterministic, indented by two spaces, ending with a newline.
func ResumeExtension() ([]byte, error) {
	var cm map[string]string
	if err := json.Unmarshal(resumeComments, &cm); err != nil {
		return nil, fmt.Errorf("schema: embedded render comments: %w", err)
	}
	r := &jsonschema.Reflector{
		Anonymous:      true,
		ExpandedStruct: true,
		Mapper:         mapType(false), // incident's enums and slugs, as in the content file but for the line break
		CommentMap:     cm,
		// The extension's types are named as the schema has always named
		// them, and apart from the model's: jsonresume.Role is
		// "ResumeRole", where incident.Role (a string) is "Role".
		Namer: func(t reflect.Type) string {
			if t.PkgPath() == reflect.TypeFor[jsonresume.Extension]().PkgPath() {
				return "Resume" + t.Name()
			}
			return t.Name()
		},
	}
	s := r.Reflect(&jsonresume.Extension{})
	s.Title = "Incident-leadership portfolio: JSON Resume extension"
	s.Comments = portableComment
	s.Description = "The value under \"" + jsonresume.Key + "\" in the meta object of a JSON Resume document " +
		"(or at its top level), as written by Write and Merge of package " +
		"github.com/incident-leadership/portfolio/render/jsonresume. " + s.Description
	if err := refineResume(s); err != nil {
		return nil, err
	}
	return encode(s)
}

// refineResume adds what the reflector cannot know: the version, the
// textual forms of dates, durations and URLs, and non-empty sections.
func refineResume(root *jsonschema.Schema) error {
	types := map[string]*jsonschema.Schema{"ResumeExtension": root}
	maps.Copy(types, root.Definitions)
	duration := func(p *jsonschema.Schema) { isoDurationForm.applyTo(p); p.Format = "duration" }
	for _, rule := range []struct {
		key string
		f   func(*jsonschema.Schema)
	}{
		{"ResumeExtension.version", func(p *jsonschema.Schema) { p.Const = jsonresume.Version }},
		{"ResumeDuration.length", duration},
		{"ResumePeriod.start", resumeDateForm.applyTo},
		{"ResumePeriod.end", resumeDateForm.applyTo},
		{"ResumeEvent.at", func(p *jsonschema.Schema) { resumeDateTimeForm.applyTo(p); p.Format = "date-time" }},
		{"ResumeIncident.timeToDetect", duration},
		{"ResumeIncident.timeToMitigate", duration},
		{"ResumeIncident.timeToResolve", duration},
		{"ResumeLink.href", func(p *jsonschema.Schema) { p.Format = "uri-reference" }},
		{"ResumeWriteUp.url", func(p *jsonschema.Schema) { p.Format = "uri-reference" }},
		{"ResumeSeverity.level", func(p *jsonschema.Schema) { p.Minimum = "0" }},
		{"ResumeIncident.situation", nonEmpty},
		{"ResumeIncident.myRole", nonEmpty},
		{"ResumeIncident.resolution", nonEmpty},
		{"ResumeIncident.permanentFix", nonEmpty},
		{"ResumeIncident.tags", func(p *jsonschema.Schema) { p.UniqueItems = true }},
	} {
		p := property(types, rule.key)
		if p == nil {
			return fmt.Errorf("schema: no property %s in package jsonresume's types", rule.key)
		}
		rule.f(p)
	}
	return nil
}

func nonEmpty(p *jsonschema.Schema) { p.MinItems = ptr(1) }
