//go:build !purego

package scan

// haveVector reports whether the processor and the operating system
// support AVX2 (and BMI2, which the vector code uses too).
var haveVector = hasAVX2()

func hasAVX2() bool {
	if maxLeaf, _, _, _ := cpuid(0, 0); maxLeaf < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	if eax, _ := xgetbv(); eax&6 != 6 { // the OS saves XMM and YMM registers
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	const avx2, bmi2 = 1 << 5, 1 << 8
	return ebx7&avx2 != 0 && ebx7&bmi2 != 0
}

//go:noescape
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

//go:noescape
func xgetbv() (eax, edx uint32)

// spanVector is Span with AVX2, in scan_amd64.s.
//
//go:noescape
func spanVector(s string, nib *[32]byte) int

// spanPairVector is SpanPair with AVX2, in scan_amd64.s.
//
//go:noescape
func spanPairVector(s string, nib *[32]byte, c byte) int

// escapeVector is Escape with AVX2, in scan_amd64.s; dst has n >=
// EscapeRoom bytes.
//
//go:noescape
func escapeVector(dst *byte, n int, src string, i int, e *Escaper) (nd, j int)
