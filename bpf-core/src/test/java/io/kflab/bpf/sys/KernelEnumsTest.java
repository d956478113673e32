package io.kflab.bpf.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Enum values and errno numbers against the uapi headers. */
class KernelEnumsTest {

    @Test
    void progTypeValues() {
        assertEquals(1, ProgType.SOCKET_FILTER.value());
        assertEquals(3, ProgType.SCHED_CLS.value());
        assertEquals(6, ProgType.XDP.value());
        assertEquals(26, ProgType.TRACING.value());
        assertEquals(27, ProgType.STRUCT_OPS.value());
        assertEquals(29, ProgType.LSM.value());
        assertEquals(31, ProgType.SYSCALL.value());
        assertEquals(32, ProgType.NETFILTER.value());
        assertEquals(32, ProgType.values().length);
    }

    @Test
    void progTypeCliNames() {
        assertEquals("socket_filter", ProgType.SOCKET_FILTER.cliName());
        assertEquals("raw_tracepoint_writable", ProgType.RAW_TRACEPOINT_WRITABLE.cliName());
        assertEquals(Optional.of(ProgType.STRUCT_OPS), ProgType.fromCliName("struct_ops"));
        assertEquals(Optional.of(ProgType.XDP), ProgType.fromCliName("BPF_PROG_TYPE_XDP"));
        assertEquals(Optional.empty(), ProgType.fromCliName("unspec"));
        for (ProgType t : ProgType.values()) assertEquals(Optional.of(t), ProgType.fromCliName(t.cliName()));
    }

    @Test
    void attachTypeValues() {
        assertEquals(0, AttachType.CGROUP_INET_INGRESS.value());
        assertEquals(24, AttachType.TRACE_FENTRY.value());
        assertEquals(27, AttachType.LSM_MAC.value());
        assertEquals(37, AttachType.XDP.value());
        assertEquals(44, AttachType.STRUCT_OPS.value());
        assertEquals(57, AttachType.TRACE_UPROBE_SESSION.value());
        assertEquals(58, AttachType.values().length);
        for (AttachType t : AttachType.values()) assertSame(t, AttachType.of(t.value()).orElseThrow());
    }

    @Test
    void mapTypeValues() {
        assertEquals(1, MapType.HASH.value());
        assertEquals(2, MapType.ARRAY.value());
        assertEquals(19, MapType.CGROUP_STORAGE.value());
        assertEquals(26, MapType.STRUCT_OPS.value());
        assertEquals(27, MapType.RINGBUF.value());
        assertEquals(33, MapType.ARENA.value());
        assertEquals(Optional.empty(), MapType.of(0));
    }

    @Test
    void commandAndLinkTypeValues() {
        assertEquals(0, BpfCmd.BPF_MAP_CREATE.value());
        assertEquals(5, BpfCmd.BPF_PROG_LOAD.value());
        assertEquals(10, BpfCmd.BPF_PROG_TEST_RUN.value());
        assertEquals(15, BpfCmd.BPF_OBJ_GET_INFO_BY_FD.value());
        assertEquals(18, BpfCmd.BPF_BTF_LOAD.value());
        assertEquals(28, BpfCmd.BPF_LINK_CREATE.value());
        assertEquals(34, BpfCmd.BPF_LINK_DETACH.value());
        assertEquals(6, LinkType.XDP.value());
        assertEquals(9, LinkType.STRUCT_OPS.value());
    }

    @Test
    void errnoNumbersNamesAndMessages() {
        assertEquals(1, Errno.EPERM.number());
        assertEquals(2, Errno.ENOENT.number());
        assertEquals(13, Errno.EACCES.number());
        assertEquals(16, Errno.EBUSY.number());
        assertEquals(22, Errno.EINVAL.number());
        assertEquals(28, Errno.ENOSPC.number());
        assertEquals(38, Errno.ENOSYS.number());
        assertEquals(95, Errno.EOPNOTSUPP.number());
        assertEquals(133, Errno.EHWPOISON.number());
        assertEquals(524, Errno.ENOTSUPP.number());
        assertSame(Errno.EBUSY, Errno.of(16));
        assertSame(Errno.EAGAIN, Errno.EWOULDBLOCK);
        assertSame(Errno.EACCES, Errno.byName("EACCES"));
        assertEquals("EBUSY (Device or resource busy)", Errno.EBUSY.toString());
        for (int n = 1; n <= 133; n++) {
            if (n == 41 || n == 58) continue; // unassigned on Linux
            assertTrue(Errno.of(n).isKnown(), "errno " + n);
        }
    }

    @Property
    void unknownErrnoIsKeptAsAValue(@ForAll int n) {
        Errno e = Errno.of(n);
        assertEquals(n, e.number());
        assertEquals(e, Errno.of(n));
        if (!e.isKnown()) {
            assertEquals("errno " + n, e.name());
            assertFalse(e.description().isEmpty());
        }
    }

    @Test
    void bpfExceptionMessageIsOneLine() {
        BpfException e = new BpfException(BpfCmd.BPF_MAP_UPDATE_ELEM, Errno.EBUSY);
        assertEquals("BPF_MAP_UPDATE_ELEM: EBUSY (Device or resource busy)", e.getMessage());
    }

    @Test
    void syscallNumbersPerArchitecture() {
        assertEquals(321, Libc.bpfSyscallNumber("amd64"));
        assertEquals(280, Libc.bpfSyscallNumber("aarch64"));
        assertEquals(-1, Libc.bpfSyscallNumber("riscv64"));
    }

    @Test
    void possibleCpuList() {
        assertEquals(4, PossibleCpus.parse("0-3\n"));
        assertEquals(9, PossibleCpus.parse("0-3,8"));
        assertEquals(1, PossibleCpus.parse("0"));
    }
}
