//go:build !unix

package render

import "time"

// cpuTime is not known here: the benchmarks report no cpu-ns/op.
func cpuTime() time.Duration { return 0 }
