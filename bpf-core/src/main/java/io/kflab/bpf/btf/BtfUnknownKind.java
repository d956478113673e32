package io.kflab.bpf.btf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A type of a kind this reader does not know, kept opaque so type ids stay right (kernel: a
 * struct btf_type whose size is described by the header's layout section, struct btf_layout).
 * {@code data} holds the {@code infoSize + vlen * elemSize} bytes after the btf_type, in file order.
 */
public record BtfUnknownKind(String name, int kindNumber, boolean kindFlag, int vlen,
        int sizeOrType, int infoSize, int elemSize, byte[] data) implements BtfType {
    public BtfUnknownKind { data = data.clone(); }

    @Override public BtfKind kind() { return BtfKind.UNKNOWN_KIND; }

    @Override public byte[] data() { return data.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof BtfUnknownKind u && name.equals(u.name) && kindNumber == u.kindNumber
                && kindFlag == u.kindFlag && vlen == u.vlen && sizeOrType == u.sizeOrType
                && infoSize == u.infoSize && elemSize == u.elemSize && Arrays.equals(data, u.data);
    }

    @Override public int hashCode() {
        return name.hashCode() * 31 + kindNumber * 7 + vlen + Arrays.hashCode(data);
    }

    @Override public String toString() {
        return "BtfUnknownKind[name=" + name + ", kind=" + kindNumber + ", kindFlag=" + kindFlag
                + ", vlen=" + vlen + ", sizeOrType=" + sizeOrType + ", infoSize=" + infoSize
                + ", elemSize=" + elemSize + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
