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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ld_imm64 BPF_PSEUDO_MAP_VALUE (a pointer into an array's only value): model and running kernel, case by case. */
class MapValueLdImmTest {
    /** r1 = map_value(fd) + off; r0 = *(u64 *)(r1 + load); exit. */
    static List<RawInsn> prog(int fd, int off, int load) {
        return List.of(new RawInsn(0x18, 1, 2, (short) 0, fd), new RawInsn(0, 0, 0, (short) 0, off),
                new RawInsn(0x79, 0, 1, (short) load, 0), new RawInsn(0x95, 0, 0, (short) 0, 0));
    }

    @Test
    void modelAndKernelAgree() {
        KernelAssumptions.assumeBpf();
        try (MapFd one = Bpf.mapCreate(MapType.ARRAY, 4, 16, 1).create();
             MapFd two = Bpf.mapCreate(MapType.ARRAY, 4, 16, 2).create();
             MapFd hash = Bpf.mapCreate(MapType.HASH, 4, 16, 4).create()) {
            VerifyOptions o = VerifyOptions.of(ProgType.SOCKET_FILTER).withMaps(Map.of(
                    one.fd(), new MapDef(MapDef.ARRAY, 4, 16, 1), two.fd(), new MapDef(MapDef.ARRAY, 4, 16, 2),
                    hash.fd(), new MapDef(MapDef.HASH, 4, 16, 4)));
            Object[][] cases = {
                {prog(one.fd(), 8, 0), null, ""},
                {prog(one.fd(), 16, 0), "EINVAL", "invalid access to map value pointer, value_size=16 off=16"},
                {prog(two.fd(), 0, 0), "ENOTSUPP", "invalid access to map value pointer, value_size=16 off=0"},
                {prog(hash.fd(), 0, 0), "EINVAL", "no direct value access support for this map type"},
                {prog(one.fd(), 8, 8), "EACCES", "invalid access to map value, value_size=16 off=16 size=8"},
                {prog(one.fd(), 1 << 29, 0), "EINVAL", "direct value offset of 536870912 is not allowed"},
            };
            for (Object[] c : cases) {
                @SuppressWarnings("unchecked") List<RawInsn> p = (List<RawInsn>) c[0];
                String errno = (String) c[1], msg = (String) c[2];
                Verdict m = Verifier.verify(p, o);
                try (LoadResult k = Bpf.progLoad(ProgType.SOCKET_FILTER, RawInsn.toBytes(p)).logLevel(1).load()) {
                    assertThat(k.accepted()).as(msg + " kernel: " + k.log()).isEqualTo(errno == null);
                    assertThat(m.accepted()).as(msg + " model: " + m.log()).isEqualTo(errno == null);
                    if (errno != null) {
                        assertThat(k.errno().name()).as(msg).isEqualTo(errno);
                        assertThat(m.errno()).as(msg).isEqualTo(errno);
                        assertThat(k.log()).contains(msg);
                        assertThat(m.message()).startsWith(msg);
                    }
                }
            }
        }
    }
}
