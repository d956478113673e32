package io.kflab.sim.runtime.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.isa.AtomicOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.Program;
import io.kflab.bpf.isa.Size;
import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.Sim;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    /** The fixture the tests run on: the interpreter here, other engines in subclasses. */
    Sim sim(io.kflab.sim.runtime.RuntimeConfig config) {
        return new Sim(config);
    }

    final Sim sim() {
        return sim(io.kflab.sim.runtime.RuntimeConfig.defaults());
    }

    private long r0(String asm) {
        return sim().r0(asm);
    }

    @Test
    void divisionAndModuloByZero() {
        assertThat(r0("r0 = 7\nr1 = 0\nr0 /= r1\nexit")).isZero();
        assertThat(r0("r0 = 7\nr1 = 0\nr0 %= r1\nexit")).isEqualTo(7);
        // 32-bit modulo by zero keeps the low half and zero-extends it
        assertThat(r0("r0 = -1 ll\nr1 = 0\nw0 %= w1\nexit")).isEqualTo(0xffff_ffffL);
        // the 32-bit forms look at the divisor's low half only
        assertThat(r0("r0 = 9\nr1 = 0x100000000 ll\nw0 /= w1\nexit")).isZero();
        assertThat(r0("r0 = 9\nr1 = 0x100000000 ll\nr0 /= r1\nexit")).isZero();
        assertThat(r0("r0 = 0x100000009 ll\nr1 = 0x100000000 ll\nr0 %= r1\nexit")).isEqualTo(9);
    }

    @Test
    void signedDivisionOverflowWraps() {
        assertThat(r0("r0 = 0x8000000000000000 ll\nr1 = -1\nr0 s/= r1\nexit")).isEqualTo(Long.MIN_VALUE);
        assertThat(r0("r0 = 0x8000000000000000 ll\nr1 = -1\nr0 s%= r1\nexit")).isZero();
        assertThat(r0("w0 = 0x80000000\nw1 = -1\nw0 s/= w1\nexit")).isEqualTo(0x8000_0000L);
        assertThat(r0("r0 = -7\nr0 s/= 2\nexit")).isEqualTo(-3);
        assertThat(r0("r0 = -7\nr0 s%= 2\nexit")).isEqualTo(-1);
        assertThat(r0("r0 = -7\nr1 = 0\nr0 s%= r1\nexit")).isEqualTo(-7);
    }

    @Test
    void thirtyTwoBitResultsZeroExtend() {
        assertThat(r0("r0 = -1\nw0 += 1\nexit")).isZero();
        assertThat(r0("r0 = -1\nw0 = w0\nexit")).isEqualTo(0xffff_ffffL);
        assertThat(r0("w0 = -1\nexit")).isEqualTo(0xffff_ffffL);
        assertThat(r0("r0 = -1\nexit")).isEqualTo(-1);
        assertThat(r0("r0 = 5\nw0 = -w0\nexit")).isEqualTo(0xffff_fffbL);
    }

    @Test
    void shiftAmountsAreMasked() {
        assertThat(r0("r0 = 1\nr1 = 65\nr0 <<= r1\nexit")).isEqualTo(2);
        assertThat(r0("w0 = 1\nw1 = 33\nw0 <<= w1\nexit")).isEqualTo(2);
        assertThat(r0("r0 = -8\nr1 = 66\nr0 s>>= r1\nexit")).isEqualTo(-2);
        assertThat(r0("w0 = -8\nw1 = 34\nw0 s>>= w1\nexit")).isEqualTo(0xffff_fffeL);
    }

    @Test
    void signExtension() {
        assertThat(r0("r1 = 0x80\nr0 = (s8)r1\nexit")).isEqualTo(-128);
        assertThat(r0("r1 = 0x8000\nw0 = (s16)w1\nexit")).isEqualTo(0xffff_8000L);
        assertThat(r0("r1 = 0x80000000 ll\nr0 = (s32)r1\nexit")).isEqualTo(-0x8000_0000L);
        assertThat(r0("r1 = 0xff\n*(u8 *)(r10 - 1) = r1\nr0 = *(s8 *)(r10 - 1)\nexit")).isEqualTo(-1);
        assertThat(r0("r1 = 0xff\n*(u8 *)(r10 - 1) = r1\nr0 = *(u8 *)(r10 - 1)\nexit")).isEqualTo(0xff);
    }

    @Test
    void byteSwaps() {
        assertThat(r0("r0 = 0x1122334455667788 ll\nr0 = be16 r0\nexit")).isEqualTo(0x8877);
        assertThat(r0("r0 = 0x1122334455667788 ll\nr0 = le16 r0\nexit")).isEqualTo(0x7788);
        assertThat(r0("r0 = 0x1122334455667788 ll\nr0 = le32 r0\nexit")).isEqualTo(0x55667788L);
        assertThat(r0("r0 = 0x1122334455667788 ll\nr0 = bswap64 r0\nexit")).isEqualTo(0x8877665544332211L);
        assertThat(r0("r0 = 0x1122334455667788 ll\nr0 = bswap32 r0\nexit")).isEqualTo(0x88776655L);
    }

    @Test
    void jumps() {
        assertThat(r0("r1 = 0x100000001 ll\nr0 = 0\nif w1 == 1 goto +1\nexit\nr0 = 1\nexit")).isEqualTo(1);
        assertThat(r0("r1 = 0x100000001 ll\nr0 = 0\nif r1 == 1 goto +1\nexit\nr0 = 1\nexit")).isZero();
        assertThat(r0("r1 = -1\nr0 = 0\nif r1 s< 0 goto +1\nexit\nr0 = 1\nexit")).isEqualTo(1);
        assertThat(r0("r1 = -1\nr0 = 0\nif r1 > 5 goto +1\nexit\nr0 = 1\nexit")).isEqualTo(1);
        assertThat(r0("r0 = 1\ngotol l\nr0 = 2\nl:\nexit")).isEqualTo(1);
        assertThat(r0("r1 = 6\nr0 = 0\nif r1 & 2 goto +1\nexit\nr0 = 1\nexit")).isEqualTo(1);
    }

    @Test
    void stackAtomics() {
        assertThat(r0("r1 = 5\n*(u64 *)(r10 - 8) = r1\nr2 = 3\nlock *(u64 *)(r10 - 8) += r2\nr0 = *(u64 *)(r10 - 8)\nexit")).isEqualTo(8);
        assertThat(r0("r1 = 5\n*(u64 *)(r10 - 8) = r1\nr2 = 3\nr2 = atomic_fetch_add((u64 *)(r10 - 8), r2)\nr0 = *(u64 *)(r10 - 8)\nr0 <<= 8\nr0 |= r2\nexit"))
                .isEqualTo(8 << 8 | 5);
        assertThat(r0("r1 = 5\n*(u64 *)(r10 - 8) = r1\nr2 = 9\nr2 = xchg_64(r10 - 8, r2)\nr0 = *(u64 *)(r10 - 8)\nr0 <<= 8\nr0 |= r2\nexit"))
                .isEqualTo(9 << 8 | 5);
        // cmpxchg: equal -> store, r0 = old
        assertThat(r0("r1 = 5\n*(u64 *)(r10 - 8) = r1\nr0 = 5\nr2 = 7\nr0 = cmpxchg_64(r10 - 8, r0, r2)\nr1 = *(u64 *)(r10 - 8)\nr0 <<= 8\nr0 |= r1\nexit"))
                .isEqualTo(5 << 8 | 7);
        // not equal -> no store
        assertThat(r0("r1 = 5\n*(u64 *)(r10 - 8) = r1\nr0 = 6\nr2 = 7\nr0 = cmpxchg_64(r10 - 8, r0, r2)\nr1 = *(u64 *)(r10 - 8)\nr0 <<= 8\nr0 |= r1\nexit"))
                .isEqualTo(5 << 8 | 5);
    }

    @Test
    void thirtyTwoBitFetchZeroExtendsTheOldValue() {
        Sim s = sim();
        Program p = new Program(java.util.List.of(
                Insn.LoadImm64.of(1, -1L),
                new Insn.Store(Size.DW, 10, (short) -8, io.kflab.bpf.isa.Operand.reg(1)),
                Insn.LoadImm64.of(2, 0x7_0000_0001L),
                new Insn.Atomic(Size.W, AtomicOp.FETCH_ADD, 10, 2, (short) -8),
                new Insn.Load(Size.DW, false, 3, 10, (short) -8),
                new Insn.Alu(io.kflab.bpf.isa.Width.W64, io.kflab.bpf.isa.AluOp.MOV, 0, io.kflab.bpf.isa.Operand.reg(2)),
                new Insn.Exit()));
        var lp = s.rt.load(p, ProgType.SYSCALL);
        assertThat(s.engine().run(lp, new RunInput(null, null, 1)).retval()).isEqualTo(0xffff_ffffL);
        // only the low word changed: 0xffffffff + 1 = 0 (no carry into the high word)
        assertThat(s.rt.stack(0).get(512 - 8, 8)).isEqualTo(0xffff_ffff_0000_0000L);
    }

    @Test
    void outOfBoundsStackAccessFaults() {
        assertThatThrownBy(() -> r0("r0 = *(u64 *)(r10 + 0)\nexit")).isInstanceOf(RuntimeFault.class)
                .satisfies(e -> assertThat(((RuntimeFault) e).insn()).isZero()).hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> r0("r0 = 0\nr0 = *(u64 *)(r10 - 520)\nexit")).isInstanceOf(RuntimeFault.class)
                .satisfies(e -> assertThat(((RuntimeFault) e).insn()).isEqualTo(1));
        assertThatThrownBy(() -> r0("r1 = 0\nr0 = *(u8 *)(r1 + 0)\nexit")).hasMessageContaining("not a pointer");
    }

    @Test
    void readOnlyContextRejectsWrites() {
        Sim s = sim();
        assertThatThrownBy(() -> s.run("r0 = 1\n*(u32 *)(r1 + 0) = r0\nexit", ProgType.XDP, new byte[64], null))
                .isInstanceOf(RuntimeFault.class).hasMessageContaining("read-only");
    }

    @Test
    void bpfToBpfCallsPreserveCalleeSavedRegistersAndHaveOwnStacks() {
        String asm = """
                r6 = 100
                r1 = 1
                *(u64 *)(r10 - 8) = r6
                call f
                r1 = *(u64 *)(r10 - 8)
                r0 += r6
                r0 += r1
                exit
                f:
                r6 = 7
                *(u64 *)(r10 - 8) = r6
                r0 = r1
                r0 += 1
                exit
                """;
        assertThat(r0(asm)).isEqualTo(2 + 100 + 100);
    }

    @Test
    void callDepthIsBounded() {
        assertThatThrownBy(() -> r0("call f\nexit\nf:\ncall f\nexit")).hasMessageContaining("8 frames");
    }

    @Test
    void runawayLoopsHitTheInstructionLimit() {
        Sim s = sim(io.kflab.sim.runtime.RuntimeConfig.defaults().withInsnLimit(1000));
        assertThatThrownBy(() -> s.r0("l:\ngoto l\nexit")).hasMessageContaining("instruction limit");
    }

    @Test
    void mayGotoEscapesAfterItsBudget() {
        // 2^23 iterations: may_goto stops the loop, the counter shows how many ran
        Sim s = sim(io.kflab.sim.runtime.RuntimeConfig.defaults().withInsnLimit(1L << 26));
        assertThat(s.r0("r0 = 0\nl:\nmay_goto out\nr0 += 1\ngoto l\nout:\nexit")).isEqualTo(1 << 23);
    }

    @Test
    void directMapValueAccess() {
        Sim s = sim().map("a", MapType.ARRAY, 4, 16, 2);
        int fd = s.rt.map("a").orElseThrow().def().maxEntries() > 0 ? 3 : -1;
        s.r0("r1 = map_value(" + fd + ", 8) ll\nr2 = 42\n*(u64 *)(r1 + 0) = r2\nr0 = 0\nexit");
        assertThat(HexFormat.of().formatHex(s.rt.map("a").orElseThrow().userLookup(new byte[4]).orElseThrow()))
                .isEqualTo("00000000000000002a00000000000000");
        assertThatThrownBy(() -> s.r0("r1 = map_value(" + fd + ", 8) ll\nr0 = *(u64 *)(r1 + 8)\nexit")).hasMessageContaining("out of bounds");
    }

    @Test
    void legacyPacketLoads() {
        byte[] frame = new byte[64];
        frame[12] = 0x08;
        frame[14] = 0x45;
        frame[16] = 0x01;
        frame[17] = 0x02;
        Sim s = sim();
        // tc: offsets count from the Ethernet header; big-endian
        assertThat(s.run("r6 = r1\nr0 = *(u16 *)skb[12]\nexit", ProgType.SCHED_CLS, frame, null).retval()).isEqualTo(0x800);
        // socket filters: from the network header
        assertThat(s.run("r6 = r1\nr0 = *(u16 *)skb[2]\nexit", ProgType.SOCKET_FILTER, frame, null).retval()).isEqualTo(0x102);
        // out of the packet: the program returns 0
        assertThat(s.run("r6 = r1\nr0 = *(u32 *)skb[62]\nr0 = 5\nexit", ProgType.SCHED_CLS, frame, null).retval()).isZero();
        // indirect, and relative to the link layer
        assertThat(s.run("r6 = r1\nr1 = 10\nr0 = *(u16 *)skb[r1 + 2]\nexit", ProgType.SCHED_CLS, frame, null).retval()).isEqualTo(0x800);
        assertThat(s.run("r6 = r1\nr0 = *(u8 *)skb[-0x200000 + 14]\nexit", ProgType.SOCKET_FILTER, frame, null).retval()).isEqualTo(0x45);
    }

    @Test
    void socketFilterDataOutZeroesTheEthernetHeader() {
        byte[] frame = new byte[20];
        java.util.Arrays.fill(frame, (byte) 0xaa);
        var r = sim().run("r0 = *(u32 *)(r1 + 0)\nexit", ProgType.SOCKET_FILTER, frame, null);
        assertThat(r.retval()).isEqualTo(6); // skb->len excludes the Ethernet header
        assertThat(HexFormat.of().formatHex(r.dataOut())).isEqualTo("0000000000000000000000000000aaaaaaaaaaaa");
    }

    @Test
    void packetPointersFromTheContext() {
        byte[] frame = new byte[32];
        frame[5] = 9;
        String asm = """
                r2 = *(u32 *)(r1 + 0)
                r3 = *(u32 *)(r1 + 4)
                r4 = r2
                r4 += 8
                r0 = 0
                if r4 > r3 goto out
                r0 = *(u8 *)(r2 + 5)
                r5 = 0x77
                *(u8 *)(r2 + 0) = r5
                out:
                exit
                """;
        var r = sim().run(asm, ProgType.XDP, frame, null);
        assertThat(r.retval()).isEqualTo(9);
        assertThat(r.dataOut()[0]).isEqualTo((byte) 0x77);
        assertThatThrownBy(() -> sim().run("r2 = *(u32 *)(r1 + 4)\nr0 = *(u8 *)(r2 + 0)\nexit", ProgType.XDP, frame, null))
                .hasMessageContaining("out of bounds");
    }

    @Test
    void repeatRunsOverTheSameContext() {
        Sim s = sim().map("c", MapType.ARRAY, 4, 8, 1);
        String asm = "r1 = 0\n*(u32 *)(r10 - 4) = r1\nr2 = r10\nr2 += -4\nr1 = %[c] ll\ncall bpf_map_lookup_elem\nif r0 == 0 goto out\nr1 = 1\nlock *(u64 *)(r0 + 0) += r1\nout:\nr0 = 0\nexit";
        s.engine().run(s.load(asm, ProgType.SOCKET_FILTER), new RunInput(new byte[64], null, 5));
        assertThat(s.rt.map("c").orElseThrow().dump()).containsEntry("00000000", "0500000000000000");
    }
}
