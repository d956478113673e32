package io.kflab.verifier.diff;

import io.kflab.bpf.asm.AsmPrinter;
import io.kflab.bpf.diag.Progress;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.check.Verdict;
import io.kflab.verifier.check.Verifier;
import io.kflab.verifier.check.VerifyOptions;
import io.kflab.verifier.state.MapDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Generated programs through the model and BPF_PROG_LOAD: counts of agreement, and every
 * disagreement minimised (instructions turned into no-ops while the disagreement stays) and
 * written as a reproducer.
 */
public final class Differential {
    private Differential() {}

    /** {@code goto +0}: the no-op minimisation puts in place of an instruction. */
    private static final RawInsn NOP = new RawInsn(0x05, 0, 0, (short) 0, 0);
    /** Mixed into the seed for the source of bpf-to-bpf calls. */
    private static final long CALLS_SALT = 0x63616c6c73L;

    public static DiffReport run(int programs, long seed, Path reproDir, Progress progress) {
        BpfCapability.require();
        try (MapFd hash = Bpf.mapCreate(MapType.HASH, 4, 8, 16).create();
             MapFd array = Bpf.mapCreate(MapType.ARRAY, 4, 8, 4).create()) {
            VerifyOptions opts = VerifyOptions.of(ProgType.SOCKET_FILTER).withMaps(Map.of(
                    hash.fd(), new MapDef(MapDef.HASH, 4, 8, 16), array.fd(), new MapDef(MapDef.ARRAY, 4, 8, 4)));
            // Mixed first: java.util.Random gives correlated streams for small nearby seeds.
            Random rnd = new Random(new java.util.SplittableRandom(seed).nextLong());
            // A separate source for the calls, so that the main instructions stay those the seed always gave.
            Random calls = new Random(new java.util.SplittableRandom(seed ^ CALLS_SALT).nextLong());
            int agree = 0, mAkR = 0, mRkA = 0, bothReject = 0, sameErrno = 0, sameMsg = 0, kAccept = 0, withCalls = 0, callsAgree = 0;
            List<String> repro = new ArrayList<>();
            KfuncProgramGenerator.Ids kfuncIds = kfuncIds();
            for (int n = 0; n < programs; n++) {
                VerifyOptions o = opts;
                List<RawInsn> prog;
                if (kfuncIds != null && n % KFUNC_EVERY == KFUNC_EVERY - 1) {
                    ProgType t = KfuncProgramGenerator.TYPES.get(rnd.nextInt(KfuncProgramGenerator.TYPES.size()));
                    o = VerifyOptions.of(t).withSleepable(t == ProgType.SYSCALL);
                    prog = new KfuncProgramGenerator(rnd, kfuncIds).program();
                } else {
                    prog = new ProgramGenerator(rnd, calls, hash.fd(), array.fd()).program();
                }
                Verdict m = Verifier.verify(prog, o);
                Kernel k = kernel(prog, o);
                if (k.accepted) kAccept++;
                if (prog.stream().anyMatch(i -> i.code() == 0x85 && i.src() == 1)) {
                    withCalls++;
                    if (m.accepted() == k.accepted) callsAgree++;
                }
                if (m.accepted() == k.accepted) agree++;
                else {
                    if (m.accepted()) mAkR++;
                    else mRkA++;
                    if (reproDir != null) repro.add(write(reproDir, n, minimise(prog, o, m.accepted()), m, k, o));
                }
                if (!m.accepted() && !k.accepted) {
                    bothReject++;
                    if (m.errno().equals(k.errno)) sameErrno++;
                    if (m.message().equals(k.message)) sameMsg++;
                }
                progress.step();
            }
            return new DiffReport(programs, agree, mAkR, mRkA, bothReject, sameErrno, sameMsg, kAccept, withCalls, callsAgree, repro);
        }
    }

    private record Kernel(boolean accepted, String errno, String message, String log) {}

    /** Every how many programs one is a kfunc program ({@link KfuncProgramGenerator}). */
    static final int KFUNC_EVERY = 4;

    /** The kfunc ids of the running kernel, or null when its BTF is unreadable (then only socket filters are generated). */
    private static KfuncProgramGenerator.Ids kfuncIds() {
        try {
            return KfuncProgramGenerator.Ids.of(io.kflab.bpf.btf.Btf.vmlinux());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Kernel kernel(List<RawInsn> prog, VerifyOptions o) {
        try (LoadResult k = Bpf.progLoad(o.progType(), bytes(prog)).logLevel(1).progFlags(o.sleepable() ? 16 : 0).load()) {
            String msg = k.log().lines().filter(l -> !l.matches("^\\d+: .*") && !l.startsWith("processed ")
                    && !l.startsWith("from ") && !l.isBlank() && !isCallStateLine(l)).collect(Collectors.joining("\n"));
            return new Kernel(k.accepted(), k.accepted() ? "" : k.errno().name(), msg, k.log());
        }
    }

    /** The state dumps check_func_call and prepare_func_exit print around bpf-to-bpf calls (not part of the error). */
    static boolean isCallStateLine(String l) {
        return l.startsWith(" ") || l.equals("caller:") || l.equals("callee:") || l.equals("returning from callee:")
                || l.matches("to caller at \\d+:");
    }

    /** Turns instructions into no-ops, one at a time, while the model still disagrees the same way. */
    static List<RawInsn> minimise(List<RawInsn> prog, VerifyOptions opts, boolean modelAccepts) {
        List<RawInsn> cur = new ArrayList<>(prog);
        for (int i = 0; i < cur.size() - 1; i++) {
            RawInsn keep = cur.get(i);
            if (keep.equals(NOP) || keep.code() == 0x18 || keep.code() == 0) continue; // keep ld_imm64 pairs whole
            cur.set(i, NOP);
            boolean still = Verifier.verify(cur, opts).accepted() == modelAccepts && kernel(cur, opts).accepted != modelAccepts;
            if (!still) cur.set(i, keep);
        }
        return cur;
    }

    private static String write(Path dir, int n, List<RawInsn> prog, Verdict m, Kernel k, VerifyOptions o) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("disagreement-%05d.s", n));
            StringBuilder sb = new StringBuilder();
            sb.append("// model: ").append(m.accepted() ? "accept" : "reject " + m.errno() + " " + m.message().replace('\n', ' ')).append('\n');
            sb.append("// kernel: ").append(k.accepted ? "accept" : "reject " + k.errno + " " + k.message.replace('\n', ' ')).append('\n');
            sb.append("// type ").append(o.progType().name().toLowerCase(java.util.Locale.ROOT)).append(o.sleepable() ? " (sleepable)" : "")
                    .append("; map fds in ld_imm64 are this run's; rerun with: kflab verify FILE --type TYPE --map ...\n");
            try {
                sb.append(AsmPrinter.builtin().print(Program.decode(bytes(prog), file.toString())));
            } catch (RuntimeException e) {
                for (RawInsn r : prog) sb.append(".8byte 0x").append(Long.toHexString(r.toLong())).append('\n');
            }
            Files.writeString(file, sb.toString());
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(List<RawInsn> p) {
        return RawInsn.toBytes(p);
    }
}
