package load

import (
	"errors"
	"strconv"
	"strings"

	"github.com/incident-leadership/portfolio/incident"
)

// Error is one problem in a content file, at a position.
type Error struct {
	// File is the name the content was loaded under.
	File string
	// Line and Col are 1-based, Col counting characters. Both are 0 for
	// the problems of a whole file, such as an empty one.
	Line, Col int
	// Path names the field the way the content file does, as in
	// "incidents[2].severity"; it is empty for problems of the whole file.
	Path string
	// Err is the problem. For the rules of Portfolio.Validate it is the
	// *incident.FieldError, whose own Error starts with the path and
	// whose Msg does not; Error writes the path once either way.
	Err error
}

// Error returns "file:line:col: path: message".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Col))
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	var fe *incident.FieldError
	if errors.As(e.Err, &fe) && fe.Path == e.Path {
		b.WriteString(fe.Msg)
	} else if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying problem.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found in a content file, in the order of the
// file. File and Bytes return their errors as Errors.
type Errors []*Error

// Error returns the problems, one a line.
func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	return errors.Join(es.Unwrap()...).Error()
}

// Unwrap returns the problems, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
