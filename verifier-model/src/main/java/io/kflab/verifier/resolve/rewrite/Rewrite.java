package io.kflab.verifier.resolve.rewrite;

import java.util.List;

/**
 * A program after resolution: its slots with kfunc call ids rewritten (nothing else changes), each
 * call site, and the log (one verifier-style line per call). {@code loads} is false when some call
 * site was rejected at load (the program is then returned unchanged at that site).
 */
public record Rewrite(List<io.kflab.bpf.isa.RawInsn> program, List<CallSite> sites, List<String> log, boolean loads) {
    public Rewrite {
        program = List.copyOf(program);
        sites = List.copyOf(sites);
        log = List.copyOf(log);
    }
}
