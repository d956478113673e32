package io.kflab.sim.runtime.diff;

import io.kflab.bpf.isa.Program;
import io.kflab.bpf.sys.ProgType;

/** A generated program with the test-run input it is to be run on (data for packet types, ctx for syscall programs). */
public record GeneratedRun(ProgType type, Program program, byte[] data, byte[] ctx) {}
