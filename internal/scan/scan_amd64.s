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

// COPYCLASS copies the 32 bytes at SI to DI, keeping them in Y8, and
// leaves in Y0 and Y1 their low- and high-nibble classes, whose AND is
// non-zero for the bytes of the set (registers as for CLASSIFY).
#define COPYCLASS \
	VMOVDQU (SI), Y8; \
	VMOVDQU Y8, (DI); \
	CLASS8

// CLASS8 leaves in Y0 and Y1 the low- and high-nibble classes of the 32
// bytes in Y8.
#define CLASS8 \
	VPSRLW $4, Y8, Y1; \
	VPAND Y5, Y8, Y0; \
	VPAND Y5, Y1, Y1; \
	VPSHUFB Y0, Y6, Y0; \
	VPSHUFB Y1, Y7, Y1

// tailMask is 32 bytes of 0xff and 32 of zero: the 32 bytes at
// tailMask+32-n keep the first n bytes of a block and clear the rest.
DATA ·tailMask+0(SB)/8, $-1
DATA ·tailMask+8(SB)/8, $-1
DATA ·tailMask+16(SB)/8, $-1
DATA ·tailMask+24(SB)/8, $-1
DATA ·tailMask+32(SB)/8, $0
DATA ·tailMask+40(SB)/8, $0
DATA ·tailMask+48(SB)/8, $0
DATA ·tailMask+56(SB)/8, $0
GLOBL ·tailMask(SB), RODATA|NOPTR, $64

// func escapeVector(dst *byte, n int, src string, i int, e *Escaper) (nd, j int)
//
// DI and SI walk dst and src (from src[i]); R9 is the last place in dst a
// step may start at (EscapeRoom bytes before its end), DX the end of src,
// R10 and R11 the starts of src and dst, R12 the Escaper.
TEXT ·escapeVector(SB), NOSPLIT, $0-64
	MOVQ dst+0(FP), DI
	MOVQ n+8(FP), R9
	MOVQ src_base+16(FP), R10
	MOVQ src_len+24(FP), DX
	MOVQ i+32(FP), SI
	MOVQ e+40(FP), R12
	MOVQ DI, R11
	LEAQ -40(DI)(R9*1), R9
	ADDQ R10, DX
	ADDQ R10, SI
	TABLES(R12)

eloop:
	CMPQ DI, R9
	JA   eout
	MOVQ DX, AX
	SUBQ SI, AX
	JEQ  eout
	CMPQ AX, $32
	JB   eshort
	COPYCLASS
	VPTEST Y0, Y1
	JNZ  estopblock
	ADDQ $32, SI
	ADDQ $32, DI
	JMP  eloop

estopblock:
	VPAND Y0, Y1, Y0
	VPCMPEQB Y4, Y0, Y0
	VPMOVMSKB Y0, BX
	NOTL BX
	BSFL BX, BX
	ADDQ BX, SI
	ADDQ BX, DI
	JMP  estop

	// Fewer than 32 bytes are left (AX of them): load 32 from within
	// their page, or else go a byte at a time. The bytes past src, which
	// may be anyone's, are cleared before the block is stored.
eshort:
	MOVL SI, BX
	ANDL $4095, BX
	CMPL BX, $4064
	JA   ebyte
	VMOVDQU (SI), Y8
	LEAQ ·tailMask+32(SB), R8
	SUBQ AX, R8
	VMOVDQU (R8), Y2
	VPAND Y2, Y8, Y8
	VMOVDQU Y8, (DI)
	CLASS8
	VPAND Y0, Y1, Y0
	VPCMPEQB Y4, Y0, Y0
	VPMOVMSKB Y0, BX
	NOTL BX
	BZHIL AX, BX, BX
	TESTL BX, BX
	JNZ  eshortstop
	ADDQ AX, SI
	ADDQ AX, DI
	JMP  eout

eshortstop:
	BSFL BX, BX
	ADDQ BX, SI
	ADDQ BX, DI
	JMP  estop

	// One byte, near the end of a page: a member (lo[c&15] & hi[c>>4]
	// != 0) stops, any other byte is copied.
ebyte:
	MOVBLZX (SI), BX
	MOVL BX, CX
	ANDL $15, CX
	MOVBLZX (R12)(CX*1), CX
	MOVL BX, R8
	SHRL $4, R8
	MOVBLZX 16(R12)(R8*1), R8
	TESTL CX, R8
	JNZ  estop
	MOVB BX, (DI)
	INCQ SI
	INCQ DI
	JMP  eloop

	// SI is at a member, and DI has room for 8 bytes.
estop:
	MOVBLZX (SI), BX
	CMPL BX, $0x80
	JAE  eutf8
	MOVBLZX 288(R12)(BX*1), CX
	TESTL CX, CX
	JEQ  epunct
	MOVQ 416(R12)(BX*8), R8
	MOVQ R8, (DI)
	ADDQ CX, DI
	INCQ SI
	JMP  eloop

	// A byte BX with no replacement: with urlPunct, copy '.' but after
	// "www", and ':' but before "//".
epunct:
	CMPB 1569(R12), $0
	JEQ  eout
	CMPL BX, $0x2e
	JEQ  edot
	CMPL BX, $0x3a
	JNE  eout
	MOVQ DX, AX
	SUBQ SI, AX
	CMPQ AX, $3
	JB   ecopy1
	CMPW 1(SI), $0x2f2f // "//"
	JEQ  eout
	JMP  ecopy1
edot:
	MOVQ SI, AX
	SUBQ R10, AX
	CMPQ AX, $3
	JB   ecopy1
	MOVL -3(SI), AX
	ORL  $0x00202020, AX
	CMPL AX, $0x2e777777 // "www."
	JEQ  eout
ecopy1:
	MOVB BX, (DI)
	INCQ SI
	INCQ DI
	JMP  eloop

	// A lead byte BX: copy a plain sequence of two or three bytes.
eutf8:
	CMPB 1440-0x80(R12)(BX*1), $0
	JNE  eout // a lead byte the caller wants
	MOVQ DX, AX
	SUBQ SI, AX // bytes left, at least 1
	CMPL BX, $0xe0
	JAE  ethree
	CMPL BX, $0xc2
	JB   eout
	CMPQ AX, $2
	JB   eout
	MOVBLZX 1(SI), CX
	MOVL CX, R8
	ANDL $0xc0, R8
	CMPL R8, $0x80
	JNE  eout
	CMPL BX, $0xc2
	JNE  etwo
	CMPL CX, $0xa0
	JB   eout // C1 control
etwo:
	MOVW (SI), R8
	MOVW R8, (DI)
	ADDQ $2, SI
	ADDQ $2, DI
	JMP  eloop

ethree:
	CMPL BX, $0xf0
	JAE  eout
	CMPQ AX, $3
	JB   eout
	MOVBLZX 1(SI), CX
	MOVBLZX 2(SI), R13
	MOVL CX, R8
	ANDL $0xc0, R8
	CMPL R8, $0x80
	JNE  eout
	MOVL R13, R8
	ANDL $0xc0, R8
	CMPL R8, $0x80
	JNE  eout
	CMPL BX, $0xe0
	JEQ  ee0
	CMPL BX, $0xed
	JEQ  eed
	CMPL BX, $0xef
	JEQ  eef
	CMPL BX, $0xe2
	JEQ  ee2
ecopy3:
	MOVW (SI), R8
	MOVW R8, (DI)
	MOVB R13, 2(DI)
	ADDQ $3, SI
	ADDQ $3, DI
	JMP  eloop
ee0:
	CMPL CX, $0xa0
	JB   eout // overlong
	JMP  ecopy3
eed:
	CMPL CX, $0xa0
	JAE  eout // surrogate
	JMP  ecopy3
eef:
	CMPL CX, $0xb7
	JEQ  eout
	CMPL CX, $0xbf
	JEQ  eout
	JMP  ecopy3
ee2:
	CMPB 1570(R12), $0
	JEQ  elinesep
	CMPL CX, $0x81
	JEQ  ebidi81
	CMPL CX, $0x80
	JNE  ecopy3
	MOVL R13, R8
	ANDL $0xfe, R8
	CMPL R8, $0x8e
	JEQ  eout // U+200E or U+200F
	CMPL R13, $0xaa
	JB   elinesep
	CMPL R13, $0xae
	JBE  eout // U+202A to U+202E
	JMP  ecopy3
ebidi81:
	CMPL R13, $0xa6
	JB   ecopy3
	CMPL R13, $0xa9
	JBE  eout // U+2066 to U+2069
	JMP  ecopy3
elinesep:
	CMPB 1568(R12), $0
	JEQ  ecopy3
	CMPL CX, $0x80
	JNE  ecopy3
	MOVL R13, R8
	ANDL $0xfe, R8
	CMPL R8, $0xa8
	JEQ  eout // U+2028 or U+2029
	JMP  ecopy3

eout:
	VZEROUPPER
	SUBQ R11, DI
	SUBQ R10, SI
	MOVQ DI, nd+48(FP)
	MOVQ SI, j+56(FP)
	RET
