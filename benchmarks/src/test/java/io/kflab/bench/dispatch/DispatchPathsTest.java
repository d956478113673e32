package io.kflab.bench.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.sim.scx.DsqId;
import io.kflab.sim.scx.ScxOp;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The benchmarked paths do the same inserts in every design and the run-time check fires where the kernel's would. */
class DispatchPathsTest {
    @Property(tries = 20)
    void everyDesignBuffersTheSameInserts(@ForAll @IntRange(min = 1, max = 32) int calls) {
        DispatchOps ops = new DispatchOps(calls);
        long[] sums = Arrays.stream(DispatchDesign.values()).mapToLong(ops::run).toArray();
        assertThat(sums).containsOnly(sums[0]);
        assertThat(ops.errors()).isZero();
    }

    @Test
    void polymorphicResolvesToTheBufferedBodyInDispatch() {
        assertThat(DispatchOps.resolvePolymorphic()).isEqualTo(DispatchOps.BUFFERED);
    }

    @Test
    void theMaskCheckFailsOutsideEnqueueAndDispatch() {
        PerCpuKfState pc = new PerCpuKfState(1);
        DispatchBuffer b = new DispatchBuffer(4);
        int saved = pc.enterOp(0, ScxOp.CPU_RELEASE);
        DsqInsertPaths.runtimeMask(pc, 0, b, 7, DsqId.GLOBAL, 1, 0);
        pc.exitOp(0, saved);
        assertThat(pc.errors()).isEqualTo(1);
        assertThat(b.buffered()).isZero();
        // the same call inside ops.dispatch passes and buffers
        saved = pc.enterOp(0, ScxOp.DISPATCH);
        DsqInsertPaths.runtimeMask(pc, 0, b, 7, DsqId.GLOBAL, 1, 0);
        pc.exitOp(0, saved);
        assertThat(pc.errors()).isEqualTo(1);
        assertThat(b.buffered()).isEqualTo(1);
        assertThat(pc.mask(0)).isZero();
    }

    @Test
    void theMarkerMakesTheGenericKfuncDispatchDirectly() {
        PerCpuKfState pc = new PerCpuKfState(1);
        DispatchBuffer b = new DispatchBuffer(4);
        pc.setDdspTask(0, 9);
        DsqInsertPaths.loadFilter(pc, 0, b, 9, DsqId.LOCAL, 1, 0);
        assertThat(b.directTask()).isEqualTo(9);
        assertThat(b.buffered()).isZero();
        assertThat(pc.ddspTask(0)).isZero();
        // another task than the one being enqueued: the kernel's "scheduling for ... but trying to direct-dispatch"
        pc.setDdspTask(0, 9);
        DsqInsertPaths.loadFilter(pc, 0, b, 10, DsqId.LOCAL, 1, 0);
        assertThat(pc.errors()).isEqualTo(1);
    }

    @Test
    void theBufferOverflowsAtItsSize() {
        DispatchBuffer b = new DispatchBuffer(2);
        for (int i = 0; i < 3; i++) DispatchBuffer.insertBuffered(b, i + 1, DsqId.GLOBAL, 1, 0);
        assertThat(b.buffered()).isEqualTo(2);
        assertThat(b.overflows()).isEqualTo(1);
    }
}
