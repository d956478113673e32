package io.kflab.bench;

import io.kflab.bpf.asm.AsmPrinter;
import io.kflab.bpf.asm.Assembler;
import io.kflab.bpf.asm.KernelSyntax;
import io.kflab.bpf.isa.Program;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/** Assembler and disassembler throughput in instructions per second, on a 1,000-instruction program. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BenchPrograms.SIZE)
public class AsmBench {
    private String text;
    private Program program;
    private byte[] bytes;
    private final Assembler assembler = Assembler.builtin();
    private final KernelSyntax kernelSyntax = KernelSyntax.builtin();
    private final AsmPrinter printer = AsmPrinter.builtin();

    @Setup
    public void build() {
        program = BenchPrograms.mixed();
        text = printer.print(program);
        bytes = program.encode();
    }

    /** LLVM-syntax text → instructions (ANTLR parse, labels, encoding, decoding). */
    @Benchmark
    public Program assemble() {
        return assembler.program(text, "bench.s");
    }

    /** Instructions → the verifier log's syntax. */
    @Benchmark
    public String disassembleKernelSyntax() {
        return kernelSyntax.print(program);
    }

    /** Instructions → LLVM syntax with labels. */
    @Benchmark
    public String printAsm() {
        return printer.print(program);
    }

    /** Wire bytes → instructions. */
    @Benchmark
    public Program decode() {
        return Program.decode(bytes, "bench.bin");
    }

    /** Instructions → wire bytes. */
    @Benchmark
    public byte[] encode() {
        return program.encode();
    }
}
