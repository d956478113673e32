package io.kflab.sim.runtime.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.KernelAssumptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2,000 generated programs through BPF_PROG_TEST_RUN, the interpreter and the compiled engine: every result must be identical. */
class RunDifferentialTest {
    @Test
    void twoThousandProgramsRunIdenticallyInTheKernelAndTheRuntime(@TempDir Path dir) {
        KernelAssumptions.assumeBpf();
        RunDiffReport r = RunDifferential.run(2000, 20261208L, RunProgramGenerator.TYPES, dir, Progress.quiet(),
                new java.util.TreeMap<>(java.util.Map.of("interp", io.kflab.sim.runtime.interp.Interpreter::new,
                        "compiled", io.kflab.sim.runtime.compiled.CompiledEngine::new)));
        assertThat(r.total()).isEqualTo(2000);
        assertThat(r.reproducers()).as("disagreements (reproducers)").isEmpty();
        assertThat(r.differentResult()).isZero();
        // the generator's programs are verifier-clean: nearly all of them run
        assertThat(r.kernelRejected()).as(String.join("\n", r.rejections())).isLessThan(20);
        assertThat(r.sameResult()).isEqualTo(r.total() - r.kernelRejected());
    }

    @Test
    void reproducersAssembleBackToTheSameProgram() {
        GeneratedRun g = new RunProgramGenerator(new java.util.Random(5), 11, 12).generate(io.kflab.bpf.sys.ProgType.SCHED_CLS);
        String asm = RunDifferential.assembly(g.program(), 11, 12);
        assertThat(asm).contains("%[array] ll").doesNotContain("map_fd(11)");
        var symbols = io.kflab.bpf.asm.SymbolTable.builder().mapFd("array", 11).mapFd("hash", 12).build();
        assertThat(new io.kflab.bpf.asm.Assembler(symbols).program(asm, "r.s")).isEqualTo(g.program());
    }
}
