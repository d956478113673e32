package io.kflab.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.ProgressOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The scanner over the Debian 6.1 and 6.12 trees, against the facts of kfuncs.md §5. */
@Tag("corpus")
class KernelTreeScanTest {
    private static final Map<String, ScanResult> SCANS = new ConcurrentHashMap<>();

    private static ScanResult scan(String release) {
        return SCANS.computeIfAbsent(release, r -> {
            Path tree = KernelTrees.get(r);
            return TreeScanner.scan(tree, ProgressOpener.QUIET);
        });
    }

    /** Names registered only through register_btf_fmodret_id_set (not callable). */
    static Set<String> fmodretOnly(ScanResult r) {
        Set<String> callable = new HashSet<>();
        Set<String> fmodret = new HashSet<>();
        for (Registration reg : r.registrations()) {
            Set<String> names = set(r, reg).map(s -> s.entries().stream().map(SetEntry::name)
                    .collect(Collectors.toSet())).orElseThrow(() -> new AssertionError("unresolved " + reg));
            (reg.kind() == Registration.Kind.FMODRET ? fmodret : callable).addAll(names);
        }
        fmodret.removeAll(callable);
        return new TreeSet<>(fmodret);
    }

    /** registration → id_set initialiser (same file) → kfunc set (same file). */
    static Optional<KfuncSet> set(ScanResult r, Registration reg) {
        String file = reg.at().file();
        return r.idSets().stream().filter(i -> i.name().equals(reg.idSet()) && i.at().file().equals(file))
                .findFirst().flatMap(KfuncIdSet::set)
                .flatMap(name -> r.sets().stream().filter(s -> s.name().equals(name) && s.at().file().equals(file))
                        .findFirst());
    }

    @Test
    void linux61() {
        ScanResult r = scan("linux-6.1");
        assertThat(r.sets()).hasSize(10);
        assertThat(r.registrations()).hasSize(14);
        assertThat(r.entryNames()).hasSize(67);
        // the 24 test kfuncs of net/bpf/test_run.c: 20 bpf_kfunc_call_test*, 4 bpf_kfunc_call_{memb,memb1,int_mem}_*
        assertThat(r.entryNames().stream().filter(n -> n.startsWith("bpf_kfunc_call_"))).hasSize(24);
        assertThat(r.entryNames().stream().filter(n -> n.startsWith("bpf_kfunc_call_test"))).hasSize(20);
        assertThat(fmodretOnly(r)).isEmpty();
        assertThat(r.sets()).allMatch(s -> s.macro().equals("BTF_SET8_START"));
        assertThat(r.flagBits()).extracting(KfFlagBit::name, KfFlagBit::bit).contains(
                org.assertj.core.groups.Tuple.tuple("KF_KPTR_GET", 3),
                org.assertj.core.groups.Tuple.tuple("KF_DESTRUCTIVE", 6)).hasSize(7);
        assertThat(r.suffixes()).extracting(ArgSuffix::suffix).containsExactly("__sz");
        assertThat(r.prototypes()).isEmpty(); // __bpf_kfunc arrived in 6.3
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void linux612() {
        ScanResult r = scan("linux-6.12");
        assertThat(r.sets()).hasSize(39);
        assertThat(r.registrations()).hasSize(65);
        assertThat(r.entryNames()).hasSize(208);
        // bpf_modify_return_test_tp is also in the callable common set of kernel/bpf/helpers.c
        assertThat(fmodretOnly(r)).containsExactly("bpf_fentry_test1", "bpf_modify_return_test",
                "bpf_modify_return_test2", "update_socket_protocol");
        assertThat(r.sets().stream().flatMap(s -> s.entries().stream()).filter(e -> !e.expandedFrom().isEmpty()))
                .extracting(SetEntry::name).containsExactly("bpf_xdp_metadata_rx_timestamp",
                        "bpf_xdp_metadata_rx_hash", "bpf_xdp_metadata_rx_vlan_tag");
        assertThat(r.flagBits()).hasSize(11).extracting(KfFlagBit::name).doesNotContain("KF_KPTR_GET")
                .contains("KF_RCU_PROTECTED");
        assertThat(r.suffixes()).extracting(ArgSuffix::suffix).filteredOn(s -> true)
                .containsAll(List.of("__sz", "__szk", "__k", "__uninit", "__opt", "__nullable", "__str", "__ign",
                        "__map", "__alloc", "__refcounted_kptr", "__iter"));
        assertThat(r.suffixes()).allMatch(s -> s.at().file().startsWith("kernel/bpf/"));
        Map<String, String> hooks = r.hooks().stream()
                .collect(Collectors.toMap(HookMapping::progType, HookMapping::hook));
        assertThat(hooks).containsEntry("BPF_PROG_TYPE_UNSPEC", "BTF_KFUNC_HOOK_COMMON")
                .containsEntry("BPF_PROG_TYPE_LSM", "BTF_KFUNC_HOOK_TRACING")
                .containsEntry("BPF_PROG_TYPE_LWT_SEG6LOCAL", "BTF_KFUNC_HOOK_LWT")
                .containsEntry("BPF_PROG_TYPE_KPROBE", "BTF_KFUNC_HOOK_KPROBE")
                .containsEntry(HookMapping.DEFAULT, "BTF_KFUNC_HOOK_MAX")
                .doesNotContainKey("BPF_PROG_TYPE_SK_MSG").hasSize(25);
        assertThat(r.registrations()).allSatisfy(reg -> assertThat(set(r, reg)).as("%s", reg).isPresent());
        assertThat(r.registrations()).filteredOn(g -> g.kind() == Registration.Kind.KFUNC)
                .allMatch(Registration::literalProgType);
        // nearly every named kfunc has a __bpf_kfunc definition in the tree
        Set<String> defined = r.prototypes().stream().map(KfuncPrototype::name).collect(Collectors.toSet());
        long missing = r.entryNames().stream().filter(n -> !defined.contains(n)).count();
        assertThat(missing).isLessThan(30);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theCorpusHoldsTheVerifierSelftests() throws IOException {
        Path tree = KernelTrees.get("linux-6.12");
        try (Stream<Path> s = Files.list(tree.resolve("tools/testing/selftests/bpf/progs"))) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("verifier_")).count())
                    .isGreaterThan(50);
        }
        assertThat(tree.resolve("tools/testing/selftests/bpf/test_loader.c")).isRegularFile();
        assertThat(tree.resolve("include/uapi/linux/bpf.h")).isRegularFile();
        assertThat(tree.resolve("kernel/sched/ext.c")).isRegularFile();
        assertThat(tree.resolve("net/core/dev.c")).doesNotExist(); // no kfunc declarations
    }
}
