package io.kflab.cli;

import io.kflab.verifier.structops.diff.Outcome;
import io.kflab.verifier.structops.diff.StructOpsDifferential;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints one struct_ops scenario's steps with the model's and the kernel's answers. */
final class StructOpsScenarioPrinter {
    private StructOpsScenarioPrinter() {}

    static Map<String, Object> json(StructOpsDifferential.Pair p) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < p.model().size(); i++) {
            Outcome m = p.model().get(i), k = i < p.kernel().size() ? p.kernel().get(i) : null;
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", m.step());
            s.put("model", m.brief());
            s.put("kernel", k == null ? null : k.brief());
            s.put("agree", k != null && m.agrees(k));
            steps.add(s);
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", p.scenario().name());
        j.put("steps", steps);
        return j;
    }

    @SuppressWarnings("unchecked")
    static void text(PrintWriter w, Map<String, Object> scenario) {
        w.println(scenario.get("scenario"));
        for (Map<String, Object> s : (List<Map<String, Object>>) scenario.get("steps")) {
            w.printf("  %s %s%n      model:  %s%n      kernel: %s%n", Boolean.TRUE.equals(s.get("agree")) ? "=" : "!",
                    s.get("step"), s.get("model"), s.get("kernel"));
        }
    }
}
