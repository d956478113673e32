package io.kflab.verifier.selftest;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfArray;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Layouts of the kernel's UAPI structs (struct __sk_buff, xdp_md, bpf_sock, ...) that selftests
 * take offsetof/sizeof of, read from a kernel's BTF; {@link #NONE} knows none.
 */
public interface KernelTypes {
    /** Knows no kernel struct. */
    KernelTypes NONE = new KernelTypes() {
        @Override public OptionalLong sizeOf(String struct) { return OptionalLong.empty(); }
        @Override public OptionalLong offsetOf(String struct, List<Object> path) { return OptionalLong.empty(); }
    };

    /** Size of {@code struct name}. */
    OptionalLong sizeOf(String struct);

    /** Byte offset of a member path (names, and Long indexes into arrays), e.g. [cb, 2]. */
    OptionalLong offsetOf(String struct, List<Object> path);

    /** The layouts in {@code btf} (e.g. /sys/kernel/btf/vmlinux). */
    static KernelTypes of(Btf btf) {
        return new KernelTypes() {
            @Override
            public OptionalLong sizeOf(String struct) {
                OptionalInt id = find(struct);
                return id.isPresent() ? OptionalLong.of(btf.sizeOf(id.getAsInt())) : OptionalLong.empty();
            }

            @Override
            public OptionalLong offsetOf(String struct, List<Object> path) {
                OptionalInt id = find(struct);
                if (id.isEmpty()) return OptionalLong.empty();
                int type = id.getAsInt();
                long off = 0;
                for (Object step : path) {
                    if (step instanceof String name) {
                        long[] found = member(type, name);
                        if (found == null) return OptionalLong.empty();
                        off += found[0];
                        type = (int) found[1];
                    } else {
                        if (!(btf.type(btf.resolve(type)) instanceof BtfArray a)) return OptionalLong.empty();
                        off += (Long) step * btf.sizeOf(a.type());
                        type = a.type();
                    }
                }
                return OptionalLong.of(off);
            }

            private OptionalInt find(String struct) {
                OptionalInt id = btf.findByName(struct, BtfKind.STRUCT);
                return id.isPresent() ? id : btf.findByName(struct, BtfKind.UNION);
            }

            /** {byte offset, type id} of a member, looking into anonymous members. */
            private long[] member(int type, String name) {
                BtfKind k = btf.kind(btf.resolve(type));
                if (k != BtfKind.STRUCT && k != BtfKind.UNION) return null;
                for (BtfMember m : btf.members(type)) {
                    if (m.name().equals(name)) return new long[] {m.byteOffset(), m.type()};
                    if (m.name().isEmpty()) {
                        long[] inner = member(m.type(), name);
                        if (inner != null) return new long[] {m.byteOffset() + inner[0], inner[1]};
                    }
                }
                return null;
            }
        };
    }
}
