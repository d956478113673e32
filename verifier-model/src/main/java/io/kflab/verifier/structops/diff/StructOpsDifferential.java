package io.kflab.verifier.structops.diff;

import io.kflab.verifier.structops.model.StructOpsSyscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs every scenario on a fresh model kernel and a fresh kernel backend and compares them step by step. */
public final class StructOpsDifferential {
    /** One step where model and kernel answered differently. */
    public record Disagreement(String scenario, int step, String command, String model, String kernel) {}

    /** The comparison: scenarios, how many agreed on every step, the disagreements. */
    public record Report(int total, int agree, List<Disagreement> disagreements) {}

    /** One scenario's outcomes on both sides. */
    public record Pair(Scenario scenario, List<Outcome> model, List<Outcome> kernel) {}

    private StructOpsDifferential() {}

    /**
     * Runs {@code scenarios}; {@code model} and {@code kernel} give a fresh backend per scenario (the
     * model's built from the kernel's state at that moment); {@code progress} sees each scenario as it ends.
     */
    public static Report run(List<Scenario> scenarios, ScenarioRunner runner, Supplier<StructOpsSyscalls> model,
                             Supplier<StructOpsSyscalls> kernel, Consumer<Pair> progress) {
        List<Disagreement> dis = new ArrayList<>();
        int agree = 0;
        for (Scenario s : scenarios) {
            List<Outcome> m, k;
            try (StructOpsSyscalls ms = model.get()) {
                m = runner.run(s, ms);
            }
            try (StructOpsSyscalls ks = kernel.get()) {
                k = runner.run(s, ks);
            }
            boolean all = m.size() == k.size();
            for (int i = 0; i < Math.min(m.size(), k.size()); i++) {
                if (!m.get(i).agrees(k.get(i))) {
                    all = false;
                    dis.add(new Disagreement(s.name(), i, m.get(i).step(), m.get(i).brief(), k.get(i).brief()));
                }
            }
            if (all) agree++;
            progress.accept(new Pair(s, m, k));
        }
        return new Report(scenarios.size(), agree, dis);
    }
}
