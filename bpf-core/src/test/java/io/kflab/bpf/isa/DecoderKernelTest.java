package io.kflab.bpf.isa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder against the running kernel: every opcode byte with a spread of field values. Where
 * the decoder rejects, the kernel rejects with the same message; where it accepts, the kernel
 * reports no structural error.
 */
class DecoderKernelTest {
    private static final List<String> STRUCTURAL = List.of("unknown opcode", "uses reserved fields",
            "invalid BPF_LD_IMM", "invalid bpf_ld_imm64", "unrecognized bpf_ld_imm64", "invalid atomic opcode",
            "invalid atomic operand size", "invalid may_goto", " is invalid", "addr_space_cast insn can only convert");

    private static final int[][] FIELDS = {
        {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 8, 0}, {0, 0, 32, 0},
        {0, 0, 0, 16}, {0, 0, 0, 64}, {1, 1, 0, 0}, {0, 2, 0, 0}, {0, 7, 0, 0}, {0, 0, 0, 0x41}, {0, 0, 0, 0xe1},
        {0, 0, 0, 0x100}, {0, 0, 0, 0x110}, {0, 0, 1, 1}, {0, 0, 0, 1 << 16}, {11, 0, 0, 0}, {0, 12, 0, 0},
    };

    @Test
    void decoderAgreesWithTheKernelOnEveryOpcode() {
        KernelAssumptions.assumeBpf();
        List<String> disagreements = new ArrayList<>();
        int rejectedByBoth = 0;
        for (int code = 0; code < 256; code++) {
            for (int[] f : FIELDS) {
                RawInsn first = new RawInsn(code, f[0], f[1], (short) f[2], f[3]);
                List<RawInsn> slots = new ArrayList<>(List.of(first));
                RawInsn next = new RawInsn(0, 0, 0, (short) 0, f[3] == 1 ? 7 : 0);
                if (code == 0x18) slots.add(next);
                slots.add(new RawInsn(0xb7, 0, 0, (short) 0, 0));
                slots.add(new RawInsn(0x95, 0, 0, (short) 0, 0));
                String ours;
                try {
                    InsnCodec.decode(first, code == 0x18 ? next : slots.get(1));
                    ours = null;
                } catch (InvalidInsnException e) {
                    ours = e.getMessage();
                }
                byte[] bytes = RawInsn.toBytes(slots);
                try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, bytes).logLevel(1).load()) {
                    String structural = STRUCTURAL.stream().filter(r.log()::contains).findFirst().orElse(null);
                    // The kernel may stop earlier on a CFG error or an uninitialised register; when it
                    // reports a structural error, it must be ours.
                    if (ours != null && (r.accepted() || (structural != null && !r.log().contains(ours)))) {
                        disagreements.add(first + ": decoder says '" + ours + "', kernel: " + firstLine(r));
                    } else if (ours == null && structural != null) {
                        disagreements.add(first + ": decoder accepts, kernel: " + firstLine(r));
                    } else if (ours != null) {
                        rejectedByBoth++;
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(rejectedByBoth).isGreaterThan(1000);
    }

    private static String firstLine(LoadResult r) {
        if (r.accepted()) return "accepted";
        for (String line : r.log().split("\n")) {
            if (!line.isBlank() && !line.matches("^\\d+: .*") && !line.startsWith("processed")) return r.errno() + " " + line;
        }
        return r.errno() + " (no message)";
    }
}
