package io.kflab.sim.runtime.ctx;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;

/**
 * An XDP buffer and its struct xdp_md view (kernel: bpf_prog_test_run_xdp): data, data_end and
 * data_meta load as packet pointers; the frame arrives on the loopback device's queue 0. There is no
 * headroom: bpf_xdp_adjust_head/meta are not simulated, so data_meta always equals data.
 */
public final class XdpContext implements ProgramContext {
    /** sizeof(struct xdp_md) and its offsets. */
    public static final int SIZE = 24, DATA = 0, DATA_END = 4, DATA_META = 8, INGRESS_IFINDEX = 12, RX_QUEUE_INDEX = 16, EGRESS_IFINDEX = 20;

    private final Region packet;
    private final Region ctx;
    private final byte[] ctxIn;

    private XdpContext(Region packet, Region ctx, byte[] ctxIn) {
        this.packet = packet;
        this.ctx = ctx;
        this.ctxIn = ctxIn;
    }

    static XdpContext create(Memory memory, byte[] data, byte[] ctxIn) {
        if (data == null || data.length < SkbContext.ETH_HLEN) {
            throw new BadInputException("--data", "an XDP test run needs at least " + SkbContext.ETH_HLEN + " bytes of packet");
        }
        Region packet = memory.wrap(RegionKind.PACKET, "xdp data", data.clone(), true);
        Region ctx = memory.allocate(RegionKind.CTX, "xdp_md", SIZE, false);
        ctx.put(INGRESS_IFINDEX, 4, SkbContext.LOOPBACK_IFINDEX);
        if (ctxIn != null) {
            byte[] in = java.util.Arrays.copyOf(ctxIn, Math.max(SIZE, ctxIn.length));
            for (int i = 0; i < in.length; i++) {
                if (in[i] != 0 && !(i >= INGRESS_IFINDEX && i < EGRESS_IFINDEX)) {
                    throw new BadInputException("--ctx", "xdp_md byte " + i + " must be zero (the runtime takes only ingress_ifindex and rx_queue_index)");
                }
            }
            int ifindex = (int) word(in, INGRESS_IFINDEX);
            if (ifindex != 0 && ifindex != SkbContext.LOOPBACK_IFINDEX) {
                throw new BadInputException("--ctx", "ingress_ifindex " + ifindex + ": the runtime has only the loopback device (ifindex 1)");
            }
            if (ifindex != 0) ctx.put(INGRESS_IFINDEX, 4, ifindex);
            ctx.put(RX_QUEUE_INDEX, 4, word(in, RX_QUEUE_INDEX));
        }
        ctx.hookLoad(DATA, packet::base);
        ctx.hookLoad(DATA_META, packet::base);
        ctx.hookLoad(DATA_END, packet::end);
        return new XdpContext(packet, ctx, ctxIn == null ? null : ctxIn.clone());
    }

    static long word(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (long) (b[off + 3] & 0xff) << 24;
    }

    @Override
    public long ctxAddr() {
        return ctx.base();
    }

    public Region packet() {
        return packet;
    }

    @Override
    public byte[] dataOut() {
        return packet.bytes().clone();
    }

    /** data = 0 and data_end = the length (offsets from data_meta), then the queue fields. */
    @Override
    public byte[] ctxOut() {
        if (ctxIn == null) return new byte[0];
        byte[] out = java.util.Arrays.copyOf(ctxIn, Math.max(ctxIn.length, SIZE));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(DATA, 0).putInt(DATA_END, packet.size()).putInt(DATA_META, 0)
                .putInt(INGRESS_IFINDEX, (int) ctx.get(INGRESS_IFINDEX, 4)).putInt(RX_QUEUE_INDEX, (int) ctx.get(RX_QUEUE_INDEX, 4));
        return java.util.Arrays.copyOf(out, ctxIn.length);
    }
}
