package io.kflab.catalog.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.dsl.Decl;
import io.kflab.catalog.dsl.Design;
import io.kflab.catalog.dsl.DesignLoader;
import io.kflab.catalog.dsl.Flag;
import io.kflab.catalog.dsl.Name;
import io.kflab.catalog.dsl.SetEntry;
import io.kflab.catalog.dsl.SetFilter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Linux 6.18 delta design (kfunc facts missing from the 6.12 source tree) loads and says what it should. */
class Linux618DeltaTest {
    private static final String RESOURCE = "/io/kflab/catalog/kernels/linux-6.18-delta.kfl";
    private static Design design;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Linux618DeltaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            design = DesignLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "linux-6.18-delta.kfl");
        }
    }

    private static Decl.KfuncSet set(String name) {
        return design.all(Decl.KfuncSet.class).stream().filter(s -> s.name().text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no set " + name));
    }

    /** The one set listing the kfunc (each new kfunc is in exactly one set of the delta). */
    private static Decl.KfuncSet setOf(String kfunc) {
        List<Decl.KfuncSet> sets = design.all(Decl.KfuncSet.class).stream()
                .filter(s -> entry(s, kfunc).isPresent()).toList();
        assertThat(sets).as("sets listing " + kfunc).hasSize(1);
        return sets.getFirst();
    }

    private static Optional<SetEntry> entry(Decl.KfuncSet s, String kfunc) {
        return s.entries().stream().filter(e -> e.kfunc().text().equals(kfunc)).findFirst();
    }

    private static List<String> flags(String kfunc) {
        return entry(setOf(kfunc), kfunc).orElseThrow().flags().stream().map(Flag::name).toList();
    }

    private static List<String> targets(String set) {
        return design.all(Decl.Register.class).stream().filter(r -> r.set().text().equals(set))
                .flatMap(r -> r.targets().stream()).map(Name::text).toList();
    }

    @Test
    void loadsWithoutWarnings() {
        assertThat(design.name()).isEqualTo("linux-6.18-delta");
        assertThat(design.warnings()).isEmpty();
        assertThat(design.base()).isEmpty();
    }

    @Test
    void listsTheKfuncsNewSince612AndTheMovedKeyKfuncs() {
        Set<String> listed = new HashSet<>();
        design.all(Decl.KfuncSet.class).forEach(s -> s.entries().forEach(e -> listed.add(e.kfunc().text())));
        // 60 kfuncs of the 6.18 kernel the 6.12 tree lacks, plus the 3 key kfuncs that moved sets
        assertThat(listed).hasSize(63).contains("bpf_strcmp", "bpf_res_spin_lock", "css_rstat_flush",
                "bpf_xdp_pull_data", "bpf_stream_vprintk_impl", "bpf_lookup_user_key");
        Set<String> declared = new HashSet<>(design.all(Decl.Kfunc.class).stream().map(Decl.Kfunc::name).toList());
        assertThat(declared).isEqualTo(listed);
    }

    @Test
    void everySetIsRegistered() {
        for (Decl.KfuncSet s : design.all(Decl.KfuncSet.class)) {
            assertThat(targets(s.name().text())).as(s.name().text()).isNotEmpty();
        }
    }

    @Test
    void stringKfuncsAreCommonWithoutFlags() {
        for (String k : List.of("bpf_strcmp", "bpf_strcasecmp", "bpf_strnstr", "bpf_strlen", "__bpf_trap")) {
            assertThat(setOf(k).name().text()).as(k).isEqualTo("common_btf_ids");
            assertThat(flags(k)).as(k).isEmpty();
        }
        assertThat(targets("common_btf_ids")).containsExactly("common");
        assertThat(set("common_btf_ids").filter()).isEmpty();
    }

    @Test
    void sleepableCopiesAndIterators() {
        assertThat(flags("bpf_copy_from_user_task_str")).containsExactly("KF_SLEEPABLE");
        assertThat(flags("bpf_copy_from_user_task_str_dynptr")).containsExactly("KF_SLEEPABLE", "KF_TRUSTED_ARGS");
        assertThat(flags("bpf_iter_kmem_cache_next")).containsExactly("KF_ITER_NEXT", "KF_RET_NULL", "KF_SLEEPABLE");
        assertThat(flags("bpf_arena_reserve_pages")).containsExactly("KF_TRUSTED_ARGS", "KF_SLEEPABLE", "KF_ARENA_ARG2");
        SetEntry dmabuf = entry(set("common_btf_ids"), "bpf_iter_dmabuf_new").orElseThrow();
        assertThat(dmabuf.condition()).get().extracting(Name::text).isEqualTo("CONFIG_DMA_SHARED_BUFFER");
        assertThat(flags("css_rstat_flush")).containsExactly("KF_SLEEPABLE");
    }

    @Test
    void implSuffixedKfuncsKeepTrustedArgs() {
        for (String k : List.of("bpf_stream_vprintk_impl", "bpf_task_work_schedule_signal_impl",
                "bpf_task_work_schedule_resume_impl")) {
            assertThat(flags(k)).as(k).containsExactly("KF_TRUSTED_ARGS");
        }
    }

    @Test
    void generalKfuncsKeepTheSixProgramTypes() {
        assertThat(setOf("bpf_task_from_vpid").name().text()).isEqualTo("generic_btf_ids");
        assertThat(flags("bpf_task_from_vpid")).containsExactly("KF_ACQUIRE", "KF_RET_NULL");
        assertThat(flags("bpf_rbtree_root")).containsExactly("KF_RET_NULL");
        assertThat(targets("generic_btf_ids"))
                .containsExactly("tracing", "sched_cls", "xdp", "struct_ops", "syscall", "cgroup_skb");
        assertThat(targets("cpumask_kfunc_btf_ids")).containsExactly("tracing", "struct_ops", "syscall");
    }

    @Test
    void networkingSets() {
        assertThat(setOf("bpf_dynptr_from_skb_meta").name().text()).isEqualTo("bpf_kfunc_check_set_skb_meta");
        assertThat(targets("bpf_kfunc_check_set_skb_meta")).containsExactly("sched_cls", "sched_act");
        assertThat(setOf("bpf_xdp_pull_data").name().text()).isEqualTo("bpf_kfunc_check_set_xdp");
        assertThat(targets("bpf_kfunc_check_set_xdp")).containsExactly("xdp");
        assertThat(targets("bpf_kfunc_check_set_sock_ops")).containsExactly("sock_ops");
        assertThat(setOf("bpf_xdp_metadata_rx_hash").name().text()).isEqualTo("xdp_metadata_kfunc_ids");
        assertThat(targets("xdp_metadata_kfunc_ids")).containsExactly("xdp");
    }

    @Test
    void lockingKfuncsAreCommon() {
        assertThat(setOf("bpf_res_spin_lock").name().text()).isEqualTo("rqspinlock_kfunc_ids");
        assertThat(flags("bpf_res_spin_lock")).containsExactly("KF_RET_NULL");
        assertThat(flags("bpf_res_spin_unlock")).isEmpty();
        assertThat(targets("rqspinlock_kfunc_ids")).containsExactly("common");
        assertThat(targets("arena_kfuncs")).containsExactly("common");
    }

    @Test
    void dentryXattrKfuncsAreLsmOnlyWithAFilter() {
        Decl.KfuncSet fs = setOf("bpf_set_dentry_xattr");
        assertThat(fs.name().text()).isEqualTo("bpf_fs_kfunc_set_ids");
        assertThat(flags("bpf_remove_dentry_xattr")).containsExactly("KF_SLEEPABLE", "KF_TRUSTED_ARGS");
        assertThat(targets("bpf_fs_kfunc_set_ids")).containsExactly("lsm");
        assertThat(fs.filter()).get().isInstanceOfSatisfying(SetFilter.Inline.class,
                f -> assertThat(f.rules()).hasSize(1));
    }

    @Test
    void rstatKfuncsAreRenames() {
        assertThat(design.all(Decl.Rename.class)).extracting(r -> r.from().text() + "->" + r.to().text())
                .containsExactlyInAnyOrder("cgroup_rstat_updated->css_rstat_updated",
                        "cgroup_rstat_flush->css_rstat_flush");
        assertThat(design.all(Decl.Rename.class)).allSatisfy(r -> assertThat(r.since()).contains("6.16"));
        assertThat(targets("bpf_rstat_kfunc_ids")).containsExactly("tracing");
    }
}
