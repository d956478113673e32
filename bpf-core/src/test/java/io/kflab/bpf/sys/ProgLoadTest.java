package io.kflab.bpf.sys;

import static io.kflab.bpf.sys.KernelAssumptions.assumeBpf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BPF_PROG_LOAD and OBJ_GET_INFO_BY_FD against the running kernel. */
class ProgLoadTest {

    @BeforeEach
    void kernel() {
        assumeBpf();
    }

    @Test
    void trivialSocketFilterIsAccepted() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(0)).load()) {
            assertTrue(r.accepted(), r.log());
            assertNull(r.errno());
            ProgFd fd = r.fd().orElseThrow();
            assertTrue(fd.fd() > 2);
            assertEquals(2, r.insnsProcessed());
            assertTrue(r.log().contains("processed 2 insns"), r.log());
        }
    }

    @Test
    void readingAnUninitialisedRegisterIsRejectedWithEacces() {
        byte[] insns = TestInsns.of().movReg(0, 2).exit().bytes();
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, insns).load()) {
            assertFalse(r.accepted());
            assertEquals(Errno.EACCES, r.errno());
            assertTrue(r.log().contains("R2 !read_ok"), r.log());
            assertTrue(r.fd().isEmpty());
            BpfException e = assertThrows(BpfException.class, r::fdOrThrow);
            assertEquals(Errno.EACCES, e.errno());
        }
    }

    @Test
    void badOpcodeIsRejectedWithEinval() {
        byte[] insns = TestInsns.of().movImm(0, 0).raw(0xff, 0, 0, 0, 0).exit().bytes();
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, insns).load()) {
            assertFalse(r.accepted());
            assertEquals(Errno.EINVAL, r.errno());
            assertTrue(r.log().contains("unknown opcode ff"), r.log());
        }
    }

    @Test
    void logLevelZeroGivesNoLogAndNoCount() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(0)).logLevel(0).load()) {
            assertTrue(r.accepted());
            assertEquals("", r.log());
            assertEquals(-1, r.insnsProcessed());
        }
    }

    @Test
    void tooSmallLogIsRetriedWithTheSizeTheKernelReports() {
        byte[] insns = TestInsns.of().movReg(0, 2).exit().bytes();
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, insns).logLevel(1).logSize(8, 1 << 20).load()) {
            assertEquals(Errno.EACCES, r.errno());
            assertTrue(r.log().contains("R2 !read_ok"), r.log());
            assertEquals(r.log().length() + 1, r.logTrueSize());
        }
    }

    @Test
    void infoReportsTypeNameAndVerifiedInsns() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(3)).progName("kflab_info").load()) {
            ProgInfo info = r.fdOrThrow().info();
            assertEquals(ProgType.SOCKET_FILTER, info.progType().orElseThrow());
            assertEquals("kflab_info", info.name());
            assertEquals(2, info.verifiedInsns());
            assertTrue(info.id() > 0);
            assertTrue(info.gplCompatible());
            assertEquals(16, info.tag().length());
            assertEquals(16, info.xlatedProgLen());
            assertEquals(0, info.mapIds().length);
        }
    }

    @Test
    void progInfoListsUsedMaps() {
        try (MapFd map = Bpf.mapCreate(MapType.ARRAY, 4, 8, 1).create()) {
            // r1 = map (ld_imm64 with src BPF_PSEUDO_MAP_FD), r0 = 0, exit
            byte[] insns = TestInsns.of().raw(0x18, 1, 1, 0, map.fd()).raw(0, 0, 0, 0, 0).movImm(0, 0).exit().bytes();
            try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, insns).load()) {
                ProgInfo info = r.fdOrThrow().info();
                assertEquals(1, info.mapIds().length);
                assertEquals(map.info().id(), info.mapIds()[0]);
            }
        }
    }

    @Test
    void closingTwiceClosesOnce() {
        LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(0)).load();
        ProgFd fd = r.fdOrThrow();
        fd.close();
        fd.close();
        assertTrue(fd.isClosed());
        assertThrows(IllegalStateException.class, fd::fd);
    }

    @Test
    void instructionsMustBeWholeSlots() {
        assertThrows(IllegalArgumentException.class, () -> Bpf.progLoad(ProgType.XDP, new byte[7]));
    }

    @Test
    void sleepableSocketFilterIsRefused() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(0))
                .progFlags(ProgLoad.BPF_F_SLEEPABLE).load()) {
            assertFalse(r.accepted());
            assertEquals(Errno.EINVAL, r.errno(), r.log());
            assertTrue(r.log().contains("can be sleepable"), r.log());
        }
    }

    @Test
    void unknownProgFlagIsEinval() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.returns(0)).progFlags(1 << 30).load()) {
            assertEquals(Errno.EINVAL, r.errno());
            assertEquals("", r.log(), "refused before the verifier runs, so no log");
        }
    }

    @Test
    void programWithoutExitIsRejected() {
        try (LoadResult r = Bpf.progLoad(ProgType.SOCKET_FILTER, TestInsns.of().movImm(0, 0).bytes()).load()) {
            assertFalse(r.accepted());
            assertEquals(Errno.EINVAL, r.errno());
            assertTrue(r.log().contains("last insn is not an exit or jmp"), r.log());
        }
    }

    @Test
    void capabilityIsAvailableAndCached() {
        assertTrue(BpfCapability.check().available());
        assertTrue(BpfCapability.check() == BpfCapability.check());
        BpfCapability.require();
    }
}
