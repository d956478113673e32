package io.kflab.verifier.kfunc;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfFunc;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.CatalogQueries;
import io.kflab.catalog.CatalogSources;
import io.kflab.catalog.ProgressOpener;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.matrix.Verdict;
import java.util.Optional;
import java.util.Set;

/**
 * The running kernel's kfuncs as check_kfunc_call finds them (kernel: fetch_kfunc_meta →
 * btf_kfunc_id_set_contains): the FUNC behind a BTF id, its KF_* flags and whether a program type may call it,
 * from the kfunc catalog ({@code running}: BTF + source facts + 6.18 filter data).
 */
public final class KernelKfuncs {
    private static volatile Optional<KernelKfuncs> running;

    private final Btf btf;
    private final CatalogQueries catalog;

    public KernelKfuncs(Btf btf, CatalogQueries catalog) {
        this.btf = btf;
        this.catalog = catalog;
    }

    /** The running kernel's (built once per JVM, about two seconds); empty when its BTF or the catalog is unavailable. */
    public static Optional<KernelKfuncs> running() {
        Optional<KernelKfuncs> r = running;
        if (r == null) {
            synchronized (KernelKfuncs.class) {
                r = running;
                if (r == null) {
                    try {
                        Btf b = Btf.vmlinux();
                        r = Optional.of(new KernelKfuncs(b, new CatalogQueries(new CatalogSources(ProgressOpener.QUIET).running())));
                    } catch (Exception | LinkageError e) {
                        r = Optional.empty();
                    }
                    running = r;
                }
            }
        }
        return r;
    }

    /** The running kernel's BTF alone (for helpers returning BTF pointers); empty when unreadable. */
    public static Optional<Btf> runningBtf() {
        return running().map(KernelKfuncs::btf);
    }

    public Btf btf() {
        return btf;
    }

    /** A kfunc's metadata (kernel: struct bpf_kfunc_call_arg_meta's func_name, func_proto, kfunc_flags). */
    public record Meta(int funcId, String name, int protoId, Set<String> flags) {
        public boolean has(String flag) {
            return flags.contains(flag);
        }
    }

    /** What btf_kfunc_id_set_contains and the sleepable check decide for one call. */
    public enum Access { ALLOWED, NOT_ALLOWED, SLEEPABLE_ONLY, UNKNOWN }

    /** The FUNC with this id, if the id names a FUNC of the kernel BTF. */
    public Optional<String> funcName(int id) {
        if (id <= 0 || id >= btf.size() || btf.kind(id) != BtfKind.FUNC) return Optional.empty();
        return Optional.of(btf.name(id));
    }

    /** The metadata of kfunc {@code id}; empty when the catalog does not know its flags. */
    public Optional<Meta> meta(int id) {
        Optional<String> name = funcName(id);
        if (name.isEmpty()) return Optional.empty();
        Kfunc k = catalog.catalog().kfuncs().get(name.get());
        if (k == null || !(k.flags() instanceof KfFlags.Known known)) return Optional.empty();
        return Optional.of(new Meta(id, name.get(), ((BtfFunc) btf.type(id)).type(), known.names()));
    }

    /** Whether a program of {@code type} (sleepable or not) may call the kfunc named {@code name}. */
    public Access access(String name, ProgType type, boolean sleepable) {
        if (catalog.catalog().kfuncs().get(name) == null) return Access.NOT_ALLOWED;
        CallingContext ctx = CallingContext.of(type);
        if (sleepable) ctx = ctx.asSleepable();
        Verdict v = catalog.decide(name, ctx).verdict();
        return switch (v) {
            case ALLOW -> Access.ALLOWED;
            case DENY -> Access.NOT_ALLOWED;
            case SLEEPABLE_ONLY -> Access.SLEEPABLE_ONLY;
            case UNKNOWN -> Access.UNKNOWN;
        };
    }
}
