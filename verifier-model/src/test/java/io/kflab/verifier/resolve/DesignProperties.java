package io.kflab.verifier.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kflab.bpf.isa.Opcodes;
import io.kflab.bpf.isa.RawInsn;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.data.SubsystemData;
import io.kflab.verifier.resolve.design.Designs;
import io.kflab.verifier.resolve.design.KfuncDesign;
import io.kflab.verifier.resolve.rewrite.CallRewriter;
import io.kflab.verifier.resolve.rewrite.KfuncIds;
import io.kflab.verifier.resolve.rewrite.Rewrite;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the designs over every subsystem, kfunc and member, and of the call rewrite over random programs. */
class DesignProperties {
    static final List<Subsystem> SUBSYSTEMS = List.copyOf(SubsystemData.builtin().values());
    static final Subsystem SCX = SubsystemData.named("sched_ext");
    static final KfuncIds IDS = KfuncIds.synthetic(SCX);

    record Cell(Subsystem s, KfuncSpec k, MemberSpec m) {
        Verdict under(Resolution d) {
            return Designs.of(d).decide(s, k, s.contextOf(m));
        }
    }

    @Provide
    Arbitrary<Cell> cells() {
        return Arbitraries.of(SUBSYSTEMS).flatMap(s -> Combinators.combine(Arbitraries.of(s.kfuncs()), Arbitraries.of(s.members()))
                .as((k, m) -> new Cell(s, k, m)));
    }

    @Property(tries = 400)
    void loadTimeDesignsNeverFailAtRunTime(@ForAll("cells") Cell c) {
        for (Resolution d : List.of(Resolution.LOAD_FILTER, Resolution.POLYMORPHIC, Resolution.REMAP)) {
            assertNotEquals(Verdict.Kind.ALLOWED_FAILS_AT_RUNTIME, c.under(d).kind(), d + " " + c.k().name() + " " + c.m().name());
        }
    }

    @Property(tries = 400)
    void whatLoadFilterAllowsLoadsUnderRuntimeMask(@ForAll("cells") Cell c) {
        if (c.under(Resolution.LOAD_FILTER).kind() == Verdict.Kind.ALLOWED_AT_LOAD) {
            assertNotEquals(Verdict.Kind.REJECTED_AT_LOAD, c.under(Resolution.RUNTIME_MASK).kind(), c.k().name() + " " + c.m().name());
        }
    }

    @Property(tries = 400)
    void designsThatCannotDenyRejectOnlyForTheVerifiersOwnReasons(@ForAll("cells") Cell c) {
        for (Resolution d : List.of(Resolution.RUNTIME_MASK, Resolution.SPECIALIZE, Resolution.BUILD_TIME)) {
            if (c.under(d) instanceof Verdict.RejectedAtLoad r) {
                assertTrue(r.log().startsWith("program must be sleepable") || c.k().hidden(), d + ": " + r.log());
            }
        }
    }

    @Property(tries = 300)
    void polymorphicResolutionIsDeterministicAndYieldsAKnownKfunc(@ForAll("cells") Cell c) {
        Verdict a = c.under(Resolution.POLYMORPHIC), b = c.under(Resolution.POLYMORPHIC);
        assertEquals(a, b);
        a.resolvesTo().ifPresent(r -> assertTrue(c.s().kfunc(r).isPresent(), "resolved to unknown " + r));
    }

    @Provide
    Arbitrary<List<RawInsn>> programs() {
        Arbitrary<RawInsn> call = Arbitraries.of(List.copyOf(IDS.ids().values()))
                .map(id -> new RawInsn(Opcodes.BPF_JMP | Opcodes.BPF_CALL, 0, Opcodes.BPF_PSEUDO_KFUNC_CALL, (short) 0, id));
        Arbitrary<RawInsn> other = Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 15), Arbitraries.shorts(), Arbitraries.integers())
                .as((code, dst, src, off, imm) -> new RawInsn(code, dst, src == Opcodes.BPF_PSEUDO_KFUNC_CALL && code == 0x85 ? 0 : src, off, imm));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, call), net.jqwik.api.Tuple.of(2, other)).list().ofMaxSize(24);
    }

    @Provide
    Arbitrary<KfuncDesign> designs() {
        return Arbitraries.of(Designs.all());
    }

    @Provide
    Arbitrary<MemberSpec> members() {
        return Arbitraries.of(SCX.members());
    }

    @Property(tries = 300)
    void rewriteChangesOnlyKfuncCallImmediates(@ForAll("programs") List<RawInsn> p, @ForAll("designs") KfuncDesign d, @ForAll("members") MemberSpec m) {
        Rewrite r = CallRewriter.rewrite(p, SCX, d, SCX.contextOf(m), IDS);
        assertEquals(p.size(), r.program().size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            RawInsn a = p.get(i), b = r.program().get(i);
            assertEquals(List.of(a.code(), a.dst(), a.src(), (int) a.off()), List.of(b.code(), b.dst(), b.src(), (int) b.off()));
            if (a.imm() != b.imm()) changed.add(i);
        }
        List<Integer> rewrittenSites = r.sites().stream().filter(s -> s.rewritten()).map(s -> s.slot()).toList();
        assertEquals(rewrittenSites, changed);
        for (int i : changed) assertEquals(Opcodes.BPF_PSEUDO_KFUNC_CALL, p.get(i).src());
    }

    @Property(tries = 300)
    void polymorphicRewriteIsIdempotent(@ForAll("programs") List<RawInsn> p, @ForAll("members") MemberSpec m) {
        KfuncDesign d = Designs.of(Resolution.POLYMORPHIC);
        Rewrite once = CallRewriter.rewrite(p, SCX, d, SCX.contextOf(m), IDS);
        Rewrite twice = CallRewriter.rewrite(once.program(), SCX, d, SCX.contextOf(m), IDS);
        assertEquals(once.program(), twice.program());
    }
}
