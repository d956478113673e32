package io.kflab.verifier.selftest;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfException;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapCreate;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.ProgLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an imported selftest on the running kernel as test_loader.c / test_verifier.c do:
 * creates its maps, patches their fds into the program, loads it at the test's log level,
 * matches the expected messages, and runs BPF_PROG_TEST_RUN for the expected retvals.
 */
public final class SelftestRunner {
    /** Log buffer for one load (the kernel grows it on ENOSPC up to the cap). */
    static final int LOG_SIZE = 1 << 20;
    static final int LOG_CAP = 64 << 20;
    static final String UNPRIV_NOT_RUN = "not run (kernel.unprivileged_bpf_disabled)";

    private SelftestRunner() {}

    public static KernelVerdict runOnKernel(SelftestCase c) {
        if (!c.supported()) return notRun(c, "unsupported: " + c.unsupportedReason().orElseThrow());
        if (!c.privileged()) return notRun(c, "no privileged expectations (unprivileged-only test)");
        List<MapFd> fds = new ArrayList<>();
        try {
            List<RawInsn> slots = new ArrayList<>(c.slots());
            for (MapSpec m : c.maps()) {
                MapFd fd;
                try {
                    MapCreate create = Bpf.mapCreate(m.type(), m.keySize(), m.valueSize(), m.maxEntries()).mapFlags(m.flags());
                    fd = create.create();
                } catch (BpfException e) {
                    return notRun(c, "map " + m.name() + " not created: " + e.getMessage());
                }
                fds.add(fd);
                if (m.valueAtKey0().isPresent()) fd.updateElem(new byte[4], m.valueAtKey0().get());
                for (int at : m.fixupSlots()) {
                    RawInsn s = slots.get(at);
                    slots.set(at, new RawInsn(s.code(), s.dst(), s.src(), s.off(), fd.fd()));
                }
            }
            byte[] insns = RawInsn.toBytes(slots);
            ProgLoad load = Bpf.progLoad(c.progType(), insns).logLevel(logLevel(c.logLevel())).logSize(LOG_SIZE, LOG_CAP)
                    .progFlags(c.flags());
            c.expectedAttachType().ifPresent(load::expectedAttachType);
            try (LoadResult r = load.load()) {
                Optional<String> missing = LogMatcher.firstMissing(r.log(), c.expectedMessages());
                Optional<Boolean> retvalMatched = Optional.empty();
                List<Integer> retvals = new ArrayList<>();
                String note = "";
                if (r.accepted() && !c.runs().isEmpty()) {
                    boolean all = true;
                    for (TestRun run : c.runs()) {
                        try {
                            int rv = r.fd().orElseThrow().testRun().dataIn(run.data()).repeat(1).run().retval();
                            retvals.add(rv);
                            all &= run.matches(rv);
                        } catch (BpfException e) {
                            note = "test run: " + e.getMessage();
                            all = false;
                            retvals.clear();
                            break;
                        }
                    }
                    retvalMatched = note.isEmpty() ? Optional.of(all) : Optional.empty();
                }
                return new KernelVerdict(c.id(), c.expectSuccess(), Optional.of(r.accepted()),
                        r.errno() == null ? "" : r.errno().toString() + note, missing.isEmpty(), missing, retvalMatched,
                        retvals, Optional.empty(), UNPRIV_NOT_RUN, r.log());
            }
        } finally {
            fds.forEach(MapFd::close);
        }
    }

    /** test_loader's rule: at least level 1 (so that a failure has a log), keeping the stats bit. */
    static int logLevel(int requested) {
        return (requested & 3) == 0 ? (requested & 4) | 1 : requested;
    }

    private static KernelVerdict notRun(SelftestCase c, String why) {
        return new KernelVerdict(c.id(), c.expectSuccess(), Optional.empty(), "", false, Optional.empty(), Optional.empty(),
                List.of(), Optional.of(why), UNPRIV_NOT_RUN, "");
    }
}
