package io.kflab.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.Fixtures;
import io.kflab.catalog.hook.Registration;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.KfuncSet;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Rename;
import io.kflab.catalog.kfunc.SetEntry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    @Provide Arbitrary<Catalog> cat() {
        return Arbitraries.oneOf(Fixtures.catalogs("k"), Fixtures.catalogs("k").map(c -> c.overlay(Fixtures.kernel())));
    }

    @Property void diffWithItselfIsEmpty(@ForAll("cat") Catalog a) {
        assertThat(CatalogDiff.between(a, a).changes()).isEmpty();
    }

    @Property void addedAndRemovedSwap(@ForAll("cat") Catalog a, @ForAll("cat") Catalog b) {
        CatalogDiff ab = CatalogDiff.between(a, b, List.of()), ba = CatalogDiff.between(b, a, List.of());
        assertThat(names(ab, Change.Kind.ADDED)).isEqualTo(names(ba, Change.Kind.REMOVED));
        assertThat(names(ab, Change.Kind.REMOVED)).isEqualTo(names(ba, Change.Kind.ADDED));
        ab.changes().forEach(c -> assertThat(c.reason()).isNotBlank());
    }

    private static Set<String> names(CatalogDiff d, Change.Kind k) {
        return d.changes().stream().filter(c -> c.kind() == k).map(Change::kfunc).collect(Collectors.toSet());
    }

    private static Catalog one(Kfunc k, ProgType... regs) {
        Catalog.Builder b = Catalog.builder("v").version("6.18").kfunc(k).set(KfuncSet.of("s", List.of(SetEntry.of(k.name(), k.flags(), new io.kflab.catalog.provenance.Source[0]))));
        for (ProgType t : regs) b.registration(Registration.of("s", t));
        return b.build();
    }

    private static Change only(CatalogDiff d) {
        assertThat(d.changes()).hasSize(1);
        return d.changes().getFirst();
    }

    @Test void classifiesFlagChanges() {
        Kfunc plain = Kfunc.named("f").flags("KF_RET_NULL").build();
        Kfunc sleepy = Kfunc.named("f").flags("KF_RET_NULL", "KF_SLEEPABLE").build();
        Change c = only(CatalogDiff.between(one(plain), one(sleepy)));
        assertThat(c.kind()).isEqualTo(Change.Kind.FLAGS);
        assertThat(c.compatibility()).isEqualTo(Compatibility.BREAKING);
        assertThat(c.reason()).contains("non-sleepable");
        Change r = only(CatalogDiff.between(one(plain), one(Kfunc.named("f").flags().build())));
        assertThat(r.detail()).isEqualTo("removed KF_RET_NULL");
        assertThat(r.compatibility()).isEqualTo(Compatibility.COMPATIBLE);
    }

    @Test void classifiesRegistrationAndPrototypeChanges() {
        Kfunc k = Kfunc.named("f").flags().prototype("int", new Param("p", "struct sk_buff *")).build();
        Change more = only(CatalogDiff.between(one(k, ProgType.XDP), one(k, ProgType.XDP, ProgType.SCHED_CLS)));
        assertThat(more.compatibility()).isEqualTo(Compatibility.COMPATIBLE);
        assertThat(more.detail()).isEqualTo("now registered for TC");
        assertThat(only(CatalogDiff.between(one(k, ProgType.XDP, ProgType.SCHED_CLS), one(k, ProgType.XDP))).compatibility()).isEqualTo(Compatibility.BREAKING);

        Kfunc typed = Kfunc.named("f").flags().prototype("int", new Param("p", "struct xdp_md *")).build();
        Change t = only(CatalogDiff.between(one(k), one(typed)));
        assertThat(t.compatibility()).isEqualTo(Compatibility.BREAKING);
        assertThat(t.reason()).isEqualTo("parameter 1 type changed");
        Kfunc nullable = Kfunc.named("f").flags().prototype("int", new Param("p__nullable", "struct sk_buff *")).build();
        assertThat(only(CatalogDiff.between(one(k), one(nullable))).compatibility()).isEqualTo(Compatibility.COMPATIBLE);
        assertThat(only(CatalogDiff.between(one(nullable), one(k))).compatibility()).isEqualTo(Compatibility.BREAKING);
    }

    @Test void renamesAreRecognisedAndReportedAsTextAndJson() throws Exception {
        Catalog old = one(Kfunc.named("scx_bpf_dispatch").flags().build(), ProgType.STRUCT_OPS);
        Catalog neu = one(Kfunc.named("scx_bpf_dsq_insert").flags().build(), ProgType.STRUCT_OPS);
        CatalogDiff d = CatalogDiff.between(old, neu, Rename.schedExt613());
        Change c = only(d);
        assertThat(c.kind()).isEqualTo(Change.Kind.RENAMED);
        assertThat(c.detail()).isEqualTo("scx_bpf_dispatch -> scx_bpf_dsq_insert");
        assertThat(CatalogDiff.between(old, neu, List.of()).changes()).extracting(Change::kind)
                .containsExactlyInAnyOrder(Change.Kind.ADDED, Change.Kind.REMOVED);
        assertThat(d.text()).contains("1 changes, 1 breaking", "RENAMED");
        JsonNode j = new ObjectMapper().readTree(d.json());
        assertThat(j.get("changes").get(0).get("compatibility").asText()).isEqualTo("BREAKING");
        assertThat(j.get("from").asText()).isEqualTo("v");
    }

    @Test void aRenameThatKeepsTheOldNameIsCompatible() {
        Catalog old = one(Kfunc.named("scx_bpf_dispatch").flags().build(), ProgType.STRUCT_OPS);
        Catalog both = old.overlay(one(Kfunc.named("scx_bpf_dsq_insert").flags().build(), ProgType.STRUCT_OPS));
        CatalogDiff d = CatalogDiff.between(old, both, Rename.schedExt613());
        Change c = only(d);
        assertThat(c.kind()).isEqualTo(Change.Kind.RENAMED);
        assertThat(c.compatibility()).isEqualTo(Compatibility.COMPATIBLE);
        assertThat(c.detail()).isEqualTo("scx_bpf_dispatch -> scx_bpf_dsq_insert (old name kept)");
    }
}
