package io.kflab.sim.runtime.ctx;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.sim.runtime.mem.Memory;
import io.kflab.sim.runtime.mem.Region;
import io.kflab.sim.runtime.mem.RegionKind;

/**
 * A socket buffer and the struct __sk_buff view programs get of it (kernel: bpf_prog_test_run_skb,
 * eth_type_trans on the loopback device, convert___skb_to_skb / convert_skb_to___skb). For tc
 * (sched_cls/act) skb->data is the Ethernet header; for socket filters it is the network header and
 * the 14 Ethernet bytes come back zeroed in data_out. Fields the runtime does not model read as 0.
 */
public final class SkbContext implements ProgramContext {
    /** Ethernet header length (kernel: ETH_HLEN). */
    public static final int ETH_HLEN = 14;
    /** sizeof(struct __sk_buff). */
    public static final int SIZE = 192;

    // struct __sk_buff offsets
    public static final int LEN = 0, PKT_TYPE = 4, MARK = 8, QUEUE_MAPPING = 12, PROTOCOL = 16, PRIORITY = 32,
            INGRESS_IFINDEX = 36, IFINDEX = 40, TC_INDEX = 44, CB = 48, CB_END = 68, HASH = 68, TC_CLASSID = 72, DATA = 76,
            DATA_END = 80, DATA_META = 140, TSTAMP = 152, WIRE_LEN = 160, GSO_SEGS = 164, GSO_SIZE = 176, HWTSTAMP = 184;
    /** The loopback device's ifindex: test runs happen on it. */
    public static final int LOOPBACK_IFINDEX = 1;

    private final Region packet;
    private final Region ctx;
    private final byte[] ctxIn;
    private final int dataOff;

    private SkbContext(Region packet, Region ctx, byte[] ctxIn, int dataOff) {
        this.packet = packet;
        this.ctx = ctx;
        this.ctxIn = ctxIn;
        this.dataOff = dataOff;
    }

    static SkbContext create(Memory memory, byte[] data, byte[] ctxIn, boolean l2) {
        if (data == null || data.length < ETH_HLEN) {
            throw new BadInputException("--data", "an skb test run needs at least " + ETH_HLEN + " bytes of packet (an Ethernet header)");
        }
        if (ctxIn != null) checkCtxIn(ctxIn);
        byte[] frame = data.clone();
        Region packet = memory.wrap(RegionKind.PACKET, "skb data", frame, l2);
        Region ctx = memory.allocate(RegionKind.CTX, "__sk_buff", SIZE, true);
        int dataOff = l2 ? 0 : ETH_HLEN;
        SkbContext s = new SkbContext(packet, ctx, ctxIn == null ? null : ctxIn.clone(), dataOff);
        int len = frame.length - dataOff;
        ctx.put(LEN, 4, len);
        ctx.put(PKT_TYPE, 4, pktType(frame));
        ctx.put(PROTOCOL, 4, protocol(frame) & 0xffff);
        ctx.put(IFINDEX, 4, LOOPBACK_IFINDEX);
        ctx.put(WIRE_LEN, 4, len);
        if (ctxIn != null) {
            byte[] in = new byte[SIZE];
            System.arraycopy(ctxIn, 0, in, 0, Math.min(SIZE, ctxIn.length));
            for (int off : new int[] {MARK, PRIORITY, INGRESS_IFINDEX, GSO_SEGS, GSO_SIZE}) ctx.put(off, 4, word(in, off));
            int ifindex = word(in, IFINDEX);
            if (ifindex != 0 && ifindex != LOOPBACK_IFINDEX) {
                throw new BadInputException("--ctx", "ifindex " + ifindex + ": the runtime has only the loopback device (ifindex 1)");
            }
            System.arraycopy(in, CB, ctx.bytes(), CB, CB_END - CB);
            System.arraycopy(in, TSTAMP, ctx.bytes(), TSTAMP, 8);
            System.arraycopy(in, HWTSTAMP, ctx.bytes(), HWTSTAMP, 8);
            int wire = word(in, WIRE_LEN);
            if (wire != 0) {
                if (wire < len) throw new BadInputException("--ctx", "wire_len " + wire + " is below the packet length " + len);
                ctx.put(WIRE_LEN, 4, wire);
            }
        }
        long data0 = packet.base() + dataOff;
        ctx.hookLoad(DATA, () -> data0);
        ctx.hookLoad(DATA_META, () -> data0);
        ctx.hookLoad(DATA_END, packet::end);
        return s;
    }

    /** The kernel accepts only mark, priority, ingress_ifindex, ifindex, cb, tstamp, wire_len, gso_segs, gso_size and hwtstamp in ctx_in. */
    private static void checkCtxIn(byte[] in) {
        if (in.length > SIZE) {
            for (int i = SIZE; i < in.length; i++) {
                if (in[i] != 0) throw new BadInputException("--ctx", "bytes past sizeof(struct __sk_buff) = " + SIZE + " must be zero");
            }
        }
        int[][] allowed = {{MARK, 4}, {PRIORITY, 12}, {CB, CB_END - CB}, {TSTAMP, 12}, {GSO_SEGS, 4}, {GSO_SIZE, 4}, {HWTSTAMP, 8}};
        for (int i = 0; i < Math.min(SIZE, in.length); i++) {
            if (in[i] == 0) continue;
            boolean ok = false;
            for (int[] a : allowed) ok |= i >= a[0] && i < a[0] + a[1];
            if (!ok) throw new BadInputException("--ctx", "__sk_buff byte " + i + " must be zero in ctx_in (BPF_PROG_TEST_RUN accepts only mark, priority, ingress_ifindex, ifindex, cb, tstamp, wire_len, gso_segs, gso_size, hwtstamp)");
        }
    }

    private static int word(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    /**
     * eth_type_trans on the loopback device: its address is all zero and it has no broadcast address
     * (loopback_setup never sets dev->broadcast), so ff:ff:ff:ff:ff:ff counts as multicast, not broadcast.
     */
    private static int pktType(byte[] f) {
        boolean zero = true;
        for (int i = 0; i < 6; i++) zero &= f[i] == 0;
        if (zero) return 0; // PACKET_HOST
        return (f[0] & 1) != 0 ? 2 : 3; // PACKET_MULTICAST : PACKET_OTHERHOST
    }

    /** skb->protocol (network order, as stored): the EtherType, or ETH_P_802_3 / ETH_P_802_2 for length fields. */
    private static int protocol(byte[] f) {
        int type = (f[12] & 0xff) << 8 | (f[13] & 0xff);
        int host;
        if (type >= 0x600) host = type;
        else if (f.length >= 16 && f[14] == (byte) 0xff && f[15] == (byte) 0xff) host = 0x0001;
        else host = 0x0004;
        return Short.reverseBytes((short) host) & 0xffff;
    }

    @Override
    public long ctxAddr() {
        return ctx.base();
    }

    @Override
    public SkbContext skb() {
        return this;
    }

    /** The frame, Ethernet header included. */
    public Region packet() {
        return packet;
    }

    /** Where skb->data is in the frame (0 for tc, 14 for socket filters). */
    public int dataOffset() {
        return dataOff;
    }

    /** Offset of the network header in the frame (kernel: skb_network_header). */
    public int networkOffset() {
        return ETH_HLEN;
    }

    @Override
    public byte[] dataOut() {
        byte[] out = packet.bytes().clone();
        if (dataOff > 0) java.util.Arrays.fill(out, 0, ETH_HLEN, (byte) 0);
        return out;
    }

    @Override
    public byte[] ctxOut() {
        if (ctxIn == null) return new byte[0];
        byte[] out = ctxIn.clone();
        byte[] now = ctx.bytes();
        int[][] back = {{MARK, 4}, {PRIORITY, 4}, {INGRESS_IFINDEX, 4}, {IFINDEX, 4}, {TSTAMP, 8}, {CB, CB_END - CB},
                {WIRE_LEN, 4}, {GSO_SEGS, 4}, {HWTSTAMP, 8}};
        for (int[] f : back) {
            if (f[0] + f[1] <= out.length) System.arraycopy(now, f[0], out, f[0], f[1]);
        }
        return out;
    }
}
