package io.kflab.papers.polymorphic;

import java.util.ArrayList;
import java.util.List;

/** The checks a claim's verdict rests on, each stated with its measured outcome. */
final class Conditions {
    private final List<String> lines = new ArrayList<>();
    private boolean all = true;

    /** Records {@code what} and whether it held. */
    Conditions check(String what, boolean held) {
        lines.add("- " + (held ? "[x] " : "[ ] **FAILED:** ") + what);
        all &= held;
        return this;
    }

    boolean allHold() {
        return all;
    }

    String markdown() {
        return String.join("\n", lines) + "\n";
    }
}
