package io.kflab.verifier.resolve;

import java.util.Objects;

/** One argument of a struct_ops callback (kernel: a parameter of the cfi stub), with its type and whether the program owns it. */
public record ArgSpec(String type, String name, Ownership ownership) {
    public ArgSpec {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        Objects.requireNonNull(ownership);
    }

    /**
     * Parses a C parameter as written in the kernel, e.g. {@code struct sk_buff *skb__ref}: the name is
     * the last identifier, the {@code __ref} suffix marks a referenced argument.
     */
    public static ArgSpec parse(String decl) {
        String d = decl.strip();
        int i = d.length();
        while (i > 0 && (Character.isLetterOrDigit(d.charAt(i - 1)) || d.charAt(i - 1) == '_')) i--;
        String name = d.substring(i);
        String type = d.substring(0, i).strip();
        if (name.isEmpty() || type.isEmpty()) throw new IllegalArgumentException("expected a C parameter like 'struct sk_buff *skb', found '" + decl + "'");
        type = type.replaceAll("\\s*\\*", " *").replaceAll("\\s+", " ").strip();
        return new ArgSpec(type, name, name.endsWith("__ref") ? Ownership.REFERENCED : Ownership.BORROWED);
    }
}
