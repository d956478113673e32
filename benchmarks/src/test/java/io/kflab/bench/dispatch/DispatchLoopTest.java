package io.kflab.bench.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatch-loop program resolves and runs under every design with the same effect. */
class DispatchLoopTest {
    @Test
    void eachDesignReachesItsBody() {
        assertThat(new DispatchLoop(DispatchDesign.POLYMORPHIC, 4).resolvedCalls()).containsExactly(DispatchOps.BUFFERED);
        assertThat(new DispatchLoop(DispatchDesign.RUNTIME_MASK, 4).resolvedCalls()).containsExactly("scx_bpf_dsq_insert");
        assertThat(new DispatchLoop(DispatchDesign.LOAD_FILTER, 4).resolvedCalls()).containsExactly("scx_bpf_dsq_insert");
        assertThat(new DispatchLoop(DispatchDesign.DIRECT_CALL, 4).resolvedCalls()).containsExactly(DispatchOps.BUFFERED);
        assertThat(new DispatchLoop(DispatchDesign.POLYMORPHIC, 4).rewriteLog()).anyMatch(l -> l.contains("-> " + DispatchOps.BUFFERED));
    }

    @Test
    void everyDesignBuffersTheSameTasks() {
        Map<DispatchDesign, Long> sums = new EnumMap<>(DispatchDesign.class);
        for (DispatchDesign d : DispatchDesign.values()) {
            DispatchLoop l = new DispatchLoop(d, 32);
            sums.put(d, l.runOnce());
            assertThat(l.runOnce()).as(d.name()).isEqualTo(sums.get(d));
            assertThat(l.errors()).as(d.name()).isZero();
        }
        assertThat(sums.values()).containsOnly(sums.get(DispatchDesign.DIRECT_CALL));
        // 32 inserts with tasks 4096+1..4096+32: the checksum is not the empty buffer's
        assertThat(sums.get(DispatchDesign.DIRECT_CALL)).isNotZero();
    }
}
