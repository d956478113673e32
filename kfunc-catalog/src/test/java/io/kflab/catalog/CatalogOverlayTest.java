package io.kflab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.SetEntry;
import io.kflab.catalog.provenance.Source;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CatalogOverlayTest {

    @Provide Arbitrary<Catalog> a() { return Fixtures.catalogs("a"); }

    @Provide Arbitrary<Catalog> b() { return Fixtures.catalogs("b"); }

    @Provide Arbitrary<Catalog> c() { return Fixtures.catalogs("c"); }

    @Property void emptyIsNeutral(@ForAll("a") Catalog a) {
        assertThat(a.overlay(Catalog.empty())).isEqualTo(a);
        assertThat(Catalog.empty().overlay(a)).isEqualTo(a);
    }

    @Property void overlayIsIdempotent(@ForAll("a") Catalog a) {
        assertThat(a.overlay(a).toBuilder().name(a.name()).build()).isEqualTo(a);
    }

    @Property void overlayIsAssociativeOnDisjointInputs(@ForAll("a") Catalog a, @ForAll("b") Catalog b, @ForAll("c") Catalog c) {
        assertThat(a.overlay(b).overlay(c)).isEqualTo(a.overlay(b.overlay(c)));
    }

    @Property void overlayKeepsEveryKfuncOfBoth(@ForAll("a") Catalog a, @ForAll("b") Catalog b) {
        assertThat(a.overlay(b).kfuncs().keySet()).containsAll(a.kfuncs().keySet()).containsAll(b.kfuncs().keySet());
    }

    @Test void otherOverridesButUnknownFlagsNeverReplaceKnownOnes() {
        Kfunc src = Kfunc.named("bpf_task_acquire").flags("KF_ACQUIRE").source(Source.tree("linux-6.12", "kernel/bpf/helpers.c", 1)).build();
        Kfunc btf = Kfunc.named("bpf_task_acquire").btfId(42).flags(KfFlags.unknownBtfOnly())
                .prototype("struct task_struct *", new Param("p", "struct task_struct *")).source(Source.btf("6.18.44")).build();
        Catalog merged = Catalog.merge(Catalog.builder("btf").kfunc(btf).build(), Catalog.builder("src").kfunc(src).build());
        Kfunc k = merged.kfunc("bpf_task_acquire").orElseThrow();
        assertThat(k.btfId()).hasValue(42);
        assertThat(k.flags()).isEqualTo(KfFlags.of("KF_ACQUIRE"));
        assertThat(k.prototype()).isPresent();
        assertThat(k.sources()).hasSize(2);
        assertThat(merged.name()).isEqualTo("src");

        Kfunc design = Kfunc.named("bpf_task_acquire").flags("KF_ACQUIRE", "KF_RET_NULL").build();
        assertThat(merged.overlay(Catalog.builder("design").kfunc(design).build()).kfunc("bpf_task_acquire").orElseThrow().flags())
                .isEqualTo(KfFlags.of("KF_ACQUIRE", "KF_RET_NULL"));
    }

    @Test void setsMergeEntriesAndKeepTheFilter() {
        Catalog base = Catalog.builder("k").set(KfuncSet.of("s", List.of(SetEntry.of("a"), SetEntry.of("b", "KF_RCU"))).withFilter("f")).build();
        Catalog over = Catalog.builder("d").set(KfuncSet.of("s", List.of(SetEntry.of("b"), SetEntry.of("c")))).build();
        KfuncSet s = base.overlay(over).sets().get("s");
        assertThat(s.entries()).extracting(SetEntry::kfunc).containsExactly("a", "b", "c");
        assertThat(s.entry("b").orElseThrow().flags()).isEqualTo(KfFlags.none());
        assertThat(s.filter()).hasValue("f");
    }
}
