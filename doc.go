// Package portfolio is an engineer's incident-leadership record: the
// production incidents they caused and permanently fixed, and the outages
// where they led the resolution, as typed Go values (package incident)
// ready to be drawn by package render.
//
// Use it in three lines:
//
//	p := portfolio.Page()
//	render.HTML(w, p)
//	in, _ := portfolio.Incident(portfolio.MessageQueueBacklog)
//
// IDs lists the incidents in page order, and each incident has a typed
// constant of its ID, such as DatabaseConnectionPoolExhaustion.
//
// The content lives in portfolio.yaml, whose format package incident/load
// documents, and is compiled into portfolio_gen.go by the generator in
// ./gen: as static data, so a program that imports the package reads and
// parses nothing at run time, and the package has no init work. Run go
// generate after changing portfolio.yaml; go run ./gen -check ... tells
// whether portfolio_gen.go is stale.
//
// No caller can corrupt the shared content. The data is an unexported
// variable; Page and Incident return deep copies that share no slice with
// it (incident.Portfolio.Clone), so a caller may change, append to or
// sort what it gets, and the next call still returns the original. IDs
// returns a new slice each time.
//
// The package imports nothing but the standard library and package
// incident.
package portfolio

//go:generate go run ./gen -in portfolio.yaml -out portfolio_gen.go -pkg portfolio
