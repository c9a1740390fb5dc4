package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
)

// YAML returns p as a content file in block-style YAML, every string
// double-quoted, that package incident/load reads back as p. It refuses a
// figure whose Before is zero, which a content file cannot tell from an
// absent one.
func YAML(p incident.Portfolio) ([]byte, error) {
	y := yamlWriter{}
	for i, in := range p.Incidents {
		y.durations = append(y.durations, in.Duration)
		for _, f := range slices.Concat(in.Impact, in.Results) {
			if f.HasBefore && f.Before == 0 {
				return nil, fmt.Errorf("incidents[%d]: figure %q has a zero before", i, f.Label)
			}
		}
	}
	// encoding/json writes the model as the content file's JSON form;
	// its tokens are laid out again as YAML.
	data, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	y.dec = dec
	y.b.WriteString("# A synthetic portfolio of ")
	fmt.Fprint(&y.b, len(p.Incidents))
	y.b.WriteString(" incidents, made by internal/synth.\n")
	if err := y.value(0, false); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("synth: trailing JSON")
	}
	return y.b.Bytes(), nil
}

type yamlWriter struct {
	dec *json.Decoder
	b   bytes.Buffer
	// durations are the incidents' durations in order: the JSON form of
	// one with both a text and a length that is not its text spelled out
	// holds the text alone, and it is written as a mapping instead.
	durations []incident.Duration
}

// value writes the next JSON value. The line so far ends in "key:"
// (afterKey) or "- " or nothing; indent is the column of the value's
// members or elements on the lines that follow.
func (y *yamlWriter) value(indent int, afterKey bool) error {
	tok, err := y.dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'), json.Delim('['):
		if !y.dec.More() {
			if afterKey {
				y.b.WriteByte(' ')
			}
			if tok == json.Delim('{') {
				y.b.WriteString("{}\n")
			} else {
				y.b.WriteString("[]\n")
			}
			_, err := y.dec.Token()
			return err
		}
		if afterKey {
			y.b.WriteByte('\n')
		}
		for first := true; y.dec.More(); first = false {
			if !first || afterKey {
				y.b.WriteString(strings.Repeat(" ", indent))
			}
			if tok == json.Delim('[') {
				y.b.WriteString("- ")
				err = y.value(indent+2, false)
			} else {
				var key json.Token
				if key, err = y.dec.Token(); err != nil {
					return err
				}
				y.b.WriteString(key.(string))
				y.b.WriteByte(':')
				if key == "duration" && y.durationMapping(indent+2) {
					_, err = y.dec.Token()
				} else {
					err = y.value(indent+2, true)
				}
			}
			if err != nil {
				return err
			}
		}
		_, err := y.dec.Token()
		return err
	}
	if afterKey {
		y.b.WriteByte(' ')
	}
	switch v := tok.(type) {
	case nil:
		y.b.WriteString("null")
	case string:
		q, err := json.Marshal(v) // a JSON string is a YAML double-quoted scalar
		if err != nil {
			return err
		}
		y.b.Write(q)
	default:
		fmt.Fprint(&y.b, v)
	}
	y.b.WriteByte('\n')
	return nil
}

// durationMapping writes the next incident's duration as a mapping when
// its JSON form would lose the length, and reports whether it did.
func (y *yamlWriter) durationMapping(indent int) bool {
	d := y.durations[0]
	y.durations = y.durations[1:]
	if d.Length <= 0 || d.Text == incident.SpellLength(d.Length) {
		return false
	}
	text, _ := json.Marshal(d.Text)
	pad := strings.Repeat(" ", indent)
	fmt.Fprintf(&y.b, "\n%stext: %s\n%slength: %s\n", pad, text, pad, d.Length)
	return true
}
