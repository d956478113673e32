package io.kflab.verifier.check;

import static io.kflab.verifier.check.VerifierExamplesTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.KernelAssumptions;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.ProgType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** XDP and tc context and direct packet access, with the kernel's errno and message (each also checked on the running kernel). */
class PacketExamplesTest {
    static final String XDP_PKT = "61 2 1 0 0; 61 3 1 4 0; bf 4 2 0 0; 07 4 0 0 8; ";

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            XDP_PKT + "2d 4 3 1 0; 61 0 2 5 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ invalid access to packet, off=5 size=4, R2(id=0,off=5,r=8)\\nR2 offset is outside of the packet",
            "61 2 1 0 0; 71 0 2 0 0; 95 0 0 0 0 @ EACCES @ invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)\\nR2 offset is outside of the packet",
            "61 3 1 4 0; 07 3 0 0 8; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ R3 pointer arithmetic on pkt_end prohibited",
            "61 3 1 4 0; 71 0 3 0 0; 95 0 0 0 0 @ EACCES @ R3 invalid mem access 'pkt_end'",
            "b7 0 0 0 0; 63 1 0 12 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=12 size=4",
            "69 0 1 0 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=0 size=2",
            "b7 0 0 0 0; " + XDP_PKT + "3d 3 4 1 0; 71 0 4 -8 0; 95 0 0 0 0 @ EINVAL @ R4 offset is outside of the packet",
    })
    void xdpRejectsLikeTheKernel(String prog, String errno, String message) {
        check(ProgType.XDP, prog, false, errno, message.replace("\\n", "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            XDP_PKT + "2d 4 3 1 0; 61 0 2 4 0; b7 0 0 0 0; 95 0 0 0 0",
            XDP_PKT + "2d 3 4 1 0; 05 0 0 1 0; 71 0 2 8 0; b7 0 0 0 0; 95 0 0 0 0",   // end > pkt+8: 9 bytes
            "61 2 1 8 0; 61 3 1 0 0; bf 4 2 0 0; 07 4 0 0 4; 2d 4 3 1 0; 61 0 2 0 0; b7 0 0 0 0; 95 0 0 0 0", // data_meta
            "61 0 1 16 0; 95 0 0 0 0",
    })
    void xdpAcceptsLikeTheKernel(String prog) {
        check(ProgType.XDP, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 14; 2d 4 3 1 0; 69 0 2 12 0; b7 0 0 0 0; 95 0 0 0 0 @ true",
            "61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 14; 2d 4 3 1 0; 69 0 2 13 0; b7 0 0 0 0; 95 0 0 0 0 @ false",
    })
    void tcPacketAccess(String prog, boolean accepted) {
        check(ProgType.SCHED_CLS, prog, accepted, accepted ? null : "EACCES",
                accepted ? null : "invalid access to packet, off=13 size=2, R2(id=0,off=13,r=14)\nR2 offset is outside of the packet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 72 2 0 0 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ cannot write into packet",
            "61 0 1 72 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=72 size=4",
            "b7 0 0 0 0; 63 1 0 0 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=0 size=4",
    })
    void cgroupSkbRejectsLikeTheKernel(String prog, String errno, String message) {
        check(ProgType.CGROUP_SKB, prog, false, errno, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 71 0 2 0 0; b7 0 0 0 0; 95 0 0 0 0",
            "b7 0 0 0 0; 63 1 0 8 0; 79 2 1 152 0; 7b 1 2 152 0; 69 2 1 88 0; 95 0 0 0 0",
    })
    void cgroupSkbAcceptsLikeTheKernel(String prog) {
        check(ProgType.CGROUP_SKB, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "b7 0 0 0 0; b7 2 0 0 1; c3 1 2 0 0; 95 0 0 0 0 @ EACCES @ BPF_ATOMIC stores into R1 ctx is not allowed",
            "b7 0 0 0 0; 7b 10 0 -8 0; db 10 10 -8 1; 95 0 0 0 0 @ EACCES @ frame pointer is read only",
            "b7 1 0 0 1; 7b 10 1 -8 0; db 10 1 -8 241; 95 0 0 0 0 @ EACCES @ R0 !read_ok",
            "b7 0 0 0 0; b7 1 0 0 1; 7b 10 1 -8 0; db 10 1 -4 1; 95 0 0 0 0 @ EACCES @ misaligned stack access off 0+0+-4 size 8",
    })
    void atomicsRejectLikeTheKernel(String prog, String errno, String message) {
        check(ProgType.SOCKET_FILTER, prog, false, errno, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "7a 10 0 -8 5; b7 1 0 0 1; db 10 1 -8 1; bf 0 1 0 0; 95 0 0 0 0",       // r1 = fetch_add: old value 5
            "7a 10 0 -8 5; b7 0 0 0 5; b7 1 0 0 1; db 10 1 -8 241; 95 0 0 0 0",     // cmpxchg
            "7a 10 0 -8 5; b7 1 0 0 1; c3 10 1 -8 225; bf 0 1 0 0; 95 0 0 0 0",     // xchg w
    })
    void atomicsAcceptLikeTheKernel(String prog) {
        check(ProgType.SOCKET_FILTER, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "SOCKET_FILTER @ 30 0 0 0 0; 95 0 0 0 0 @ EACCES @ R6 !read_ok",
            "SOCKET_FILTER @ b7 6 0 0 0; 30 0 0 0 0; 95 0 0 0 0 @ EINVAL @ at the time of BPF_LD_ABS|IND R6 != pointer to skb",
            "SOCKET_FILTER @ bf 6 1 0 0; 30 0 0 0 0; bf 0 1 0 0; 95 0 0 0 0 @ EACCES @ R1 !read_ok",
            "SCHED_CLS @ bf 6 1 0 0; 50 0 2 0 0; 95 0 0 0 0 @ EACCES @ R2 !read_ok",
            "XDP @ bf 6 1 0 0; 30 0 0 0 0; 95 0 0 0 0 @ EINVAL @ BPF_LD_[ABS|IND] instructions not allowed for this program type",
    })
    void ldAbsRejectsLikeTheKernel(ProgType type, String prog, String errno, String message) {
        check(type, prog, false, errno, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "SOCKET_FILTER @ bf 6 1 0 0; 30 0 0 0 0; 95 0 0 0 0",
            "SCHED_CLS @ bf 6 1 0 0; b7 7 0 0 14; 48 0 7 0 2; 28 0 0 0 12; 95 0 0 0 0",
    })
    void ldAbsAcceptsLikeTheKernel(ProgType type, String prog) {
        check(type, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "b7 0 0 0 0; 63 1 0 8 0; 95 0 0 0 0 @ invalid bpf_context access off=8 size=4",
            "79 0 1 8 0; 95 0 0 0 0 @ invalid bpf_context access off=8 size=8",
            "61 0 1 68 0; 95 0 0 0 0 @ invalid bpf_context access off=68 size=4",
            "61 0 1 4 0; 95 0 0 0 0 @ invalid bpf_context access off=4 size=4",
    })
    void skLookupRejectsLikeTheKernel(String prog, String message) {
        check(ProgType.SK_LOOKUP, prog, false, "EACCES", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "71 2 1 36 0; 69 2 1 38 0; 61 2 1 36 0; 61 2 1 64 0; 71 2 1 11 0; b7 0 0 0 1; 95 0 0 0 0",
    })
    void skLookupAcceptsLikeTheKernel(String prog) {
        check(ProgType.SK_LOOKUP, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 0 1 8 0; 95 0 0 0 0 @ invalid bpf_context access off=8 size=4",
            "b7 0 0 0 0; 63 1 0 48 0; 95 0 0 0 0 @ invalid bpf_context access off=48 size=4",
            "61 2 1 76 0; 71 0 2 0 0; 95 0 0 0 0 @ invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)\\nR2 offset is outside of the packet",
    })
    void skSkbRejectsLikeTheKernel(String prog, String message) {
        check(ProgType.SK_SKB, prog, false, "EACCES", message.replace("\\n", "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 72 2 0 0 0; b7 0 0 0 0; 63 1 0 32 0; 61 0 1 48 0; 95 0 0 0 0",
    })
    void skSkbAcceptsLikeTheKernel(String prog) {
        check(ProgType.SK_SKB, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "61 0 1 0 0; 95 0 0 0 0 @ invalid bpf_context access off=0 size=4",
            "69 0 1 16 0; 95 0 0 0 0 @ invalid bpf_context access off=16 size=2",
            "61 0 1 72 0; 95 0 0 0 0 @ invalid bpf_context access off=72 size=4",
            "b7 0 0 0 0; 63 1 0 16 0; 95 0 0 0 0 @ invalid bpf_context access off=16 size=4",
    })
    void skMsgRejectsLikeTheKernel(String prog, String message) {
        check(ProgType.SK_MSG, prog, false, "EACCES", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "79 2 1 0 0; 79 3 1 8 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 72 2 0 0 0; 61 0 1 68 0; 61 0 1 16 0; b7 0 0 0 0; 95 0 0 0 0",
    })
    void skMsgAcceptsLikeTheKernel(String prog) {
        check(ProgType.SK_MSG, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "LWT_IN @ 61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 72 2 0 0 0; b7 0 0 0 0; 95 0 0 0 0 @ cannot write into packet",
            "LWT_OUT @ 61 0 1 88 0; 95 0 0 0 0 @ invalid bpf_context access off=88 size=4",
            "LWT_XMIT @ b7 0 0 0 0; 63 1 0 0 0; 95 0 0 0 0 @ invalid bpf_context access off=0 size=4",
    })
    void lwtRejectsLikeTheKernel(ProgType type, String prog, String message) {
        check(type, prog, false, "EACCES", message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "LWT_XMIT @ 61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 72 2 0 0 0; b7 0 0 0 0; 63 1 0 8 0; 6b 1 0 48 0; 95 0 0 0 0",
            "LWT_IN @ 61 2 1 76 0; 61 3 1 80 0; bf 4 2 0 0; 07 4 0 0 1; 2d 4 3 1 0; 71 0 2 0 0; b7 0 0 0 0; 95 0 0 0 0",
    })
    void lwtAcceptsLikeTheKernel(ProgType type, String prog) {
        check(type, prog, true, null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "71 2 1 0 0; b7 0 0 0 0; 95 0 0 0 0 @ invalid bpf_context access off=0 size=1",
            "79 2 1 16 0; b7 0 0 0 0; 95 0 0 0 0 @ invalid bpf_context access off=16 size=8",
            "bf 2 1 0 0; 7b 2 1 0 0; b7 0 0 0 1; 95 0 0 0 0 @ invalid bpf_context access off=0 size=8",
    })
    void netfilterRejectsLikeTheKernel(String prog, String message) {
        check(ProgType.NETFILTER, prog, false, "EACCES", message);
    }

    private static void check(ProgType type, String prog, boolean accepted, String errno, String message) {
        List<RawInsn> slots = p(prog);
        Verdict v = Verifier.verify(slots, VerifyOptions.of(type));
        assertThat(v.accepted()).as(v.log()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(v.errno()).isEqualTo(errno);
            assertThat(v.message()).isEqualTo(message);
        }
        try {
            KernelAssumptions.assumeBpf();
        } catch (RuntimeException e) {
            return;
        }
        byte[] bytes = RawInsn.toBytes(slots);
        io.kflab.bpf.sys.ProgLoad load = Bpf.progLoad(type, bytes).logLevel(1);
        if (type == ProgType.SK_LOOKUP) load = load.expectedAttachType(io.kflab.bpf.sys.AttachType.SK_LOOKUP);
        if (type == ProgType.NETFILTER) load = load.expectedAttachType(io.kflab.bpf.sys.AttachType.NETFILTER);
        try (LoadResult k = load.load()) {
            assertThat(k.accepted()).as(k.log()).isEqualTo(accepted);
            if (!accepted) {
                assertThat(k.errno().name()).isEqualTo(errno);
                assertThat(k.log()).contains(message);
            }
        }
    }
}
