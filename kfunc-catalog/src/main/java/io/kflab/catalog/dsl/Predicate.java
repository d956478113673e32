package io.kflab.catalog.dsl;

import java.util.List;

/** A predicate over the calling context of a kfunc call (program type, attach type, struct_ops member, ...). */
public sealed interface Predicate extends Node {

    /** What a comparison looks at in the calling context. */
    enum Subject {
        PROG_TYPE("prog_type"), ATTACH_TYPE("attach_type"), STRUCT_OPS("struct_ops"), MEMBER("member"),
        CLASS("class");

        public final String keyword;

        Subject(String keyword) {
            this.keyword = keyword;
        }
    }

    /** {@code subject == v} or {@code subject in (v1, v2)}; for {@code class}: the member is in one of the classes. */
    record In(Subject subject, List<Name> values, Loc loc) implements Predicate {
        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code sleepable}: the calling program is sleepable. */
    record Sleepable(Loc loc) implements Predicate {}

    /** {@code true} or {@code false}. */
    record Const(boolean value, Loc loc) implements Predicate {}

    /** {@code not p} (also {@code subject != v}). */
    record Not(Predicate operand, Loc loc) implements Predicate {}

    /** {@code a and b}. */
    record And(Predicate left, Predicate right, Loc loc) implements Predicate {}

    /** {@code a or b}. */
    record Or(Predicate left, Predicate right, Loc loc) implements Predicate {}
}
