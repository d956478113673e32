package io.kflab.catalog.probe;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.catalog.probe.LogVerdicts.Classification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures which kfuncs the running kernel's verifier lets which contexts call (kernel:
 * {@code check_kfunc_call}'s allow check, {@code btf_kfunc_id_set_contains} with the hook's
 * filters), by loading {@code call kfunc; r0 = 0; exit} once per kfunc × context.
 */
public final class KfuncProbe {
    /** Verifier log level 1 in fixed mode (kernel: BPF_LOG_LEVEL1 | BPF_LOG_FIXED): the head of the log is kept. */
    static final int LOG_LEVEL = 1 | 8;
    /** First log buffer: a minimal caller's log fits; a longer one is retried at its true size. */
    static final int LOG_SIZE = 4096;
    static final int LOG_SIZE_CAP = 1 << 20;

    private final Btf btf;
    private final List<ProbeContext> contexts;
    private final List<String> kfuncs;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private boolean showProgress = true;

    private KfuncProbe(Btf btf, List<ProbeContext> contexts, List<String> kfuncs) {
        this.btf = btf;
        this.contexts = List.copyOf(contexts);
        this.kfuncs = List.copyOf(kfuncs);
    }

    /** Every kfunc in {@code btf} × {@link ProbeContexts#standard}. */
    public static KfuncProbe full(Btf btf) {
        return new KfuncProbe(btf, ProbeContexts.standard(btf), btf.kfuncs().stream().map(btf::name).toList());
    }

    /** The given kfuncs (names in {@code btf}) × the given contexts. */
    public static KfuncProbe of(Btf btf, List<ProbeContext> contexts, List<String> kfuncs) {
        return new KfuncProbe(btf, contexts, kfuncs);
    }

    /** How many loads run at once (default: the number of CPUs). */
    public KfuncProbe threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads " + n);
        this.threads = n;
        return this;
    }

    /** Whether to show a progress bar on stderr (default true; KFLAB_NO_PROGRESS also silences it). */
    public KfuncProbe progress(boolean show) {
        this.showProgress = show;
        return this;
    }

    /**
     * Runs the probe.
     *
     * @throws io.kflab.bpf.diag.MissingCapabilityException when bpf(2) is unavailable
     * @throws BadInputException when a kfunc name is not a FUNC in the BTF
     */
    public ProbeResult run() {
        BpfCapability.require();
        long start = System.nanoTime();
        int[] ids = resolve();
        int nc = contexts.size(), nk = kfuncs.size();
        ProbeCell[] cells = new ProbeCell[nc * nk];
        long loads = 0;
        List<Integer> live = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            ProbeContext ctx = contexts.get(c);
            loads++;
            try (LoadResult r = load(ctx, CallerProgram.baseline())) {
                if (r.accepted()) {
                    live.add(c);
                    continue;
                }
                String line = LogVerdicts.lastMessage(r.log());
                for (int k = 0; k < nk; k++) {
                    cells[k * nc + c] = new ProbeCell(kfuncs.get(k), ctx.name(), Verdict.SETUP_ERROR, r.errno().name(), line);
                }
            }
        }
        long total = (long) live.size() * nk;
        loads += total;
        try (Progress bar = showProgress ? Progress.start("kfunc probe", total, "loads") : Progress.quiet();
             ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().factory())) {
            List<Future<?>> work = new ArrayList<>();
            for (int c : live) {
                for (int k = 0; k < nk; k++) {
                    int kk = k, cc = c;
                    work.add(pool.submit(() -> {
                        cells[kk * nc + cc] = probe(contexts.get(cc), kfuncs.get(kk), ids[kk]);
                        bar.step();
                    }));
                }
            }
            for (Future<?> f : work) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kfunc probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("kfunc probe failed: " + e.getCause(), e.getCause());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        KernelBuild build = KernelBuild.current();
        return new ProbeResult(ProbeResult.FORMAT_VERSION, build.release(), build.buildId(), contexts, kfuncs,
                Arrays.asList(cells), loads, millis, Instant.now().toString());
    }

    /** One cell: load the caller of {@code btfId} in {@code ctx} and classify the verifier's answer. */
    static ProbeCell probe(ProbeContext ctx, String kfunc, int btfId) {
        try (LoadResult r = load(ctx, CallerProgram.calling(btfId))) {
            Classification c = LogVerdicts.classify(r.accepted(), r.log());
            return new ProbeCell(kfunc, ctx.name(), c.verdict(), r.accepted() ? "" : r.errno().name(), c.line());
        }
    }

    static LoadResult load(ProbeContext ctx, byte[] insns) {
        return Bpf.progLoad(ctx.progType(), insns)
                .license("GPL")
                .logLevel(LOG_LEVEL)
                .logSize(LOG_SIZE, LOG_SIZE_CAP)
                .expectedAttachTypeRaw(ctx.expectedAttachType())
                .attachBtfId(ctx.attachBtfId())
                .progFlags(ctx.progFlags())
                .progIfindex(ctx.progIfindex())
                .load();
    }

    private int[] resolve() {
        int[] ids = new int[kfuncs.size()];
        for (int k = 0; k < ids.length; k++) {
            OptionalInt id = btf.findByName(kfuncs.get(k), BtfKind.FUNC);
            if (id.isEmpty()) throw new BadInputException(null, "no function '" + kfuncs.get(k) + "' in " + btf.source());
            ids[k] = id.getAsInt();
        }
        return ids;
    }
}
