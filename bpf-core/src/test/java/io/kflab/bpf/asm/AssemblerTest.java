package io.kflab.bpf.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssemblerTest {
    private final Assembler asm = Assembler.builtin();
    private final KernelSyntax kernel = KernelSyntax.builtin();

    private String one(String text) {
        Program p = asm.program(text, "t.s");
        assertThat(p.insns()).hasSize(1);
        return kernel.print(p.insns().get(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "r1 = 0;                          | (b7) r1 = 0",
        "w2 /= w1                         | (3c) w2 /= w1",
        "r0 s/= r1                        | (3f) r0 s/= r1",
        "w0 s%= 3                         | (94) w0 s%= 3",
        "r2 += -8                         | (07) r2 += -8",
        "r0 s>>= 1                        | (c7) r0 s>>= 1",
        "r0 = -r0                         | (87) r0 = -r0",
        "w3 = -w3                         | (84) w3 = -w3",
        "r1 = (s8)r2                      | (bf) r1 = (s8)r2",
        "w1 = (s16)w2                     | (bc) w1 = (s16)w2",
        "r0 = be16 r0                     | (dc) r0 = be16 r0",
        "r0 = le64 r0                     | (d4) r0 = le64 r0",
        "r0 = bswap32 r0                  | (d7) r0 = bswap32 r0",
        "*(u64*)(r10 - 8) = r1;           | (7b) *(u64 *)(r10 -8) = r1",
        "*(u32 *)(r10 -4) = 7             | (62) *(u32 *)(r10 -4) = 7",
        "r0 = *(u8*)(r0 + 0);             | (71) r0 = *(u8 *)(r0 +0)",
        "r1 = *(u64 *)(r10 -8)            | (79) r1 = *(u64 *)(r10 -8)",
        "r0 = *(s16 *)(r1 + 2)            | (89) r0 = *(s16 *)(r1 +2)",
        "lock *(u64 *)(r10 - 8) += r1     | (db) lock *(u64 *)(r10 -8) += r1",
        "lock *(u32 *)(r10 - 8) ^= w1     | (c3) lock *(u32 *)(r10 -8) ^= r1",
        "r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)   | (db) r1 = atomic64_fetch_add((u64 *)(r10 -8), r1)",
        "w1 = atomic_fetch_or((u32 *)(r10 - 8), w1)    | (c3) r1 = atomic_fetch_or((u32 *)(r10 -8), r1)",
        "r1 = xchg_64(r10 - 8, r1)                     | (db) r1 = atomic64_xchg((u64 *)(r10 -8), r1)",
        "w1 = xchg32_32(r10 - 8, w1)                   | (c3) r1 = atomic_xchg((u32 *)(r10 -8), r1)",
        "r0 = cmpxchg_64(r10 - 8, r0, r1)              | (db) r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r1)",
        "r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r1) | (db) r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r1)",
        "r0 = load_acquire((u8 *)(r1 + 4))             | (d3) r0 = load_acquire((u8 *)(r1 +4))",
        "store_release((u16 *)(r1 - 2), r3)            | (cb) store_release((u16 *)(r1 -2), r3)",
        "r1 = addr_space_cast(r2, 0, 1)                | (bf) r1 = addr_space_cast(r2, 0, 1)",
        "r0 = *(u16 *)skb[12]                          | (28) r0 = *(u16 *)skb[12]",
        "r0 = *(u8 *)skb[r6 + 3]                       | (50) r0 = *(u8 *)skb[r6 + 3]",
        "call bpf_map_lookup_elem                      | (85) call bpf_map_lookup_elem#1",
        "call %[bpf_ktime_get_ns]                      | (85) call bpf_ktime_get_ns#5",
        "call 100000                                   | (85) call unknown#100000",
        "call kfunc(51234)                             | (85) call unknown#51234",
        "call pc+2                                     | (85) call pc+2",
        "exit;                                         | (95) exit",
        "goto +3                                       | (05) goto pc+3",
        "gotol -70000                                  | (06) gotol pc-70000",
        "may_goto pc+1                                 | (e5) may_goto pc+1",
        "if r0 == 0 goto pc+1                          | (15) if r0 == 0x0 goto pc+1",
        "if w1 s> w2 goto -2                           | (6e) if w1 s> w2 goto pc-2",
        "if r1 & 0x10 goto +0                          | (45) if r1 & 0x10 goto pc+0",
        "if r1 != -1 goto +0                           | (55) if r1 != 0xffffffff goto pc+0",
        "0: (b7) r0 = 0                                | (b7) r0 = 0",
    })
    void parsesSelftestSyntaxAndPrintsKernelSyntax(String asmText, String kernelText) {
        assertThat(one(asmText)).isEqualTo(kernelText);
    }

    @Test
    void labelsAndPlaceholdersResolveLikeSelftestInlineAsm() {
        SymbolTable symbols = SymbolTable.builder().mapFd("map_hash_8b", 7).constant("off", 16).build();
        String text = """
                r1 = 0;
                *(u64*)(r10 - 8) = r1;
                r2 = r10;
                r2 += -8;
                r1 = %[map_hash_8b] ll;
                call %[bpf_map_lookup_elem];
                if r0 == 0 goto l0_%=;
                r1 = *(u64 *)(r0 + %[off]);
            l0_%=:	r0 = 0;
                exit;
                """;
        Program p = new Assembler(symbols).program(text, "t.s");
        assertThat(p.insns()).hasSize(10);
        assertThat(p.slotCount()).isEqualTo(11);
        assertThat(p.insns().get(4)).isEqualTo(Insn.LoadImm64.pseudo(1, PseudoSource.MAP_FD, 7, 0));
        assertThat(p.insns().get(6)).isEqualTo(new Insn.Jump(Width.W64, JmpOp.JEQ, 0, Operand.imm(0), (short) 1));
        assertThat(p.insns().get(7)).isEqualTo(new Insn.Load(Size.DW, false, 1, 0, (short) 16));
    }

    @Test
    void callOfALabelIsASubprogramCall() {
        Program p = asm.program("call sub\nexit\nsub:\nr0 = 1\nexit\n", "t.s");
        assertThat(p.insns().get(0)).isEqualTo(Insn.Call.subprog(1));
    }

    @Test
    void rawWordsPassThroughEvenWhenInvalid() {
        Assembled a = asm.assemble(".8byte 0xff\nexit", "t.s");
        assertThat(a.slots().get(0).code()).isEqualTo(0xff);
        assertThatThrownBy(a::program).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown opcode ff");
    }

    @Test
    void wideImmediateNeedsLl() {
        Program p = asm.program("r1 = 0x123456789abcdef0 ll", "t.s");
        assertThat(p.insns().get(0)).isEqualTo(Insn.LoadImm64.of(1, 0x123456789abcdef0L));
        assertThat(kernel.print(p.insns().get(0))).isEqualTo("(18) r1 = 0x123456789abcdef0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "r0 = 0\\nr11 = 1           | t.s:2:1   | unexpected 'r11'",
        "r0 += w1                   | t.s:1:7   | expected a r-register like the destination, found w1",
        "if r0 == 0 goto nowhere    | t.s:1:17  | unknown label 'nowhere'",
        "r0 = *(u24 *)(r1 + 0)      | t.s:1:8   | expected an access type u8, u16, u32 or u64",
        "call bpf_no_such_helper    | t.s:1:6   | unknown function 'bpf_no_such_helper'",
        "r1 = 5 lll                 | t.s:1:8   | expected 'll' after a 64-bit immediate",
        "r0 = 0x1ffffffff           | t.s:1:6   | does not fit in 32 bits",
        "*(u64 *)(r10 - 40000) = r1 | t.s:1:9   | does not fit in 16 bits",
        "x:\\nx:\\nexit             | t.s:2:1   | label 'x' is defined twice",
        "r0 = %[nope]               | t.s:1:6   | unknown operand %[nope]",
        "r1 = atomic_fetch_add((u64 *)(r10 - 8), r2) | t.s:1:41 | fetched value returns in the source register",
    })
    void badInputIsOneLineWithLocation(String text, String where, String what) {
        assertThatThrownBy(() -> asm.program(text.replace("\\n", "\n"), "t.s"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.location()).isEqualTo(where);
                    assertThat(e.getMessage()).contains(what).doesNotContain("\n");
                });
    }
}
