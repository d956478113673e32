package io.kflab.papers.tnum;

import java.util.List;

/**
 * Which widths a run of the reproduction uses: exhaustive soundness width, CGO'22 precision widths,
 * 6.18-vs-CGO'22 widths, and the widest width at which optimality is computed.
 */
public record Plan(String name, int soundnessBits, List<Integer> cgo22Bits, List<Integer> mul618Bits, int optimalMaxBits) {
    public Plan {
        cgo22Bits = List.copyOf(cgo22Bits);
        mul618Bits = List.copyOf(mul618Bits);
    }

    /** What CI runs: about a minute on two cores. */
    public static Plan quick() {
        return new Plan("quick", 7, List.of(5, 6, 7, 8), List.of(6, 8), 8);
    }

    /** What {@code kflab papers run tnum-cgo22} runs. */
    public static Plan full() {
        return new Plan("full", 8, List.of(5, 6, 7, 8, 9), List.of(6, 8), 8);
    }
}
