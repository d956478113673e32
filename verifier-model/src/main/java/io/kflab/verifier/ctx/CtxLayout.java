package io.kflab.verifier.ctx;

import io.kflab.bpf.sys.ProgType;
import java.util.Optional;

/** Which context bytes a program type may read or write (kernel: bpf_verifier_ops.is_valid_access). */
public sealed interface CtxLayout permits CtxLayout.SkBuff, CtxLayout.Xdp, CtxLayout.CgroupSkb, CtxLayout.SkLookup, CtxLayout.SkSkb, CtxLayout.SkMsg, CtxLayout.Lwt, CtxLayout.Netfilter,
        CtxLayout.Tracepoint, CtxLayout.RawTracepoint {

    /** What a valid read of a context field gives (kernel: bpf_insn_access_aux.reg_type). */
    enum Field { SCALAR, PKT, PKT_META, PKT_END }

    /** Whether direct packet writes are allowed (kernel: may_access_direct_pkt_data). */
    default boolean packetWritable() {
        return true;
    }

    /** The kind of value a valid read at {@code off} gives. */
    default Field field(int off) {
        return Field.SCALAR;
    }

    /** Whether a {@code size}-byte access at {@code off} is allowed; reads give an unknown scalar. */
    boolean valid(int off, int size, boolean write);

    /** The layout of a program type, empty when the model has none. */
    static Optional<CtxLayout> of(ProgType type) {
        return switch (type) {
            case SOCKET_FILTER -> Optional.of(new SkBuff(false));
            case SCHED_CLS, SCHED_ACT -> Optional.of(new SkBuff(true));
            case XDP -> Optional.of(new Xdp());
            case CGROUP_SKB -> Optional.of(new CgroupSkb());
            case SK_LOOKUP -> Optional.of(new SkLookup());
            case SK_SKB -> Optional.of(new SkSkb());
            case SK_MSG -> Optional.of(new SkMsg());
            case LWT_IN, LWT_OUT -> Optional.of(new Lwt(false));
            case LWT_XMIT -> Optional.of(new Lwt(true));
            case NETFILTER -> Optional.of(new Netfilter());
            case TRACEPOINT -> Optional.of(new Tracepoint());
            case RAW_TRACEPOINT -> Optional.of(new RawTracepoint());
            default -> Optional.empty();
        };
    }

    /**
     * struct __sk_buff as a socket filter sees it (kernel: sk_filter_is_valid_access →
     * bpf_skb_is_valid_access): cb[0..4] readable and writable at any aligned size; the u32 fields len … tc_index, hash, napi_id, wire_len,
     * gso_segs, gso_size are readable with narrow (1/2/4-byte) aligned loads; only cb[] is writable,
     * full width. Pointer fields (data, data_end, flow_keys, sk, …) and the socket fields are not modelled.
     * With {@code tc} (sched_cls/sched_act, kernel: tc_cls_act_is_valid_access) data (76), data_end (80) and
     * data_meta (140) are also readable, 4 bytes only, giving packet pointers; tc's extra writable and
     * readable fields are not modelled (rejected as invalid access, as the socket filter would).
     */
    record SkBuff(boolean tc) implements CtxLayout {
        @Override
        public Field field(int off) {
            if (!tc) return Field.SCALAR;
            return switch (off) {
                case 76 -> Field.PKT;
                case 80 -> Field.PKT_END;
                case 140 -> Field.PKT_META;
                default -> Field.SCALAR;
            };
        }

        private static final int[] U32_FIELDS = {0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68, 84, 160, 164, 176};

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 192 || size <= 0 || off % size != 0) return false;
            if (tc && (off == 76 || off == 80 || off == 140)) return size == 4 && !write;
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

    /**
     * struct xdp_md (kernel: xdp_is_valid_access): read only, 4-byte aligned loads of data (0), data_end (4),
     * data_meta (8), ingress_ifindex (12), rx_queue_index (16); egress_ifindex (20) only for
     * BPF_XDP_DEVMAP, which the model does not model (rejected).
     */
    record Xdp() implements CtxLayout {
        @Override
        public Field field(int off) {
            return switch (off) {
                case 0 -> Field.PKT;
                case 4 -> Field.PKT_END;
                case 8 -> Field.PKT_META;
                default -> Field.SCALAR;
            };
        }

        @Override
        public boolean valid(int off, int size, boolean write) {
            return !write && off >= 0 && off < 20 && size == 4 && off % 4 == 0;
        }
    }

    /**
     * struct __sk_buff as a cgroup_skb program sees it with CAP_BPF (kernel: cg_skb_is_valid_access →
     * bpf_skb_is_valid_access): no tc_classid, data_meta, wire_len, flow_keys; writes only to mark, priority,
     * cb[] (any aligned size) and tstamp (8 bytes); data/data_end (4 bytes) give read-only packet pointers;
     * family … local_port readable (the IPv4/IPv6 addresses 4 bytes only, the rest narrow); tstamp and
     * hwtstamp 8 bytes only. {@code sk} (168) is not modelled (the verifier rejects it as such).
     */
    record CgroupSkb() implements CtxLayout {
        @Override
        public boolean packetWritable() {
            return false;
        }

        @Override
        public Field field(int off) {
            return off == 76 ? Field.PKT : off == 80 ? Field.PKT_END : Field.SCALAR;
        }

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 192 || size <= 0 || off % size != 0) return false;
            int field = off & ~3;
            if (field == 72 || field == 140 || field == 160) return false;
            boolean cb = off >= 48 && off < 68;
            boolean tstamp = off >= 152 && off < 160;
            if (write && !(field == 8 || field == 32 || cb || tstamp)) return false;
            if (cb) return off + size <= 68;
            if (field == 76 || field == 80) return size == 4;
            if (off >= 92 && off < 132) return size == 4;
            if (off >= 144 && off < 152) return false;              // flow_keys
            if (off >= 184) return !write && size == 8;              // hwtstamp
            if (tstamp) return size == 8;
            if (off >= 168 && off < 176) return false;              // sk: not modelled (caller rejects 8-byte sk loads)
            if (off >= 180 && off < 184) return false;              // tstamp_type, padding
            if (write) return size == 4;
            return size <= 4;
        }
    }

    /**
     * struct bpf_sk_lookup (kernel: sk_lookup_is_valid_access): read only; the u32 fields family (8) …
     * ingress_ifindex (64) with 1/2/4-byte aligned loads; remote_port (36) 4 bytes or 1/2-byte loads of its 2 bytes,
     * the padding after it 1/2-byte loads. {@code sk} (0, 8 bytes, PTR_TO_SOCKET_OR_NULL) is not modelled (the
     * verifier rejects it as such).
     */
    record SkLookup() implements CtxLayout {
        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 72 || size <= 0 || off % size != 0 || write) return false;
            if (off < 8) return false;                 // sk: only the (not modelled) 8-byte load is valid
            if (off >= 36 && off < 38) return size <= 2 || size == 4;
            if (off >= 38 && off < 40) return size <= 2;
            if (off >= 68) return false;
            return size <= 4;
        }
    }

    /**
     * struct __sk_buff as an sk_skb program sees it (kernel: sk_skb_is_valid_access → bpf_skb_is_valid_access):
     * no mark, tc_classid, data_meta, tstamp, wire_len, hwtstamp, flow_keys; writes only to priority and tc_index
     * (4 bytes); data/data_end (4 bytes) give writable packet pointers; cb[] readable at any aligned size;
     * family … local_port readable (addresses 4 bytes only); other u32 fields narrow reads. {@code sk} not modelled.
     */
    record SkSkb() implements CtxLayout {
        @Override
        public Field field(int off) {
            return off == 76 ? Field.PKT : off == 80 ? Field.PKT_END : Field.SCALAR;
        }

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 192 || size <= 0 || off % size != 0) return false;
            int field = off & ~3;
            if (field == 8 || field == 72 || field == 140 || field == 160 || off >= 152 && off < 160 || off >= 184) return false;
            if (write) return (field == 32 || field == 44) && size == 4;
            if (off >= 48 && off < 68) return off + size <= 68;
            if (field == 76 || field == 80) return size == 4;
            if (off >= 92 && off < 132) return size == 4;
            if (off >= 144 && off < 152) return false;              // flow_keys
            if (off >= 168 && off < 176) return false;              // sk: not modelled (caller rejects 8-byte sk loads)
            if (off >= 180 && off < 184) return false;              // tstamp_type, padding
            return size <= 4;
        }
    }

    /**
     * struct sk_msg_md (kernel: sk_msg_is_valid_access): read only; data (0) and data_end (8) 8-byte loads give
     * writable packet pointers; family (16) … size (68) exactly 4 bytes; {@code sk} (72) is not modelled.
     */
    record SkMsg() implements CtxLayout {
        @Override
        public Field field(int off) {
            return off == 0 ? Field.PKT : off == 8 ? Field.PKT_END : Field.SCALAR;
        }

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (write || size <= 0 || off % size != 0 || off < 0) return false;
            if (off < 16) return size == 8;
            return off < 72 && size == 4;
        }
    }

    /**
     * struct __sk_buff as lwt_in/lwt_out/lwt_xmit see it (kernel: lwt_is_valid_access → bpf_skb_is_valid_access):
     * no tc_classid, family … local_port, data_meta, tstamp, wire_len, hwtstamp, flow_keys; writes to mark, priority
     * (4 bytes) and cb[] (any aligned size); data/data_end (4 bytes) give packet pointers, writable only for
     * lwt_xmit (may_access_direct_pkt_data); {@code sk} not modelled.
     */
    record Lwt(boolean packetWritable) implements CtxLayout {
        @Override
        public Field field(int off) {
            return off == 76 ? Field.PKT : off == 80 ? Field.PKT_END : Field.SCALAR;
        }

        @Override
        public boolean valid(int off, int size, boolean write) {
            if (off < 0 || off >= 192 || size <= 0 || off % size != 0) return false;
            int field = off & ~3;
            if (field == 72 || off >= 88 && off < 144 || off >= 152 && off < 164 || off >= 184) return false;
            boolean cb = off >= 48 && off < 68;
            if (write && !(field == 8 || field == 32 || cb)) return false;
            if (cb) return off + size <= 68;
            if (field == 76 || field == 80) return size == 4;
            if (off >= 144 && off < 152) return false;              // flow_keys
            if (off >= 168 && off < 176) return false;              // sk: not modelled (caller rejects 8-byte sk loads)
            if (off >= 180 && off < 184) return false;              // tstamp_type, padding
            if (write) return size == 4;
            return size <= 4;
        }
    }

    /**
     * struct bpf_nf_ctx (kernel: nf_is_valid_access): read only, the two 8-byte BTF pointers state (0) and skb (8);
     * those loads are not modelled (the verifier rejects them as such), every other access is invalid.
     */
    record Netfilter() implements CtxLayout {
        @Override
        public boolean valid(int off, int size, boolean write) {
            return false;
        }
    }

    /**
     * A tracepoint's raw record (kernel: tp_prog_is_valid_access): read-only, size-aligned loads from offset 8 (the
     * common header's first 8 bytes are off limits) up to PERF_MAX_TRACE_SIZE (8192); every field reads as a scalar.
     */
    record Tracepoint() implements CtxLayout {
        @Override
        public boolean valid(int off, int size, boolean write) {
            return !write && off >= 8 && off < 8192 && size > 0 && off % size == 0;
        }
    }

    /**
     * A raw tracepoint's u64 argument array (kernel: raw_tp_prog_is_valid_access → bpf_tracing_ctx_access): read-only,
     * size-aligned loads below 8 * MAX_BPF_FUNC_ARGS (96) bytes; arguments read as scalars.
     */
    record RawTracepoint() implements CtxLayout {
        @Override
        public boolean valid(int off, int size, boolean write) {
            return !write && off >= 0 && off < 96 && size > 0 && off % size == 0;
        }
    }
}
