// Package schema generates the JSON Schema of the portfolio content file,
// the file package load reads, from the Go types of package incident.
//
// The schema (draft 2020-12) is committed as portfolio.schema.json at the
// root of the repository; a content file that starts with
//
//	# yaml-language-server: $schema=./portfolio.schema.json
//
// is checked and completed as it is typed in editors that run
// yaml-language-server. The schema says what it can of the loader's rules:
// the keys, their types (under the YAML 1.2 core schema), the required
// keys, enums and patterns, text without control characters or line
// breaks, and safe URLs. Rules across fields, such as unique incident IDs
// or severities on a declared scale, are the loader's alone.
//
// Descriptions come from the doc comments of package incident. They are
// extracted when the package's tests run with -update and embedded, so
// Content needs no source tree at run time.
package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/invopop/jsonschema"

	"github.com/incident-leadership/portfolio/incident"
)

// comments maps "importpath.Type" and "importpath.Type.Field" to the doc
// comment, as jsonschema.Reflector.AddGoComments makes them.
//
//go:embed comments.json
var comments []byte

// Content returns the JSON Schema of the content file: deterministic,
// indented by two spaces, ending with a newline.
func Content() ([]byte, error) {
	var cm map[string]string
	if err := json.Unmarshal(comments, &cm); err != nil {
		return nil, fmt.Errorf("schema: embedded comments: %w", err)
	}
	r := &jsonschema.Reflector{
		Anonymous:      true,
		ExpandedStruct: true,
		Mapper:         mapType,
		// Tell time.Duration from incident.Duration: the reflector finds
		// definitions by name, and both are "Duration".
		Namer: func(t reflect.Type) string {
			if t == reflect.TypeFor[time.Duration]() {
				return "time.Duration"
			}
			return ""
		},
		CommentMap: cm,
	}
	s := r.Reflect(&incident.Portfolio{})
	s.Title = "Incident-leadership portfolio"
	if err := refine(s); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return append(unescapeHTML(b), '\n'), nil
}

// Patterns, written so that Go's regexp (RE2) and ECMAScript's (with the
// u flag, as editors compile them) read them alike.
const (
	slugPattern     = `^[a-z0-9]+(-[a-z0-9]+)*$`
	severityPattern = `^[A-Za-z0-9._-]{1,32}$`
	datePattern     = `(19|2[0-9])[0-9]{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?`
	periodPattern   = `^` + datePattern + `(/` + datePattern + `)?$`
	// lengthPattern is incident.ParseDuration's: numbers of at most six
	// digits with a unit, d, h, m or s, at least one of them not zero.
	lengthPattern = `^([0-9]{1,6}[dhms])*` + nonZero + `[dhms]([0-9]{1,6}[dhms])*$`
	nonZero       = `([1-9][0-9]{0,5}|0[1-9][0-9]{0,4}|00[1-9][0-9]{0,3}|000[1-9][0-9]{0,2}|0000[1-9][0-9]?|00000[1-9])`

	// A text character is anything but a control character (C0, DEL, C1);
	// a visible one, as incident's Validate decides, is also not white
	// space, not a formatting character (but for the drawn signs among
	// them), not a Hangul filler or the blank braille pattern. (Those
	// characters stand as they are: Go and ECMAScript spell escapes above
	// \xff differently.) A block scalar's final line break, which the
	// loader drops, is allowed.
	textChar    = `[^\x00-\x1f\x7f-\x9f]`
	visibleChar = "([^\\x00-\\x20\\x7f-\\x9f\\p{Z}\\p{Cf}\u115f\u1160\u3164\uffa0\u2800]|[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2])"
	textPattern = `^` + textChar + `*\n?$`
	// requiredPattern is text that is not blank.
	requiredPattern = `^` + textChar + `*` + visibleChar + textChar + `*\n?$`

	urlChar     = `[^\x00-\x20\x7f-\x9f\\]`
	absoluteURL = `[hH][tT][tT][pP][sS]?://[^/?#\x00-\x20\x7f-\x9f\\]+([/?#]` + urlChar + `*)?`
	mailtoURL   = `[mM][aA][iI][lL][tT][oO]:` + urlChar + `*`
	// relativeURL has no scheme (no colon in its first segment) and does
	// not start with "//".
	relativeURL = `[^:/?#\x00-\x20\x7f-\x9f\\]+([/?#]` + urlChar + `*)?|/([^/\x00-\x20\x7f-\x9f\\]` + urlChar + `*)?|[?#]` + urlChar + `*`
)

// mapType gives the schema of the model's enums and textual forms. It
// returns a new schema each time, since the reflector sets a property's
// description on it.
func mapType(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[incident.ID]():
		return &jsonschema.Schema{Type: "string", Pattern: slugPattern, MaxLength: ptr(64)}
	case reflect.TypeFor[incident.Role]():
		// Open: a portfolio may declare roles of its own.
		return &jsonschema.Schema{Type: "string", Pattern: slugPattern, MaxLength: ptr(64), Examples: keys(incident.BuiltinRoles(), func(d incident.RoleDef) string { return string(d.Key) })}
	case reflect.TypeFor[incident.Severity]():
		return &jsonschema.Schema{Type: "string", Pattern: severityPattern, Examples: keys(incident.DefaultScale(), func(d incident.SeverityDef) string { return string(d.Code) })}
	case reflect.TypeFor[incident.CommandRole]():
		return &jsonschema.Schema{Type: "string", Enum: keys(incident.CommandRoles(), func(c incident.CommandRole) string { return string(c) })}
	case reflect.TypeFor[incident.ActionKind]():
		return &jsonschema.Schema{Type: "string", Enum: keys(incident.ActionKinds(), func(k incident.ActionKind) string { return string(k) })}
	case reflect.TypeFor[incident.LinkKind]():
		return &jsonschema.Schema{Type: "string", Enum: keys(incident.LinkKinds(), func(k incident.LinkKind) string { return string(k) })}
	case reflect.TypeFor[incident.Period]():
		return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
			{Type: "string", Pattern: periodPattern},
			{Type: "integer", Minimum: "1900", Maximum: "2999", Description: "A bare year."},
		}}
	case reflect.TypeFor[time.Duration]():
		return &jsonschema.Schema{Type: "string", Pattern: lengthPattern, Examples: []any{"4h", "1h30m", "2d"}}
	}
	return nil
}

func keys[T any](list []T, key func(T) string) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = key(v)
	}
	return out
}

func ptr(n uint64) *uint64 { return &n }

// Rules for the string properties the reflector leaves plain, by
// "Type.property" ("Type.property[]" for a list's items), as
// incident.Portfolio.Validate checks them.
var textRules = map[string]string{
	"Portfolio.title":         requiredPattern,
	"Portfolio.tagline":       requiredPattern,
	"Portfolio.intro[]":       requiredPattern,
	"Portfolio.legend":        textPattern,
	"Link.text":               requiredPattern,
	"Link.href":               "^(" + absoluteURL + "|" + mailtoURL + "|" + relativeURL + ")$",
	"RoleDef.label":           requiredPattern,
	"SeverityDef.label":       requiredPattern,
	"Incident.title":          requiredPattern,
	"Incident.situation[]":    requiredPattern,
	"Incident.myRole[]":       requiredPattern,
	"Incident.resolution[]":   requiredPattern,
	"Incident.permanentFix[]": requiredPattern,
	"Incident.org":            textPattern,
	"Incident.tags[]":         requiredPattern,
	"Duration.text":           requiredPattern,
	"Figure.label":            requiredPattern,
	"Figure.unit":             textPattern,
	"Figure.note":             textPattern,
	"Action.text":             requiredPattern,
	"WriteUp.title":           requiredPattern,
	"WriteUp.url":             "^" + absoluteURL + "$",
	"Lessons.file":            textPattern,
	"Lessons.heading":         textPattern,
	"Lessons.items[]":         requiredPattern,
}

// refine adds to the reflected schema what the reflector cannot know: text
// and URL patterns, non-empty lists, the two forms of a duration, and the
// default role and severity lists of a portfolio that declares none. It
// fails when a string property has no rule, so that a new field of the
// model cannot go unchecked, and when a rule names no property, so that a
// renamed field cannot lose its rule.
func refine(root *jsonschema.Schema) error {
	types := map[string]*jsonschema.Schema{"Portfolio": root}
	for name, def := range root.Definitions {
		types[name] = def
	}
	used := map[string]bool{}
	for name, def := range types {
		if def.Properties == nil {
			continue
		}
		for p := def.Properties.Oldest(); p != nil; p = p.Next() {
			key, prop := name+"."+p.Key, p.Value
			switch {
			case prop.Type == "string" && prop.Pattern == "" && prop.Enum == nil:
				if textRules[key] == "" {
					return fmt.Errorf("schema: no text rule for %s", key)
				}
				prop.Pattern = textRules[key]
				used[key] = true
			case prop.Type == "array" && prop.Items != nil && prop.Items.Type == "string" && prop.Items.Pattern == "":
				if textRules[key+"[]"] == "" {
					return fmt.Errorf("schema: no text rule for %s[]", key)
				}
				prop.Items.Pattern = textRules[key+"[]"]
				used[key+"[]"] = true
			}
		}
	}
	for key := range textRules {
		if !used[key] {
			return fmt.Errorf("schema: text rule for %s matches no property", key)
		}
	}
	for _, key := range []string{"Portfolio.incidents", "Incident.situation", "Incident.myRole", "Incident.resolution", "Incident.permanentFix", "Lessons.items"} {
		property(types, key).MinItems = ptr(1)
	}
	property(types, "Incident.tags").UniqueItems = true
	property(types, "SeverityDef.level").Minimum = "0"

	// A duration is a text such as "4h" or "Weekend (Fri-Sun)", or the
	// mapping {text, length}.
	d := types["Duration"]
	root.Definitions["Duration"] = &jsonschema.Schema{
		Description: d.Description,
		OneOf: []*jsonschema.Schema{
			{Type: "string", Pattern: requiredPattern, Examples: []any{"4h", "Weekend (Fri-Sun)"}},
			{Type: d.Type, Properties: d.Properties, Required: d.Required, AdditionalProperties: d.AdditionalProperties},
		},
	}

	// Without declared roles or severities, an incident's role and
	// severity come from the built-in lists.
	root.AllOf = []*jsonschema.Schema{
		whenNone("roles", "role", keys(incident.BuiltinRoles(), func(d incident.RoleDef) string { return string(d.Key) })),
		whenNone("severities", "severity", keys(incident.DefaultScale(), func(d incident.SeverityDef) string { return string(d.Code) })),
	}
	return nil
}

// whenNone says: when the portfolio declares no list (absent or empty),
// every incident's field is one of builtin.
func whenNone(list, field string, builtin []any) *jsonschema.Schema {
	empty := jsonschema.NewProperties()
	empty.Set(list, &jsonschema.Schema{MaxItems: ptr(0)})
	inner := jsonschema.NewProperties()
	inner.Set(field, &jsonschema.Schema{Enum: builtin})
	incidents := jsonschema.NewProperties()
	incidents.Set("incidents", &jsonschema.Schema{Items: &jsonschema.Schema{Properties: inner}})
	return &jsonschema.Schema{If: &jsonschema.Schema{Properties: empty}, Then: &jsonschema.Schema{Properties: incidents}}
}

// property returns the schema of the property key ("Type.property").
func property(types map[string]*jsonschema.Schema, key string) *jsonschema.Schema {
	typ, name, _ := strings.Cut(key, ".")
	p, _ := types[typ].Properties.Get(name)
	return p
}

// unescapeHTML undoes encoding/json's escaping of <, > and & inside
// strings (as \u003c, \u003e, \u0026), which makes the schema harder to
// read and means nothing to JSON readers.
func unescapeHTML(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+5 < len(b) {
			switch string(b[i : i+6]) {
			case `\u003c`, `\u003e`, `\u0026`:
				out = append(out, map[string]byte{"003c": '<', "003e": '>', "0026": '&'}[string(b[i+2:i+6])])
				i += 5
				continue
			}
			out = append(out, b[i], b[i+1]) // an escape: keep both bytes
			i++
			continue
		}
		out = append(out, b[i])
	}
	return out
}
