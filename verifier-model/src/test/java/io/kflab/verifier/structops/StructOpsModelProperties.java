package io.kflab.verifier.structops;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.verifier.structops.diff.Outcome;
import io.kflab.verifier.structops.diff.Scenario;
import io.kflab.verifier.structops.diff.ScenarioRunner;
import io.kflab.verifier.structops.diff.Step;
import io.kflab.verifier.structops.diff.ValueSpec;
import io.kflab.verifier.structops.model.ModelKernel;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the model's struct_ops lifecycle over random command sequences. */
class StructOpsModelProperties {
    private static final String TCP = "tcp_congestion_ops";

    @Provide
    Arbitrary<List<Step>> commands() {
        Arbitrary<String> maps = Arbitraries.of("m1", "m2", "l1", "l2");
        Arbitrary<String> names = Arbitraries.of("a", "b", "reno");
        Arbitrary<Step> update = Arbitraries.of(0, 1, 2, 3).flatMap(kind -> maps.flatMap(m -> names.map(n -> switch (kind) {
            case 0 -> new Step.Update(m, ValueSpec.of().name(n).tcpRequired(), 0, 0);
            case 1 -> new Step.Update(m, ValueSpec.of().name(n).func("ssthresh", "ssthresh"), 0, 0);
            case 2 -> new Step.Update(m, ValueSpec.of().name(n).tcpRequired().func("init", "#bad"), 0, 0);
            default -> new Step.Update(m, ValueSpec.of().name(n).tcpRequired().data("key", 1), 0, 0);
        })));
        Arbitrary<Step> other = Arbitraries.oneOf(
                maps.map(m -> new Step.Delete(m, 0)),
                maps.map(m -> new Step.Link("k" + m, m)),
                maps.map(m -> new Step.Detach("k" + m)),
                maps.flatMap(a -> maps.map(b -> new Step.LinkUpdate("k" + a, b, 0, "#0"))),
                maps.map(m -> new Step.Close("k" + m)));
        return Arbitraries.oneOf(update, other).list().ofMaxSize(25);
    }

    private static Scenario scenario(List<Step> commands) {
        Scenario.Builder b = Scenario.named("random").tcpProgs().map("m1", TCP, 0).map("m2", TCP, 0).linkMap("l1", TCP).linkMap("l2", TCP);
        commands.forEach(b::step);
        return b.build();
    }

    @Property(tries = 300)
    void cleanupAfterAnySequenceLeavesOnlyTheBuiltinCongestionControls(@ForAll("commands") List<Step> commands) {
        Scenario s = scenario(commands);
        ScenarioRunner runner = new ScenarioRunner(List.of(TestTypes.tcp(), TestTypes.dummy()));
        try (ModelKernel k = new ModelKernel(TestTypes.catalog())) {
            List<Outcome> out = runner.run(s, k);
            assertThat(out).hasSize(s.steps().size());
            assertThat(k.tcpAvailable()).containsExactly("reno", "cubic");
        }
    }

    @Property(tries = 300)
    void aFailedUpdateNeverChangesTheStateAndASuccessfulOneLeavesInitForInuseOrReady(@ForAll("commands") List<Step> commands) {
        Scenario.Builder b = Scenario.named("random").tcpProgs().map("m1", TCP, 0).map("m2", TCP, 0).linkMap("l1", TCP).linkMap("l2", TCP);
        for (Step c : commands) {
            if (c instanceof Step.Update u) b.lookup(u.map());
            b.step(c);
            if (c instanceof Step.Update u) b.lookup(u.map());
        }
        Scenario s = b.build();
        try (ModelKernel k = new ModelKernel(TestTypes.catalog())) {
            List<Outcome> out = new ScenarioRunner(List.of(TestTypes.tcp(), TestTypes.dummy())).run(s, k);
            for (int i = 0; i < s.steps().size(); i++) {
                if (s.steps().get(i) instanceof Step.Update && !out.get(i).ok()) {
                    String before = out.get(i - 1).detail(), after = out.get(i + 1).detail();
                    assertThat(after.split(" ")[0]).isEqualTo(before.split(" ")[0]);
                }
                if (s.steps().get(i) instanceof Step.Update && out.get(i).ok() && out.get(i).value() == 0) {
                    assertThat(out.get(i + 1).detail()).matches("state=(INUSE|READY) .*");
                }
            }
        }
    }
}
