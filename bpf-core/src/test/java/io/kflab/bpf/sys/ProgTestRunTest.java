package io.kflab.bpf.sys;

import static io.kflab.bpf.sys.KernelAssumptions.assumeBpf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BPF_PROG_TEST_RUN against the running kernel. */
class ProgTestRunTest {
    private static final int XDP_PASS = 2;

    @BeforeEach
    void kernel() {
        assumeBpf();
    }

    static byte[] packet() {
        byte[] p = new byte[64];
        for (int i = 0; i < p.length; i++) p[i] = (byte) (i + 1);
        return p;
    }

    /** XDP: if data + 1 <= data_end, *(u8 *)data = 0x42; return XDP_PASS. */
    static byte[] xdpWriteFirstByte() {
        return TestInsns.of()
                .ldxW(2, 1, 0).ldxW(3, 1, 4)
                .movReg(4, 2).addImm(4, 1).jgtReg(4, 3, 1)
                .stB(2, 0, 0x42)
                .movImm(0, XDP_PASS).exit().bytes();
    }

    @Test
    void retvalOfSocketFilter() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(7)).load()) {
            TestRunResult t = r.fdOrThrow().testRun().dataIn(packet()).run();
            assertEquals(7, t.retval());
        }
    }

    @Test
    void schedClsDataRoundTrip() {
        try (LoadResult r = Bpf.progLoad(ProgType.SCHED_CLS, TestInsns.returns(0)).load()) {
            TestRunResult t = r.fdOrThrow().testRun().dataIn(packet()).run();
            assertEquals(0, t.retval());
            assertArrayEquals(packet(), t.dataOut());
        }
    }

    @Test
    void xdpProgramChangesTheData() {
        try (LoadResult r = Bpf.progLoad(ProgType.XDP, xdpWriteFirstByte()).load()) {
            TestRunResult t = r.fdOrThrow().testRun().dataIn(packet()).run();
            assertEquals(XDP_PASS, t.retval());
            byte[] want = packet();
            want[0] = 0x42;
            assertArrayEquals(want, t.dataOut());
        }
    }

    @Test
    void repeatAndDuration() {
        try (LoadResult r = Bpf.progLoad(ProgType.XDP, xdpWriteFirstByte()).load()) {
            TestRunResult t = r.fdOrThrow().testRun().dataIn(packet()).repeat(100_000).run();
            assertEquals(XDP_PASS, t.retval());
            assertTrue(t.duration() > 0, "duration " + t.duration());
            assertTrue(t.duration() < 1_000_000, "duration " + t.duration());
        }
    }

    @Test
    void tooSmallDataOutGivesEnospc() {
        try (LoadResult r = Bpf.progLoad(ProgType.XDP, xdpWriteFirstByte()).load()) {
            BpfException e = assertThrows(BpfException.class,
                    () -> r.fdOrThrow().testRun().dataIn(packet()).dataSizeOut(8).run());
            assertEquals(Errno.ENOSPC, e.errno());
            assertEquals(BpfCmd.BPF_PROG_TEST_RUN, e.cmd());
        }
    }
}
