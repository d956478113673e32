package io.kflab.verifier.structops;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfFuncProto;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.btf.BtfParam;
import io.kflab.bpf.btf.BtfPtr;
import io.kflab.bpf.btf.BtfRenderer;
import io.kflab.bpf.btf.StructOpsMember;
import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A struct_ops type as the running kernel's BTF describes it (kernel: bpf_struct_ops_desc's type and
 * value_type): the struct, its {@code bpf_struct_ops_<name>} value type, and the members by BTF position.
 *
 * @param name the struct's name, e.g. {@code tcp_congestion_ops}
 * @param typeId BTF id of the struct (a program's attach_btf_id)
 * @param valueTypeId BTF id of {@code bpf_struct_ops_<name>} (a map's btf_vmlinux_value_type_id)
 * @param valueSize size of the value type (a map's value_size)
 * @param dataOffset offset of the struct inside the value (after the 8-byte common part, aligned)
 * @param size size of the struct
 * @param members every member, in BTF order
 */
public record StructOpsType(String name, int typeId, int valueTypeId, int valueSize, int dataOffset, int size,
                            List<OpsMember> members) {
    /** Size of the common part {refcnt, state} at the start of every value (kernel: bpf_struct_ops_common_value). */
    public static final int COMMON_SIZE = 8;

    public StructOpsType {
        members = List.copyOf(members);
    }

    /** The member at a BTF index, if in range. */
    public Optional<OpsMember> member(int index) {
        return index >= 0 && index < members.size() ? Optional.of(members.get(index)) : Optional.empty();
    }

    /** The member with this name. */
    public Optional<OpsMember> member(String memberName) {
        return members.stream().filter(m -> m.name().equals(memberName)).findFirst();
    }

    /** The function members. */
    public List<OpsMember.Func> funcs() {
        return members.stream().filter(m -> m instanceof OpsMember.Func).map(m -> (OpsMember.Func) m).toList();
    }

    /** Every struct_ops type of {@code btf}, by name order of discovery. */
    public static List<StructOpsType> all(Btf btf) {
        return StructOpsMember.types(btf).stream().map(n -> of(btf, n)).toList();
    }

    /**
     * Reads struct_ops type {@code name} from {@code btf}.
     *
     * @throws BadInputException when there is no such struct or no {@code bpf_struct_ops_<name>} value type
     */
    public static StructOpsType of(Btf btf, String name) {
        OptionalInt id = btf.findByName(name, BtfKind.STRUCT);
        OptionalInt vid = btf.findByName(StructOpsMember.VALUE_PREFIX + name, BtfKind.STRUCT);
        if (id.isEmpty() || vid.isEmpty()) {
            throw new BadInputException("struct_ops type " + name, "a struct " + name + " with a "
                    + StructOpsMember.VALUE_PREFIX + name + " value type in " + btf.source() + "; it has: "
                    + String.join(", ", StructOpsMember.types(btf)));
        }
        int typeId = id.getAsInt(), valueId = vid.getAsInt();
        List<BtfMember> vm = btf.members(valueId);
        int dataOffset = vm.size() == 2 ? vm.get(1).byteOffset() : COMMON_SIZE;
        BtfRenderer renderer = new BtfRenderer(btf);
        List<OpsMember> members = new ArrayList<>();
        List<BtfMember> raw = btf.members(typeId);
        for (int i = 0; i < raw.size(); i++) {
            BtfMember m = raw.get(i);
            int size = (int) btf.sizeOf(m.type());
            Optional<BtfFuncProto> proto = funcProto(btf, m.type());
            if (proto.isPresent()) {
                BtfFuncProto p = proto.get();
                List<String> params = p.params().stream().map(BtfParam::type).map(renderer::typeName).toList();
                members.add(new OpsMember.Func(m.name(), i, m.byteOffset(), size, p.returnType() != 0, params));
            } else {
                members.add(new OpsMember.Data(m.name(), i, m.byteOffset(), size, isModulePointer(btf, m.type())));
            }
        }
        return new StructOpsType(name, typeId, valueId, (int) btf.sizeOf(valueId), dataOffset,
                (int) btf.sizeOf(typeId), members);
    }

    /** kernel: btf_type_resolve_func_ptr. */
    private static Optional<BtfFuncProto> funcProto(Btf btf, int typeId) {
        if (!(btf.type(btf.resolve(typeId)) instanceof BtfPtr ptr)) return Optional.empty();
        return btf.type(btf.resolve(ptr.type())) instanceof BtfFuncProto p ? Optional.of(p) : Optional.empty();
    }

    /** kernel: is_module_member (a pointer to struct or forward-declared {@code module}). */
    private static boolean isModulePointer(Btf btf, int typeId) {
        if (!(btf.type(btf.resolve(typeId)) instanceof BtfPtr ptr)) return false;
        int target = btf.resolve(ptr.type());
        BtfKind k = btf.kind(target);
        return (k == BtfKind.STRUCT || k == BtfKind.FWD) && btf.name(target).equals("module");
    }
}
