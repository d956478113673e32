package io.kflab.catalog.context;

import io.kflab.bpf.sys.AttachType;
import io.kflab.bpf.sys.ProgType;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A condition on the calling program, as a kfunc filter (kernel: btf_kfunc_id_set.filter) or a
 * polymorphic variant tests it; data, evaluated in three-valued logic.
 */
public sealed interface ContextPredicate {

    /** Evaluates against a context. */
    Truth test(ContextFacts facts);

    /** A short text of the condition, used in verdict reasons, e.g. {@code attach type in {trace_kprobe_session}}. */
    String describe();

    /** Always true. */
    record Any() implements ContextPredicate {
        @Override public Truth test(ContextFacts f) { return Truth.TRUE; }
        @Override public String describe() { return "any context"; }
    }

    /** prog->type is one of these (kernel: resolved program type). */
    record ProgTypeIn(Set<ProgType> types) implements ContextPredicate {
        public ProgTypeIn { types = Set.copyOf(types); }
        @Override public Truth test(ContextFacts f) { return Truth.of(types.contains(f.context().progType())); }
        @Override public String describe() {
            return "program type in {" + sorted(types.stream().map(ProgType::cliName).toList()) + "}";
        }
    }

    /** prog->expected_attach_type is one of these. */
    record AttachTypeIn(Set<AttachType> types) implements ContextPredicate {
        public AttachTypeIn { types = Set.copyOf(types); }
        @Override public Truth test(ContextFacts f) {
            return Truth.of(f.context().attachType().map(types::contains).orElse(false));
        }
        @Override public String describe() {
            return "attach type in {" + sorted(types.stream().map(AttachType::cliName).toList()) + "}";
        }
    }

    /** The program implements a member of this struct_ops type. */
    record StructOpsTypeIs(String type) implements ContextPredicate {
        public StructOpsTypeIs { Objects.requireNonNull(type); }
        @Override public Truth test(ContextFacts f) {
            return Truth.of(f.context().structOps().map(t -> t.type().equals(type)).orElse(false));
        }
        @Override public String describe() { return "struct_ops type is " + type; }
    }

    /** The program implements one of these struct_ops members (of whatever type). */
    record MemberIn(Set<String> members) implements ContextPredicate {
        public MemberIn { members = Set.copyOf(members); }
        @Override public Truth test(ContextFacts f) {
            return Truth.of(f.context().structOps().map(t -> members.contains(t.member())).orElse(false));
        }
        @Override public String describe() { return "struct_ops member in {" + sorted(members) + "}"; }
    }

    /** The struct_ops member has one of these context classes (e.g. sched_ext DISPATCH); unknown when the catalog does not say. */
    record ContextClassIn(Set<String> classes) implements ContextPredicate {
        public ContextClassIn { classes = Set.copyOf(classes); }
        @Override public Truth test(ContextFacts f) {
            if (f.context().structOps().isEmpty()) return Truth.FALSE;
            return f.contextClasses().map(cs -> Truth.of(cs.stream().anyMatch(classes::contains))).orElse(Truth.UNKNOWN);
        }
        @Override public String describe() { return "context class in {" + sorted(classes) + "}"; }
    }

    /** The program is sleepable (prog->sleepable). */
    record Sleepable() implements ContextPredicate {
        @Override public Truth test(ContextFacts f) { return Truth.of(f.context().sleepable()); }
        @Override public String describe() { return "sleepable"; }
    }

    /** A fact kflab's calling context does not model (e.g. "device-bound XDP program"): always unknown. */
    record Unmodelled(String fact) implements ContextPredicate {
        public Unmodelled { Objects.requireNonNull(fact); }
        @Override public Truth test(ContextFacts f) { return Truth.UNKNOWN; }
        @Override public String describe() { return fact; }
    }

    record Not(ContextPredicate operand) implements ContextPredicate {
        public Not { Objects.requireNonNull(operand); }
        @Override public Truth test(ContextFacts f) { return operand.test(f).not(); }
        @Override public String describe() { return "not (" + operand.describe() + ")"; }
    }

    record And(List<ContextPredicate> operands) implements ContextPredicate {
        public And { operands = List.copyOf(operands); }
        @Override public Truth test(ContextFacts f) {
            Truth t = Truth.TRUE;
            for (ContextPredicate p : operands) t = t.and(p.test(f));
            return t;
        }
        @Override public String describe() {
            return operands.stream().map(p -> "(" + p.describe() + ")").collect(Collectors.joining(" and "));
        }
    }

    record Or(List<ContextPredicate> operands) implements ContextPredicate {
        public Or { operands = List.copyOf(operands); }
        @Override public Truth test(ContextFacts f) {
            Truth t = Truth.FALSE;
            for (ContextPredicate p : operands) t = t.or(p.test(f));
            return t;
        }
        @Override public String describe() {
            return operands.stream().map(p -> "(" + p.describe() + ")").collect(Collectors.joining(" or "));
        }
    }

    static ContextPredicate any() { return new Any(); }

    static ContextPredicate progType(ProgType first, ProgType... more) { return new ProgTypeIn(EnumSet.of(first, more)); }

    static ContextPredicate attachType(AttachType first, AttachType... more) { return new AttachTypeIn(EnumSet.of(first, more)); }

    static ContextPredicate structOpsType(String type) { return new StructOpsTypeIs(type); }

    static ContextPredicate member(String... members) { return new MemberIn(Set.of(members)); }

    static ContextPredicate contextClass(String... classes) { return new ContextClassIn(Set.of(classes)); }

    static ContextPredicate sleepable() { return new Sleepable(); }

    static ContextPredicate unmodelled(String fact) { return new Unmodelled(fact); }

    static ContextPredicate not(ContextPredicate p) { return new Not(p); }

    static ContextPredicate and(ContextPredicate... ps) { return new And(List.of(ps)); }

    static ContextPredicate or(ContextPredicate... ps) { return new Or(List.of(ps)); }

    private static String sorted(java.util.Collection<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }
}
