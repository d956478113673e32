package io.kflab.catalog.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorpusSelectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"include/linux/btf.h", "include/linux/btf_ids.h", "include/linux/bpf_verifier.h",
            "include/linux/bpf-cgroup.h", "include/uapi/linux/bpf.h", "kernel/bpf/verifier.c",
            "kernel/bpf/preload/iterators/Makefile", "kernel/sched/ext.c", "kernel/sched/ext_idle.h",
            "kernel/trace/bpf_trace.c", "tools/testing/selftests/bpf/progs/verifier_and.c",
            "tools/testing/selftests/bpf/verifier/calls.c", "tools/testing/selftests/bpf/progs/bpf_misc.h",
            "tools/testing/selftests/bpf/test_loader.c", "tools/testing/selftests/bpf/test_verifier.c"})
    void keptByPath(String path) {
        assertThat(CorpusSelection.byPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"include/linux/btf/x.h", "include/linux/sched.h", "include/uapi/linux/bpf_common.h",
            "kernel/sched/core.c", "kernel/trace/trace.c", "tools/testing/selftests/bpf/progs/test_x.c",
            "tools/testing/selftests/bpf/verifier/sub/x.c", "tools/testing/selftests/bpf/progs/verifier_and.o",
            "Documentation/bpf/kfuncs.rst", "arch/x86/net/bpf_jit_comp.c"})
    void notKeptByPath(String path) {
        assertThat(CorpusSelection.byPath(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"net/core/filter.c", "fs/bpf_fs_kfuncs.c", "drivers/hid/bpf/hid_bpf_dispatch.c",
            "crypto/bpf_crypto_skcipher.c", "security/bpf/hooks.c", "mm/x.h", "kernel/cgroup/rstat.c"})
    void decidedByContent(String path) {
        assertThat(CorpusSelection.byContent(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"net/Makefile", "drivers/net/x.c", "drivers/hid/hid-core.c", "lib/x.c", "block/x.c"})
    void neverKeptByContent(String path) {
        assertThat(CorpusSelection.byContent(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTF_ID_FLAGS(func, x)", "ret = register_btf_kfunc_id_set(T, &s);",
            "__bpf_kfunc int f(void)", "register_btf_fmodret_id_set(&s)"})
    void triggers(String text) {
        assertThat(CorpusSelection.keepContent(("int a;\n" + text + "\n").getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTF_ID(func, x)", "register_btf_id_dtor_kfuncs()", "__bpf_kfun", ""})
    void nonTriggers(String text) {
        assertThat(CorpusSelection.keepContent(text.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
