package jsonresume

import "github.com/incident-leadership/portfolio/internal/rendertest"

// golden compares got with testdata/name, or rewrites the file with
// -update; jsonFixture loads a content file of the repository.
var (
	golden      = rendertest.Golden
	jsonFixture = rendertest.Fixture
)
