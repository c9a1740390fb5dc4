//go:build !purego

#include "textflag.h"

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET

// CLASSIFY sets the bits of mask (a 32-bit register) for the bytes of the
// 32-byte block at addr that are members: a byte c is one when
// lo[c&15] & hi[c>>4] != 0. Y5 holds 0x0f in every byte, Y6 the low-nibble
// table, Y7 the high-nibble table, Y4 zero; it uses Y0 and Y1.
#define CLASSIFY(addr, mask) \
	VMOVDQU addr, Y0; \
	VPSRLW $4, Y0, Y1; \
	VPAND Y5, Y0, Y0; \
	VPAND Y5, Y1, Y1; \
	VPSHUFB Y0, Y6, Y0; \
	VPSHUFB Y1, Y7, Y1; \
	VPAND Y0, Y1, Y0; \
	VPCMPEQB Y4, Y0, Y0; \
	VPMOVMSKB Y0, mask; \
	NOTL mask

// func spanVector(s string, nib *[32]byte) int
TEXT ·spanVector(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	MOVQ nib+16(FP), DX
	VBROADCASTI128 (DX), Y6
	VBROADCASTI128 16(DX), Y7
	MOVL $0x0f0f0f0f, AX
	MOVD AX, X5
	VPBROADCASTD X5, Y5
	VPXOR Y4, Y4, Y4
	XORQ BX, BX
	CMPQ CX, $32
	JAE  loop64

	// Fewer than 32 bytes: load the 32 bytes from s within the page that
	// holds s's first byte, or else those that end with s's last byte
	// (then s starts less than 32 bytes before its page ends, so the load
	// stays in that page), and ignore the bytes that are not s's.
	TESTQ CX, CX
	JEQ  none
	MOVL SI, AX
	ANDL $4095, AX
	CMPL AX, $4064
	JA   shortend
	CLASSIFY((SI), AX)
	BZHIL CX, AX, AX
	TESTL AX, AX
	JNZ  found
	JMP  none

shortend:
	CLASSIFY(-32(SI)(CX*1), AX)
	MOVL $32, DX
	SUBL CX, DX
	SHRXL DX, AX, AX
	TESTL AX, AX
	JNZ  found
	JMP  none

	// 64 bytes a step while they last.
loop64:
	LEAQ 64(BX), AX
	CMPQ AX, CX
	JA   loop32
	VMOVDQU (SI)(BX*1), Y0
	VMOVDQU 32(SI)(BX*1), Y2
	VPSRLW $4, Y0, Y1
	VPSRLW $4, Y2, Y3
	VPAND Y5, Y0, Y0
	VPAND Y5, Y1, Y1
	VPAND Y5, Y2, Y2
	VPAND Y5, Y3, Y3
	VPSHUFB Y0, Y6, Y0
	VPSHUFB Y1, Y7, Y1
	VPSHUFB Y2, Y6, Y2
	VPSHUFB Y3, Y7, Y3
	VPAND Y0, Y1, Y0
	VPAND Y2, Y3, Y2
	VPOR Y0, Y2, Y1
	VPTEST Y1, Y1
	JNZ  found64
	MOVQ AX, BX
	JMP  loop64

found64:
	// A member is in one of the two blocks; Y0 and Y2 hold their classes.
	VPCMPEQB Y4, Y0, Y0
	VPMOVMSKB Y0, AX
	NOTL AX
	TESTL AX, AX
	JNZ  found
	ADDQ $32, BX
	VPCMPEQB Y4, Y2, Y2
	VPMOVMSKB Y2, AX
	NOTL AX
	JMP  found

loop32:
	LEAQ 32(BX), AX
	CMPQ AX, CX
	JA   tail
	CLASSIFY((SI)(BX*1), AX)
	TESTL AX, AX
	JNZ  found
	ADDQ $32, BX
	JMP  loop32

tail:
	// Fewer than 32 bytes are left: test the last 32 bytes of s, whose
	// first ones are already known not to be members.
	CMPQ BX, CX
	JEQ  none
	MOVQ CX, BX
	SUBQ $32, BX
	CLASSIFY((SI)(BX*1), AX)
	TESTL AX, AX
	JNZ  found

none:
	VZEROUPPER
	MOVQ CX, ret+24(FP)
	RET

found:
	BSFL AX, AX
	ADDQ AX, BX
	VZEROUPPER
	MOVQ BX, ret+24(FP)
	RET
