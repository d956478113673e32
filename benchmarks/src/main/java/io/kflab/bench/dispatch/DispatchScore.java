package io.kflab.bench.dispatch;

/**
 * One measured cost of scx_bpf_dsq_insert under a design (kernel: the cost a BPF scheduler pays per
 * kfunc call), with its ratio to the direct call of the same kind and calls per op.
 *
 * @param kind "mechanism" (the modelled mechanism alone) or "bpf runtime" (the dispatch loop in kflab's BPF runtime)
 * @param callsPerOp kfunc calls per ops.dispatch invocation
 * @param nsPerCall mean ns per kfunc call
 * @param errorNs the error of nsPerCall (JMH: 99.9% confidence half-width)
 * @param ratio nsPerCall / the direct call's
 * @param ratioError the error of the ratio, propagated from both errors
 */
public record DispatchScore(String kind, DispatchDesign design, int callsPerOp, double nsPerCall, double errorNs, double ratio,
                            double ratioError) {
    public static final String MECHANISM = "mechanism", BPF_RUNTIME = "bpf runtime";

    /**
     * A measurement before ratios are known; {@code pairedRatio}/{@code pairedRatioError}, when not
     * NaN, are the ratio to the direct call measured round by round (designs interleaved), whose
     * error excludes the host's drift that the separate errors include.
     */
    public record Raw(String kind, DispatchDesign design, int callsPerOp, double nsPerCall, double errorNs, double pairedRatio,
                      double pairedRatioError) {
        public Raw(String kind, DispatchDesign design, int callsPerOp, double nsPerCall, double errorNs) {
            this(kind, design, callsPerOp, nsPerCall, errorNs, Double.NaN, Double.NaN);
        }
    }
}
