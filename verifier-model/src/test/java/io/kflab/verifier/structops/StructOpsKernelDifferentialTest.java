package io.kflab.verifier.structops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.verifier.structops.diff.KernelSyscalls;
import io.kflab.verifier.structops.diff.Scenario;
import io.kflab.verifier.structops.diff.ScenarioMatrix;
import io.kflab.verifier.structops.diff.ScenarioRunner;
import io.kflab.verifier.structops.diff.StructOpsDifferential;
import io.kflab.verifier.structops.model.ModelKernel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registration scenarios on the model and on the running kernel: every step must agree, and nothing stays registered. */
class StructOpsKernelDifferentialTest {
    @Test
    void everyScenarioAgreesWithTheKernel() throws Exception {
        KernelAssumptions.assumeBpf();
        Btf btf = Btf.vmlinux();
        String prefix = "kt" + Long.toString(ProcessHandle.current().pid() % 46656, 36);
        List<StructOpsType> types = StructOpsType.all(btf);
        StructOpsType tcp = StructOpsType.of(btf, TcpCongestionOps.NAME);
        List<Scenario> scenarios = ScenarioMatrix.all(prefix, tcp, btf.findByName("tcp_sock", BtfKind.STRUCT).orElseThrow());
        List<String> before;
        try (KernelSyscalls k = new KernelSyscalls()) {
            before = k.tcpAvailable();
        }
        StructOpsDifferential.Report r = StructOpsDifferential.run(scenarios, new ScenarioRunner(types),
                () -> new ModelKernel(StructOpsCatalog.builtin(btf, new KernelSyscalls().tcpAvailable(), TcpCongestionOps.CONG_MASK_6_18)),
                KernelSyscalls::new, p -> { });
        r.disagreements().forEach(d -> System.out.println("DISAGREE " + d));
        assertTrue(r.total() >= 40, "at least 40 scenarios, got " + r.total());
        try (KernelSyscalls k = new KernelSyscalls()) {
            List<String> after = k.tcpAvailable();
            assertFalse(after.stream().anyMatch(n -> n.startsWith(prefix)), "a scenario left a congestion control registered: " + after);
            assertEquals(before, after);
        }
        assertEquals(List.of(), r.disagreements());
        assertEquals(r.total(), r.agree());
    }
}
