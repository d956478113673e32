package io.kflab.verifier.structops;

import java.util.List;

/** A member of a struct_ops type (kernel: struct btf_member of the struct); {@code index} is its BTF position. */
public sealed interface OpsMember permits OpsMember.Func, OpsMember.Data {
    /** The member's name. */
    String name();

    /** 0-based position in the BTF member list (a program's expected_attach_type). */
    int index();

    /** Byte offset in the struct. */
    int offset();

    /** Size in bytes. */
    int size();

    /**
     * A function pointer member (kernel: btf_type_resolve_func_ptr succeeds).
     *
     * @param returnsValue whether the prototype returns something (not void): R0 must be set at exit
     * @param params C spelling of each parameter type, in order (the ctx is one u64 per parameter)
     */
    record Func(String name, int index, int offset, int size, boolean returnsValue, List<String> params)
            implements OpsMember {
        public Func {
            params = List.copyOf(params);
        }

        /** Number of arguments: the ctx has this many u64 slots. */
        public int nargs() {
            return params.size();
        }
    }

    /**
     * A data member (anything but a function pointer).
     *
     * @param modulePointer a {@code struct module *} the kernel fills in itself (kernel: is_module_member)
     */
    record Data(String name, int index, int offset, int size, boolean modulePointer) implements OpsMember {}
}
