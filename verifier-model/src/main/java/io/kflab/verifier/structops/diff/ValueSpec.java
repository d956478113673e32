package io.kflab.verifier.structops.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value a scenario writes into a struct_ops map (kernel: struct bpf_struct_ops_&lt;name&gt;), by
 * member: program handles for function members, the name and flags, raw numbers for other data
 * members, and deliberate faults (nonzero common part or padding).
 */
public final class ValueSpec {
    final Map<String, String> funcs = new LinkedHashMap<>();
    final Map<String, Long> data = new LinkedHashMap<>();
    byte[] name;
    int refcnt;
    int state;
    boolean valueHole;
    boolean structTail;

    /** An empty value (all zeros). */
    public static ValueSpec of() {
        return new ValueSpec();
    }

    /** Member {@code member} holds the fd of program handle {@code prog} ({@code #bad}: an fd nobody has open). */
    public ValueSpec func(String member, String prog) {
        funcs.put(member, prog);
        return this;
    }

    /** The three members tcp_congestion_ops requires, from handles ssthresh, cong_avoid, undo_cwnd. */
    public ValueSpec tcpRequired() {
        return func("ssthresh", "ssthresh").func("cong_avoid", "cong_avoid").func("undo_cwnd", "undo_cwnd");
    }

    /** The {@code name} member (ISO-8859-1 bytes, NUL-padded; more than its size is cut, without a NUL). */
    public ValueSpec name(String n) {
        this.name = n.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return this;
    }

    /** A data member's first bytes hold {@code value} (little-endian, as many bytes as the member has, up to 8). */
    public ValueSpec data(String member, long value) {
        data.put(member, value);
        return this;
    }

    /** The common part's refcnt and state (the kernel wants both zero). */
    public ValueSpec common(int refcnt, int state) {
        this.refcnt = refcnt;
        this.state = state;
        return this;
    }

    /** A nonzero byte in the padding between the common part and the struct. */
    public ValueSpec valueHole() {
        this.valueHole = true;
        return this;
    }

    /** A nonzero byte in the struct's tail padding (after its last member). */
    public ValueSpec structTail() {
        this.structTail = true;
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        if (name != null) b.append("name=").append(new String(name, java.nio.charset.StandardCharsets.ISO_8859_1)).append(' ');
        funcs.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        data.forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        if (refcnt != 0 || state != 0) b.append("common=").append(refcnt).append('/').append(state).append(' ');
        if (valueHole) b.append("value-hole ");
        if (structTail) b.append("struct-tail ");
        return b.toString().strip() + "}";
    }
}
