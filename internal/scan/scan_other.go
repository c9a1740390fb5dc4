//go:build !amd64 || purego

package scan

const (
	vectorMin  = 1 << 62
	haveVector = false
)

func spanVector(string, *[32]byte) int { panic("scan: no vector code on this platform") }
