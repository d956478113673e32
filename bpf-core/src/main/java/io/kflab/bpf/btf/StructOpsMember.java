package io.kflab.bpf.btf;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A struct_ops member a program implements: the struct's BTF id (PROG_LOAD attach_btf_id) and the
 * member's index (expected_attach_type), as libbpf sets them for a SEC("struct_ops/...") program.
 */
public record StructOpsMember(String struct, int structBtfId, String member, int memberIndex) {
    /** The prefix of the value type the kernel wraps each struct_ops type in. */
    public static final String VALUE_PREFIX = "bpf_struct_ops_";

    /** The struct_ops types this BTF knows: those with a {@code bpf_struct_ops_<name>} value type. */
    public static List<String> types(Btf btf) {
        List<String> out = new ArrayList<>();
        for (int id = 1; id <= btf.size(); id++) {
            if (btf.kind(id) == BtfKind.STRUCT && btf.name(id).startsWith(VALUE_PREFIX)) {
                String name = btf.name(id).substring(VALUE_PREFIX.length());
                if (btf.findByName(name, BtfKind.STRUCT).isPresent()) out.add(name);
            }
        }
        return out;
    }

    /**
     * Resolves {@code STRUCT:MEMBER}.
     *
     * @throws BadInputException naming what is wrong and what exists
     */
    public static StructOpsMember resolve(Btf btf, String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new BadInputException("--attach " + spec, "expected STRUCT:MEMBER, e.g. tcp_congestion_ops:cong_avoid");
        }
        String struct = spec.substring(0, colon), member = spec.substring(colon + 1);
        OptionalInt value = btf.findByName(VALUE_PREFIX + struct, BtfKind.STRUCT);
        OptionalInt id = btf.findByName(struct, BtfKind.STRUCT);
        if (value.isEmpty() || id.isEmpty()) {
            throw new BadInputException("--attach " + spec, "no struct_ops type '" + struct + "' in " + btf.source()
                    + "; it has: " + String.join(", ", types(btf)));
        }
        List<BtfMember> members = btf.members(id.getAsInt());
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).name().equals(member)) return new StructOpsMember(struct, id.getAsInt(), member, i);
        }
        throw new BadInputException("--attach " + spec, "struct " + struct + " has no member '" + member + "'; members: "
                + members.stream().map(BtfMember::name).collect(Collectors.joining(", ")));
    }
}
