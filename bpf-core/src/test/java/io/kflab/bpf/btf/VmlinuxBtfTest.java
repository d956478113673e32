package io.kflab.bpf.btf;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks against the running kernel's BTF (Linux 6.18 when these numbers were taken). */
class VmlinuxBtfTest {
    private static Btf btf;
    private static BtfRenderer renderer;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no /sys/kernel/btf/vmlinux: not a BTF-enabled Linux");
        btf = Btf.vmlinux();
        renderer = new BtfRenderer(btf);
    }

    private static int id(String name, BtfKind kind) {
        return btf.findByName(name, kind).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void header() {
        assertEquals(24, btf.header().hdrLen());
        assertEquals(ByteOrder.nativeOrder(), btf.header().byteOrder());
        assertFalse(btf.header().hasLayout());
        assertEquals("vmlinux", btf.source());
        assertTrue(btf.size() > 100_000, "types: " + btf.size());
    }

    @Test
    void kfuncs() {
        List<Integer> kfuncs = btf.kfuncs();
        assertEquals(203, kfuncs.size());
        assertTrue(kfuncs.stream().allMatch(id -> btf.kind(id) == BtfKind.FUNC));
        assertTrue(kfuncs.contains(id("bpf_task_acquire", BtfKind.FUNC)));
        assertFalse(kfuncs.contains(id("tcp_sendmsg", BtfKind.FUNC)));
        assertTrue(btf.declTags(id("bpf_task_acquire", BtfKind.FUNC)).stream()
                .anyMatch(t -> t.name().equals("bpf_kfunc") && t.componentIdx() == -1));
    }

    @Test
    void fastcall() {
        List<String> fastcall = btf.funcsTagged(Btf.FASTCALL_TAG).stream().map(btf::name).sorted().toList();
        assertEquals(List.of("bpf_cast_to_kern_ctx", "bpf_rdonly_cast"), fastcall);
        assertTrue(btf.isFastcall(id("bpf_rdonly_cast", BtfKind.FUNC)));
        assertFalse(btf.isFastcall(id("bpf_task_acquire", BtfKind.FUNC)));
    }

    @Test
    void structOpsTypes() {
        assertEquals(BtfKind.STRUCT, btf.kind(id("bpf_struct_ops_tcp_congestion_ops", BtfKind.STRUCT)));
        assertEquals(BtfKind.STRUCT, btf.kind(id("bpf_struct_ops_bpf_dummy_ops", BtfKind.STRUCT)));
    }

    @Test
    void helperIds() {
        assertEquals(1, btf.enumValue("bpf_func_id", "BPF_FUNC_map_lookup_elem").getAsLong());
        assertEquals(2, btf.enumValue("bpf_func_id", "BPF_FUNC_map_update_elem").getAsLong());
        List<BtfEnumValue> ids = btf.enumValues("bpf_func_id");
        assertEquals(new BtfEnumValue("BPF_FUNC_unspec", 0), ids.get(0));
        assertEquals("__BPF_FUNC_MAX_ID", ids.get(ids.size() - 1).name());
        assertTrue(ids.size() > 200, "helpers: " + ids.size());
    }

    @Test
    void memberOffsetsAndSizes() {
        int ops = id("tcp_congestion_ops", BtfKind.STRUCT);
        List<BtfMember> m = btf.members(ops);
        BtfMember name = m.stream().filter(x -> x.name().equals("name")).findFirst().orElseThrow();
        assertEquals(88, name.byteOffset());
        assertEquals(16, btf.sizeOf(name.type()));
        assertEquals(192, btf.sizeOf(ops));
        int dummy = id("bpf_dummy_ops", BtfKind.STRUCT);
        assertEquals(List.of(0, 8, 16), btf.members(dummy).stream().map(BtfMember::byteOffset).toList());
        assertEquals(24, btf.sizeOf(dummy));
        assertEquals(4, btf.sizeOf(id("__u32", BtfKind.TYPEDEF)));
        assertEquals(BtfKind.INT, btf.kind(btf.resolve(id("__u32", BtfKind.TYPEDEF))));
    }

    @Test
    void rendering() {
        String dummy = renderer.render(id("bpf_dummy_ops", BtfKind.STRUCT));
        assertTrue(dummy.startsWith("struct bpf_dummy_ops {\n"
                + "\tint (*test_1)(struct bpf_dummy_ops_state *); /* off 0, size 8 */\n"), dummy);
        assertTrue(dummy.endsWith("}; /* size 24 */"), dummy);
        String tcp = renderer.render(id("tcp_congestion_ops", BtfKind.STRUCT));
        assertTrue(tcp.contains("\tu32 (*ssthresh)(struct sock *); /* off 0, size 8 */\n"), tcp);
        assertTrue(tcp.contains("\tchar name[16]; /* off 88, size 16 */\n"), tcp);
        assertTrue(tcp.contains("\tstruct list_head list; /* off 112, size 16 */\n"), tcp);
        assertEquals("struct task_struct *bpf_task_acquire(struct task_struct *p)",
                renderer.render(id("bpf_task_acquire", BtfKind.FUNC)));
        assertTrue(renderer.render(id("bpf_func_id", BtfKind.ENUM)).contains("\tBPF_FUNC_map_lookup_elem = 1,\n"));
        assertEquals("typedef unsigned int __u32;", renderer.render(id("__u32", BtfKind.TYPEDEF)));
    }

    @Test
    void everyTypeDecodesAndRoundTrips() {
        Map<BtfKind, Integer> kinds = new EnumMap<>(BtfKind.class);
        for (BtfType t : btf.types()) {
            kinds.merge(t.kind(), 1, Integer::sum);
        }
        assertEquals(btf.size(), kinds.values().stream().mapToInt(Integer::intValue).sum());
        assertFalse(kinds.containsKey(BtfKind.UNKNOWN_KIND));
        assertTrue(kinds.get(BtfKind.STRUCT) > 1000);
        assertEquals((long) kinds.get(BtfKind.DECL_TAG), btf.types().stream().filter(t -> t instanceof BtfDeclTag).count());
        Btf again = Btf.parse(BtfWriter.write(btf.types()), "rewritten");
        assertEquals(btf.types(), again.types());
        assertEquals(203, again.kfuncs().size());
    }

    @Test
    void parsesQuickly() throws IOException {
        byte[] data = Files.readAllBytes(Btf.VMLINUX);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t0 = System.nanoTime();
            Btf.parse(data, "vmlinux");
            best = Math.min(best, System.nanoTime() - t0);
        }
        // a loose bound: JMH measures precisely; this catches accidental quadratic work
        assertTrue(best < 500_000_000L, "best parse took " + best / 1_000_000 + " ms");
    }
}
