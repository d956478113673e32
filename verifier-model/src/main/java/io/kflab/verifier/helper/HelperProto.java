package io.kflab.verifier.helper;

import io.kflab.bpf.sys.ProgType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A helper's signature as the verifier checks it (kernel: struct bpf_func_proto), and the program
 * types whose get_func_proto offers it ({@code types} empty: every modelled type).
 */
public record HelperProto(int id, String name, Ret ret, List<Arg> args, String retStruct, Set<ProgType> types) {

    public HelperProto(int id, String name, Ret ret, List<Arg> args) {
        this(id, name, ret, args, "", Set.of());
    }

    public HelperProto(int id, String name, Ret ret, List<Arg> args, String retStruct) {
        this(id, name, ret, args, retStruct, Set.of());
    }

    /** Whether a program of {@code type} may call it. */
    public boolean availableTo(ProgType type) {
        return types.isEmpty() || types.contains(type);
    }

    /** An argument type (kernel: enum bpf_arg_type). */
    public enum Arg {
        /** ARG_CONST_MAP_PTR. */ CONST_MAP_PTR,
        /** ARG_PTR_TO_MAP_KEY: key_size readable bytes. */ PTR_TO_MAP_KEY,
        /** ARG_PTR_TO_MAP_VALUE: value_size readable bytes. */ PTR_TO_MAP_VALUE,
        /** ARG_PTR_TO_MEM | MEM_RDONLY, sized by the next argument. */ PTR_TO_MEM,
        /** ARG_PTR_TO_MEM | PTR_MAYBE_NULL | MEM_RDONLY: as PTR_TO_MEM, or NULL with size 0. */ PTR_TO_MEM_OR_NULL,
        /** ARG_PTR_TO_UNINIT_MEM: memory the helper writes, sized by the next argument. */ PTR_TO_UNINIT_MEM,
        /** ARG_PTR_TO_CTX. */ PTR_TO_CTX,
        /** ARG_CONST_SIZE: a bounded positive scalar. */ CONST_SIZE,
        /** ARG_CONST_SIZE_OR_ZERO: a bounded scalar, zero allowed. */ CONST_SIZE_OR_ZERO,
        /** ARG_ANYTHING: any initialised register. */ ANYTHING
    }

    /** A return type (kernel: enum bpf_return_type). */
    public enum Ret {
        /** RET_INTEGER. */ INTEGER,
        /** RET_PTR_TO_MAP_VALUE_OR_NULL. */ MAP_VALUE_OR_NULL,
        /** RET_PTR_TO_BTF_ID_TRUSTED: a trusted pointer to the kernel struct {@link #retStruct()}. */ BTF_ID_TRUSTED
    }

    /** Helper ids past the last one the kernel knows (kernel: __BPF_FUNC_MAX_ID in 6.18). */
    public static final int MAX_ID = 212;

    private static final Map<Integer, HelperProto> PROTOS = java.util.stream.Stream.of(
            new HelperProto(1, "bpf_map_lookup_elem", Ret.MAP_VALUE_OR_NULL, List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY)),
            new HelperProto(2, "bpf_map_update_elem", Ret.INTEGER,
                    List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY, Arg.PTR_TO_MAP_VALUE, Arg.ANYTHING)),
            new HelperProto(3, "bpf_map_delete_elem", Ret.INTEGER, List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY)),
            new HelperProto(5, "bpf_ktime_get_ns", Ret.INTEGER, List.of()),
            new HelperProto(6, "bpf_trace_printk", Ret.INTEGER, List.of(Arg.PTR_TO_MEM, Arg.CONST_SIZE)),
            new HelperProto(7, "bpf_get_prandom_u32", Ret.INTEGER, List.of()),
            new HelperProto(8, "bpf_get_smp_processor_id", Ret.INTEGER, List.of()),
            new HelperProto(26, "bpf_skb_load_bytes", Ret.INTEGER,
                    List.of(Arg.PTR_TO_CTX, Arg.ANYTHING, Arg.PTR_TO_UNINIT_MEM, Arg.CONST_SIZE), "",
                    EnumSet.of(ProgType.SOCKET_FILTER, ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.CGROUP_SKB,
                            ProgType.LWT_IN, ProgType.LWT_OUT, ProgType.LWT_XMIT)),
            new HelperProto(28, "bpf_csum_diff", Ret.INTEGER,
                    List.of(Arg.PTR_TO_MEM_OR_NULL, Arg.CONST_SIZE_OR_ZERO, Arg.PTR_TO_MEM_OR_NULL, Arg.CONST_SIZE_OR_ZERO, Arg.ANYTHING), "",
                    EnumSet.of(ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.XDP, ProgType.LWT_IN, ProgType.LWT_OUT, ProgType.LWT_XMIT)),
            // bpf_base_func_proto offers it to every type when the loader has CAP_PERFMON
            new HelperProto(113, "bpf_probe_read_kernel", Ret.INTEGER,
                    List.of(Arg.PTR_TO_UNINIT_MEM, Arg.CONST_SIZE_OR_ZERO, Arg.ANYTHING)),
            new HelperProto(158, "bpf_get_current_task_btf", Ret.BTF_ID_TRUSTED, List.of(), "task_struct")).collect(java.util.stream.Collectors.toUnmodifiableMap(HelperProto::id, h -> h));

    /**
     * The modelled helper with this id (available to every modelled program type as root: 6.18's bpf_base_func_proto
     * gives bpf_get_current_task_btf to every type when the loader has CAP_PERFMON), if any.
     */
    public static Optional<HelperProto> of(int id) {
        return Optional.ofNullable(PROTOS.get(id));
    }
}
