package io.kflab.papers.tnum;

/**
 * One exhaustive soundness check: how many abstract cases (operand tnums, and shift amount for
 * shifts) and concrete cases (member tuples) were tried, how many concrete results fell outside the
 * abstract one, and the first such case found (empty when sound).
 */
public record SoundnessResult(String op, int bits, long abstractCases, long concreteCases, long violations, String firstViolation) {
    public boolean sound() {
        return violations == 0;
    }
}
