package io.kflab.catalog.probe;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.sys.BpfCapability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The running kernel's full kfunc callability matrix (kernel: all kfunc hooks × all vmlinux
 * kfuncs), read from the {@link ProbeCache} or probed and cached.
 */
public final class KfuncCallability {
    private KfuncCallability() {}

    /** The cached matrix for this kernel build, or a fresh full probe (stored in the default cache). */
    public static ProbeResult get() {
        return get(ProbeCache.defaultCache(), false, true);
    }

    /**
     * The matrix for this kernel build.
     *
     * @param cache where results are kept
     * @param refresh probe again even when the cache has a result
     * @param progress show a progress bar while probing
     * @throws io.kflab.bpf.diag.MissingCapabilityException when bpf(2) is unavailable and nothing is cached
     */
    public static ProbeResult get(ProbeCache cache, boolean refresh, boolean progress) {
        KernelBuild build = KernelBuild.current();
        if (!refresh) {
            Optional<ProbeResult> hit = cache.load(build.buildId());
            if (hit.isPresent()) return hit.get();
        }
        BpfCapability.require();
        Btf btf;
        try {
            btf = Btf.vmlinux();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Btf.VMLINUX, e);
        }
        ProbeResult r = KfuncProbe.full(btf).progress(progress).run();
        cache.store(r);
        return r;
    }
}
