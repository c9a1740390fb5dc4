package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/incident-leadership/portfolio/render"
)

// resumeComments maps "importpath.Type" and "importpath.Type.Field" to the
// doc comments of package render's Resume types, extracted like comments.
//
//go:embed resume_comments.json
var resumeComments []byte

// Patterns of the extension's own textual forms.
const (
	// resumeDatePattern is an ISO 8601 calendar date given to the year,
	// month or day, as JSON Resume's own dates are.
	resumeDatePattern = `^(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`
	// isoSeconds is a whole or decimal number of seconds.
	isoSeconds = `[0-9]+(\.[0-9]+)?S`
	// isoDurationPattern is an ISO 8601 duration in hours, minutes and
	// seconds, at least one of them given: PT4H, PT1H30M, PT1.5S.
	isoDurationPattern = `^PT([0-9]+H([0-9]+M)?(` + isoSeconds + `)?|[0-9]+M(` + isoSeconds + `)?|` + isoSeconds + `)$`
)

// ResumeExtension returns the JSON Schema (draft 2020-12) of the value
// render.JSONResume writes under render.ExtensionKey in a JSON Resume
// document (render.ResumeExtension), committed as
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
		Mapper:         mapType, // incident's enums and slugs, as in the content file
		CommentMap:     cm,
	}
	s := r.Reflect(&render.ResumeExtension{})
	s.Title = "Incident-leadership portfolio: JSON Resume extension"
	s.Description = "The value under \"" + render.ExtensionKey + "\" in the meta object of a JSON Resume document " +
		"(or at its top level), as written by render.JSONResume and render.MergeResume of " +
		"github.com/incident-leadership/portfolio. " + s.Description
	if err := refineResume(s); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return append(unescapeHTML(b), '\n'), nil
}

// refineResume adds what the reflector cannot know: the version, the
// textual forms of dates, durations and URLs, and non-empty sections.
func refineResume(root *jsonschema.Schema) error {
	types := map[string]*jsonschema.Schema{"ResumeExtension": root}
	for name, def := range root.Definitions {
		types[name] = def
	}
	set := func(key string, f func(*jsonschema.Schema)) error {
		typ, name, _ := strings.Cut(key, ".")
		if def := types[typ]; def != nil && def.Properties != nil {
			if p, ok := def.Properties.Get(name); ok {
				f(p)
				return nil
			}
		}
		return fmt.Errorf("schema: no property %s in render's Resume types", key)
	}
	for _, rule := range []struct {
		key string
		f   func(*jsonschema.Schema)
	}{
		{"ResumeExtension.version", func(p *jsonschema.Schema) { p.Const = render.ExtensionVersion }},
		{"ResumeDuration.length", func(p *jsonschema.Schema) { p.Pattern, p.Format = isoDurationPattern, "duration" }},
		{"ResumePeriod.start", func(p *jsonschema.Schema) { p.Pattern = resumeDatePattern }},
		{"ResumePeriod.end", func(p *jsonschema.Schema) { p.Pattern = resumeDatePattern }},
		{"ResumeLink.href", func(p *jsonschema.Schema) { p.Format = "uri-reference" }},
		{"ResumeWriteUp.url", func(p *jsonschema.Schema) { p.Format = "uri-reference" }},
		{"ResumeSeverity.level", func(p *jsonschema.Schema) { p.Minimum = "0" }},
		{"ResumeIncident.situation", nonEmpty},
		{"ResumeIncident.myRole", nonEmpty},
		{"ResumeIncident.resolution", nonEmpty},
		{"ResumeIncident.permanentFix", nonEmpty},
		{"ResumeIncident.tags", func(p *jsonschema.Schema) { p.UniqueItems = true }},
	} {
		if err := set(rule.key, rule.f); err != nil {
			return err
		}
	}
	return nil
}

func nonEmpty(p *jsonschema.Schema) { p.MinItems = ptr(1) }
