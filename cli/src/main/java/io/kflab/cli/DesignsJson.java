package io.kflab.cli;

import io.kflab.verifier.resolve.DesignMatrix;
import io.kflab.verifier.resolve.Verdict;
import io.kflab.verifier.resolve.design.KfuncDesign;
import io.kflab.verifier.resolve.rewrite.CallSite;
import io.kflab.verifier.resolve.rewrite.Rewrite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of {@code kflab designs}: verdicts as {kind, resolvesTo, message, errno}. */
final class DesignsJson {
    private DesignsJson() {}

    static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", v.kind().name());
        v.resolvesTo().ifPresent(r -> m.put("resolvesTo", r));
        m.put("message", v.message());
        if (v instanceof Verdict.RejectedAtLoad r) m.put("errno", r.errno().name());
        return m;
    }

    /** A compact cell text: {@code ok}, {@code ok->X}, {@code rejected(EACCES)}, {@code runtime}. */
    static String shortText(Verdict v) {
        return switch (v) {
            case Verdict.AllowedAtLoad a -> "ok";
            case Verdict.RejectedAtLoad r -> "rejected(" + r.errno().name() + ")";
            case Verdict.AllowedFailsAtRuntime f -> "runtime";
        } + v.resolvesTo().filter(r -> !(v instanceof Verdict.RejectedAtLoad)).map(r -> r.endsWith("_direct") || r.endsWith("_buffered")
                || r.endsWith("_rdonly") ? "->" + r : "").orElse("");
    }

    static Map<String, Object> matrix(DesignMatrix m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subsystem", m.subsystem().name());
        out.put("structOps", m.subsystem().structOps());
        out.put("kernel", m.subsystem().kernel());
        out.put("designs", m.designs().stream().map(Enum::name).toList());
        out.put("members", m.members());
        out.put("kfuncs", m.rows().stream().map(DesignMatrix.Row::kfunc).toList());
        out.put("cellCount", m.cellCount());
        Map<String, Object> counts = new LinkedHashMap<>();
        m.counts().forEach((d, c) -> {
            Map<String, Integer> x = new LinkedHashMap<>();
            c.forEach((k, n) -> x.put(k.name(), n));
            counts.put(d.name(), x);
        });
        out.put("counts", counts);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (DesignMatrix.Row r : m.rows()) {
            for (DesignMatrix.Cell c : r.cells()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kfunc", c.kfunc());
                x.put("member", c.member());
                x.put("disagree", c.disagree());
                Map<String, Object> vs = new LinkedHashMap<>();
                c.verdicts().forEach((d, v) -> vs.put(d.name(), verdict(v)));
                x.put("verdicts", vs);
                cells.add(x);
            }
        }
        out.put("disagreements", m.disagreements().size());
        out.put("cells", cells);
        return out;
    }

    static Map<String, Object> rewrite(Rewrite r, KfuncDesign d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("design", d.profile().kind().name());
        out.put("loads", r.loads());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (CallSite s : r.sites()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("slot", s.slot());
            x.put("named", s.named());
            x.put("namedId", s.namedId());
            s.resolved().ifPresent(v -> x.put("resolved", v));
            s.resolvedId().ifPresent(v -> x.put("resolvedId", v));
            x.put("verdict", verdict(s.verdict()));
            sites.add(x);
        }
        out.put("sites", sites);
        out.put("log", r.log());
        return out;
    }
}
