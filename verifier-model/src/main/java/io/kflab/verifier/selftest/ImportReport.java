package io.kflab.verifier.selftest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The result of importing a selftest tree: every case, and how many are unsupported per feature. */
public record ImportReport(List<SelftestCase> cases) {
    public ImportReport {
        cases = List.copyOf(cases);
    }

    public List<SelftestCase> supported() {
        return cases.stream().filter(SelftestCase::supported).toList();
    }

    public long count(SelftestFormat format) {
        return cases.stream().filter(c -> c.format() == format).count();
    }

    public long supportedCount(SelftestFormat format) {
        return cases.stream().filter(c -> c.format() == format && c.supported()).count();
    }

    /** Unsupported cases per feature, e.g. {"C body": 180, "global data": 12}. */
    public Map<String, Long> unsupportedByFeature() {
        return cases.stream().filter(c -> !c.supported())
                .collect(Collectors.groupingBy(c -> c.unsupportedReason().orElseThrow().feature(), TreeMap::new, Collectors.counting()));
    }
}
