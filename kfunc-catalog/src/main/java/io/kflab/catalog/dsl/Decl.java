package io.kflab.catalog.dsl;

import java.util.List;
import java.util.Optional;

/** A top-level declaration of a design file. */
public sealed interface Decl extends Node {

    /** What a design builds on: the running kernel, a kernel source tree, or another design file. */
    enum BaseKind { KERNEL, SOURCE, DESIGN }

    /** {@code extends kernel;}, {@code extends source "linux-6.12";} or {@code extends "base.kfl";}. */
    record Extends(BaseKind kind, Optional<String> ref, Loc loc) implements Decl {}

    /** {@code include "common.kfl";}: the other file's declarations become part of this design. */
    record Include(String path, Loc loc) implements Decl {}

    /** {@code kfunc <prototype> [KF_...];} — a kfunc ({@code __bpf_kfunc}) with its default flags. */
    record Kfunc(boolean override, Prototype proto, List<Flag> flags, Loc loc) implements Decl {
        public Kfunc {
            flags = List.copyOf(flags);
        }

        public String name() {
            return proto.name();
        }
    }

    /** What {@code remove} can take away from the base catalog. */
    enum Kind { KFUNC, SET, STRUCT_OPS, FAMILY, FILTER }

    /** {@code remove kfunc name;}: drop a definition of the base catalog. */
    record Remove(Kind kind, Name name, Loc loc) implements Decl {}

    /** {@code set name { entries; [filter] }} — a {@code BTF_KFUNCS_START/END} kfunc set. */
    record KfuncSet(boolean override, Name name, List<SetEntry> entries, Optional<SetFilter> filter, Loc loc)
            implements Decl {
        public KfuncSet {
            entries = List.copyOf(entries);
        }
    }

    /** {@code register set name for struct_ops, tracing;} — {@code register_btf_kfunc_id_set} per program type or hook. */
    record Register(Name set, List<Name> targets, Loc loc) implements Decl {
        public Register {
            targets = List.copyOf(targets);
        }
    }

    /** {@code filter name [for ops] { allow ...; }} — a named filter (allow table) shared by sets. */
    record Filter(Name name, Optional<Name> forType, List<AllowRule> rules, Loc loc) implements Decl {
        public Filter {
            rules = List.copyOf(rules);
        }
    }

    /**
     * {@code struct_ops name { ... }} — a struct_ops type (subsystem): its resolution design, context
     * classes, members, and the allow table of its context classes.
     */
    record StructOps(boolean override, Name name, Optional<Name> design, List<Name> classes,
            List<OpsMember> members, List<AllowRule> allows, Loc loc) implements Decl {
        public StructOps {
            classes = List.copyOf(classes);
            members = List.copyOf(members);
            allows = List.copyOf(allows);
        }

        public Optional<OpsMember> member(String member) {
            return members.stream().filter(m -> m.name().equals(member)).findFirst();
        }
    }

    /** {@code family name [for ops] { variant ...; }} — a polymorphic kfunc and its concrete variants. */
    record Family(Name name, Optional<Name> forType, List<Variant> variants, Loc loc) implements Decl {
        public Family {
            variants = List.copyOf(variants);
        }
    }

    /** {@code rename old -> new [since 6.13];} — a kfunc renamed, the old name kept as an alias. */
    record Rename(Name from, Name to, Optional<String> since, Loc loc) implements Decl {}
}
