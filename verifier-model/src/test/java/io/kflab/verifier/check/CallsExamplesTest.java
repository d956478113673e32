package io.kflab.verifier.check;

import static io.kflab.verifier.check.VerifierExamplesTest.OPTS;
import static io.kflab.verifier.check.VerifierExamplesTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpf-to-bpf calls ({@code 85 0 1 0 K}: call pc+K), each with the errno, message and processed count the 6.18.44
 * kernel gives; when bpf(2) works each program is also loaded into the running kernel and must get the same answer.
 */
class CallsExamplesTest {
    /** r1 = fp-8; call the subprogram three further; its stores go to the caller's stack. */
    static final String ARG_FP8 = "bf 1 10 0 0; 07 1 0 0 -8; ";

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; bf 0 10 0 0; 07 0 0 0 -8; 95 0 0 0 0 @ EINVAL @ cannot return stack pointer to the caller",
            "b7 1 0 0 1; 85 0 1 0 2; bf 0 1 0 0; 95 0 0 0 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ R1 !read_ok",
            "85 0 1 0 1; 95 0 0 0 0; 95 0 0 0 0 @ EACCES @ R0 !read_ok",
            "b7 6 0 0 1; 85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; bf 0 6 0 0; 95 0 0 0 0 @ EACCES @ R6 !read_ok",
            ARG_FP8 + "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 7b 1 10 0 0; b7 0 0 0 0; 95 0 0 0 0 @ EINVAL @ cannot spill pointers to stack into stack frame of the caller",
            "85 0 1 0 1; 95 0 0 0 0; 85 0 1 0 -1; 95 0 0 0 0 @ E2BIG @ the call stack of 9 frames is too deep",
            "7a 10 0 -512 0; 85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 7a 10 0 -8 0; 95 0 0 0 0 @ EACCES @ combined stack size of 2 calls is 528. Too large",
            "7a 10 0 -256 0; " + ARG_FP8 + "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 7a 10 0 -264 0; 95 0 0 0 0 @ EACCES @ combined stack size of 2 calls is 528. Too large",
            "bf 6 1 0 0; 85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 30 0 0 0 0; 95 0 0 0 0 @ EINVAL @ LD_ABS is not allowed in subprogs without BTF",
            "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 85 0 0 0 12; 95 0 0 0 0 @ EINVAL @ tail_call is not allowed in subprogs without BTF",
            // the ctx pointer is not reg_not_null: both branches are walked, the taken one leaves R0 unset
            "15 1 0 1 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ R0 !read_ok",
            // one load reads the stack on one path and the ctx on the other
            "bf 6 1 0 0; 85 0 0 0 7; 15 0 0 2 0; bf 6 10 0 0; 07 6 0 0 -8; 61 0 6 0 0; 95 0 0 0 0 @ EINVAL @ same insn cannot be used with different pointers",
    })
    void rejectsLikeTheKernel(String prog, String errno, String message) {
        List<RawInsn> slots = p(prog);
        Verdict v = Verifier.verify(slots, OPTS);
        assertThat(v.accepted()).as(v.log()).isFalse();
        assertThat(v.errno()).isEqualTo(errno);
        assertThat(v.message()).isEqualTo(message);
        if (v.insnsProcessed() > 0) assertThat(v.log()).contains(message + "\nprocessed ");
        else assertThat(v.log()).isEqualTo(message + "\n"); // rejected before the walk
        LoadResult k = kernel(slots);
        if (k == null) return;
        assertThat(k.accepted()).as(k.log()).isFalse();
        assertThat(k.errno().name()).isEqualTo(errno);
        assertThat(k.log()).contains(message + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            // the callee reads the caller's stack through r2 and writes its own; r6 survives the call
            "b7 1 0 0 5; 7b 10 1 -8 0; bf 2 10 0 0; 07 2 0 0 -8; b7 6 0 0 3; 85 0 1 0 2; 0f 0 6 0 0; 95 0 0 0 0; 79 0 2 0 0; 7b 10 0 -16 0; 95 0 0 0 0 @ 11",
            // the callee writes 7 into the caller's fp-8, the caller reads it back
            ARG_FP8 + "85 0 1 0 2; 79 0 10 -8 0; 95 0 0 0 0; b7 2 0 0 7; 7b 1 2 0 0; 95 0 0 0 0 @ 8",
            // a callee may exit with R0 unset when the caller never reads it; a ctx pointer may be returned
            "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 95 0 0 0 0 @ 4",
            "85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; bf 0 1 0 0; 95 0 0 0 0 @ 5",
            // 256 + 256 bytes fit
            "7a 10 0 -256 0; 85 0 1 0 2; b7 0 0 0 0; 95 0 0 0 0; 7a 10 0 -256 0; 95 0 0 0 0 @ 6",
    })
    void acceptsLikeTheKernel(String prog, int processed) {
        List<RawInsn> slots = p(prog);
        Verdict v = Verifier.verify(slots, OPTS);
        assertThat(v.accepted()).as(v.log()).isTrue();
        assertThat(v.insnsProcessed()).isEqualTo(processed);
        LoadResult k = kernel(slots);
        if (k == null) return;
        assertThat(k.accepted()).as(k.log()).isTrue();
        assertThat(k.insnsProcessed()).isEqualTo(processed);
    }

    /** The callee's lookup result goes back in R0; the caller must NULL-check it (ids survive the return). */
    @Test
    void mapValueReturnedFromCallee() {
        String sub = "62 10 0 -8 0; bf 2 10 0 0; 07 2 0 0 -8; 18 1 1 0 3; 0 0 0 0 0; 85 0 0 0 1; 95 0 0 0 0";
        Verdict bad = Verifier.verify(p("85 0 1 0 2; 61 0 0 0 0; 95 0 0 0 0; " + sub), OPTS);
        assertThat(bad.message()).isEqualTo("R0 invalid mem access 'map_value_or_null'");
        Verdict good = Verifier.verify(p("85 0 1 0 3; 15 0 0 1 0; 61 0 0 0 0; 95 0 0 0 0; " + sub), OPTS);
        assertThat(good.accepted()).as(good.log()).isTrue();
    }

    /** "caller:/callee:" and "returning from callee:/to caller at N:" with the states, as level 1 prints them. */
    @Test
    void logsCallAndReturnLikeTheKernel() {
        List<RawInsn> slots = p("b7 1 0 0 5; 7b 10 1 -8 0; bf 2 10 0 0; 07 2 0 0 -8; b7 6 0 0 3; 85 0 1 0 3; "
                + "0f 0 6 0 0; 0f 0 1 0 0; 95 0 0 0 0; 79 0 2 0 0; 7b 10 0 -16 0; 95 0 0 0 0");
        Verdict v = Verifier.verify(slots, OPTS);
        String call = "caller:\n R6=3 R10=fp0 fp-8=5\ncallee:\n frame1: R1=5 R2=fp[0]-8 R10=fp0\n";
        String ret = "returning from callee:\n frame1: R0=5 R1=5 R2=fp[0]-8 R10=fp0 fp-16=5\nto caller at 6:\n R0=5 R6=3 R10=fp0 fp-8=5\n";
        assertThat(v.message()).isEqualTo("R1 !read_ok");
        assertThat(v.log()).contains(call).contains(ret);
        LoadResult k = kernel(slots);
        if (k == null) return;
        assertThat(k.log()).contains(call).contains(ret).contains("R1 !read_ok");
    }

    /** Loads into the running kernel (with a real hash map as fd 3's stand-in), or null when bpf(2) is unavailable. */
    private static LoadResult kernel(List<RawInsn> slots) {
        try {
            KernelAssumptions.assumeBpf();
        } catch (RuntimeException e) {
            return null;
        }
        try (MapFd hash = Bpf.mapCreate(MapType.HASH, 4, 8, 4).create()) {
            List<RawInsn> withFd = new ArrayList<>(slots);
            for (int i = 0; i < withFd.size(); i++) {
                RawInsn r = withFd.get(i);
                if (r.code() == 0x18 && r.src() == 1) withFd.set(i, new RawInsn(r.code(), r.dst(), r.src(), r.off(), hash.fd()));
            }
            try (LoadResult k = Bpf.progLoad(ProgType.SOCKET_FILTER, RawInsn.toBytes(withFd)).logLevel(1).load()) {
                return k;
            }
        }
    }
}
