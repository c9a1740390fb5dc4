module github.com/incident-leadership/portfolio/bench/peers

go 1.26.0

require (
	github.com/a-h/templ v0.3.1118
	github.com/google/go-cmp v0.7.0
	github.com/incident-leadership/portfolio v0.0.0-00010101000000-000000000000
	github.com/valyala/quicktemplate v1.8.0
)

require (
	github.com/valyala/bytebufferpool v1.0.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

replace github.com/incident-leadership/portfolio => ../..
