package io.kflab.verifier.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The structure checks against the running kernel on random control-flow shapes: where the model
 * rejects, the kernel rejects with the same errno and message; where it accepts, the kernel's log
 * has no structural error.
 */
class StructureCheckKernelTest {
    private static final List<String> STRUCTURAL = List.of("call to invalid destination", "too many subprograms",
            "jump out of range", "last insn is not an exit or jmp", "BPF_LDX uses reserved fields",
            "invalid bpf_ld_imm64 insn", "unrecognized bpf_ld_imm64 insn", "unknown opcode", "unreachable insn",
            "jump into the middle of ldimm64", "back-edge from insn");

    static List<RawInsn> randomProgram(Random rnd) {
        int len = 2 + rnd.nextInt(11);
        List<RawInsn> out = new ArrayList<>();
        while (out.size() < len) {
            short off = (short) (rnd.nextInt(11) - 4);
            switch (rnd.nextInt(12)) {
                case 0, 1 -> out.add(new RawInsn(0xb7, 0, 0, (short) 0, rnd.nextInt(3)));      // r0 = k
                case 2, 3 -> out.add(new RawInsn(0x95, 0, 0, (short) 0, 0));                   // exit
                case 4 -> out.add(new RawInsn(0x05, 0, 0, off, 0));                            // goto
                case 5, 6 -> out.add(new RawInsn(0x15, 0, 0, off, 0));                         // if r0 == 0 goto
                case 7 -> out.add(new RawInsn(0x85, 0, 1, (short) 0, rnd.nextInt(9) - 3));     // call pc+k
                case 8 -> {                                                                    // r1 = imm64
                    out.add(new RawInsn(0x18, 1, rnd.nextInt(8) == 0 ? 4 : 0, (short) 0, rnd.nextInt(5) - 1));
                    out.add(new RawInsn(0, 0, 0, (short) 0, 0));
                }
                case 9 -> out.add(new RawInsn(0x06, 0, 0, (short) 0, rnd.nextInt(9) - 3));     // gotol
                case 10 -> out.add(new RawInsn(rnd.nextBoolean() ? 0xff : 0x18, 0, 0, (short) 0, 0)); // bad opcode, torn ld_imm64
                default -> out.add(new RawInsn(0x61, 0, 1, (short) 0, rnd.nextInt(4) == 0 ? 1 : 0)); // r0 = *(u32 *)(r1 + 0)
            }
        }
        return out;
    }

    @Test
    void agreesWithTheKernelOnRandomShapes() {
        KernelAssumptions.assumeBpf();
        Random rnd = new Random(42);
        List<String> disagreements = new ArrayList<>();
        int rejectedByBoth = 0, acceptedByBoth = 0;
        for (int n = 0; n < 3000; n++) {
            List<RawInsn> prog = randomProgram(rnd);
            StructureCheck.Result model = StructureCheck.check(prog, true);
            byte[] bytes = RawInsn.toBytes(prog);
            try (LoadResult k = Bpf.progLoad(ProgType.SOCKET_FILTER, bytes).logLevel(1).load()) {
                String structural = STRUCTURAL.stream().filter(k.log()::contains).findFirst().orElse(null);
                if (model instanceof StructureCheck.Rejected(Rejection r)) {
                    boolean same = !k.accepted() && k.errno().name().equals(r.errno()) && k.log().contains(r.message());
                    if (same) rejectedByBoth++;
                    else disagreements.add(prog + ": model " + r + ", kernel " + k.errno() + " " + firstLine(k.log()));
                } else if (structural != null) {
                    disagreements.add(prog + ": model accepts, kernel " + k.errno() + " " + firstLine(k.log()));
                } else {
                    acceptedByBoth++;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(rejectedByBoth).isGreaterThan(500);
        assertThat(acceptedByBoth).isGreaterThan(20);
    }

    private static String firstLine(String log) {
        return log.lines().filter(l -> !l.matches("^\\d+: .*") && !l.startsWith("processed") && !l.isBlank()).findFirst().orElse("");
    }
}
