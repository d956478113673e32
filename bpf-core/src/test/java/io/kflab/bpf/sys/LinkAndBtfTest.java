package io.kflab.bpf.sys;

import static io.kflab.bpf.sys.KernelAssumptions.assumeBpf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BPF_LINK_CREATE / UPDATE / DETACH (XDP on loopback) and BPF_BTF_LOAD against the running kernel. */
class LinkAndBtfTest {

    @BeforeEach
    void kernel() {
        assumeBpf();
    }

    static int loopbackIfindex() throws IOException {
        Path p = Path.of("/sys/class/net/lo/ifindex");
        return Files.exists(p) ? Integer.parseInt(Files.readString(p).trim()) : 1;
    }

    static LoadResult xdp(int ret) {
        return Bpf.progLoad(ProgType.XDP, TestInsns.returns(ret)).expectedAttachType(AttachType.XDP).load();
    }

    @Test
    void xdpLinkOnLoopback() throws IOException {
        int lo = loopbackIfindex();
        try (LoadResult a = xdp(2); LoadResult b = xdp(2)) {
            ProgFd pa = a.fdOrThrow();
            ProgFd pb = b.fdOrThrow();
            try (LinkFd link = Bpf.linkCreate(pa, AttachType.XDP).targetIfindex(lo).create()) {
                LinkInfo info = link.info();
                assertEquals(LinkType.XDP, info.linkType().orElseThrow());
                assertEquals(lo, info.xdpIfindex());
                assertEquals(pa.info().id(), info.progId());

                BpfException busy = assertThrows(BpfException.class,
                        () -> Bpf.linkCreate(pb, AttachType.XDP).targetIfindex(lo).create().close());
                assertEquals(Errno.EBUSY, busy.errno());

                link.update(pb, pa);
                assertEquals(pb.info().id(), link.info().progId());
                BpfException stale = assertThrows(BpfException.class, () -> link.update(pa, pa));
                assertEquals(Errno.EPERM, stale.errno());

                link.detach();
                assertEquals(0, link.info().xdpIfindex());
            }
        }
    }

    /** A BTF blob with one type: {@code int}, 4 bytes, signed, 32 bits. */
    static byte[] intBtf(int magic) {
        byte[] strings = "\0int\0".getBytes();
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + strings.length).order(ByteOrder.nativeOrder());
        b.putShort((short) magic).put((byte) 1).put((byte) 0).putInt(24); // magic, version, flags, hdr_len
        b.putInt(0).putInt(16).putInt(16).putInt(strings.length); // type_off, type_len, str_off, str_len
        b.putInt(1).putInt(1 << 24).putInt(4).putInt((1 << 24) | 32); // name "int", BTF_KIND_INT, size 4, signed 32 bits
        b.put(strings);
        return b.array();
    }

    @Test
    void btfLoadAcceptsAnIntType() {
        try (BtfFd btf = Bpf.btfLoad(intBtf(0xeB9F), 1)) {
            assertTrue(btf.fd() > 2);
            try (MapFd m = Bpf.mapCreate(MapType.HASH, 4, 4, 1).btf(btf, 1, 1).create()) {
                MapInfo info = m.info();
                assertTrue(info.btfId() > 0);
                assertEquals(1, info.btfKeyTypeId());
                assertEquals(1, info.btfValueTypeId());
            }
        }
    }

    @Test
    void btfLoadRejectsBadMagicWithALog() {
        BpfException e = assertThrows(BpfException.class, () -> Bpf.btfLoad(intBtf(0x1234), 1));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(BpfCmd.BPF_BTF_LOAD, e.cmd());
        assertFalse(e.log().isEmpty());
    }
}
