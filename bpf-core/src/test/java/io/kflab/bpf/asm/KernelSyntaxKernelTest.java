package io.kflab.bpf.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The disassembler against the running kernel: every instruction line of a level-2 log must match ours. */
class KernelSyntaxKernelTest {
    private static final Pattern INSN_LINE = Pattern.compile("^(\\d+): (\\([0-9a-f]{2}\\) .*?)\\s*(?:; .*)?$");

    private static final String EVERY_KIND = """
            r6 = r1
            r0 = *(u16 *)skb[12]
            r1 = 1
            r0 = *(u8 *)skb[r1 + 2]
            r1 = 5
            r2 = r1
            w3 = 7
            r2 += r1
            r2 -= 3
            r2 *= r1
            r2 /= r1
            r2 %= 7
            r2 |= 8
            r2 &= 0xff
            r2 <<= 2
            r2 >>= 1
            r2 ^= r1
            r2 s>>= 1
            w2 += w3
            w2 s/= w3
            r2 s%= r1
            r2 s/= 3
            w2 = -w2
            r2 = -r2
            r4 = (s8)r2
            w4 = (s16)w2
            r4 = (s32)r2
            r2 = be16 r2
            r2 = le32 r2
            r2 = bswap64 r2
            *(u64 *)(r10 - 8) = r2
            *(u32 *)(r10 - 16) = 7
            *(u32 *)(r10 - 12) = -7
            r5 = *(u64 *)(r10 - 8)
            r5 = *(s32 *)(r10 - 16)
            lock *(u64 *)(r10 - 8) += r1
            lock *(u32 *)(r10 - 16) |= w1
            r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
            w1 = atomic_fetch_xor((u32 *)(r10 - 16), w1)
            r1 = xchg_64(r10 - 8, r1)
            r0 = r1
            r0 = cmpxchg_64(r10 - 8, r0, r1)
            r7 = load_acquire((u64 *)(r10 - 8))
            store_release((u32 *)(r10 - 16), r7)
            r6 = 0x123456789 ll
            if r2 > r1 goto +0
            if w2 s< 5 goto +0
            if r2 & 0x10 goto +0
            if r2 != -1 goto +0
            goto +0
            gotol +0
            call bpf_get_prandom_u32
            call sub
            r0 = 0
            exit
            sub:
            r0 = 1
            exit
            """;

    @Test
    void everyInstructionLineOfTheKernelLogMatchesOurs() {
        KernelAssumptions.assumeBpf();
        Program p = Assembler.builtin().program(EVERY_KIND, "every-kind.s");
        int[] slotOf = p.slotIndex();
        KernelSyntax ours = KernelSyntax.builtin();
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, p.encode()).logLevel(2).load()) {
            assertThat(r.accepted()).as(r.log()).isTrue();
            int compared = 0;
            for (String line : r.log().split("\n")) {
                Matcher m = INSN_LINE.matcher(line);
                if (!m.matches()) continue;
                int slot = Integer.parseInt(m.group(1));
                int index = java.util.Arrays.binarySearch(slotOf, slot);
                assertThat(index).as("slot %d starts an instruction", slot).isGreaterThanOrEqualTo(0);
                Insn insn = p.insns().get(index);
                assertThat(ours.print(insn)).as("insn %d", slot).isEqualTo(m.group(2));
                compared++;
            }
            // the log shows each instruction of this straight-line program at least once
            assertThat(compared).isGreaterThanOrEqualTo(p.insns().size());
        }
    }
}
