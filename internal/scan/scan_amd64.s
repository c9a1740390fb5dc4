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

// TABLES sets up the registers CLASSIFY uses from the nibble tables at
// nib: Y6 and Y7 the tables, Y5 the nibble mask, Y4 zero. It uses AX.
#define TABLES(nib) \
	VBROADCASTI128 (nib), Y6; \
	VBROADCASTI128 16(nib), Y7; \
	MOVL $0x0f0f0f0f, AX; \
	VMOVD AX, X5; \
	VPBROADCASTD X5, Y5; \
	VPXOR Y4, Y4, Y4

// func spanVector(s string, nib *[32]byte) int
TEXT ·spanVector(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	MOVQ nib+16(FP), DX
	TABLES(DX)
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

// PAIRS sets the bits of pairs for the bytes of the 32-byte block in Y0
// (before CLASSIFY overwrites it: call first) that equal the byte in Y3
// and follow another such byte in the block. It uses Y2, R8 and R9.
#define PAIRS(pairs) \
	VPCMPEQB Y3, Y0, Y2; \
	VPMOVMSKB Y2, R8; \
	LEAL (R8)(R8*1), R9; \
	ANDL R9, R8; \
	MOVL R8, pairs

// func spanPairVector(s string, nib *[32]byte, c byte) int
TEXT ·spanPairVector(SB), NOSPLIT, $0-40
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), CX
	MOVQ nib+16(FP), DX
	TABLES(DX)
	MOVBLZX c+24(FP), AX
	VMOVD AX, X3
	VPBROADCASTB X3, Y3
	XORQ BX, BX
	XORL R10, R10 // 1 when the last byte of the block before was c
	CMPQ CX, $32
	JAE  ploop

	TESTQ CX, CX
	JEQ  pnone
	MOVL SI, AX
	ANDL $4095, AX
	CMPL AX, $4064
	JA   pshortend
	VMOVDQU (SI), Y0
	PAIRS(R11)
	CLASSIFY((SI), AX)
	ORL  R11, AX
	BZHIL CX, AX, AX
	TESTL AX, AX
	JNZ  pfound
	JMP  pnone

pshortend:
	VMOVDQU -32(SI)(CX*1), Y0
	PAIRS(R11)
	CLASSIFY(-32(SI)(CX*1), AX)
	MOVL $32, DX
	SUBL CX, DX
	SHRXL DX, AX, AX
	SHRXL DX, R11, R11
	ANDL $-2, R11 // s's first byte follows none of s's
	ORL  R11, AX
	TESTL AX, AX
	JNZ  pfound
	JMP  pnone

ploop:
	LEAQ 32(BX), AX
	CMPQ AX, CX
	JA   ptail
	VMOVDQU (SI)(BX*1), Y0
	PAIRS(R11)
	VPCMPEQB Y3, Y0, Y2
	VPMOVMSKB Y2, R8
	ANDL R10, R8 // the first byte is c and so was the block before's last
	ORL  R8, R11
	VPMOVMSKB Y2, R10
	SHRL $31, R10
	CLASSIFY((SI)(BX*1), AX)
	ORL  R11, AX
	TESTL AX, AX
	JNZ  pfound
	ADDQ $32, BX
	JMP  ploop

ptail:
	// The last 32 bytes of s: the first ones are already known clean, and
	// each new byte's predecessor is in the block.
	CMPQ BX, CX
	JEQ  pnone
	MOVQ CX, BX
	SUBQ $32, BX
	VMOVDQU (SI)(BX*1), Y0
	PAIRS(R11)
	CLASSIFY((SI)(BX*1), AX)
	ORL  R11, AX
	TESTL AX, AX
	JNZ  pfound

pnone:
	VZEROUPPER
	MOVQ CX, ret+32(FP)
	RET

pfound:
	BSFL AX, AX
	ADDQ AX, BX
	VZEROUPPER
	MOVQ BX, ret+32(FP)
	RET

// func ahead(p *byte, n int)
TEXT ·ahead(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	LEAQ (SI)(CX*1), CX
aloop:
	CMPQ SI, CX
	JAE  adone
	PREFETCHT0 (SI)
	ADDQ $64, SI
	JMP  aloop
adone:
	RET
