package io.kflab.verifier.state;

import io.kflab.verifier.scalar.Scalar;

/** The abstract value of one register (kernel: struct bpf_reg_state); {@code toString()} is the 6.18 log spelling. */
public sealed interface RegState {

    /** Whether this is a pointer (kernel: __is_pointer_value with allow_ptr_leaks off). */
    default boolean isPointer() {
        return !(this instanceof NotInit) && !(this instanceof ScalarReg);
    }

    /** Never written (kernel: NOT_INIT, printed {@code ?}). */
    record NotInit() implements RegState {
        @Override
        public String toString() {
            return "?";
        }
    }

    /** A number (kernel: SCALAR_VALUE). */
    record ScalarReg(Scalar value) implements RegState {
        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** The program's context argument with a fixed offset (kernel: PTR_TO_CTX, {@code ctx()}). */
    record CtxPtr(int off) implements RegState {
        @Override
        public String toString() {
            return off == 0 ? "ctx()" : "ctx(off=" + off + ")";
        }
    }

    /**
     * A pointer into the stack of call frame {@code frameno} with a fixed offset (kernel: PTR_TO_STACK with its
     * frameno, {@code fp-8}; {@link FrameState#kernelText()} prints {@code fp[0]-8} for another frame's stack).
     */
    record StackPtr(int frameno, int off) implements RegState {
        @Override
        public String toString() {
            return "fp" + off;
        }
    }

    /** A map (kernel: CONST_PTR_TO_MAP, {@code map_ptr(ks=4,vs=8)}). */
    record MapPtr(MapDef map) implements RegState {
        @Override
        public String toString() {
            return "map_ptr(ks=" + map.keySize() + ",vs=" + map.valueSize() + ")";
        }
    }

    /**
     * A pointer into a map value with a fixed offset (kernel: PTR_TO_MAP_VALUE, with PTR_MAYBE_NULL
     * when {@code orNull}); {@code id} links copies for the NULL check (0 = none).
     */
    record MapValue(MapDef map, int off, int id, boolean orNull) implements RegState {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(orNull ? "map_value_or_null(" : "map_value(");
            if (id != 0) sb.append("id=").append(id).append(',');
            if (off != 0) sb.append("off=").append(off).append(',');
            return sb.append("ks=").append(map.keySize()).append(",vs=").append(map.valueSize()).append(')').toString();
        }
    }

    /**
     * A packet pointer with a fixed offset (kernel: PTR_TO_PACKET, or PTR_TO_PACKET_META when {@code meta}, id 0);
     * {@code range} is how many bytes from the packet start a comparison against the end has proven readable.
     */
    record Pkt(boolean meta, int off, int range) implements RegState {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(meta ? "pkt_meta(" : "pkt(");
            if (off != 0) sb.append("off=").append(off).append(',');
            return sb.append("r=").append(range).append(')').toString();
        }
    }

    /** The end of the packet (kernel: PTR_TO_PACKET_END, {@code pkt_end()}). */
    record PktEnd() implements RegState {
        @Override
        public String toString() {
            return "pkt_end()";
        }
    }

    /**
     * A non-NULL pointer into a map value with a fixed offset {@code off} plus a variable part {@code var}
     * (kernel: PTR_TO_MAP_VALUE whose var_off/bounds are not constant), from one {@code ptr += scalar}.
     */
    record MapValueVar(MapDef map, int off, Scalar var) implements RegState {
        @Override
        public String toString() {
            return "map_value(" + (off != 0 ? "off=" + off + "," : "") + "ks=" + map.keySize() + ",vs=" + map.valueSize()
                    + "," + var + ")";
        }
    }

    /**
     * A pointer to a kernel object described by BTF (kernel: PTR_TO_BTF_ID with its type flags): {@code btfId} is
     * the struct's id in the kernel BTF, {@code id} links copies for the NULL check, {@code refObjId} names the
     * acquired reference it carries (0 = none); {@code flags} are {@link #TRUSTED}, {@link #RCU}, {@link #UNTRUSTED},
     * {@link #MAYBE_NULL}. {@code toString()} is reg_type_str plus the BTF name, e.g. {@code trusted_ptr_task_struct()}.
     */
    record BtfPtr(int btfId, String typeName, int off, int id, int refObjId, int flags) implements RegState {
        /** PTR_TRUSTED. */
        public static final int TRUSTED = 1;
        /** MEM_RCU. */
        public static final int RCU = 2;
        /** PTR_UNTRUSTED. */
        public static final int UNTRUSTED = 4;
        /** PTR_MAYBE_NULL. */
        public static final int MAYBE_NULL = 8;

        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        public BtfPtr withFlags(int newFlags) {
            return new BtfPtr(btfId, typeName, off, id, refObjId, newFlags);
        }

        /** is_trusted_reg: referenced, or PTR_TRUSTED without unsafe modifiers. */
        public boolean trusted() {
            return refObjId != 0 || (has(TRUSTED) && !has(RCU | UNTRUSTED | MAYBE_NULL));
        }

        /** The type without the struct name (kernel: reg_type_str), e.g. {@code trusted_ptr_or_null_}. */
        public String typeStr() {
            return (has(RCU) ? "rcu_" : "") + (has(UNTRUSTED) ? "untrusted_" : "") + (has(TRUSTED) ? "trusted_" : "")
                    + "ptr_" + (has(MAYBE_NULL) ? "or_null_" : "");
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(typeStr()).append(typeName).append('(');
            String sep = "";
            if (id != 0) { sb.append("id=").append(id); sep = ","; }
            if (refObjId != 0) { sb.append(sep).append("ref_obj_id=").append(refObjId); sep = ","; }
            if (off != 0) sb.append(sep).append("off=").append(off);
            return sb.append(')').toString();
        }
    }

    RegState NOT_INIT = new NotInit();

    static RegState scalar(Scalar s) {
        return new ScalarReg(s);
    }
}
