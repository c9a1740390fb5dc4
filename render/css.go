package render

import (
	_ "embed"
	"strings"
)

// HTMLStyle is the stylesheet HTML embeds in its documents (the rules
// that draw timelines only in documents that show one). A page that
// embeds a Fragment can serve it too: every rule is scoped to the
// fragment's class, incident-portfolio.
//
// It uses the system font stack and no external resource, reads on a
// 375-pixel phone without horizontal scrolling and on wide screens within
// 48rem, follows the reader's dark scheme, and prints as a plain black
// and white appendix whose links show their URL. Every text colour has a
// contrast of at least 4.5:1 against its background, in both schemes.
//
// It survives the stylesheet of the site around a fragment: every element
// inside the fragment first reverts what the site's element rules (pre,
// a, ul, h2, dl, code, ...) set, then takes the fragment's own rules. A
// site forces the light or the dark scheme, whatever the reader's system
// prefers, with data-theme="light" or data-theme="dark" on the fragment's
// element or any ancestor, such as <html>.
func HTMLStyle() string { return htmlStyle + htmlTimelineStyle }

// htmlStyle is HTMLStyle's stylesheet.
var htmlStyle = withPalette(styleCSS, darkPalette)

//go:embed style.css
var styleCSS string

// htmlTimelineStyle draws timelines: a line down the events, and before
// each a marker whose shape tells the service's state from then on (a
// square for down, a triangle for degraded, a disc for recovered, a ring
// for none), as the word after the time does; colour only repeats it.
// The markers are borders, not backgrounds, so that they print, in black.
// A document holds it only when it draws a timeline.
var htmlTimelineStyle = withPalette(timelineCSS, darkTimelinePalette)

//go:embed timeline.css
var timelineCSS string

// darkTimelinePalette is the colours of the timeline's states in the dark
// scheme.
const darkTimelinePalette = `    --down-fg: #ff9492; --degraded-fg: #e3b341; --recovered-fg: #3fb950;
`

// darkPalette is the colours of the dark scheme, which the reader's system
// or the site's data-theme="dark" chooses.
const darkPalette = `  --bg: #0d1117; --card-bg: #151b23; --border: #3d444d;
  --fg: #e6edf3; --muted-fg: #9198a1; --link-fg: #4493f8; --focus-fg: #4493f8;
  --role-fg: #d1d9e0; --role-bg: #2f3742;
  --caused-fg: #ffa657; --caused-bg: #3d1d00;
  --led-fg: #79c0ff; --led-bg: #0c2d6b;
  --sev1-fg: #ff9492; --sev1-bg: #4c0e12;
  --sev2-fg: #e3b341; --sev2-bg: #3b2300;
  --sev3-fg: #d2a8ff; --sev3-bg: #2f1b4d;
  --sev4-fg: #d1d9e0; --sev4-bg: #2f3742;
  --term-fg: #e6edf3; --term-bg: #010409; --term-bar-bg: #151b23;
  --term-muted-fg: #9198a1; --term-accent-fg: #7ee787;
`

// withPalette returns the stylesheet css with each line that reads
// "/* dark palette */" replaced by the dark scheme's colours, which css
// gives twice: for a reader whose system prefers dark, and for a site
// that sets data-theme="dark".
func withPalette(css, palette string) string {
	return strings.ReplaceAll(css, "\n/* dark palette */\n", "\n"+palette)
}

// htmlPageStyle is added to HTMLStyle in standalone documents.
const htmlPageStyle = `body { margin: 0; }
.incident-portfolio { min-height: 100vh; }
`
