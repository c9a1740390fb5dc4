module github.com/incident-leadership/portfolio/bench/peers

go 1.26.0

require github.com/incident-leadership/portfolio v0.0.0-00010101000000-000000000000

replace github.com/incident-leadership/portfolio => ../..
