//go:build !amd64 || purego

package scan

const haveVector = false

func spanVector(string, *[32]byte) int { panic("scan: no vector code on this platform") }

func spanPairVector(string, *[32]byte, byte) int { panic("scan: no vector code on this platform") }

func escapeVector(*byte, int, string, int, *Escaper) (int, int) {
	panic("scan: no vector code on this platform")
}
