package io.kflab.sim.scenario;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.kernel.SchedClass;
import io.kflab.sim.sched.FairClass;
import io.kflab.sim.scx.Design;
import io.kflab.sim.scx.ScxClass;
import io.kflab.sim.scx.bpf.SchedulerLoader;
import io.kflab.sim.scx.bpf.SchedulerSource;
import io.kflab.sim.scx.bpf.SchedulerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schedulers a scenario can name: the fair class and the BPF schedulers shipped in the jar
 * (docs/sim.md), each with what it is and the outcome a run of it should have; a directory path
 * names a user's BPF scheduler.
 */
public final class Schedulers {
    private Schedulers() {}

    /**
     * One scheduler: its name, a line on what it is, its expected outcome and exit kind, and how
     * to make it for a scenario (may throw ScxLoadRejected when the scenario's design refuses it).
     */
    public record Entry(String name, String description, String expectedOutcome, String expectedExit,
                        Function<Scenario, SchedClass> factory) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry("fair", "the kernel's default class (simplified CFS/EEVDF), used when no BPF scheduler is loaded",
                "runs every workload; never ejected", "NONE", s -> new FairClass()));
        try (InputStream in = Schedulers.class.getResourceAsStream("/io/kflab/sim/schedulers/index.txt")) {
            if (in != null) {
                for (String name : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    if (!name.isBlank()) register(bpf(new SchedulerSource.Shipped(name.trim())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A BPF scheduler from {@code src}, loaded for each scenario with its seed and design. */
    public static Entry bpf(SchedulerSource src) {
        SchedulerSpec spec = SchedulerLoader.spec(src);
        return new Entry(spec.name(), spec.description(), spec.expectedOutcome(), spec.expectedExit(),
                s -> new ScxClass(SchedulerLoader.load(src, s.seed(), design(s.design())), design(s.design())));
    }

    static Design design(String name) {
        try {
            return Design.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("design " + name, "expected RUNTIME_MASK, LOAD_FILTER or POLYMORPHIC");
        }
    }

    /** Adds a scheduler. */
    public static synchronized void register(Entry e) {
        ENTRIES.put(e.name(), e);
    }

    public static synchronized List<Entry> all() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
    }

    /** The scheduler called {@code name}, or the BPF scheduler in directory {@code name}; bad input naming the known ones otherwise. */
    public static synchronized Entry get(String name, String where) {
        Entry e = ENTRIES.get(name);
        if (e != null) return e;
        if (name.contains("/") && Files.isDirectory(Path.of(name))) return bpf(new SchedulerSource.Dir(Path.of(name)));
        throw new BadInputException(where, "expected a scheduler (" + String.join(", ", ENTRIES.keySet()) + ") or a scheduler directory, found '" + name + "'");
    }
}
