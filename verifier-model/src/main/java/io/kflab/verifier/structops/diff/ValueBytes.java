package io.kflab.verifier.structops.diff;

import io.kflab.verifier.structops.OpsMember;
import io.kflab.verifier.structops.StructOpsState;
import io.kflab.verifier.structops.StructOpsType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Lays a {@link ValueSpec} out as the bytes of a {@code bpf_struct_ops_<name>} value, and describes a looked-up value. */
public final class ValueBytes {
    private ValueBytes() {}

    /** The value bytes of {@code v} for type {@code t}; {@code fdOf} turns program handles into fd numbers. */
    public static byte[] build(StructOpsType t, ValueSpec v, ToIntFunction<String> fdOf) {
        ByteBuffer b = ByteBuffer.allocate(t.valueSize()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, v.refcnt).putInt(4, v.state);
        int base = t.dataOffset();
        v.funcs.forEach((m, h) -> b.putLong(base + member(t, m).offset(), Integer.toUnsignedLong(fdOf.applyAsInt(h))));
        if (v.name != null) {
            OpsMember n = member(t, "name");
            b.put(base + n.offset(), v.name, 0, Math.min(v.name.length, n.size()));
        }
        v.data.forEach((m, x) -> {
            OpsMember d = member(t, m);
            for (int i = 0; i < Math.min(8, d.size()); i++) b.put(base + d.offset() + i, (byte) (x >>> (8 * i)));
        });
        if (v.valueHole) b.put(StructOpsType.COMMON_SIZE, (byte) 1);
        if (v.structTail) {
            OpsMember last = t.members().get(t.members().size() - 1);
            if (last.offset() + last.size() >= t.size()) throw new IllegalArgumentException(t.name() + " has no tail padding");
            b.put(base + t.size() - 1, (byte) 1);
        }
        return b.array();
    }

    private static OpsMember member(StructOpsType t, String name) {
        return t.member(name).orElseThrow(() -> new IllegalArgumentException(t.name() + " has no member " + name));
    }

    /** {@code state=INUSE refcnt=1 funcs=[ssthresh, ...] name=x}: what the kernel and the model are compared on. */
    public static String describe(StructOpsType t, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        List<String> funcs = new ArrayList<>();
        for (OpsMember.Func f : t.funcs()) if (b.getLong(t.dataOffset() + f.offset()) != 0) funcs.add(f.name());
        String s = "state=" + StructOpsState.of(b.getInt(4)) + " refcnt=" + b.getInt(0) + " funcs=" + funcs;
        if (t.member("name").isPresent()) {
            OpsMember n = t.member("name").get();
            int end = 0;
            while (end < n.size() && value[t.dataOffset() + n.offset() + end] != 0) end++;
            s += " name=" + new String(value, t.dataOffset() + n.offset(), end, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return s;
    }
}
