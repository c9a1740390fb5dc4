package render

import "github.com/incident-leadership/portfolio/internal/rendertest"

// golden compares got with testdata/name, or rewrites the file with
// -update; fixture loads a content file of the repository.
var (
	golden  = rendertest.Golden
	fixture = rendertest.Fixture
)
