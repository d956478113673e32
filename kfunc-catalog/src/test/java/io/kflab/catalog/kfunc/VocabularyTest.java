package io.kflab.catalog.kfunc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.hook.Hook;
import io.kflab.catalog.hook.HookTable;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test void suffixesDependOnTheVersion() {
        assertThat(SuffixVocabulary.forVersion("6.1").suffixesOf("n__szk")).isEmpty();
        assertThat(SuffixVocabulary.forVersion("6.12.117").suffixesOf("n__szk")).containsExactly("__szk");
        assertThat(SuffixVocabulary.forVersion("6.12").suffixesOf("buf__opt")).containsExactly("__opt");
        assertThat(SuffixVocabulary.forVersion("7.3").suffixesOf("buf__opt")).isEmpty();
        assertThat(SuffixVocabulary.forVersion("6.18.44-fc").suffixesOf("aux__prog")).containsExactly("__prog");
        assertThat(SuffixVocabulary.forVersion("7.3").suffixesOf("p__arena__nullable")).containsExactly("__arena__nullable", "__nullable");
        assertThat(SuffixVocabulary.forVersion("6.12").suffixesOf("__sz")).as("the suffix alone is no parameter with a suffix").isEmpty();
        Kfunc k = Kfunc.named("bpf_dynptr_slice").prototype("void *", new Param("p", "const struct bpf_dynptr *"),
                new Param("buffer__opt", "void *"), new Param("buffer__szk", "u32")).build();
        assertThat(k.annotations(SuffixVocabulary.forVersion("6.12"))).containsExactly(java.util.List.of(), java.util.List.of("__opt"), java.util.List.of("__szk"));
    }

    @Test void flagBitsDifferPerVersion() {
        assertThat(KfFlagBits.forVersion("6.1").bits()).containsEntry("KF_KPTR_GET", 3).doesNotContainKey("KF_RCU");
        assertThat(KfFlagBits.forVersion("6.18").bits()).containsEntry("KF_FASTCALL", 12).doesNotContainKey("KF_IMPLICIT_ARGS");
        assertThat(KfFlagBits.forVersion("7.3").bits()).containsEntry("KF_IMPLICIT_ARGS", 16).doesNotContainKey("KF_TRUSTED_ARGS");
        assertThat(KfFlagBits.forVersion("6.12").encode(Set.of("KF_ACQUIRE", "KF_RET_NULL"))).isEqualTo(0b101);
        assertThatThrownBy(() -> KfFlagBits.forVersion("6.12").decode(1L << 12)).hasMessageContaining("no KF_* flag of 6.12");
        assertThatThrownBy(() -> KfFlags.of("ACQUIRE")).hasMessageContaining("KF_*");
    }

    @Property void flagWordsRoundTrip(@ForAll @IntRange(min = 0, max = (1 << 19) - 1) int word, @ForAll("versions") String v) {
        KfFlagBits bits = KfFlagBits.forVersion(v);
        long valid = bits.bits().values().stream().mapToLong(b -> 1L << b).reduce(0, (a, b) -> a | b);
        long w = word & valid;
        assertThat(bits.encode(((KfFlags.Known) bits.decode(w)).names())).isEqualTo(w);
    }

    @net.jqwik.api.Provide net.jqwik.api.Arbitrary<String> versions() {
        return net.jqwik.api.Arbitraries.of(KernelVersions.KNOWN);
    }

    @Test void hookTablesPerVersion() {
        assertThat(HookTable.forVersion("6.1").hasCommon()).isFalse();
        assertThat(HookTable.forVersion("6.1").hookOf(ProgType.TRACEPOINT)).isEmpty();
        assertThat(HookTable.forVersion("6.12").hookOf(ProgType.SOCK_OPS)).isEmpty();
        assertThat(HookTable.forVersion("6.18").hookOf(ProgType.SOCK_OPS)).contains(Hook.CGROUP);
        assertThat(HookTable.forVersion("6.18").hookOf(ProgType.RAW_TRACEPOINT)).isEmpty();
        assertThat(HookTable.forVersion("7.3").hookOf(ProgType.RAW_TRACEPOINT)).contains(Hook.TRACING);
        assertThat(HookTable.forVersion("6.12").progTypesOf(Hook.LWT)).hasSize(4);
        assertThat(HookTable.forVersion("5.15").version()).isEqualTo("6.1");
    }

    @Test void contextDisplayNames() {
        assertThat(CallingContext.of(ProgType.XDP).displayName()).isEqualTo("xdp");
        assertThat(CallingContext.of(ProgType.TRACING, io.kflab.bpf.sys.AttachType.TRACE_FENTRY).displayName()).isEqualTo("tracing/fentry");
        assertThat(CallingContext.structOps("tcp_congestion_ops", "cong_avoid").displayName()).isEqualTo("struct_ops/tcp_congestion_ops.cong_avoid");
        assertThat(CallingContext.of(ProgType.SYSCALL).asSleepable().displayName()).isEqualTo("syscall(sleepable)");
    }
}
