package io.kflab.sim.scenario;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.kernel.SchedClass;
import io.kflab.sim.sched.FairClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The schedulers a scenario can name, each with what it is and the outcome a run of it should have. */
public final class Schedulers {
    private Schedulers() {}

    /** One scheduler: its name, a line on what it is, its expected outcome, and how to make it. */
    public record Entry(String name, String description, String expectedOutcome, Supplier<SchedClass> factory) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        register(new Entry("fair", "the kernel's default class (simplified CFS/EEVDF), used when no BPF scheduler is loaded",
                "runs every workload; never ejected", FairClass::new));
    }

    /** Adds a scheduler (the sched_ext examples register themselves here). */
    public static synchronized void register(Entry e) {
        ENTRIES.put(e.name(), e);
    }

    public static synchronized List<Entry> all() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
    }

    /** The scheduler called {@code name}; bad input naming the known ones otherwise. */
    public static synchronized Entry get(String name, String where) {
        Entry e = ENTRIES.get(name);
        if (e == null) throw new BadInputException(where, "expected a scheduler (" + String.join(", ", ENTRIES.keySet()) + "), found '" + name + "'");
        return e;
    }
}
