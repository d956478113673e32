package io.kflab.verifier.stats;

/** One program's figures on both sides (veristat -C: the A and B columns; A is the kernel, B the model). */
public record Comparison(String program, VerifierStats kernel, VerifierStats model) {
    /** Model time over kernel time; +inf when the kernel reported 0 us and the model took longer. */
    public double timeRatio() {
        if (kernel.timeUs() == 0) return model.timeUs() == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        return model.timeUs() / kernel.timeUs();
    }

    public boolean sameVerdict() {
        return kernel.accepted() == model.accepted();
    }
}
