package io.kflab.verifier.selftest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;

/** Scratch: tallies model/selftest disagreements (run with -Dkflab.tally=true). */
class AgreementTallyScratch {
    @Test
    void tally() throws Exception {
        if (!Boolean.getBoolean("kflab.tally")) return;
        Path tree = Path.of(System.getProperty("user.home"), ".cache/kflab/corpus/linux-6.12");
        ImportReport r = SelftestImporter.importTree(tree);
        Map<String, Integer> byMsg = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        int agree = 0, total = 0, badAccept = 0;
        StringBuilder detail = new StringBuilder();
        for (SelftestCase c : r.supported()) {
            total++;
            ModelRunner.ModelVerdict v;
            try { v = ModelRunner.run(c); } catch (RuntimeException e) { byMsg.merge("EXC " + e, 1, Integer::sum); continue; }
            if (v.agrees()) { agree++; continue; }
            String key;
            if (v.accepted()) { key = "ACCEPTED(expected reject)"; badAccept++; }
            else if (!c.expectSuccess()) key = "WRONGMSG want=" + v.firstMissing() + " got=" + norm(v.message());
            else key = norm(v.message());
            byMsg.merge(key, 1, Integer::sum);
            byType.merge(c.progType().toString(), 1, Integer::sum);
            detail.append(c.id()).append(" | ").append(c.progType()).append(" | ").append(key).append('\n');
        }
        StringBuilder sb = new StringBuilder("agree " + agree + " of " + total + " badAccept " + badAccept + "\n");
        byMsg.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        sb.append("--- by type\n");
        byType.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        Files.writeString(Path.of("/tmp/tally.txt"), sb.toString());
        Files.writeString(Path.of("/tmp/tally-detail.txt"), detail.toString());
    }

    static String norm(String m) {
        if (m == null) return "null";
        return m.replaceAll("\\d+", "#");
    }
}
