package io.kflab.catalog.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.context.ContextPredicate;
import io.kflab.catalog.provenance.Source;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FilterDataTest {
    @Provide Arbitrary<ContextPredicate> predicates() {
        Arbitrary<ContextPredicate> leaf = Arbitraries.oneOf(
                Arbitraries.just(ContextPredicate.any()), Arbitraries.just(ContextPredicate.sleepable()),
                Arbitraries.of(ProgType.class).set().ofMinSize(1).ofMaxSize(3).map(ContextPredicate.ProgTypeIn::new),
                Arbitraries.of(AttachType.class).set().ofMinSize(1).ofMaxSize(3).map(ContextPredicate.AttachTypeIn::new),
                Arbitraries.of("sched_ext_ops", "Qdisc_ops").map(ContextPredicate::structOpsType),
                Arbitraries.of("DISPATCH", "ENQUEUE", "REST").set().ofMinSize(1).map(ContextPredicate.ContextClassIn::new),
                Arbitraries.of("enqueue", "dequeue").set().ofMinSize(1).map(ContextPredicate.MemberIn::new),
                Arbitraries.strings().alpha().ofMaxLength(8).map(ContextPredicate::unmodelled));
        return Arbitraries.recursive(() -> leaf, p -> Arbitraries.oneOf(p.map(ContextPredicate::not),
                p.list().ofMinSize(1).ofMaxSize(3).map(ContextPredicate.And::new), p.list().ofMinSize(1).ofMaxSize(3).map(ContextPredicate.Or::new)), 0, 3);
    }

    @Property void predicatesRoundTripThroughJson(@ForAll("predicates") ContextPredicate p) {
        assertThat(FilterData.predicate(FilterData.toJson(p), "t")).isEqualTo(p);
    }

    @Test void the618DataHasItsFiltersSetsAndRegistrations() {
        Catalog c = FilterData.linux618();
        assertThat(c.filters()).containsKeys("bpf_kprobe_multi_filter", "tracing_iter_filter", "bpf_fs_kfuncs_filter", "bpf_dev_bound_kfunc_check");
        assertThat(c.filters().get("bpf_dev_bound_kfunc_check").kind()).isEqualTo(Filter.Kind.VERIFIER_CHECK);
        assertThat(c.sets().get("bpf_fs_kfunc_set_ids").entries()).hasSize(7);
        assertThat(c.registrations()).anySatisfy(r -> {
            assertThat(r.set()).isEqualTo("kprobe_multi_kfunc_set_ids");
            assertThat(r.progType()).contains(ProgType.KPROBE);
            assertThat(r.sources().getFirst()).isEqualTo(Source.tree("linux-6.12.117", "kernel/trace/bpf_trace.c", 3517));
        });
        // every kfunc a rule governs is in the set whose filter it is
        c.sets().values().forEach(s -> s.filter().map(c.filters()::get).ifPresent(f ->
                f.rules().forEach(r -> assertThat(s.entries().stream().map(e -> e.kfunc()).toList()).containsAll(r.kfuncs()))));
    }

    @Test void badPredicatesNameTheProblem() {
        assertThatThrownBy(() -> FilterData.predicate(new ObjectMapper().readTree("{\"progtype\":[\"XDP\"]}"), "f.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("found 'progtype'");
        assertThatThrownBy(() -> FilterData.predicate(new ObjectMapper().readTree("{\"progType\":[\"NOPE\"]}"), "f.json"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no program type NOPE");
    }
}
