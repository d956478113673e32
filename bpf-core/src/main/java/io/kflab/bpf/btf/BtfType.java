package io.kflab.bpf.btf;

/**
 * One BTF type (kernel: struct btf_type and the data following it). Names are decoded Strings;
 * the empty string means anonymous. Type references are type ids into the same {@link Btf}.
 */
public sealed interface BtfType
        permits BtfType.Referring, BtfType.Composite, BtfType.Enumeration, BtfVoid, BtfInt,
                BtfArray, BtfFwd, BtfFunc, BtfFuncProto, BtfVar, BtfDatasec, BtfFloat, BtfDeclTag,
                BtfUnknownKind {

    /** The type's name, "" when anonymous (kernel: btf_type.name_off). */
    String name();

    /** The kind of this type. */
    BtfKind kind();

    /** A type that refers to exactly one other type through btf_type.type. */
    sealed interface Referring extends BtfType
            permits BtfPtr, BtfTypedef, BtfVolatile, BtfConst, BtfRestrict, BtfTypeTag {
        /** The referenced type id. */
        int type();
    }

    /** A struct or union (kernel: BTF_KIND_STRUCT / BTF_KIND_UNION with btf_member entries). */
    sealed interface Composite extends BtfType permits BtfStruct, BtfUnion {
        /** Size in bytes. */
        int size();

        /** Whether member offsets carry bitfield sizes (kernel: kind_flag). */
        boolean kindFlag();

        /** The members in declaration order. */
        java.util.List<BtfMember> members();
    }

    /** An enumeration (kernel: BTF_KIND_ENUM / BTF_KIND_ENUM64). */
    sealed interface Enumeration extends BtfType permits BtfEnum, BtfEnum64 {
        /** Size in bytes. */
        int size();

        /** Whether values are signed (kernel: kind_flag). */
        boolean signed();

        /** The enumerators in declaration order. */
        java.util.List<BtfEnumValue> values();
    }
}
