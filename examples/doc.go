// Package examples holds runnable programs that use the portfolio module,
// each a main package of its own:
//
//   - site: the main job, a static site of the bundled portfolio
//     (go run ./examples/site -out public);
//   - resume: merges the portfolio into a JSON Resume document;
//   - text: prints the plain-text portfolio at the terminal's width;
//   - mysite: a complete tiny module of someone else's, with its own content
//     file and go:generate line.
//
// This package itself only holds the test that builds mysite the way its
// owner would.
package examples
