package io.kflab.verifier.check;

import static io.kflab.verifier.check.VerifierExamplesTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.bpf.isa.RawInsn;
import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.BpfCapability;
import io.kflab.bpf.sys.LoadResult;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.verifier.state.MapDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Map value pointers plus a bounded scalar (check_mem_region_access), checked against the running kernel when it can load. */
class MapValueVarOffTest {
    /** Array lookup of key 0 (array fd FD, ks=4 vs=8), r1 = *(u32 *)(r0 + 0). */
    static final String LOOKUP = "62 10 0 -8 0; bf 2 10 0 0; 07 2 0 0 -8; 18 1 1 0 FD; 0 0 0 0 0; 85 0 0 0 1; "
            + "55 0 0 2 0; b7 0 0 0 0; 95 0 0 0 0; 61 1 0 0 0; ";

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            LOOKUP + "57 1 0 0 7; 0f 0 1 0 0; 69 0 0 0 0; 95 0 0 0 0 @ invalid access to map value, value_size=8 off=7 size=2\\nR0 max value is outside of the allowed memory range",
            LOOKUP + "0f 0 1 0 0; 71 0 0 0 0; 95 0 0 0 0 @ R0 unbounded memory access, make sure to bounds check any such access",
            LOOKUP + "17 1 0 0 4; 0f 0 1 0 0; 71 0 0 0 0; 95 0 0 0 0 @ R0 min value is negative, either use unsigned index or do a if (index >=0) check.",
            LOOKUP + "57 1 0 0 3; 0f 0 1 0 0; 61 0 0 4 0; 95 0 0 0 0 @ invalid access to map value, value_size=8 off=7 size=4\\nR0 max value is outside of the allowed memory range",
    })
    void rejectsLikeTheKernel(String prog, String message) {
        check(prog, false, message.replace("\\n", "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '@', value = {
            LOOKUP + "57 1 0 0 7; 0f 0 1 0 0; 71 0 0 0 0; 95 0 0 0 0",
            LOOKUP + "57 1 0 0 3; 0f 0 1 0 0; 07 0 0 0 1; 71 0 0 3 0; 95 0 0 0 0",
            LOOKUP + "57 1 0 0 3; 0f 1 0 0 0; 61 0 1 0 0; 95 0 0 0 0",
    })
    void acceptsLikeTheKernel(String prog) {
        check(prog, true, null);
    }

    private static void check(String prog, boolean accepted, String message) {
        Verdict v = Verifier.verify(p(prog.replace("FD", "7")), VerifyOptions.of(ProgType.SOCKET_FILTER)
                .withMaps(Map.of(7, new MapDef(MapDef.ARRAY, 4, 8, 4))));
        assertThat(v.accepted()).as(v.log()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(v.errno()).isEqualTo("EACCES");
            assertThat(v.message()).isEqualTo(message);
        }
        if (!BpfCapability.check().available()) return;
        try (MapFd array = Bpf.mapCreate(MapType.ARRAY, 4, 8, 4).create()) {
            List<RawInsn> slots = p(prog.replace("FD", Integer.toString(array.fd())));
            byte[] bytes = RawInsn.toBytes(slots);
            try (LoadResult k = Bpf.progLoad(ProgType.SOCKET_FILTER, bytes).logLevel(1).load()) {
                assertThat(k.accepted()).as(k.log()).isEqualTo(accepted);
                if (!accepted) {
                    assertThat(k.errno().name()).isEqualTo("EACCES");
                    assertThat(k.log()).contains(message);
                }
            }
        }
    }
}
