package io.kflab.sim.runtime.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kflab.bpf.sys.MapType;
import io.kflab.bpf.sys.ProgType;
import io.kflab.sim.runtime.RunInput;
import io.kflab.sim.runtime.RuntimeConfig;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.Sim;
import io.kflab.sim.runtime.maps.PerfEventArrayMap;
import io.kflab.sim.runtime.maps.RingbufMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HelpersTest {
    /** The fixture the tests run on: the interpreter here, other engines in subclasses. */
    Sim sim(io.kflab.sim.runtime.RuntimeConfig config) {
        return new Sim(config);
    }

    final Sim sim() {
        return sim(io.kflab.sim.runtime.RuntimeConfig.defaults());
    }

    @Test
    void mapHelpers() {
        Sim s = sim().map("h", MapType.HASH, 4, 8, 4);
        String asm = """
                r1 = 3
                *(u32 *)(r10 - 4) = r1
                r1 = 77
                *(u64 *)(r10 - 16) = r1
                r1 = %[h] ll
                r2 = r10
                r2 += -4
                r3 = r10
                r3 += -16
                r4 = 0
                call bpf_map_update_elem
                r1 = %[h] ll
                r2 = r10
                r2 += -4
                call bpf_map_lookup_elem
                if r0 == 0 goto miss
                r6 = *(u64 *)(r0 + 0)
                r1 = %[h] ll
                r2 = r10
                r2 += -4
                call bpf_map_delete_elem
                r0 <<= 8
                r0 += r6
                exit
                miss:
                r0 = -1
                exit
                """;
        assertThat(s.r0(asm)).isEqualTo(77);
        assertThat(s.rt.map("h").orElseThrow().dump()).isEmpty();
        assertThatThrownBy(() -> sim().r0("r1 = 5\nr2 = r10\ncall bpf_map_lookup_elem\nexit")).isInstanceOf(RuntimeFault.class)
                .hasMessageContaining("insn 2").hasMessageContaining("not a map pointer");
    }

    @Test
    void clockTaskCpuAndRandom() {
        AtomicLong now = new AtomicLong(1000);
        RuntimeConfig cfg = RuntimeConfig.defaults().withClock(() -> now.getAndAdd(5)).withTask(42, 7, "worker").withCpus(4, 2).withSeed(9);
        Sim s = sim(cfg);
        assertThat(s.r0("call bpf_ktime_get_ns\nr6 = r0\ncall bpf_ktime_get_ns\nr0 -= r6\nexit")).isEqualTo(5);
        assertThat(s.r0("call bpf_get_current_pid_tgid\nexit")).isEqualTo(7L << 32 | 42);
        assertThat(s.r0("call bpf_get_smp_processor_id\nexit")).isEqualTo(2);
        long a = sim(cfg).r0("call bpf_get_prandom_u32\nexit"), b = sim(cfg).r0("call bpf_get_prandom_u32\nexit");
        assertThat(a).isEqualTo(b).isBetween(0L, 0xffff_ffffL);
        assertThat(sim(cfg.withSeed(10)).r0("call bpf_get_prandom_u32\nexit")).isNotEqualTo(a);
        s.r0("r1 = r10\nr1 += -16\nr2 = 16\ncall bpf_get_current_comm\nexit");
        assertThat(new String(s.rt.stack(0).bytes(), 512 - 16, 6)).isEqualTo("worker");
        assertThat(s.rt.stack(0).bytes()[512 - 10]).isZero();
    }

    @Test
    void tracePrintk() {
        Sim s = sim();
        // "x=%d y=%llx\0" built on the stack
        String asm = """
                r1 = 0x253d792064253d78 ll
                *(u64 *)(r10 - 16) = r1
                r1 = 0x786c6c ll
                *(u64 *)(r10 - 8) = r1
                r1 = r10
                r1 += -16
                r2 = 12
                r3 = -5
                r4 = 255
                call bpf_trace_printk
                exit
                """;
        long n = s.r0(asm);
        assertThat(s.rt.tracePipe()).containsExactly("x=-5 y=ff");
        assertThat(n).isEqualTo("x=-5 y=ff".length());
    }

    @Test
    void ringbufHelpers() {
        Sim s = sim().map("rb", MapType.RINGBUF, 0, 0, 4096);
        String asm = """
                r1 = %[rb] ll
                r2 = 8
                r3 = 0
                call bpf_ringbuf_reserve
                if r0 == 0 goto out
                r1 = 0x1122
                *(u64 *)(r0 + 0) = r1
                r1 = r0
                r2 = 0
                call bpf_ringbuf_submit
                r1 = 0x33
                *(u64 *)(r10 - 8) = r1
                r1 = %[rb] ll
                r2 = r10
                r2 += -8
                r3 = 1
                r4 = 0
                call bpf_ringbuf_output
                out:
                exit
                """;
        assertThat(s.r0(asm)).isZero();
        RingbufMap rb = (RingbufMap) s.rt.map("rb").orElseThrow();
        assertThat(rb.drain()).hasSize(2).satisfies(l -> {
            assertThat(l.get(0)).containsExactly(0x22, 0x11, 0, 0, 0, 0, 0, 0);
            assertThat(l.get(1)).containsExactly(0x33);
        });
        assertThatThrownBy(() -> s.r0("r1 = r10\nr1 += -8\nr2 = 0\ncall bpf_ringbuf_submit\nexit")).hasMessageContaining("not a reserved ring buffer record");
    }

    @Test
    void perfEventOutput() {
        Sim s = sim().map("ev", MapType.PERF_EVENT_ARRAY, 4, 4, 1);
        String asm = "r2 = 0x0bad\n*(u64 *)(r10 - 8) = r2\nr2 = %[ev] ll\nr3 = 0xffffffff ll\nr4 = r10\nr4 += -8\nr5 = 2\ncall bpf_perf_event_output\nexit";
        assertThat(s.r0(asm)).isZero();
        assertThat(((PerfEventArrayMap) s.rt.map("ev").orElseThrow()).drain(0)).singleElement().satisfies(b -> assertThat(b).containsExactly(0xad, 0x0b));
    }

    @Test
    void loopCallsTheCallbackUntilItStops() {
        String asm = """
                r1 = 0
                *(u64 *)(r10 - 8) = r1
                r1 = 100
                r2 = func(9) ll                 // cb: 3 + 1 + 9 = slot 13
                r3 = r10
                r3 += -8
                r4 = 0
                call bpf_loop
                r1 = *(u64 *)(r10 - 8)
                r0 <<= 16
                r0 += r1
                exit
                cb:
                r3 = *(u64 *)(r2 + 0)
                r3 += r1
                *(u64 *)(r2 + 0) = r3
                r0 = 0
                if r1 < 9 goto +1
                r0 = 1
                exit
                """;
        // iterations 0..9 ran (the tenth returned 1): 10 calls, sum 45
        assertThat(sim().r0(asm)).isEqualTo(10L << 16 | 45);
        assertThat(sim().r0("r1 = 0x800001\nr2 = 0\nr3 = 0\nr4 = 0\ncall bpf_loop\nexit")).isEqualTo(-7);
    }

    @Test
    void tailCallsReplaceTheProgramAndAreCounted() {
        Sim s = sim().map("jmp", MapType.PROG_ARRAY, 4, 4, 2);
        var target = s.load("r0 = 42\nexit", ProgType.SOCKET_FILTER);
        s.rt.map("jmp").orElseThrow().userUpdate(new byte[4], new byte[] {(byte) target.fd(), 0, 0, 0}, 0);
        String caller = "r2 = %[jmp] ll\nr3 = INDEX\ncall bpf_tail_call\nr0 = 1\nexit";
        assertThat(s.run(caller.replace("INDEX", "0"), ProgType.SOCKET_FILTER, new byte[64], null).retval()).isEqualTo(42);
        assertThat(s.run(caller.replace("INDEX", "1"), ProgType.SOCKET_FILTER, new byte[64], null).retval()).isEqualTo(1);
        assertThat(s.run(caller.replace("INDEX", "5"), ProgType.SOCKET_FILTER, new byte[64], null).retval()).isEqualTo(1);
        // a program tail-calling itself stops after 33 tail calls
        Sim t = sim().map("jmp", MapType.PROG_ARRAY, 4, 4, 1).map("n", MapType.ARRAY, 4, 8, 1);
        var self = t.load("""
                r6 = r1
                r1 = 0
                *(u32 *)(r10 - 4) = r1
                r1 = %[n] ll
                r2 = r10
                r2 += -4
                call bpf_map_lookup_elem
                if r0 == 0 goto out
                r1 = 1
                lock *(u64 *)(r0 + 0) += r1
                r1 = r6
                r2 = %[jmp] ll
                r3 = 0
                call bpf_tail_call
                out:
                r0 = 0
                exit
                """, ProgType.SOCKET_FILTER);
        t.rt.map("jmp").orElseThrow().userUpdate(new byte[4], new byte[] {(byte) self.fd(), 0, 0, 0}, 0);
        t.engine().run(self, RunInput.of(new byte[64]));
        assertThat(t.rt.map("n").orElseThrow().dump()).containsEntry("00000000", "2200000000000000"); // 1 + 33
    }

    @Test
    void kfuncsRegisteredBySubsystems() {
        Sim s = sim();
        s.rt.kfuncs().register("scx_bpf_test_double", (c, a, b, d, e, f) -> a * 2).bind(1234, "scx_bpf_test_double");
        assertThat(s.r0("r1 = 21\ncall kfunc(1234)\nexit")).isEqualTo(42);
        assertThatThrownBy(() -> s.r0("call kfunc(99)\nexit")).hasMessageContaining("not bound");
        s.rt.kfuncs().bind(100, "scx_bpf_missing");
        assertThatThrownBy(() -> s.r0("call kfunc(100)\nexit")).hasMessageContaining("no registered implementation");
        assertThatThrownBy(() -> s.rt.kfuncs().register("scx_bpf_test_double", (c, a, b, d, e, f) -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownHelpersFault() {
        assertThatThrownBy(() -> sim().r0("call bpf_skb_store_bytes\nexit")).hasMessageContaining("bpf_skb_store_bytes").hasMessageContaining("not simulated");
    }
}
