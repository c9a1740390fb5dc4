package incident

import (
	"fmt"
	"strings"
)

// Tier is the colour tier pages draw a severity in, from critical, the
// strongest colour, to info, the weakest. A scale's own levels name theirs
// in SeverityDef.Tier, or take one by default (see SeverityDef.TierOn).
type Tier string

// The colour tiers, strongest first.
const (
	TierCritical Tier = "critical"
	TierHigh     Tier = "high"
	TierMedium   Tier = "medium"
	TierLow      Tier = "low"
	TierInfo     Tier = "info"
)

var tiers = [...]label[Tier]{
	{TierCritical, "Critical"},
	{TierHigh, "High"},
	{TierMedium, "Medium"},
	{TierLow, "Low"},
	{TierInfo, "Info"},
}

// Tiers returns the colour tiers, strongest first.
func Tiers() []Tier { return keysOf(tiers[:]) }

// String returns the tier's label, such as "Critical".
func (t Tier) String() string { return labelOf(tiers[:], t) }

// MarshalText returns the tier's key.
func (t Tier) MarshalText() ([]byte, error) { return []byte(t), nil }

// UnmarshalText sets the tier from its key.
func (t *Tier) UnmarshalText(b []byte) error {
	err := parseKey(t, b, tiers[:], "colour tier")
	switch strings.ToLower(string(b)) {
	case "red", "orange", "amber", "yellow", "green", "blue", "grey", "gray":
		return fmt.Errorf("%w: a tier says how severe, and pages pick its colour", err)
	}
	return err
}

// defaultTiers are the tiers of the default scale's levels 1 to 4, which
// are also its codes' P1 to P4.
var defaultTiers = [...]Tier{TierCritical, TierHigh, TierMedium, TierLow}

// TierOn returns the colour tier pages draw the level d in, on scale,
// the scale d belongs to: Tier when it is given; else, for a code of the
// default scale, the tier the default scale gives it (P1 critical, P2
// high, P3 medium, P4 low); else the tier of its place among the scale's
// distinct levels, whatever numbers they are: the most severe critical,
// then high, medium, low, and info beyond. So adding a P0 above P1 to P4
// keeps P1 critical and P2 high, and P0 takes the strongest tier; a scale
// SEV-1 to SEV-4 reads as the default one.
func (d SeverityDef) TierOn(scale []SeverityDef) Tier {
	if d.Tier != "" {
		return d.Tier
	}
	for i, def := range defaultScale {
		if def.Code == d.Code {
			return defaultTiers[i]
		}
	}
	place := 0
	for i, e := range scale {
		if e.Level < d.Level && !hasLevel(scale[:i], e.Level) {
			place++
		}
	}
	if place < len(defaultTiers) {
		return defaultTiers[place]
	}
	return TierInfo
}

// hasLevel reports whether a level of scale is level.
func hasLevel(scale []SeverityDef, level int) bool {
	for _, e := range scale {
		if e.Level == level {
			return true
		}
	}
	return false
}

// ScaleTiers returns the colour tier of each level of scale, in its order:
// ScaleTiers(p.Scale())[i] is the tier of p.Scale()[i].
func ScaleTiers(scale []SeverityDef) []Tier {
	out := make([]Tier, len(scale))
	for i, d := range scale {
		out[i] = d.TierOn(scale)
	}
	return out
}

// SeverityTier returns the colour tier of code on the portfolio's scale;
// ok is false when the scale does not hold it.
func (p *Portfolio) SeverityTier(code Severity) (t Tier, ok bool) {
	d, ok := p.Severity(code)
	if !ok {
		return "", false
	}
	scale := p.Severities
	if len(scale) == 0 {
		scale = defaultScale[:]
	}
	return d.TierOn(scale), true
}
