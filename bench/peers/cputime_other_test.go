//go:build !unix

package peers

import "time"

// cpuTime is not known here: the benchmarks report no cpu-ns/op.
func cpuTime() time.Duration { return 0 }
