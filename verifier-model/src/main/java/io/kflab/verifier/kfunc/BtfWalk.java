package io.kflab.verifier.kfunc;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfArray;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.btf.BtfPtr;
import io.kflab.bpf.btf.BtfType;

/**
 * Reading a field of a kernel struct through a BTF pointer (kernel: btf_struct_access → btf_struct_walk) for the
 * cases the model covers: a read inside one scalar member (or one element of a scalar array), or an 8-byte read of a
 * pointer member. Anything else is {@link Outcome.Unsupported}.
 */
public final class BtfWalk {
    private BtfWalk() {}

    /** What a read gives. */
    public sealed interface Outcome {
        /** WALK_SCALAR: an unknown scalar. */
        record Scalar() implements Outcome {}

        /** WALK_PTR: a pointer to struct {@code btfId} read from member {@code field} of struct {@code owner}. */
        record Ptr(int btfId, String typeName, String owner, String field, boolean rcuTagged) implements Outcome {}

        /** The kernel's rejection (EACCES). */
        record Error(String message) implements Outcome {}

        /** Outside the model. */
        record Unsupported(String what) implements Outcome {}
    }

    /** A {@code size}-byte read at {@code off} of struct {@code structId}. */
    public static Outcome read(Btf btf, int structId, int off, int size) {
        int sid = btf.resolve(structId);
        for (int depth = 0; depth < 16; depth++) {
            if (!(btf.type(sid) instanceof BtfType.Composite c)) return new Outcome.Unsupported("BTF access to a non-struct");
            String sname = btf.name(sid);
            if (off < 0) return new Outcome.Unsupported("negative BTF offsets");
            if ((long) off + size > c.size()) {
                return new Outcome.Error(String.format("access beyond struct %s at off %d size %d", sname, off, size));
            }
            if (c.kind() == BtfKind.UNION) return new Outcome.Unsupported("BTF access into a union");
            BtfMember hit = null;
            for (BtfMember m : c.members()) {
                if (m.isBitfield()) continue;
                int moff = m.byteOffset();
                long msize;
                try {
                    msize = btf.sizeOf(m.type());
                } catch (RuntimeException e) {
                    continue;
                }
                if (off >= moff && off < moff + msize) { hit = m; break; }
            }
            if (hit == null) return new Outcome.Unsupported("BTF access to padding or a bitfield");
            int mid = btf.resolve(hit.type());
            int moff = hit.byteOffset();
            long msize = btf.sizeOf(mid);
            BtfType mt = btf.type(mid);
            if (mt instanceof BtfType.Composite) {
                sid = mid;
                off -= moff;
                continue;
            }
            long mend = moff + msize;
            if (mt instanceof BtfArray a) {
                int elem = btf.resolve(a.type());
                if (btf.type(elem) instanceof BtfType.Composite) return new Outcome.Unsupported("BTF access into an array of structs");
                long esize = btf.sizeOf(elem);
                long idx = (off - moff) / esize;
                moff = (int) (moff + idx * esize);
                mend = moff + esize;
                mt = btf.type(elem);
                if (off + size > mend) return new Outcome.Unsupported("BTF reads across array elements");
            }
            if (off + size > mend) {
                return new Outcome.Error(String.format("access beyond the end of member %s (mend:%d) in struct %s with off %d size %d",
                        hit.name(), mend, sname, off, size));
            }
            if (mt instanceof BtfPtr p) {
                if (off != moff || size != 8) return new Outcome.Unsupported("partial reads of BTF pointers");
                int target = btf.resolve(p.type());
                if (!(btf.type(target) instanceof BtfType.Composite) || btf.type(target).kind() != BtfKind.STRUCT) {
                    return new Outcome.Scalar();
                }
                return new Outcome.Ptr(target, btf.name(target), sname, hit.name(), rcuTagged(btf, p.type()));
            }
            return switch (mt.kind()) {
                case INT, ENUM, ENUM64 -> new Outcome.Scalar();
                default -> new Outcome.Unsupported("BTF access to a " + mt.kind() + " member");
            };
        }
        return new Outcome.Unsupported("BTF structs nested deeper than 16");
    }

    /** Whether the pointee chain carries the {@code rcu} type tag (the kernel's __rcu). */
    private static boolean rcuTagged(Btf btf, int id) {
        int cur = id;
        for (int i = 0; i < 16; i++) {
            BtfType t = btf.type(cur);
            if (t.kind() == BtfKind.TYPE_TAG && t.name().equals("rcu")) return true;
            if (!(t instanceof BtfType.Referring r) || t instanceof BtfPtr) return false;
            cur = r.type();
        }
        return false;
    }
}
