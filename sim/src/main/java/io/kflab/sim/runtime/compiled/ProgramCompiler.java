package io.kflab.sim.runtime.compiled;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import io.kflab.bpf.isa.AluOp;
import io.kflab.bpf.isa.Insn;
import io.kflab.bpf.isa.JmpOp;
import io.kflab.bpf.isa.Operand;
import io.kflab.bpf.isa.PseudoSource;
import io.kflab.bpf.isa.Width;
import io.kflab.sim.runtime.LoadedProgram;
import io.kflab.sim.runtime.RuntimeFault;
import io.kflab.sim.runtime.interp.AluSemantics;
import io.kflab.sim.runtime.interp.Execution;
import io.kflab.sim.runtime.mem.Memory;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a loaded program into JVM bytecode with java.lang.classfile (kernel: a JIT back end,
 * arch/x86/net/bpf_jit_comp.c's do_jit): registers live in long locals, ALU operations, loads,
 * stores and jumps are inlined, every other instruction goes through the interpreter's
 * {@link Execution#stepAt} with the registers spilled to the shared register file around it.
 */
final class ProgramCompiler {
    static final ClassDesc CD_EXECUTION = desc(Execution.class);
    static final MethodTypeDesc CHUNK_TYPE = MethodTypeDesc.of(CD_int, CD_EXECUTION, CD_int, CD_int);

    private final BlockPlan plan;

    private ProgramCompiler(LoadedProgram prog) {
        this.plan = BlockPlan.of(prog.slots());
    }

    static ClassDesc desc(Class<?> c) {
        return ClassDesc.ofDescriptor(c.descriptorString());
    }

    /** The program as a hidden class defined next to {@code lookup}'s class. */
    static Compiled compile(LoadedProgram prog, MethodHandles.Lookup lookup) throws ReflectiveOperationException {
        ProgramCompiler pc = new ProgramCompiler(prog);
        ClassDesc self = ClassDesc.of(lookup.lookupClass().getPackageName() + ".BpfProg" + prog.fd());
        byte[] bytes = ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(desc(CompiledProgram.class));
            cb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC,
                    c -> c.aload(0).invokespecial(CD_Object, INIT_NAME, MethodTypeDesc.of(CD_void)).return_());
            cb.withMethodBody("enter", CHUNK_TYPE, ClassFile.ACC_PUBLIC, c -> pc.enter(c, self));
            for (BlockPlan.Chunk ch : pc.plan.chunks()) {
                cb.withMethodBody("chunk" + ch.index(), CHUNK_TYPE, ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC, c -> new ChunkEmitter(c, prog, pc.plan, ch).emit());
            }
        });
        MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
        CompiledProgram code;
        try {
            code = (CompiledProgram) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return new Compiled(prog, pc.plan.leaders(), pc.plan.chunks().size(), bytes.length, code);
    }

    /** enter(ex, pc, stop): picks the chunk method whose slot range holds pc (slots 1-3 are the arguments). */
    private void enter(CodeBuilder c, ClassDesc self) {
        List<BlockPlan.Chunk> chunks = plan.chunks();
        for (BlockPlan.Chunk ch : chunks) {
            Label next = c.newLabel();
            if (ch.index() < chunks.size() - 1) {
                c.iload(2).ldc(ch.to()).if_icmpge(next);
            }
            c.aload(1).iload(2).iload(3).invokestatic(self, "chunk" + ch.index(), CHUNK_TYPE).ireturn();
            if (ch.index() < chunks.size() - 1) c.labelBinding(next);
        }
    }
}
