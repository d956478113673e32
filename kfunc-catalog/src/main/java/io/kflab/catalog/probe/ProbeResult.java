package io.kflab.catalog.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The running kernel's kfunc callability matrix (kernel: which kfunc hook sets and filters admit
 * which kfunc for which program), as measured by loading a minimal caller per cell.
 *
 * @param formatVersion {@link #FORMAT_VERSION} of the prober that made this result
 * @param kernelRelease uname -r of the probed kernel
 * @param buildId the probed kernel's build id (see {@link KernelBuild})
 * @param contexts the calling contexts, in column order
 * @param kfuncs the kfunc names, in row order
 * @param cells row-major: kfunc {@code k}, context {@code c} is at {@code k * contexts.size() + c}
 * @param loads how many BPF_PROG_LOADs the probe made
 * @param elapsedMillis wall-clock time of the probe
 * @param probedAt when the probe ran (ISO-8601)
 */
public record ProbeResult(int formatVersion, String kernelRelease, String buildId, List<ProbeContext> contexts,
                          List<String> kfuncs, List<ProbeCell> cells, long loads, long elapsedMillis, String probedAt) {
    /** Bumped whenever contexts or classification change, so that stale caches are re-probed. */
    public static final int FORMAT_VERSION = 1;

    public ProbeResult {
        contexts = List.copyOf(contexts);
        kfuncs = List.copyOf(kfuncs);
        cells = List.copyOf(cells);
        if (cells.size() != contexts.size() * kfuncs.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + kfuncs.size() + " kfuncs × "
                    + contexts.size() + " contexts");
        }
    }

    /** The cell of {@code kfunc} in {@code context}. */
    public ProbeCell cell(String kfunc, String context) {
        int k = kfuncs.indexOf(kfunc), c = contextIndex(context);
        if (k < 0) throw new IllegalArgumentException("kfunc " + kfunc + " was not probed");
        return cells.get(k * contexts.size() + c);
    }

    /** The verdict for {@code kfunc} in {@code context}. */
    public Verdict verdict(String kfunc, String context) {
        return cell(kfunc, context).verdict();
    }

    /**
     * The verdict for {@code kfunc} once a sleepable program is allowed: for SLEEPABLE_ONLY, the
     * verdict in the context's sleepable variant (if it was probed), else the plain verdict.
     */
    public Verdict sleepableVerdict(String kfunc, String context) {
        Verdict v = verdict(kfunc, context);
        String variant = context(context).sleepableVariant();
        if (v != Verdict.SLEEPABLE_ONLY || variant.isEmpty() || !hasContext(variant)) return v;
        return verdict(kfunc, variant);
    }

    /** Whether a context named {@code name} was probed. */
    public boolean hasContext(String name) {
        return contexts.stream().anyMatch(c -> c.name().equals(name));
    }

    /** The context named {@code name}. */
    public ProbeContext context(String name) {
        return contexts.get(contextIndex(name));
    }

    /** Per context (in column order): how many kfuncs are ALLOWed there. */
    public Map<String, Integer> allowCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ProbeContext c : contexts) out.put(c.name(), 0);
        for (ProbeCell cell : cells) if (cell.verdict() == Verdict.ALLOW) out.merge(cell.context(), 1, Integer::sum);
        return out;
    }

    /** How many kfuncs are ALLOWed in {@code context}. */
    public int allowCount(String context) {
        return Objects.requireNonNull(allowCounts().get(context(context).name()));
    }

    /** The contexts where {@code kfunc} is ALLOWed, in column order. */
    public List<String> allowedIn(String kfunc) {
        List<String> out = new ArrayList<>();
        for (ProbeContext c : contexts) if (verdict(kfunc, c.name()) == Verdict.ALLOW) out.add(c.name());
        return out;
    }

    /** The contexts whose trivial program did not load (every cell SETUP_ERROR). */
    public List<String> setupErrors() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < contexts.size(); c++) {
            if (!kfuncs.isEmpty() && cells.get(c).verdict() == Verdict.SETUP_ERROR) out.add(contexts.get(c).name());
        }
        return out;
    }

    private int contextIndex(String name) {
        for (int i = 0; i < contexts.size(); i++) if (contexts.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("context " + name + " was not probed");
    }
}
