package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Helpers with memory and size arguments (bpf_probe_read_kernel, bpf_skb_load_bytes, bpf_csum_diff): each
 * program's verdict and message as the 6.18.44 kernel gives them; when bpf(2) is available the running
 * kernel is asked too and must agree.
 */
class HelperMemExamplesTest {
    static final String PRK = "r1 = r10; r1 += -8; r3 = 0; ";

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            // raw (uninit) memory: afterwards the bytes are initialised
            "sched_cls @ " + PRK + "r2 = 8; call bpf_probe_read_kernel; r0 = *(u64 *)(r10 - 8); exit @ @ ",
            "sched_cls @ r1 = r10; r1 += -16; r2 = 3; r3 = 0; call bpf_probe_read_kernel; r0 = *(u8 *)(r10 - 14); r0 = 0; exit @ @ ",
            "sched_cls @ " + PRK + "r2 = 16; call bpf_probe_read_kernel; r0 = 0; exit @ EINVAL @ invalid write to stack R1 off=-8 size=16",
            "sched_cls @ call bpf_get_prandom_u32; r2 = r0; " + PRK + "call bpf_probe_read_kernel; r0 = 0; exit @ EACCES @ R2 min value is negative, either use unsigned or 'var &= const'",
            "sched_cls @ call bpf_get_prandom_u32; r2 = r0; r2 &= 7; " + PRK + "call bpf_probe_read_kernel; r0 = 0; exit @ @ ",
            "socket_filter @ r1 = 0; r2 = 8; r3 = 0; call bpf_probe_read_kernel; r0 = 0; exit @ EACCES @ R1 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
            "tracepoint @ " + PRK + "r2 = 0; call bpf_probe_read_kernel; r0 = 0; exit @ @ ",
            "sched_cls @ " + PRK + "r2 = r10; call bpf_probe_read_kernel; r0 = 0; exit @ EACCES @ R2 type=fp expected=scalar",
            // skb_load_bytes: ctx, offset, raw memory, size (not zero)
            "socket_filter @ r2 = 0; r3 = r10; r3 += -8; r4 = 8; call bpf_skb_load_bytes; r0 = *(u64 *)(r10 - 8); exit @ @ ",
            "sched_cls @ r1 = r10; r2 = 0; r3 = r10; r3 += -8; r4 = 8; call bpf_skb_load_bytes; r0 = 0; exit @ EACCES @ R1 type=fp expected=ctx",
            "sched_cls @ r2 = 0; r3 = r10; r3 += -8; r4 = 0; call bpf_skb_load_bytes; r0 = 0; exit @ EACCES @ R4 invalid zero-sized read: u64=[0,0]",
            "xdp @ r2 = 0; r3 = r10; r3 += -8; r4 = 8; call bpf_skb_load_bytes; r0 = 0; exit @ EINVAL @ program of this type cannot use helper bpf_skb_load_bytes#26",
            // csum_diff: read-only memory or NULL with size 0
            "sched_cls @ r1 = 0; *(u64 *)(r10 - 8) = r1; r1 = r10; r1 += -8; r2 = 8; r3 = 0; r4 = 0; r5 = 0; call bpf_csum_diff; r0 = 0; exit @ @ ",
            "sched_cls @ r1 = 0; r2 = 8; r3 = 0; r4 = 0; r5 = 0; call bpf_csum_diff; r0 = 0; exit @ EACCES @ R1 type=scalar expected=fp",
            "cgroup_skb @ r1 = 0; r2 = 0; r3 = 0; r4 = 0; r5 = 0; call bpf_csum_diff; r0 = 0; exit @ EINVAL @ program of this type cannot use helper bpf_csum_diff#28",
    })
    void modelAndKernelAgree(String type, String text, String errno, String message) {
        ProgType t = ProgType.fromCliName(type.trim()).orElseThrow();
        List<RawInsn> slots = Assembler.builtin().assemble(text.replace("; ", "\n"), "case.s").slots();
        Verdict m = Verifier.verify(slots, VerifyOptions.of(t));
        boolean accept = errno == null;
        assertThat(m.accepted()).as(m.log()).isEqualTo(accept);
        if (!accept) {
            assertThat(m.errno()).isEqualTo(errno.trim());
            assertThat(m.message()).isEqualTo(message.trim());
        }
        if (!BpfCapability.check().available()) return; // the model's side is checked either way
        try (LoadResult k = Bpf.progLoad(t, RawInsn.toBytes(slots)).logLevel(1).load()) {
            assertThat(k.accepted()).as(k.log()).isEqualTo(accept);
            if (!accept) {
                assertThat(k.errno().name()).isEqualTo(errno.trim());
                assertThat(k.log()).contains(message.trim());
            }
        }
    }
}
