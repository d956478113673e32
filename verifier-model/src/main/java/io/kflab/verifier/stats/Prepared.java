package io.kflab.verifier.stats;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.ProgLoad;
import io.kflab.verifier.check.Verdict;
import io.kflab.verifier.check.Verifier;
import io.kflab.verifier.check.VerifyOptions;
import io.kflab.verifier.selftest.MapSpec;
import io.kflab.verifier.state.MapDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject ready for both verifiers (kernel: what a loader does before BPF_PROG_LOAD): its maps
 * created for real, their fds patched into the ld_imm64 slots, and the model told the same maps
 * behind the same fds. Close it to close the maps.
 */
public final class Prepared implements AutoCloseable {
    private final Subject subject;
    private final List<MapFd> fds = new ArrayList<>();
    private final byte[] insns;
    private final List<RawInsn> slots;
    private final VerifyOptions model;

    public Prepared(Subject subject) {
        this.subject = subject;
        List<RawInsn> patched = new ArrayList<>(subject.slots());
        Map<Integer, MapDef> defs = new HashMap<>();
        try {
            for (MapSpec m : subject.maps()) {
                MapFd fd = Bpf.mapCreate(m.type(), m.keySize(), m.valueSize(), m.maxEntries()).mapFlags(m.flags()).create();
                fds.add(fd);
                if (m.valueAtKey0().isPresent()) fd.updateElem(new byte[4], m.valueAtKey0().get());
                defs.put(fd.fd(), new MapDef(m.type().value(), m.keySize(), m.valueSize(), m.maxEntries(), m.flags()));
                for (int at : m.fixupSlots()) {
                    RawInsn s = patched.get(at);
                    patched.set(at, new RawInsn(s.code(), s.dst(), s.src(), s.off(), fd.fd()));
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.slots = List.copyOf(patched);
        this.insns = RawInsn.toBytes(patched);
        this.model = VerifyOptions.of(subject.progType()).withMaps(defs);
    }

    public Subject subject() {
        return subject;
    }

    /** One BPF_PROG_LOAD at {@code logLevel} (4 = BPF_LOG_STATS); the program is closed at once. */
    public LoadResult loadOnKernel(int logLevel) {
        ProgLoad load = Bpf.progLoad(subject.progType(), insns).logLevel(logLevel).progFlags(subject.flags());
        if (logLevel > 0) load.logSize(64 << 10, 64 << 20);
        subject.expectedAttachType().ifPresent(load::expectedAttachType);
        LoadResult r = load.load();
        r.close();
        return r;
    }

    /** One verification by the model at {@code logLevel}. */
    public Verdict verifyOnModel(int logLevel) {
        return Verifier.verify(slots, model.withLogLevel(logLevel));
    }

    @Override
    public void close() {
        fds.forEach(MapFd::close);
        fds.clear();
    }
}
