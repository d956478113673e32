package io.kflab.verifier.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.ProgType;
import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;
import io.kflab.verifier.resolve.design.SpecializeTable;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Known cells of the sched_ext and bpf_qdisc matrices under each design, with the kernel's messages. */
class DesignVerdictsTest {
    static final Subsystem SCX = SubsystemData.named("sched_ext");
    static final Subsystem QDISC = SubsystemData.named("bpf_qdisc");

    static Verdict cell(Subsystem s, Resolution d, String kfunc, String member) {
        return Designs.of(d).decide(s, s.kfunc(kfunc).orElseThrow(), kfunc, s.contextOf(s.member(member).orElseThrow()));
    }

    @Test
    void dsqInsertUnderRuntimeMask() {
        for (String m : new String[] {"select_cpu", "enqueue", "dispatch"}) {
            assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dsq_insert", m).kind(), m);
        }
        Verdict init = cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dsq_insert", "init");
        assertEquals(new Verdict.AllowedFailsAtRuntime("scx_bpf_dsq_insert", "kfunc with mask 0x6 called from an operation only allowing 0x0"), init);
        Verdict tick = cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dsq_insert", "tick");
        assertEquals("kfunc with mask 0x6 called from an operation only allowing 0x10", tick.message());
        assertTrue(cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dsq_insert", "select_cpu").message().contains("scx_bpf_dsq_insert_direct behaviour"));
    }

    @Test
    void dsqInsertUnderLoadFilter() {
        for (String m : new String[] {"select_cpu", "enqueue", "dispatch"}) {
            assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.LOAD_FILTER, "scx_bpf_dsq_insert", m).kind(), m);
        }
        Verdict init = cell(SCX, Resolution.LOAD_FILTER, "scx_bpf_dsq_insert", "init");
        assertEquals("calling kernel function scx_bpf_dsq_insert is not allowed (EACCES)", init.message());
        assertEquals(Verdict.Kind.REJECTED_AT_LOAD, init.kind());
    }

    @Test
    void dsqInsertUnderPolymorphicResolvesPerMember() {
        assertEquals(Optional.of("scx_bpf_dsq_insert_direct"), cell(SCX, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "select_cpu").resolvesTo());
        assertEquals(Optional.of("scx_bpf_dsq_insert_direct"), cell(SCX, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "enqueue").resolvesTo());
        assertEquals(Optional.of("scx_bpf_dsq_insert_buffered"), cell(SCX, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "dispatch").resolvesTo());
        assertEquals(Verdict.Kind.REJECTED_AT_LOAD, cell(SCX, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "init").kind());
        assertEquals(Optional.of("scx_bpf_dsq_insert_buffered"), cell(SCX, Resolution.REMAP, "scx_bpf_dsq_insert", "dispatch").resolvesTo());
        assertEquals(Optional.of("scx_bpf_dsq_insert_direct"), cell(SCX, Resolution.BUILD_TIME, "scx_bpf_dsq_insert", "enqueue").resolvesTo());
    }

    @Test
    void hiddenVariantsAreNotCallableByName() {
        Verdict v = cell(SCX, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert_direct", "enqueue");
        assertEquals("calling kernel function scx_bpf_dsq_insert_direct is not allowed (EACCES)", v.message());
    }

    @Test
    void moveToLocalOnlyFromDispatch() {
        for (Resolution d : new Resolution[] {Resolution.LOAD_FILTER, Resolution.POLYMORPHIC, Resolution.REMAP}) {
            for (MemberSpec m : SCX.members()) {
                Verdict.Kind k = cell(SCX, d, "scx_bpf_dsq_move_to_local", m.name()).kind();
                assertEquals(m.name().equals("dispatch") ? Verdict.Kind.ALLOWED_AT_LOAD : Verdict.Kind.REJECTED_AT_LOAD, k, d + " " + m.name());
            }
        }
        assertEquals("kfunc with mask 0x2 called from an operation only allowing 0x4",
                cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dsq_move_to_local", "enqueue").message());
        // the 6.12 name is an alias of the same kfunc
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_consume", "dispatch").kind());
    }

    @Test
    void kickCpuFromAnyMemberUnderEveryDesign() {
        for (var d : Designs.all()) {
            for (MemberSpec m : SCX.members()) {
                assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, d.decide(SCX, SCX.kfunc("scx_bpf_kick_cpu").orElseThrow(), SCX.contextOf(m)).kind(),
                        d.profile().kind() + " " + m.name());
            }
        }
    }

    @Test
    void selectCpuDflFromEnqueueIsWhere6_12And7_1Differ() {
        assertEquals("kfunc with mask 0x8 called from an operation only allowing 0x4",
                cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_select_cpu_dfl", "enqueue").message());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.LOAD_FILTER, "scx_bpf_select_cpu_dfl", "enqueue").kind());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_select_cpu_dfl", "select_cpu").kind());
    }

    @Test
    void sleepableKfuncNeedsASleepableMember() {
        for (var d : Designs.all()) {
            Verdict v = d.decide(SCX, SCX.kfunc("scx_bpf_create_dsq").orElseThrow(), SCX.contextOf(SCX.member("dispatch").orElseThrow()));
            // a load-time filter runs in the kfunc lookup, before the sleepable check (check_kfunc_call)
            String expected = d.profile().denyAtLoad() && d.profile().kind() != Resolution.ARG_TYPE
                    ? "calling kernel function scx_bpf_create_dsq is not allowed (EACCES)"
                    : "program must be sleepable to call sleepable kfunc scx_bpf_create_dsq (EACCES)";
            assertEquals(expected, v.message(), d.profile().kind().name());
            assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, d.decide(SCX, SCX.kfunc("scx_bpf_create_dsq").orElseThrow(),
                    SCX.contextOf(SCX.member("init").orElseThrow())).kind(), d.profile().kind().name());
        }
    }

    @Test
    void implicitArgsDefersTheFilterToRunTime() {
        assertEquals(Verdict.Kind.ALLOWED_FAILS_AT_RUNTIME, cell(SCX, Resolution.IMPLICIT_ARGS, "scx_bpf_dsq_insert", "tick").kind());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.IMPLICIT_ARGS, "scx_bpf_dsq_insert", "dispatch").kind());
    }

    @Test
    void dumpBstrOnlyFromDumpOps() {
        assertEquals("scx_bpf_dump() must only be called from ops.dump() and friends",
                cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dump_bstr", "enqueue").message());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(SCX, Resolution.RUNTIME_MASK, "scx_bpf_dump_bstr", "dump_task").kind());
    }

    @Test
    void spinLockRejectsEveryCallInEveryDesign() {
        ResolutionContext ctx = SCX.contextOf(SCX.member("dispatch").orElseThrow()).holding(HeldLock.BPF_SPIN_LOCK);
        for (var d : Designs.all()) {
            assertEquals("function calls are not allowed while holding a lock (EINVAL)",
                    d.decide(SCX, SCX.kfunc("scx_bpf_kick_cpu").orElseThrow(), ctx).message());
        }
    }

    @Test
    void contextCarriesLocksExecAndClasses() {
        ResolutionContext enq = SCX.contextOf(SCX.member("enqueue").orElseThrow());
        assertEquals(Set.of(HeldLock.RQ_LOCK, HeldLock.RCU_READ_LOCK), enq.locks());
        assertEquals(Set.of("ENQUEUE"), enq.kfMask());
        assertEquals(Set.of("SELECT_CPU", "ENQUEUE"), enq.allow());
        ResolutionContext init = SCX.contextOf(SCX.member("init").orElseThrow());
        assertTrue(init.calling().sleepable());
        assertEquals(Set.of(), init.locks());
        assertEquals(Set.of(ExecContext.HARDIRQ), SCX.contextOf(SCX.member("tick").orElseThrow()).exec());
    }

    @Test
    void qdiscFilterAndArgumentOwnership() {
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(QDISC, Resolution.LOAD_FILTER, "bpf_qdisc_skb_drop", "enqueue").kind());
        assertEquals(Verdict.Kind.REJECTED_AT_LOAD, cell(QDISC, Resolution.LOAD_FILTER, "bpf_qdisc_skb_drop", "dequeue").kind());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(QDISC, Resolution.LOAD_FILTER, "bpf_qdisc_bstats_update", "dequeue").kind());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(QDISC, Resolution.ARG_TYPE, "bpf_kfree_skb", "enqueue").kind());
        assertEquals("R1 must be referenced when passed to release function (EINVAL)", cell(QDISC, Resolution.ARG_TYPE, "bpf_kfree_skb", "dequeue").message());
    }

    @Test
    void specializeTableUpstreamRows() {
        SpecializeTable t = SpecializeTable.upstream();
        ResolutionContext sockFilter = ResolutionContext.of(CallingContext.of(ProgType.SOCKET_FILTER), Set.of(), Optional.empty());
        ResolutionContext tc = ResolutionContext.of(CallingContext.of(ProgType.SCHED_CLS), Set.of(), Optional.empty());
        assertEquals("bpf_dynptr_from_skb_rdonly", t.match("bpf_dynptr_from_skb", sockFilter).orElseThrow().substitute());
        assertTrue(t.match("bpf_dynptr_from_skb", tc).isEmpty());
        ResolutionContext sleepy = ResolutionContext.of(CallingContext.of(ProgType.SYSCALL).asSleepable(), Set.of(), Optional.empty());
        ResolutionContext atomic = ResolutionContext.of(CallingContext.of(ProgType.SYSCALL), Set.of(), Optional.empty());
        assertEquals("bpf_dynptr_from_file_sleepable", t.match("bpf_dynptr_from_file", sleepy).orElseThrow().substitute());
        assertEquals("bpf_arena_alloc_pages_non_sleepable", t.match("bpf_arena_alloc_pages", atomic).orElseThrow().substitute());
        assertTrue(t.match("bpf_arena_alloc_pages", sleepy).isEmpty());
        ResolutionContext lsm = ResolutionContext.of(CallingContext.of(ProgType.LSM), Set.of(), Optional.of("bpf_lsm_inode_setxattr"));
        assertEquals("bpf_set_dentry_xattr_locked", t.match("bpf_set_dentry_xattr", lsm).orElseThrow().substitute());
    }

    @Test
    void unknownDesignIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> Designs.parse("RUNTIME_MASK,NOPE", "--designs"));
        assertTrue(e.getMessage().contains("unknown design 'NOPE'"), e.getMessage());
        assertEquals(2, Designs.parse("load_filter, runtime-mask", "x").size());
    }

    @Test
    void matrixFlagsDisagreements() {
        DesignMatrix m = DesignMatrix.of(SCX, Designs.parse("RUNTIME_MASK,LOAD_FILTER", "x"));
        assertEquals(SCX.publicKfuncs().size() * SCX.members().size(), m.cellCount());
        assertTrue(m.cell("scx_bpf_dsq_insert", "init").disagree());
        assertTrue(!m.cell("scx_bpf_kick_cpu", "init").disagree());
        assertInstanceOf(Verdict.RejectedAtLoad.class, m.cell("scx_bpf_dsq_insert", "tick").verdicts().get(Resolution.LOAD_FILTER));
        int sum = m.counts().get(Resolution.LOAD_FILTER).values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(m.cellCount(), sum);
    }
}
