package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.state.MapDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the running kernel: random plausible socket filters through both the
 * model and BPF_PROG_LOAD. The model must never accept what the kernel rejects.
 */
class KernelAgreementTest {
    static final int PROGRAMS = Integer.getInteger("kflab.vcore.programs", 400);
    static final long SEED = Long.getLong("kflab.vcore.seed", 7);

    static String kernelMessage(String log) {
        return log.lines().filter(l -> !l.matches("^\\d+: .*") && !l.startsWith("processed ") && !l.startsWith("from ")
                && !l.isBlank()).collect(Collectors.joining("\n"));
    }

    static byte[] bytes(List<RawInsn> p) {
        byte[] b = new byte[p.size() * 8];
        for (int i = 0; i < p.size(); i++) p.get(i).write(b, i * 8);
        return b;
    }

    @Test
    void neverAcceptsWhatTheKernelRejects() {
        KernelAssumptions.assumeBpf();
        try (MapFd hash = Bpf.mapCreate(MapType.HASH, 4, 8, 16).create();
             MapFd array = Bpf.mapCreate(MapType.ARRAY, 4, 8, 4).create()) {
            VerifyOptions opts = VerifyOptions.of(ProgType.SOCKET_FILTER).withMaps(Map.of(
                    hash.fd(), new MapDef(MapDef.HASH, 4, 8, 16), array.fd(), new MapDef(MapDef.ARRAY, 4, 8, 4)));
            Random rnd = new Random(SEED);
            int total = 0, agree = 0, mAkR = 0, mRkA = 0, sameErrno = 0, sameMsg = 0, bothReject = 0, kAccept = 0;
            int sameProcessed = 0, bothAccept = 0;
            List<String> unsound = new ArrayList<>(), msgDiff = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int n = 0; n < PROGRAMS; n++) {
                List<RawInsn> prog = new ProgGen(rnd, hash.fd(), array.fd()).program();
                Verdict m = Verifier.verify(prog, opts);
                try (LoadResult k = Bpf.progLoad(ProgType.SOCKET_FILTER, bytes(prog)).logLevel(1).load()) {
                    total++;
                    if (k.accepted()) kAccept++;
                    if (m.accepted() == k.accepted()) agree++;
                    if (m.accepted() && !k.accepted()) {
                        mAkR++;
                        unsound.add(prog + "\n" + k.log());
                    }
                    if (!m.accepted() && k.accepted()) mRkA++;
                    if (m.accepted() && k.accepted()) {
                        bothAccept++;
                        if (m.insnsProcessed() == k.insnsProcessed()) sameProcessed++;
                    }
                    if (!m.accepted() && !k.accepted()) {
                        bothReject++;
                        if (m.errno().equals(k.errno().name())) sameErrno++;
                        else if (msgDiff.size() < 10) msgDiff.add("errno " + m.errno() + " vs " + k.errno().name() + ": " + m.message());
                        if (m.message().equals(kernelMessage(k.log()))) sameMsg++;
                        else if (msgDiff.size() < 10) msgDiff.add("model: " + m.message() + "\nkernel: " + kernelMessage(k.log()));
                    }
                }
            }
            System.out.printf("vcore differential: total=%d kernelAccept=%d agree=%d modelAcceptKernelReject=%d "
                            + "modelRejectKernelAccept=%d bothReject=%d sameErrno=%d sameMessage=%d bothAccept=%d sameProcessed=%d (%d ms)%n",
                    total, kAccept, agree, mAkR, mRkA, bothReject, sameErrno, sameMsg, bothAccept, sameProcessed,
                    (System.nanoTime() - t0) / 1_000_000);
            msgDiff.forEach(s -> System.out.println("--\n" + s));
            assertThat(unsound).isEmpty();
            assertThat(mAkR).isZero();
            // measured: agree 399-400/400, sameErrno and sameMessage 271/271 (seed 7); margins for generator drift
            assertThat(agree).isGreaterThanOrEqualTo((int) (total * 0.97));
            assertThat(sameErrno).isGreaterThanOrEqualTo((int) (bothReject * 0.95));
            assertThat(sameMsg).isGreaterThanOrEqualTo((int) (bothReject * 0.95));
            assertThat(kAccept).isGreaterThan(total / 5);
        }
    }
}
