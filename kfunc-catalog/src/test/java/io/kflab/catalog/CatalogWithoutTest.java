package io.kflab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.filter.FilterRule;
import io.kflab.catalog.kfunc.Family;
import io.kflab.catalog.structops.StructOpsType;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code Catalog.without}: a definition goes, and so do the references to it. */
class CatalogWithoutTest {
    @Test void removingAKfuncDropsItsEntriesRowsAndVariants() {
        Catalog c = Fixtures.kernel().toBuilder()
                .family(new Family("gen", List.of(new Family.Variant("scx_bpf_dsq_insert", ContextPredicate.member("dispatch")),
                        new Family.Variant("scx_bpf_kick_cpu", ContextPredicate.member("tick"))), List.of()))
                .build().without(Catalog.Part.KFUNC, "scx_bpf_dsq_insert");
        assertThat(c.kfuncs()).doesNotContainKey("scx_bpf_dsq_insert");
        assertThat(c.sets().get("scx_kfunc_ids_enqueue_dispatch").entries()).extracting(e -> e.kfunc()).containsExactly("scx_bpf_kick_cpu");
        assertThat(c.filters().get("scx_kfunc_context_filter").rules()).isEmpty();
        assertThat(c.families().get("gen").variants()).extracting(Family.Variant::kfunc).containsExactly("scx_bpf_kick_cpu");
    }

    @Test void removingASetDropsItsRegistrationsAndTheRowsNamingIt() {
        Catalog base = Fixtures.kernel();
        StructOpsType t = base.structOps().get("sched_ext_ops")
                .withAllows(List.of(FilterRule.allowSets(ContextPredicate.contextClass("DISPATCH"), "scx_kfunc_ids_enqueue_dispatch")));
        Catalog c = base.toBuilder().structOps(t).build().without(Catalog.Part.SET, "scx_kfunc_ids_enqueue_dispatch");
        assertThat(c.sets()).doesNotContainKey("scx_kfunc_ids_enqueue_dispatch");
        assertThat(c.registrations()).noneMatch(r -> r.set().equals("scx_kfunc_ids_enqueue_dispatch"));
        assertThat(c.structOps().get("sched_ext_ops").allows()).isEmpty();
        assertThat(c.kfuncs()).containsKey("scx_bpf_dsq_insert");
    }

    @Test void removingAFilterUnhooksTheSetsUsingIt() {
        Catalog c = Fixtures.kernel().without(Catalog.Part.FILTER, "scx_kfunc_context_filter");
        assertThat(c.filters()).isEmpty();
        assertThat(c.sets().get("scx_kfunc_ids_enqueue_dispatch").filter()).isEmpty();
    }

    @Provide Arbitrary<Catalog> a() { return Fixtures.catalogs("a"); }

    /** Removing what is not there changes nothing. */
    @Property(tries = 50) void removingAnAbsentNameIsIdentity(@ForAll("a") Catalog a) {
        for (Catalog.Part p : Catalog.Part.values()) assertThat(a.without(p, "zz_absent")).isEqualTo(a);
    }
}
