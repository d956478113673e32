package io.kflab.verifier.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.state.MapDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One program per modelled check, with the errno and message the 6.18.44 kernel gives (each measured). */
class VerifierExamplesTest {
    static final int HASH = 3, ARRAY = 4;
    static final VerifyOptions OPTS = VerifyOptions.of(ProgType.SOCKET_FILTER)
            .withMaps(Map.of(HASH, new MapDef(MapDef.HASH, 4, 8, 4), ARRAY, new MapDef(MapDef.ARRAY, 4, 8, 4)));

    /** "code dst src off imm; ..." → slots. */
    static List<RawInsn> p(String text) {
        List<RawInsn> out = new ArrayList<>();
        for (String i : text.split(";")) {
            String[] f = i.trim().split("\\s+");
            out.add(new RawInsn(Integer.parseInt(f[0], 16), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Short.parseShort(f[3]), Integer.parseInt(f[4])));
        }
        return out;
    }

    static final String LOOKUP = "62 10 0 -8 0; bf 2 10 0 0; 07 2 0 0 -8; 18 1 1 0 3; 0 0 0 0 0; 85 0 0 0 1; ";

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "bf 0 2 0 0; 95 0 0 0 0 @ EACCES @ R2 !read_ok",
            "95 0 0 0 0 @ EACCES @ R0 !read_ok",
            "b7 10 0 0 0; 95 0 0 0 0 @ EACCES @ frame pointer is read only",
            "b7 1 0 0 0; 61 0 1 0 0; 95 0 0 0 0 @ EACCES @ R1 invalid mem access 'scalar'",
            LOOKUP + "79 0 0 0 0; 95 0 0 0 0 @ EACCES @ R0 invalid mem access 'map_value_or_null'",
            LOOKUP + "15 0 0 1 0; 79 0 0 8 0; 95 0 0 0 0 @ EACCES @ invalid access to map value, value_size=8 off=8 size=8\\nR0 min value is outside of the allowed memory range",
            "b7 0 0 0 0; 7b 10 0 8 0; 95 0 0 0 0 @ EACCES @ invalid write to stack R10 off=8 size=8",
            "bf 2 10 0 0; 79 0 2 -520 0; 95 0 0 0 0 @ EACCES @ invalid read from stack R2 off=-520 size=8",
            "b7 0 0 0 0; 7b 10 0 -4 0; 95 0 0 0 0 @ EACCES @ misaligned stack access off 0+0+-4 size 8",
            "61 0 1 4096 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=4096 size=4",
            "7b 1 10 0 0; 95 0 0 0 0 @ EACCES @ invalid bpf_context access off=0 size=8",
            "bf 2 1 0 0; 07 2 0 0 4; 61 0 2 0 0; 95 0 0 0 0 @ EACCES @ dereference of modified ctx ptr R2 off=4 disallowed",
            "18 1 1 0 3; 0 0 0 0 0; 07 1 0 0 8; 95 0 0 0 0 @ EACCES @ R1 pointer arithmetic on map_ptr prohibited",
            "bf 0 1 0 0; 47 0 0 0 8; 95 0 0 0 0 @ EACCES @ R0 bitwise operator |= on pointer prohibited",
            "bf 0 1 0 0; 27 0 0 0 8; 95 0 0 0 0 @ EACCES @ R0 pointer arithmetic with *= operator prohibited",
            "85 0 0 0 100000; 95 0 0 0 0 @ EINVAL @ invalid func unknown#100000",
            "85 0 0 0 9; 95 0 0 0 0 @ EINVAL @ program of this type cannot use helper bpf_skb_store_bytes#9",
            "b7 1 0 0 0; 85 0 0 0 1; 95 0 0 0 0 @ EACCES @ R1 type=scalar expected=map_ptr",
            "b7 2 0 0 0; 18 1 1 0 3; 0 0 0 0 0; 85 0 0 0 1; 95 0 0 0 0 @ EACCES @ R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
            "bf 2 10 0 0; 07 2 0 0 -2; 18 1 1 0 3; 0 0 0 0 0; 85 0 0 0 1; 95 0 0 0 0 @ EINVAL @ invalid read from stack R2 off=-2 size=4",
            "b7 0 0 0 0; 37 0 0 0 0; 95 0 0 0 0 @ EINVAL @ div by zero",
            "18 1 1 0 99; 0 0 0 0 0; b7 0 0 0 0; 95 0 0 0 0 @ EBADF @ fd 99 is not pointing to valid bpf_map",
            "b7 0 0 0 0; 95 0 0 0 1 @ EINVAL @ BPF_EXIT uses reserved fields",
            "b7 0 0 0 0; 15 0 0 1 1; 05 0 0 -2 0; 95 0 0 0 0 @ EINVAL @ infinite loop detected at insn 1",
            LOOKUP + "55 0 0 1 0; 95 0 0 0 0; b7 1 0 0 1; c3 0 1 3 0; b7 0 0 0 0; 95 0 0 0 0 @ EACCES @ misaligned value access off 0+0+3 size 4",
            // an array key spilled as 8 bytes is not a constant key of 4 (get_constant_map_key): the lookup may fail
            "7a 10 0 -8 1; bf 2 10 0 0; 07 2 0 0 -8; 18 1 1 0 4; 0 0 0 0 0; 85 0 0 0 1; 61 0 0 0 0; 95 0 0 0 0 @ EACCES @ R0 invalid mem access 'map_value_or_null'",
    })
    void rejectsLikeTheKernel(String prog, String errno, String message) {
        Verdict v = Verifier.verify(p(prog), OPTS);
        assertThat(v.accepted()).isFalse();
        assertThat(v.errno()).isEqualTo(errno);
        assertThat(v.message()).isEqualTo(message.replace("\\n", "\n"));
        if (v.insnsProcessed() > 0) assertThat(v.log()).contains(v.message()).contains("processed ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            "b7 0 0 0 0; 95 0 0 0 0 @ 2",
            "b7 0 0 0 0; 79 1 10 -8 0; 95 0 0 0 0 @ 3",                                   // root reads uninit stack
            LOOKUP + "15 0 0 1 0; 79 0 0 0 0; b7 0 0 0 0; 95 0 0 0 0 @ 11", // kernel: 10 (liveness prunes insn 8)
            "62 10 0 -8 0; bf 2 10 0 0; 07 2 0 0 -8; 18 1 1 0 4; 0 0 0 0 0; 85 0 0 0 1; 79 0 0 0 0; 95 0 0 0 0 @ 7",
            "85 0 0 0 7; 85 0 0 0 8; 85 0 0 0 5; 95 0 0 0 0 @ 4",
            "62 1 0 48 0; 61 0 1 0 0; 95 0 0 0 0 @ 3",
            "b7 1 0 0 5; 7b 10 1 -8 0; 79 0 10 -8 0; 95 0 0 0 0 @ 4",
    })
    void acceptsLikeTheKernel(String prog, int processed) {
        Verdict v = Verifier.verify(p(prog), OPTS);
        assertThat(v.accepted()).as(v.message()).isTrue();
        assertThat(v.insnsProcessed()).isEqualTo(processed);
        assertThat(v.log()).startsWith("processed " + processed + " insns (limit 1000000)");
    }

    @Test
    void complexityLimit() {
        // r0 = unknown; loop: r0 += 1; if r0 != 0 goto loop — never prunes, never decides
        Verdict v = Verifier.verify(p("85 0 0 0 7; 07 0 0 0 1; 55 0 0 -2 0; 95 0 0 0 0"), OPTS);
        assertThat(v.accepted()).isFalse();
        assertThat(v.errno()).isIn("E2BIG", "EINVAL");
    }
}
