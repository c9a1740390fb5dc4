module github.com/incident-leadership/portfolio/hugo

go 1.26.0
