package io.kflab.verifier.selftest;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.selftest.SelftestCParser.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Imports verifier/*.c as test_verifier.c reads them: each struct bpf_test initialiser becomes a
 * case; .insns macros are expanded, fixup_map_* maps are described (created by the runner),
 * result/errstr/retval become expectations.
 */
final class TestVerifierImporter {
    /** test_verifier's log level (DEFAULT_LIBBPF_LOG_LEVEL: statistics only). */
    static final int LOG_LEVEL = 4;
    /** struct test_val { unsigned int index; int foo[MAX_ENTRIES]; } with MAX_ENTRIES 11. */
    static final int TEST_VAL_SIZE = 48;
    /** struct other_val { long long foo; long long bar; }. */
    static final int OTHER_VAL_SIZE = 16;
    /** test_verifier.c's defines that the test files use. */
    static final Map<String, String> HARNESS_DEFINES = Map.of("MAX_ENTRIES", "11");

    private final SelftestSource src;

    TestVerifierImporter(SelftestSource src) {
        this.src = src;
    }

    List<SelftestCase> cases() {
        List<SelftestCase> out = new ArrayList<>();
        for (TestEntryContext t : src.tests) {
            String description = SelftestSyntax.string(t.description, src.file);
            String name = description + " @" + t.getStart().getLine();
            try {
                out.add(build(t, name, description));
            } catch (UnsupportedConstruct u) {
                out.add(SelftestCase.unsupported(src.file, name, description, SelftestFormat.TEST_VERIFIER, u.reason));
            }
        }
        for (MacroItemContext m : src.macroTests) {
            String name = m.macro.getText() + " @" + m.getStart().getLine();
            out.add(SelftestCase.unsupported(src.file, name, name, SelftestFormat.TEST_VERIFIER,
                    new Unsupported("macro-generated test", m.macro.getText() + "(...) at " + src.at(m))));
        }
        return out;
    }

    private SelftestCase build(TestEntryContext t, String name, String description) {
        List<RawInsn> slots = new ArrayList<>();
        Map<String, List<Integer>> fixups = new LinkedHashMap<>();
        long result = 0, resultUnpriv = 0, flags = 0, progTypeValue = 0, attach = -1, runs = 0;
        String errstr = null, errstrUnpriv = null;
        long retvalUnpriv = 0;
        boolean hasRetvalUnpriv = false;
        List<Long> retvals = new ArrayList<>(List.of(0L));
        List<byte[]> datas = new ArrayList<>(List.of(new byte[TestRun.TEST_DATA_LEN]));
        for (TestFieldContext f : t.testField()) {
            if (f.name == null) throw new UnsupportedConstruct("positional test field", src.at(f));
            String field = f.name.getText();
            InitializerContext init = f.initializer();
            switch (field) {
                case "insns" -> {
                    for (InitItemContext item : items(init)) {
                        if (item.initializer() == null || item.initializer().expr() == null) {
                            throw new UnsupportedConstruct("instruction macro", "not a macro at " + src.at(item));
                        }
                        slots.addAll(InsnMacros.expand(item.initializer().expr(), src.eval));
                    }
                }
                case "result" -> result = num(init);
                case "result_unpriv" -> resultUnpriv = num(init);
                case "errstr" -> errstr = str(init);
                case "errstr_unpriv" -> errstrUnpriv = str(init);
                case "retval" -> retvals.set(0, num(init));
                case "retval_unpriv" -> { retvalUnpriv = num(init); hasRetvalUnpriv = true; }
                case "prog_type" -> progTypeValue = num(init);
                case "expected_attach_type" -> attach = num(init);
                case "flags" -> flags = num(init);
                case "data" -> datas.set(0, bytes(init, 1));
                case "data64" -> datas.set(0, bytes(init, 8));
                case "runs" -> runs = num(init);
                case "retvals" -> retvalsField(init, retvals, datas);
                case "insn_processed", "expected_insns", "unexpected_insns", "errstr_unpriv_is_substr" -> { }
                default -> {
                    if (field.startsWith("fixup_map_") || field.equals("fixup_cgroup_storage")
                            || field.equals("fixup_percpu_cgroup_storage") || field.equals("fixup_sk_storage_map")
                            || field.startsWith("fixup_prog")) {
                        List<Integer> at = new ArrayList<>();
                        for (InitItemContext item : items(init)) at.add((int) num(item.initializer()));
                        fixups.put(field, at);
                    } else {
                        throw new UnsupportedConstruct("test field ." + field, src.at(f));
                    }
                }
            }
        }
        // the program ends at the last slot that is not all zero (test_verifier's probe_filter_length)
        int len = slots.size();
        while (len > 0 && slots.get(len - 1).toLong() == 0) len--;
        slots = new ArrayList<>(slots.subList(0, len));
        List<MapSpec> maps = new ArrayList<>();
        for (var e : fixups.entrySet()) {
            for (int at : e.getValue()) {
                if (at < 0 || at >= slots.size()) throw new UnsupportedConstruct("fixup outside the program", e.getKey() + " " + at);
            }
            maps.add(fixupMap(e.getKey(), e.getValue()));
        }
        ProgType progType = progTypeValue == 0 ? ProgType.SOCKET_FILTER
                : ProgType.of((int) progTypeValue).orElseThrow(() -> new UnsupportedConstruct("prog type", "unknown " + src.at(t)));
        if ((progType == ProgType.TRACING || progType == ProgType.LSM || progType == ProgType.EXT)) {
            throw new UnsupportedConstruct("attach target through BTF", progType.kernelName());
        }
        Optional<AttachType> attachType = attach < 0 ? Optional.empty() : AttachType.of((int) attach);
        int pflags = TestLoaderImporter.DEFAULT_FLAGS;
        if ((flags & 2) != 0) pflags |= 1;
        if ((flags & 1) != 0) pflags |= 2;
        if ((flags & ~3) != 0) pflags |= (int) flags;
        if ((flags & 4) != 0) throw new UnsupportedConstruct("F_NEEDS_JIT_ENABLED", description);
        boolean accept = result == 1 || result == 3;
        List<String> messages = result == 2 || result == 3 ? split(errstr) : List.of();
        int logLevel = result == 3 ? 2 : LOG_LEVEL;
        int n = (int) Math.max(runs, 1);
        if (n > retvals.size()) throw new UnsupportedConstruct("test field .runs", "more runs than retvals");
        List<TestRun> testRuns = new ArrayList<>();
        if (accept && runs >= 0) for (int i = 0; i < n; i++) testRuns.add(new TestRun(datas.get(i), retvals.get(i)));
        OptionalLong retval = testRuns.isEmpty() ? OptionalLong.empty() : OptionalLong.of(testRuns.getFirst().retval());
        Optional<UnprivExpectations> unpriv = Optional.empty();
        if (progType == ProgType.SOCKET_FILTER || progType == ProgType.CGROUP_SKB) {
            long r = resultUnpriv != 0 ? resultUnpriv : result;
            String e = errstrUnpriv != null ? errstrUnpriv : errstr;
            unpriv = Optional.of(new UnprivExpectations(r == 1 || r == 3, r == 1 ? List.of() : split(e),
                    hasRetvalUnpriv ? OptionalLong.of(retvalUnpriv) : retval));
        }
        return new SelftestCase(src.file, name, description, SelftestFormat.TEST_VERIFIER, progType, attachType, pflags,
                logLevel, true, accept, messages, retval, unpriv, maps, slots, testRuns, Optional.empty());
    }

    /** The maps test_verifier.c's do_test_fixup creates (facts: shapes and initial values). */
    static MapSpec fixupMap(String fixup, List<Integer> slots) {
        String kind = fixup.substring("fixup_".length());
        return switch (kind) {
            case "map_hash_8b" -> map(kind, MapType.HASH, 8, 8, 1, 1, slots, null);
            case "map_hash_48b" -> map(kind, MapType.HASH, 8, TEST_VAL_SIZE, 1, 1, slots, null);
            case "map_hash_16b" -> map(kind, MapType.HASH, 8, OTHER_VAL_SIZE, 1, 1, slots, null);
            case "map_array_48b" -> map(kind, MapType.ARRAY, 4, TEST_VAL_SIZE, 1, 0, slots, testVal(TEST_VAL_SIZE));
            case "map_array_ro" -> map(kind, MapType.ARRAY, 4, TEST_VAL_SIZE, 1, 0x80, slots, null);
            case "map_array_wo" -> map(kind, MapType.ARRAY, 4, TEST_VAL_SIZE, 1, 0x100, slots, null);
            case "map_array_small" -> map(kind, MapType.ARRAY, 4, 1, 1, 0, slots, testVal(1));
            case "map_sockmap" -> map(kind, MapType.SOCKMAP, 4, 4, 1, 0, slots, null);
            case "map_sockhash" -> map(kind, MapType.SOCKHASH, 4, 4, 1, 0, slots, null);
            case "map_xskmap" -> map(kind, MapType.XSKMAP, 4, 4, 1, 0, slots, null);
            case "map_stacktrace" -> map(kind, MapType.STACK_TRACE, 4, 8, 1, 0, slots, null);
            case "map_event_output" -> map(kind, MapType.PERF_EVENT_ARRAY, 4, 4, 1, 0, slots, null);
            case "map_reuseport_array" -> map(kind, MapType.REUSEPORT_SOCKARRAY, 4, 8, 1, 0, slots, null);
            case "map_ringbuf" -> map(kind, MapType.RINGBUF, 0, 0, 4096, 0, slots, null);
            case "cgroup_storage" -> map(kind, MapType.CGROUP_STORAGE, 16, TestRun.TEST_DATA_LEN, 0, 0, slots, null);
            case "percpu_cgroup_storage" -> map(kind, MapType.PERCPU_CGROUP_STORAGE, 16, TestRun.TEST_DATA_LEN, 0, 0, slots, null);
            case "prog1", "prog2" -> throw new UnsupportedConstruct("fixup_prog (prog array with programs)", fixup);
            case "map_in_map" -> throw new UnsupportedConstruct("fixup_map_in_map", fixup);
            default -> throw new UnsupportedConstruct("fixup needing BTF", fixup);
        };
    }

    /** The value update_map() stores at key 0: struct test_val { .index = 7 * sizeof(int), .foo[6] = 0xabcdef12 }, cut to the value size. */
    static byte[] testVal(int size) {
        ByteBuffer b = ByteBuffer.allocate(TEST_VAL_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 7 * 4);
        b.putInt(4 + 6 * 4, 0xabcdef12);
        return Arrays.copyOf(b.array(), size);
    }

    private static MapSpec map(String name, MapType type, int key, int value, int max, int flags, List<Integer> slots, byte[] v) {
        return new MapSpec(name, type, key, value, max, flags, slots, Optional.ofNullable(v));
    }

    private void retvalsField(InitializerContext init, List<Long> retvals, List<byte[]> datas) {
        retvals.clear();
        datas.clear();
        for (InitItemContext item : items(init)) {
            long r = 0;
            byte[] data = new byte[TestRun.TEST_DATA_LEN];
            for (InitItemContext f : items(item.initializer())) {
                if (f.IDENT().isEmpty()) throw new UnsupportedConstruct("test field .retvals", src.at(f));
                switch (f.IDENT(0).getText()) {
                    case "retval" -> r = num(f.initializer());
                    case "data" -> data = bytes(f.initializer(), 1);
                    case "data64" -> data = bytes(f.initializer(), 8);
                    default -> throw new UnsupportedConstruct("test field .retvals", f.IDENT(0).getText());
                }
            }
            retvals.add(r);
            datas.add(data);
        }
    }

    private List<InitItemContext> items(InitializerContext init) {
        if (init == null || init.expr() != null) throw new UnsupportedConstruct("initializer", "expected { ... }");
        return init.initItem();
    }

    private long num(InitializerContext init) {
        if (init == null || init.expr() == null) throw new UnsupportedConstruct("initializer", "expected a number");
        return src.eval.eval(init.expr());
    }

    private String str(InitializerContext init) {
        if (init.expr() instanceof PrimaryExprContext p && p.primary() instanceof StringPrimaryContext s) {
            return SelftestSyntax.string(s.string(), src.file);
        }
        throw new UnsupportedConstruct("initializer", "expected a string at " + src.at(init));
    }

    private byte[] bytes(InitializerContext init, int width) {
        ByteBuffer b = ByteBuffer.allocate(TestRun.TEST_DATA_LEN).order(ByteOrder.LITTLE_ENDIAN);
        List<InitItemContext> items = items(init);
        if (items.size() * width > TestRun.TEST_DATA_LEN) throw new UnsupportedConstruct("test data", "more than 64 bytes");
        for (InitItemContext item : items) {
            if (item.initializer() == null) throw new UnsupportedConstruct("test data", "designated initializer");
            long v = num(item.initializer());
            if (width == 1) b.put((byte) v);
            else b.putLong(v);
        }
        return b.array();
    }

    /** errstr parts: split on TAB, empty string = not checked. */
    static List<String> split(String errstr) {
        if (errstr == null || errstr.isEmpty()) return List.of();
        return List.of(errstr.split("\t"));
    }
}
