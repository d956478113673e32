package io.kflab.verifier.ctx;

import io.kflab.bpf.sys.ProgType;
import java.util.Optional;

/** Which context bytes a program type may read or write (kernel: bpf_verifier_ops.is_valid_access). */
public sealed interface CtxLayout permits CtxLayout.SkBuff {

    /** Whether a {@code size}-byte access at {@code off} is allowed; reads give an unknown scalar. */
    boolean valid(int off, int size, boolean write);

    /** The layout of a program type, empty when the model has none. */
    static Optional<CtxLayout> of(ProgType type) {
        return type == ProgType.SOCKET_FILTER ? Optional.of(new SkBuff()) : Optional.empty();
    }

    /**
     * struct __sk_buff as a socket filter sees it (kernel: sk_filter_is_valid_access →
     * bpf_skb_is_valid_access): cb[0..4] readable and writable at any aligned size; the u32 fields len … tc_index, hash, napi_id, wire_len,
     * gso_segs, gso_size are readable with narrow (1/2/4-byte) aligned loads; only cb[] is writable,
     * full width. Pointer fields (data, data_end, flow_keys, sk, …) and the socket fields are not modelled.
     */
    record SkBuff() implements CtxLayout {
        private static final int[] U32_FIELDS = {0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 84, 160, 164, 176};

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 192 || size <= 0 || off % size != 0) return false;
            if (off >= 48 && off < 68) return off + size <= 68 && size <= 8; // cb[0..4]: any aligned size, read or write
            int field = off & ~3;
            boolean known = false;
            for (int f : U32_FIELDS) known |= f == field;
            if (!known || size > 4) return false;
            boolean cb = field >= 48 && field <= 64;
            if (write) return cb && size == 4;
            return true;
        }
    }
}
