package io.kflab.verifier.structops.model;

/**
 * The body of a struct_ops program in a scenario: a few shapes whose verdict and result the model
 * knows without walking them (the verifier model does the walking for real programs).
 */
public sealed interface ProgBody {
    /** {@code r0 = k; exit}. */
    record RetConst(int k) implements ProgBody {}

    /** {@code exit} with R0 unset: fine for a void member, "R0 !read_ok" (EACCES) otherwise. */
    record VoidExit() implements ProgBody {}

    /** {@code call helper; r0 = 0; exit} for a helper without arguments. */
    record CallHelper(int id, String name) implements ProgBody {}

    /** Returns the first argument's {@code int} at offset 0 (the dummy ops state's val), or {@code k} when it is NULL. */
    record StateValOr(int k) implements ProgBody {}

    /** The body in kflab's BPF assembly. */
    default String assembly() {
        return switch (this) {
            case RetConst r -> "r0 = " + r.k() + "\nexit\n";
            case VoidExit v -> "exit\n";
            case CallHelper c -> "call " + c.id() + "\nr0 = 0\nexit\n";
            case StateValOr s -> "r2 = *(u64 *)(r1 + 0)\nr0 = " + s.k() + "\nif r2 == 0 goto +1\nr0 = *(u32 *)(r2 + 0)\nexit\n";
        };
    }
}
