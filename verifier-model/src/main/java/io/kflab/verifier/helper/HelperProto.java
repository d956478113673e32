package io.kflab.verifier.helper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A helper's signature as the verifier checks it (kernel: struct bpf_func_proto). */
public record HelperProto(int id, String name, Ret ret, List<Arg> args, String retStruct) {

    public HelperProto(int id, String name, Ret ret, List<Arg> args) {
        this(id, name, ret, args, "");
    }

    /** An argument type (kernel: enum bpf_arg_type). */
    public enum Arg {
        /** ARG_CONST_MAP_PTR. */ CONST_MAP_PTR,
        /** ARG_PTR_TO_MAP_KEY: key_size readable bytes. */ PTR_TO_MAP_KEY,
        /** ARG_PTR_TO_MAP_VALUE: value_size readable bytes. */ PTR_TO_MAP_VALUE,
        /** ARG_PTR_TO_MEM | MEM_RDONLY, sized by the next argument. */ PTR_TO_MEM,
        /** ARG_CONST_SIZE: a bounded positive scalar. */ CONST_SIZE,
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

    private static final Map<Integer, HelperProto> PROTOS = Map.of(
            1, new HelperProto(1, "bpf_map_lookup_elem", Ret.MAP_VALUE_OR_NULL, List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY)),
            2, new HelperProto(2, "bpf_map_update_elem", Ret.INTEGER,
                    List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY, Arg.PTR_TO_MAP_VALUE, Arg.ANYTHING)),
            3, new HelperProto(3, "bpf_map_delete_elem", Ret.INTEGER, List.of(Arg.CONST_MAP_PTR, Arg.PTR_TO_MAP_KEY)),
            5, new HelperProto(5, "bpf_ktime_get_ns", Ret.INTEGER, List.of()),
            6, new HelperProto(6, "bpf_trace_printk", Ret.INTEGER, List.of(Arg.PTR_TO_MEM, Arg.CONST_SIZE)),
            7, new HelperProto(7, "bpf_get_prandom_u32", Ret.INTEGER, List.of()),
            8, new HelperProto(8, "bpf_get_smp_processor_id", Ret.INTEGER, List.of()),
            158, new HelperProto(158, "bpf_get_current_task_btf", Ret.BTF_ID_TRUSTED, List.of(), "task_struct"));

    /**
     * The modelled helper with this id (available to every modelled program type as root: 6.18's bpf_base_func_proto
     * gives bpf_get_current_task_btf to every type when the loader has CAP_PERFMON), if any.
     */
    public static Optional<HelperProto> of(int id) {
        return Optional.ofNullable(PROTOS.get(id));
    }
}
