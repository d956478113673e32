package io.kflab.verifier.cfg;

import java.util.List;

/** A program that passed the structure checks: where its subprograms start (kernel: env->subprog_info[].start). */
public record Structure(List<Integer> subprogStarts, int slots) {
    public Structure {
        subprogStarts = List.copyOf(subprogStarts);
    }
}
