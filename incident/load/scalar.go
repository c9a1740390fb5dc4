package load

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// kind is what a YAML scalar is under the YAML 1.2 core schema, the schema
// editors (yaml-language-server) and JSON Schema validators see.
type kind int

const (
	kindString kind = iota
	kindNull
	kindBool
	kindInt
	kindFloat
)

var kindNames = [...]string{
	kindString: "a string",
	kindNull:   "null",
	kindBool:   "a boolean",
	kindInt:    "an integer",
	kindFloat:  "a number",
}

func (k kind) String() string { return kindNames[k] }

// The plain scalars that are not strings under the YAML 1.2 core schema.
// yaml.v3 also reads YAML 1.1 forms (timestamps such as 2023-03-14,
// underscores in numbers), which the core schema reads as strings.
var (
	coreNull  = regexp.MustCompile(`^(?:null|Null|NULL|~|)$`)
	coreBool  = regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`)
	coreInt   = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)
	coreFloat = regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
)

// scalarKind resolves a scalar node: quoted and block scalars are strings,
// and a plain scalar is what the core schema makes of it.
func scalarKind(n *yaml.Node) kind {
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return kindString
	}
	switch s := n.Value; {
	case coreNull.MatchString(s):
		return kindNull
	case coreBool.MatchString(s):
		return kindBool
	case coreInt.MatchString(s):
		return kindInt
	case coreFloat.MatchString(s):
		return kindFloat
	}
	return kindString
}

// scalarString returns a string scalar's text. A block scalar ("|" or ">")
// loses the one final line break that YAML's default clip chomping keeps,
// and so does a string of a JSON file: a YAML library gives that line
// break as part of the text, so a file converted from YAML to JSON has it
// ("one paragraph.\n"). Any other line break stays, for Validate to
// refuse.
func scalarString(n *yaml.Node) string {
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle|jsonStyle) != 0 {
		return strings.TrimSuffix(n.Value, "\n")
	}
	return n.Value
}

// scalarInt parses a core-schema integer: decimal, 0o octal or 0x hex.
func scalarInt(s string) (int64, error) {
	switch {
	case strings.HasPrefix(s, "0o"):
		return strconv.ParseInt(s[2:], 8, 64)
	case strings.HasPrefix(s, "0x"):
		return strconv.ParseInt(s[2:], 16, 64)
	}
	return strconv.ParseInt(s, 10, 64)
}

// scalarFloat parses a core-schema integer or float, infinities and NaN
// included.
func scalarFloat(n *yaml.Node) (float64, error) {
	s := n.Value
	if scalarKind(n) == kindInt {
		i, err := scalarInt(s)
		return float64(i), err
	}
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case ".inf":
		if s[0] == '-' {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case ".nan":
		return math.NaN(), nil
	}
	return strconv.ParseFloat(s, 64)
}

// scalarInteger reads an integer as JSON Schema counts them: a core-schema
// integer, or a float with no fraction ("2.0"). ok is false for any other
// node; err is set when the integer does not fit an int64.
func scalarInteger(n *yaml.Node) (i int64, ok bool, err error) {
	if n.Kind != yaml.ScalarNode {
		return 0, false, nil
	}
	switch scalarKind(n) {
	case kindInt:
		i, err := scalarInt(n.Value)
		return i, true, err
	case kindFloat:
		f, err := scalarFloat(n)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
			return 0, false, nil
		}
		if f < math.MinInt64 || f >= math.MaxInt64 {
			return 0, true, strconv.ErrRange
		}
		return int64(f), true, nil
	}
	return 0, false, nil
}
