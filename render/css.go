package render

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
const htmlStyle = `.incident-portfolio {
  all: revert;
  --bg: #f6f8fa; --card-bg: #ffffff; --border: #d1d9e0;
  --fg: #1f2328; --muted-fg: #59636e; --link-fg: #0550ae; --focus-fg: #0969da;
  --role-fg: #424a53; --role-bg: #eaeef2;
  --caused-fg: #953800; --caused-bg: #fff1e5;
  --led-fg: #0550ae; --led-bg: #ddf4ff;
  --sev1-fg: #a40e26; --sev1-bg: #ffebe9;
  --sev2-fg: #7d4e00; --sev2-bg: #fff8c5;
  --sev3-fg: #6639ba; --sev3-bg: #fbefff;
  --sev4-fg: #424a53; --sev4-bg: #eaeef2;
  --term-fg: #e6edf3; --term-bg: #0d1117; --term-bar-bg: #161b22;
  --term-muted-fg: #9198a1; --term-accent-fg: #7ee787;
  color-scheme: light dark;
  background: var(--bg); color: var(--fg);
  font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere;
  padding: 1rem 1rem 3rem;
}
@media (prefers-color-scheme: dark) {
  .incident-portfolio:not([data-theme="light"], [data-theme="light"] *) {
` + darkPalette + `  }
}
.incident-portfolio:is([data-theme="dark"], [data-theme="dark"] *) {
  color-scheme: dark;
` + darkPalette + `}
.incident-portfolio:is([data-theme="light"], [data-theme="light"] *) { color-scheme: light; }
.incident-portfolio * { all: revert; }
.incident-portfolio *, .incident-portfolio *::before, .incident-portfolio *::after { box-sizing: border-box; }
.incident-portfolio > * { max-width: 48rem; margin-inline: auto; }
.incident-portfolio :is(p, li, dd, figcaption, pre, .portfolio-title, .incident-title) { unicode-bidi: plaintext; }
.incident-portfolio :is(.badge, a, .duration, .figure-note) { unicode-bidi: isolate; }
.incident-portfolio a { color: var(--link-fg); text-underline-offset: .15em; }
.incident-portfolio a:focus-visible { outline: 3px solid var(--focus-fg); outline-offset: 2px; border-radius: 2px; }
.incident-portfolio .back { margin: 0 0 1.5rem; }
.incident-portfolio .portfolio-title { font-size: clamp(1.75rem, 6vw, 2.5rem); line-height: 1.2; margin: 0 0 .5rem; }
.incident-portfolio .tagline { font-size: 1.15rem; color: var(--muted-fg); margin: 0 0 1.5rem; }
.incident-portfolio .legend { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1.5rem 0; }
.incident-portfolio .legend-label { font-weight: 600; }
.incident-portfolio .legend-group { display: inline-flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.incident-portfolio .legend-sep { color: var(--muted-fg); }
.incident-portfolio .badge { display: inline-block; padding: .05rem .6rem; border-radius: 1rem; font-size: .85rem; font-weight: 600; line-height: 1.6; color: var(--role-fg); background: var(--role-bg); }
.incident-portfolio .role-caused-and-fixed { color: var(--caused-fg); background: var(--caused-bg); }
.incident-portfolio .role-led-resolution { color: var(--led-fg); background: var(--led-bg); }
.incident-portfolio .sev-1 { color: var(--sev1-fg); background: var(--sev1-bg); }
.incident-portfolio .sev-2 { color: var(--sev2-fg); background: var(--sev2-bg); }
.incident-portfolio .sev-3 { color: var(--sev3-fg); background: var(--sev3-bg); }
.incident-portfolio .sev-4 { color: var(--sev4-fg); background: var(--sev4-bg); }
.incident-portfolio .incident { background: var(--card-bg); border: 1px solid var(--border); border-radius: .75rem; padding: 1.25rem; margin: 1.5rem auto; }
.incident-portfolio .incident:target { border-color: var(--focus-fg); }
.incident-portfolio .incident-title { font-size: 1.35rem; line-height: 1.3; margin: 0 0 .75rem; }
.incident-portfolio .incident-title a { color: inherit; text-decoration: none; unicode-bidi: normal; }
.incident-portfolio .incident-title a:hover { text-decoration: underline; }
.incident-portfolio .meta { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 1rem; }
.incident-portfolio .duration { color: var(--muted-fg); font-size: .9rem; }
.incident-portfolio .part-title { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted-fg); margin: 1rem 0 .25rem; }
.incident-portfolio .part p { margin: 0 0 .5rem; }
.incident-portfolio .details { border-top: 1px solid var(--border); margin: 1rem 0 0; padding-top: .75rem; font-size: .9rem; }
.incident-portfolio .details > div { display: flex; flex-wrap: wrap; gap: 0 .75rem; margin: 0 0 .25rem; }
.incident-portfolio .details dt { font-weight: 600; min-width: 8rem; }
.incident-portfolio .details dd { margin: 0; flex: 1 1 16rem; }
.incident-portfolio .details ul { margin: 0; padding: 0; list-style: none; }
.incident-portfolio .tags { display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
.incident-portfolio .action-kind, .incident-portfolio .figure-label { font-weight: 600; }
.incident-portfolio .lessons { margin: 2rem auto 0; border-radius: .75rem; overflow: hidden; background: var(--term-bg); color: var(--term-fg); }
.incident-portfolio .lessons figcaption { background: var(--term-bar-bg); color: var(--term-muted-fg); padding: .4rem 1rem; font-size: .85rem; }
.incident-portfolio .lessons pre { margin: 0; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.incident-portfolio .lessons pre, .incident-portfolio .lessons figcaption { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.incident-portfolio .lessons .comment { color: var(--term-muted-fg); }
.incident-portfolio .lessons .number { color: var(--term-accent-fg); }
.incident-portfolio .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media print {
  .incident-portfolio { font-size: 11pt; padding: 0; min-height: 0; }
  .incident-portfolio, .incident-portfolio * { color: #000 !important; background: none !important; }
  .incident-portfolio .back { display: none; }
  .incident-portfolio .incident { break-inside: avoid; border-color: #000; border-radius: 0; padding: .75rem; }
  .incident-portfolio .badge { border: 1px solid #000; }
  .incident-portfolio .lessons { break-inside: avoid; border: 1px solid #000; border-radius: 0; }
  .incident-portfolio a[href^="http"]::after, .incident-portfolio a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
`

// htmlTimelineStyle draws timelines: a line down the events, and before
// each a marker whose shape tells the service's state from then on (a
// square for down, a triangle for degraded, a disc for recovered, a ring
// for none), as the word after the time does; colour only repeats it.
// The markers are borders, not backgrounds, so that they print, in black.
// A document holds it only when it draws a timeline.
const htmlTimelineStyle = `.incident-portfolio .timeline {
  --down-fg: #a40e26; --degraded-fg: #7d4e00; --recovered-fg: #116329;
  margin: 1rem 0 0;
}
@media (prefers-color-scheme: dark) {
  .incident-portfolio:not([data-theme="light"], [data-theme="light"] *) .timeline {
` + darkTimelinePalette + `  }
}
.incident-portfolio:is([data-theme="dark"], [data-theme="dark"] *) .timeline {
` + darkTimelinePalette + `}
.incident-portfolio .timeline ol { list-style: none; margin: 0 0 0 .45rem; padding: 0 0 0 1.1rem; border-left: 2px solid var(--border); font-size: .9rem; }
.incident-portfolio .timeline li { position: relative; margin: 0 0 .35rem; }
.incident-portfolio .event-marker { position: absolute; left: calc(-1.1rem - 1px - .45rem); top: .35rem; width: .9rem; height: .9rem; border: 2px solid var(--muted-fg); border-radius: 50%; background: var(--card-bg); color: var(--muted-fg); }
.incident-portfolio .event-marker.state-down { border: .45rem solid var(--down-fg); border-radius: 0; }
.incident-portfolio .event-marker.state-degraded { width: 0; height: 0; border-width: 0 .5rem .85rem; border-style: solid; border-color: transparent transparent var(--degraded-fg); border-radius: 0; background: none; left: calc(-1.1rem - 1px - .5rem); }
.incident-portfolio .event-marker.state-recovered { border: .45rem solid var(--recovered-fg); }
.incident-portfolio .event-kind { font-weight: 600; }
.incident-portfolio .event-state { font-weight: 600; }
.incident-portfolio .event-state.state-down { color: var(--down-fg); }
.incident-portfolio .event-state.state-degraded { color: var(--degraded-fg); }
.incident-portfolio .event-state.state-recovered { color: var(--recovered-fg); }
@media print {
  .incident-portfolio .timeline ol { border-left-color: #000; }
  .incident-portfolio .event-marker, .incident-portfolio .event-marker.state-down, .incident-portfolio .event-marker.state-recovered { border-color: #000 !important; }
  .incident-portfolio .event-marker.state-degraded { border-color: transparent transparent #000 !important; }
}
`

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

// htmlPageStyle is added to HTMLStyle in standalone documents.
const htmlPageStyle = `body { margin: 0; }
.incident-portfolio { min-height: 100vh; }
`
