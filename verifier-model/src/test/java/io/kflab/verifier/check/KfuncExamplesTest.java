package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.kfunc.KernelKfuncs;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kfunc calls and PTR_TO_BTF_ID registers: one program per modelled check with the 6.18.44 kernel's errno and
 * message, each also loaded into the running kernel (which must say the same).
 * Programs are "code dst src off imm" slots; {@code K:name} as imm is a kfunc call of that name,
 * {@code F:field} the offset of a task_struct field.
 */
class KfuncExamplesTest {
    static final String TASK = "85 0 0 0 158; bf 1 0 0 0; ";                 // r1 = bpf_get_current_task_btf()
    static final String ACQ = TASK + "85 0 2 0 K:bpf_task_acquire; ";
    static final String EXIT0 = "b7 0 0 0 0; 95 0 0 0 0";

    static List<RawInsn> p(String text) {
        KernelKfuncs k = KernelKfuncs.running().orElseThrow();
        int task = k.btf().findByName("task_struct", BtfKind.STRUCT).orElseThrow();
        List<RawInsn> out = new ArrayList<>();
        for (String i : text.split(";")) {
            String[] f = i.trim().split("\\s+");
            String imm = f[4], off = f[3];
            int immV = imm.startsWith("K:") ? k.btf().findByName(imm.substring(2), BtfKind.FUNC).orElseThrow() : Integer.parseInt(imm);
            int offV = off.startsWith("F:") ? field(k, task, off.substring(2)) : Integer.parseInt(off);
            out.add(new RawInsn(Integer.parseInt(f[0], 16), Integer.parseInt(f[1]), Integer.parseInt(f[2]), (short) offV, immV));
        }
        return out;
    }

    private static int field(KernelKfuncs k, int struct, String name) {
        for (BtfMember m : k.btf().members(struct)) if (m.name().equals(name)) return m.byteOffset();
        throw new IllegalArgumentException(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "tracepoint @ " + ACQ + "15 0 0 2 0; bf 1 0 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ @ ",
            "tracepoint @ " + ACQ + EXIT0 + " @ EINVAL @ Unreleased reference id=2 alloc_insn=2\\nBPF_EXIT instruction in main prog would lead to reference leak",
            "tracepoint @ " + ACQ + "95 0 0 0 0 @ EINVAL @ Unreleased reference id=2 alloc_insn=2\\nBPF_EXIT instruction in main prog would lead to reference leak",
            "raw_tracepoint @ " + ACQ + EXIT0 + " @ EACCES @ calling kernel function bpf_task_acquire is not allowed",
            "socket_filter @ " + ACQ + EXIT0 + " @ EACCES @ calling kernel function bpf_task_acquire is not allowed",
            "tracepoint @ " + ACQ + "bf 1 0 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ EACCES @ Possibly NULL pointer passed to trusted arg0",
            "tracepoint @ b7 1 0 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ EACCES @ Possibly NULL pointer passed to trusted arg0",
            "tracepoint @ " + TASK + "85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ EINVAL @ release kernel function bpf_task_release expects refcounted PTR_TO_BTF_ID",
            "tracepoint @ 85 0 2 0 K:bpf_task_from_pid; " + EXIT0 + " @ EINVAL @ R1 is not a scalar",
            "tracepoint @ bf 1 10 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ EINVAL @ arg#0 pointer type STRUCT task_struct must point to scalar, or struct with scalar",
            "tracepoint @ " + TASK + "07 1 0 0 8; 85 0 2 0 K:bpf_task_acquire; " + EXIT0 + " @ EINVAL @ kernel function bpf_task_acquire args#0 expected pointer to STRUCT task_struct but R1 has a pointer to STRUCT task_struct",
            "tracepoint @ " + ACQ + "07 0 0 0 8; " + EXIT0 + " @ EACCES @ R0 pointer arithmetic on ptr_or_null_ prohibited, null-check it first",
            "tracepoint @ " + ACQ + "61 1 0 F:pid 0; " + EXIT0 + " @ EACCES @ R0 invalid mem access 'ptr_or_null_'",
            "tracepoint @ 85 0 2 0 K:bpf_rcu_read_lock; " + EXIT0 + " @ EINVAL @ BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region",
            "tracepoint @ 85 0 2 0 K:bpf_rcu_read_unlock; " + EXIT0 + " @ EINVAL @ unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)",
            "tracepoint @ 85 0 2 0 K:bpf_rcu_read_lock; 85 0 2 0 K:bpf_rcu_read_lock; " + EXIT0 + " @ EINVAL @ nested rcu read lock (kernel function bpf_rcu_read_lock)",
            "tracepoint @ 85 0 2 0 K:bpf_rcu_read_lock; 85 0 2 0 K:bpf_rcu_read_unlock; " + EXIT0 + " @ @ ",
            // reads through trusted BTF pointers
            "tracepoint @ 85 0 0 0 158; 61 1 0 F:pid 0; " + EXIT0 + " @ @ ",
            "tracepoint @ 85 0 0 0 158; 79 1 0 F:pid 0; " + EXIT0 + " @ EACCES @ access beyond the end of member pid (mend:F:pid+4) in struct task_struct with off F:pid size 8",
            "tracepoint @ 85 0 0 0 158; 79 1 0 -8 0; " + EXIT0 + " @ EACCES @ R0 is ptr_task_struct invalid negative access: off=-8",
            // task->real_parent is RCU-safe in a non-sleepable program: bpf_task_acquire (KF_RCU) takes it, bpf_task_release does not
            "tracepoint @ 85 0 0 0 158; 79 1 0 F:real_parent 0; 85 0 2 0 K:bpf_task_acquire; 15 0 0 2 0; bf 1 0 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ @ ",
            "tracepoint @ 85 0 0 0 158; 79 1 0 F:real_parent 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ EINVAL @ R1 must be referenced or trusted",
            "syscall! @ 85 0 0 0 158; 79 1 0 F:real_parent 0; 85 0 2 0 K:bpf_task_acquire; " + EXIT0 + " @ EINVAL @ R1 must be a rcu pointer",
            "syscall! @ " + ACQ + "15 0 0 2 0; bf 1 0 0 0; 85 0 2 0 K:bpf_task_release; " + EXIT0 + " @ @ ",
            "tracepoint @ " + ACQ + "15 0 0 4 0; bf 6 0 0 0; bf 1 0 0 0; 85 0 2 0 K:bpf_task_release; 61 0 6 F:pid 0; " + EXIT0 + " @ EACCES @ R6 invalid mem access 'scalar'",
            // tracepoint and raw_tracepoint contexts
            "tracepoint @ 79 0 1 8 0; 95 0 0 0 0 @ @ ",
            "tracepoint @ 79 0 1 0 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=0 size=8",
            "tracepoint @ 7b 1 1 8 0; " + EXIT0 + " @ EACCES @ invalid bpf_context access off=8 size=8",
            "raw_tracepoint @ 79 0 1 88 0; 95 0 0 0 0 @ @ ",
            "raw_tracepoint @ 79 0 1 96 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=96 size=8",
            "tracepoint @ 85 0 2 0 0; " + EXIT0 + " @ EINVAL @ invalid kernel function call not eliminated in verifier pass",
    })
    void kernelExact(String type, String prog, String errno, String message) {
        assumeTrue(KernelKfuncs.running().isPresent(), "no kernel BTF or kfunc catalog");
        boolean sleepable = type.endsWith("!");
        ProgType t = ProgType.valueOf(type.replace("!", "").toUpperCase(java.util.Locale.ROOT));
        List<RawInsn> slots = p(prog);
        String expected = message == null ? null : resolveFields(message.replace("\\n", "\n"));
        Verdict v = Verifier.verify(slots, VerifyOptions.of(t).withSleepable(sleepable));
        assertThat(v.accepted()).as(v.message()).isEqualTo(errno == null);
        if (errno != null) {
            assertThat(v.errno()).isEqualTo(errno);
            assertThat(v.message()).isEqualTo(expected);
        }
        KernelAssumptions.assumeBpf();
        try (LoadResult k = Bpf.progLoad(t, RawInsn.toBytes(slots)).logLevel(1).progFlags(sleepable ? 16 : 0).load()) {
            assertThat(k.accepted()).as(k.log()).isEqualTo(errno == null);
            if (errno != null) {
                assertThat(k.errno().name()).isEqualTo(errno);
                String msg = k.log().lines().filter(l -> !l.matches("^\\d+: .*") && !l.startsWith("processed ")
                        && !l.startsWith("from ") && !l.isBlank()).collect(Collectors.joining("\n"));
                assertThat(msg).isEqualTo(expected);
            }
        }
    }

    /** F:pid inside an expected message is the field's offset, F:pid+4 that plus four. */
    private static String resolveFields(String m) {
        KernelKfuncs k = KernelKfuncs.running().orElseThrow();
        int task = k.btf().findByName("task_struct", BtfKind.STRUCT).orElseThrow();
        var mt = java.util.regex.Pattern.compile("F:(\\w+)(\\+(\\d+))?").matcher(m);
        StringBuilder sb = new StringBuilder();
        while (mt.find()) {
            int v = field(k, task, mt.group(1)) + (mt.group(3) == null ? 0 : Integer.parseInt(mt.group(3)));
            mt.appendReplacement(sb, Integer.toString(v));
        }
        mt.appendTail(sb);
        return sb.toString();
    }
}
