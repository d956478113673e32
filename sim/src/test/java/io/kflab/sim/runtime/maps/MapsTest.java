package io.kflab.sim.runtime.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.sys.MapType;
import io.kflab.sim.runtime.mem.Memory;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MapsTest {
    private final Memory mem = new Memory();

    private static byte[] k(int i) {
        return new byte[] {(byte) i, 0, 0, 0};
    }

    private static byte[] v(long x) {
        return java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(x).array();
    }

    @Test
    void arrayMap() {
        SimMap a = SimMap.create(MapDef.of("a", MapType.ARRAY, 4, 8, 2), mem, 1);
        assertThat(a.lookup(k(1), 0)).isNotZero();
        assertThat(a.lookup(k(2), 0)).isZero();
        assertThat(a.update(k(1), v(7), UpdateFlags.BPF_ANY, 0)).isZero();
        assertThat(mem.load(a.lookup(k(1), 0), 8, 0)).isEqualTo(7);
        assertThat(a.update(k(2), v(7), 0, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(a.update(k(1), v(7), UpdateFlags.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        assertThat(a.update(k(1), v(7), 3, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(a.update(k(1), v(7), UpdateFlags.BPF_F_LOCK, 0)).isEqualTo(-Errno.EINVAL);
        assertThat(a.delete(k(1))).isEqualTo(-Errno.EINVAL);
        assertThat(a.dump()).containsEntry("01000000", "0700000000000000").containsEntry("00000000", "0000000000000000");
    }

    @Test
    void hashMapFillsUpAndUnlinksOnUpdate() {
        SimMap h = SimMap.create(MapDef.of("h", MapType.HASH, 4, 8, 2), mem, 1);
        assertThat(h.lookup(k(1), 0)).isZero();
        assertThat(h.update(k(1), v(1), UpdateFlags.BPF_EXIST, 0)).isEqualTo(-Errno.ENOENT);
        assertThat(h.update(k(1), v(1), UpdateFlags.BPF_NOEXIST, 0)).isZero();
        assertThat(h.update(k(1), v(1), UpdateFlags.BPF_NOEXIST, 0)).isEqualTo(-Errno.EEXIST);
        long old = h.lookup(k(1), 0);
        assertThat(h.update(k(1), v(5), UpdateFlags.BPF_EXIST, 0)).isZero();
        // the old element is unlinked: writes through a stale pointer do not reach the map
        mem.store(old, 8, 99, 0);
        assertThat(mem.load(h.lookup(k(1), 0), 8, 0)).isEqualTo(5);
        assertThat(h.update(k(2), v(2), 0, 0)).isZero();
        assertThat(h.update(k(3), v(3), 0, 0)).isEqualTo(-Errno.E2BIG);
        assertThat(h.delete(k(3))).isEqualTo(-Errno.ENOENT);
        assertThat(h.delete(k(2))).isZero();
        assertThat(h.dump()).containsOnlyKeys("01000000");
    }

    @Test
    void lruHashEvictsTheLeastRecentlyUsed() {
        SimMap h = SimMap.create(MapDef.of("l", MapType.LRU_HASH, 4, 8, 2), mem, 1);
        h.update(k(1), v(1), 0, 0);
        h.update(k(2), v(2), 0, 0);
        h.lookup(k(1), 0); // 2 is now the least recently used
        assertThat(h.update(k(3), v(3), 0, 0)).isZero();
        assertThat(h.dump()).containsOnlyKeys("01000000", "03000000");
    }

    @Test
    void percpuArrayKeepsOneValuePerCpu() {
        SimMap p = SimMap.create(MapDef.of("p", MapType.PERCPU_ARRAY, 4, 4, 1), mem, 2);
        assertThat(p.update(k(0), new byte[] {1, 0, 0, 0}, 0, 1)).isZero();
        assertThat(p.lookup(k(0), 0)).isNotEqualTo(p.lookup(k(0), 1));
        // user space sees one 8-byte slot per CPU
        assertThat(HexFormat.of().formatHex(p.userLookup(k(0)).orElseThrow())).isEqualTo("00000000000000000100000000000000");
        assertThat(p.userUpdate(k(0), HexFormat.of().parseHex("02000000000000000300000000000000"), 0)).isZero();
        assertThat(mem.load(p.lookup(k(0), 1), 4, 0)).isEqualTo(3);
    }

    @Test
    void percpuHashZeroesOtherCpusOnInsert() {
        SimMap p = SimMap.create(MapDef.of("p", MapType.PERCPU_HASH, 4, 8, 4), mem, 2);
        assertThat(p.update(k(5), v(9), 0, 1)).isZero();
        assertThat(HexFormat.of().formatHex(p.userLookup(k(5)).orElseThrow())).isEqualTo("00000000000000000900000000000000");
        assertThat(p.update(k(5), v(4), 0, 0)).isZero();
        assertThat(HexFormat.of().formatHex(p.userLookup(k(5)).orElseThrow())).isEqualTo("04000000000000000900000000000000");
        assertThat(p.delete(k(5))).isZero();
        assertThat(p.lookup(k(5), 0)).isZero();
    }

    @Test
    void ringbufReservesCommitsAndRunsOutOfSpace() {
        RingbufMap rb = (RingbufMap) SimMap.create(new MapDef("rb", MapType.RINGBUF, 0, 0, 4096, 0), mem, 1);
        long a = rb.reserve(10, 0);
        long b = rb.reserve(3, 0);
        assertThat(rb.used()).isEqualTo(8 + 16 + 8 + 8);
        assertThat(rb.reserve(10, 1)).isZero();
        mem.store(b, 1, 0x42, 0);
        rb.commit(b, true);
        assertThat(rb.drain()).isEmpty(); // a is still reserved and comes first
        rb.commit(a, false);
        assertThat(rb.drain()).singleElement().satisfies(r -> assertThat(r).containsExactly(0x42, 0, 0));
        assertThat(rb.used()).isZero();
        assertThatThrownBy(() -> mem.load(b, 1, 7)).hasMessageContaining("released");
        assertThat(rb.reserve(4096 - 8, 0)).isNotZero();
        assertThat(rb.output(new byte[1], 0)).isEqualTo(-Errno.EAGAIN);
        assertThat(rb.output(new byte[1], 4)).isEqualTo(-Errno.EINVAL);
    }

    @Test
    void perfEventArrayQueuesPerIndex() {
        PerfEventArrayMap p = (PerfEventArrayMap) SimMap.create(MapDef.of("p", MapType.PERF_EVENT_ARRAY, 4, 4, 2), mem, 2);
        assertThat(p.output(PerfEventArrayMap.BPF_F_CURRENT_CPU, 1, new byte[] {1})).isZero();
        assertThat(p.output(0, 1, new byte[] {2})).isZero();
        assertThat(p.output(2, 1, new byte[] {3})).isEqualTo(-Errno.E2BIG);
        assertThat(p.output(1L << 60, 1, new byte[] {3})).isEqualTo(-Errno.EINVAL);
        assertThat(p.drain(1)).singleElement().satisfies(s -> assertThat(s).containsExactly(1));
        assertThat(p.drain(0)).singleElement().satisfies(s -> assertThat(s).containsExactly(2));
    }

    @Test
    void unsupportedTypesAreRefused() {
        assertThatThrownBy(() -> SimMap.create(MapDef.of("t", MapType.LPM_TRIE, 8, 8, 1), mem, 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
