package io.kflab.bpf.sys;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What the kernel tells about a link (kernel: struct bpf_link_info): the common head and the
 * per-type union as raw bytes, with readers for the simple members.
 */
public record LinkInfo(int type, int id, int progId, byte[] detail) {

    /** The link type, when this kflab knows the number. */
    public Optional<LinkType> linkType() {
        return LinkType.of(type);
    }

    /** xdp.ifindex (also tcx.ifindex, netkit.ifindex). */
    public int xdpIfindex() {
        return u32(0);
    }

    /** struct_ops.map_id. */
    public int structOpsMapId() {
        return u32(0);
    }

    /** tracing.attach_type. */
    public int tracingAttachType() {
        return u32(0);
    }

    /** tracing.target_btf_id. */
    public int tracingTargetBtfId() {
        return u32(8);
    }

    /** A u32 of the union at a byte offset. */
    public int u32(int offset) {
        return ByteBuffer.wrap(detail).order(ByteOrder.nativeOrder()).getInt(offset);
    }

    static LinkInfo read(MemorySegment s) {
        long at = BpfInfoLayout.LINK_INFO.byteOffset(MemoryLayout.PathElement.groupElement("detail"));
        return new LinkInfo(s.get(ValueLayout.JAVA_INT, 0), s.get(ValueLayout.JAVA_INT, 4),
                s.get(ValueLayout.JAVA_INT, 8),
                s.asSlice(at, BpfInfoLayout.LINK_DETAIL_SIZE).toArray(ValueLayout.JAVA_BYTE));
    }
}
