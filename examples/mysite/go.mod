module example.com/mysite

go 1.26.0

require github.com/incident-leadership/portfolio v0.0.0

require (
	github.com/dave/jennifer v1.7.1 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

replace github.com/incident-leadership/portfolio => ../..

tool github.com/incident-leadership/portfolio/gen
