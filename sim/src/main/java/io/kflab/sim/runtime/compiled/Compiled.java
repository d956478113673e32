package io.kflab.sim.runtime.compiled;

import io.kflab.sim.runtime.LoadedProgram;
import java.util.BitSet;

/**
 * One program's compiled form (kernel: a bpf_prog after bpf_int_jit_compile): the hidden class's
 * instance, the slots it can be entered at, and its size.
 *
 * @param methods chunk methods the program was split into
 * @param classBytes size of the class file
 */
public record Compiled(LoadedProgram prog, BitSet leaders, int methods, int classBytes, CompiledProgram code) {}
