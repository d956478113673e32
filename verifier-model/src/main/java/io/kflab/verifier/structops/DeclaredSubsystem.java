package io.kflab.verifier.structops;

import io.kflab.bpf.sys.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A struct_ops descriptor given as data rather than Java code (kernel: struct bpf_struct_ops whose
 * callbacks follow common patterns), the form a catalog design file can declare a subsystem in:
 * supported members (cfi stubs), sleepable members (check_member), nullable stub arguments,
 * members validate requires, at most {@code maxRegistered} registrations, an update callback or
 * not, helpers per member. Data members must be zero (no init_member handling).
 *
 * @param stubs members with a cfi stub
 * @param sleepable members that may be BPF_F_SLEEPABLE (others: check_member EINVAL); null = no check_member
 * @param nullableArgs {@code member:argIndex} entries whose stub parameter ends in {@code __nullable}
 * @param required members validate requires (EINVAL when one is missing)
 * @param maxRegistered how many maps may be registered at once (reg fails with EEXIST beyond)
 * @param hasUpdate whether BPF_LINK_UPDATE is supported
 * @param deniedHelpers helper ids get_func_proto refuses, per member ({@code *} for all members)
 * @param helpers whether there is a get_func_proto at all (without one every helper is refused)
 */
public record DeclaredSubsystem(String name, Set<String> stubs, Set<String> sleepable, Set<String> nullableArgs,
                                List<String> required, int maxRegistered, boolean hasUpdate,
                                Map<String, Set<Integer>> deniedHelpers, boolean helpers) {
    public DeclaredSubsystem {
        stubs = Set.copyOf(stubs);
        sleepable = sleepable == null ? null : Set.copyOf(sleepable);
        nullableArgs = Set.copyOf(nullableArgs);
        required = List.copyOf(required);
        deniedHelpers = Map.copyOf(deniedHelpers);
    }

    /** A fresh descriptor instance (with its own registration state) for one model kernel. */
    public StructOpsSubsystem instance() {
        return new Instance(this);
    }

    private static final class Instance implements StructOpsSubsystem {
        private final DeclaredSubsystem d;
        private final List<Kdata> registered = new ArrayList<>();

        Instance(DeclaredSubsystem d) {
            this.d = d;
        }

        @Override public String name() { return d.name; }

        @Override public boolean hasCfiStub(OpsMember.Func member) { return d.stubs.contains(member.name()); }

        @Override public boolean argNullable(OpsMember.Func member, int arg) {
            return d.nullableArgs.contains(member.name() + ":" + arg);
        }

        @Override public boolean hasCheckMember() { return d.sleepable != null; }

        @Override
        public Optional<Errno> checkMember(StructOpsType type, OpsMember.Func member, ProgAttrs prog) {
            if (d.sleepable == null || !prog.sleepable() || d.sleepable.contains(member.name())) return Optional.empty();
            return Optional.of(Errno.EINVAL);
        }

        @Override
        public InitMember initMember(StructOpsType type, OpsMember member, byte[] kdata, byte[] udata) {
            return InitMember.NOT_HANDLED;
        }

        @Override public boolean hasValidate() { return !d.required.isEmpty(); }

        @Override
        public Optional<Errno> validate(Kdata kdata) {
            return d.required.stream().allMatch(kdata::implemented) ? Optional.empty() : Optional.of(Errno.EINVAL);
        }

        @Override
        public Optional<Errno> reg(Kdata kdata, OptionalLong link) {
            if (registered.size() >= d.maxRegistered) return Optional.of(Errno.EEXIST);
            registered.add(kdata);
            return Optional.empty();
        }

        @Override
        public void unreg(Kdata kdata, OptionalLong link) {
            registered.remove(kdata);
        }

        @Override public boolean hasUpdate() { return d.hasUpdate; }

        @Override
        public Optional<Errno> update(Kdata kdata, Kdata oldKdata, long link) {
            if (!d.hasUpdate) return Optional.of(Errno.EOPNOTSUPP);
            int i = registered.indexOf(oldKdata);
            if (i < 0) return Optional.of(Errno.EINVAL);
            registered.set(i, kdata);
            return Optional.empty();
        }

        @Override
        public FuncProto funcProto(int helperId, OpsMember.Func member) {
            if (!d.helpers) return FuncProto.UNAVAILABLE;
            Set<Integer> all = d.deniedHelpers.getOrDefault("*", Set.of());
            Set<Integer> mine = d.deniedHelpers.getOrDefault(member.name(), Set.of());
            return all.contains(helperId) || mine.contains(helperId) ? FuncProto.UNAVAILABLE : FuncProto.BASE;
        }
    }
}
