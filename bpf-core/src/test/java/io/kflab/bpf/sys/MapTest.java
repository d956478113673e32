package io.kflab.bpf.sys;

import static io.kflab.bpf.sys.KernelAssumptions.assumeBpf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BPF_MAP_CREATE and the element commands against the running kernel. */
class MapTest {

    @BeforeEach
    void kernel() {
        assumeBpf();
    }

    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(v).array();
    }

    @Test
    void arrayRoundTrip() {
        try (MapFd m = Bpf.mapCreate(MapType.ARRAY, 4, 8, 4).mapName("kflab_arr").create()) {
            assertArrayEquals(u64(0), m.lookupElem(u32(2)));
            m.updateElem(u32(2), u64(0x1122334455667788L));
            assertArrayEquals(u64(0x1122334455667788L), m.lookupElem(u32(2)));
            BpfException outside = assertThrows(BpfException.class, () -> m.lookupElem(u32(4)));
            assertEquals(Errno.ENOENT, outside.errno());
            BpfException noexist = assertThrows(BpfException.class, () -> m.updateElem(u32(1), u64(1), MapFd.BPF_NOEXIST));
            assertEquals(Errno.EEXIST, noexist.errno());
            BpfException delete = assertThrows(BpfException.class, () -> m.deleteElem(u32(1)));
            assertEquals(Errno.EINVAL, delete.errno());
            assertArrayEquals(u32(0), m.getNextKey(null).orElseThrow());
            assertArrayEquals(u32(3), m.getNextKey(u32(2)).orElseThrow());
            assertEquals(Optional.empty(), m.getNextKey(u32(3)));
            MapInfo info = m.info();
            assertEquals(MapType.ARRAY, info.mapType().orElseThrow());
            assertEquals("kflab_arr", info.name());
            assertEquals(4, info.keySize());
            assertEquals(8, info.valueSize());
            assertEquals(4, info.maxEntries());
        }
    }

    @Test
    void hashRoundTrip() {
        try (MapFd m = Bpf.mapCreate(MapType.HASH, 4, 4, 16).create()) {
            BpfException missing = assertThrows(BpfException.class, () -> m.lookupElem(u32(9)));
            assertEquals(Errno.ENOENT, missing.errno());
            assertEquals("BPF_MAP_LOOKUP_ELEM: ENOENT (No such file or directory)", missing.getMessage());
            assertEquals(Optional.empty(), m.getNextKey(null));
            for (int k = 1; k <= 3; k++) m.updateElem(u32(k), u32(k * 10), MapFd.BPF_NOEXIST);
            assertArrayEquals(u32(20), m.lookupElem(u32(2)));
            BpfException exists = assertThrows(BpfException.class, () -> m.updateElem(u32(2), u32(0), MapFd.BPF_NOEXIST));
            assertEquals(Errno.EEXIST, exists.errno());
            BpfException absent = assertThrows(BpfException.class, () -> m.updateElem(u32(7), u32(0), MapFd.BPF_EXIST));
            assertEquals(Errno.ENOENT, absent.errno());
            Set<Integer> keys = new HashSet<>();
            byte[] k = null;
            for (Optional<byte[]> next = m.getNextKey(k); next.isPresent(); next = m.getNextKey(k)) {
                k = next.get();
                keys.add(ByteBuffer.wrap(k).order(ByteOrder.nativeOrder()).getInt());
            }
            assertEquals(Set.of(1, 2, 3), keys);
            m.deleteElem(u32(2));
            assertTrue(m.find(u32(2)).isEmpty());
            BpfException again = assertThrows(BpfException.class, () -> m.deleteElem(u32(2)));
            assertEquals(Errno.ENOENT, again.errno());
        }
    }

    @Test
    void fullHashGivesE2big() {
        try (MapFd m = Bpf.mapCreate(MapType.HASH, 4, 4, 1).create()) {
            m.updateElem(u32(1), u32(1));
            BpfException e = assertThrows(BpfException.class, () -> m.updateElem(u32(2), u32(2)));
            assertEquals(Errno.E2BIG, e.errno());
        }
    }

    @Test
    void wrongKeySizeForArrayIsEinval() {
        BpfException e = assertThrows(BpfException.class, () -> Bpf.mapCreate(MapType.ARRAY, 8, 8, 1).create());
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals(BpfCmd.BPF_MAP_CREATE, e.cmd());
    }

    @Test
    void zeroEntriesIsEinval() {
        BpfException e = assertThrows(BpfException.class, () -> Bpf.mapCreate(MapType.HASH, 4, 4, 0).create());
        assertEquals(Errno.EINVAL, e.errno());
    }

    @Test
    void keyOfTheWrongLengthIsRefusedBeforeTheKernel() {
        try (MapFd m = Bpf.mapCreate(MapType.HASH, 4, 4, 1).create()) {
            assertThrows(IllegalArgumentException.class, () -> m.lookupElem(new byte[2]));
            assertThrows(IllegalArgumentException.class, () -> m.updateElem(u32(1), new byte[3]));
        }
    }

    @Test
    void perCpuArrayValuesCoverEveryPossibleCpu() {
        try (MapFd m = Bpf.mapCreate(MapType.PERCPU_ARRAY, 4, 4, 1).create()) {
            byte[] v = m.lookupElem(u32(0));
            assertEquals(8 * PossibleCpus.COUNT, v.length);
            byte[] w = new byte[v.length];
            w[0] = 5;
            m.updateElem(u32(0), w);
            assertArrayEquals(w, m.lookupElem(u32(0)));
        }
    }
}
