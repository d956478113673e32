package io.kflab.sim.runtime.compiled;

import static io.kflab.sim.runtime.compiled.ProgramCompiler.CD_EXECUTION;
import static io.kflab.sim.runtime.compiled.ProgramCompiler.desc;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

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
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytecode of one chunk method: a prologue that loads r0-r10 into long locals, a dispatch
 * switch over the chunk's block leaders, then the blocks in slot order, each starting with its
 * instruction count ({@link Execution#tick}); stubs for leaving the chunk follow.
 */
final class ChunkEmitter {
    private static final ClassDesc CD_MEMORY = desc(Memory.class);
    private static final ClassDesc CD_ALU = desc(AluSemantics.class);
    private static final ClassDesc CD_ALU_OP = desc(AluOp.class);
    private static final ClassDesc CD_KIND = desc(Insn.Endian.Kind.class);
    private static final ClassDesc CD_FAULT = desc(RuntimeFault.class);
    private static final ClassDesc CD_LONG_ARRAY = CD_long.arrayType();
    private static final ClassDesc CD_LONG = desc(Long.class);
    private static final ClassDesc CD_INTEGER = desc(Integer.class);
    private static final MethodTypeDesc STEP = MethodTypeDesc.of(CD_int, CD_int, CD_int);

    // locals of a chunk method: the three arguments, then the register file, memory, r0-r10 (two slots each)
    private static final int EX = 0, PC = 1, STOP = 2, REGS = 3, MEM = 4, R0 = 5;

    private final CodeBuilder c;
    private final LoadedProgram prog;
    private final BlockPlan plan;
    private final BlockPlan.Chunk chunk;
    private final Insn[] slots;
    private final Map<Integer, Label> labels = new HashMap<>();
    private final List<Runnable> stubs = new ArrayList<>();
    private Label dispatch;

    ChunkEmitter(CodeBuilder c, LoadedProgram prog, BlockPlan plan, BlockPlan.Chunk chunk) {
        this.c = c;
        this.prog = prog;
        this.plan = plan;
        this.chunk = chunk;
        this.slots = prog.slots();
    }

    void emit() {
        c.aload(EX).invokevirtual(CD_EXECUTION, "regs", MethodTypeDesc.of(CD_LONG_ARRAY)).astore(REGS);
        c.aload(EX).invokevirtual(CD_EXECUTION, "memory", MethodTypeDesc.of(CD_MEMORY)).astore(MEM);
        reload();
        List<SwitchCase> cases = new ArrayList<>();
        for (int pc = plan.leaders().nextSetBit(chunk.from()); pc >= 0 && pc < chunk.to(); pc = plan.leaders().nextSetBit(pc + 1)) {
            Label l = c.newLabel();
            labels.put(pc, l);
            cases.add(SwitchCase.of(pc, l));
        }
        Label out = c.newLabel();
        dispatch = c.newLabel();
        c.labelBinding(dispatch);
        c.iload(PC).lookupswitch(out, cases);
        for (int pc = chunk.from(); pc < chunk.to(); ) {
            Insn in = slots[pc];
            if (in == null) {
                pc++;
                continue;
            }
            if (plan.leaders().get(pc)) block(pc);
            boolean falls = insn(in, pc);
            int next = pc + in.slots();
            if (falls && !(next < chunk.to() && plan.leaders().get(next))) {
                if (next >= chunk.to()) jumpTo(next, pc);
            }
            pc = next;
        }
        c.labelBinding(out);
        spill();
        c.iload(PC).ireturn();
        for (int i = 0; i < stubs.size(); i++) stubs.get(i).run();
    }

    /** A block's entry: count its instructions, or let the interpreter run it when that crosses the limit. */
    private void block(int pc) {
        c.labelBinding(labels.get(pc));
        int n = 0;
        int end = plan.leaders().nextSetBit(pc + 1);
        if (end < 0) end = slots.length;
        for (int i = pc; i < end; i++) if (slots[i] != null) n++;
        Label slow = stub(() -> {
            spill();
            c.aload(EX).loadConstant(pc).iload(STOP).invokevirtual(CD_EXECUTION, "interpret", MethodTypeDesc.of(CD_long, CD_int, CD_int)).pop2();
            c.loadConstant(Execution.DONE).ireturn();
        });
        c.aload(EX).loadConstant(n).invokevirtual(CD_EXECUTION, "tick", MethodTypeDesc.of(CD_boolean, CD_int)).ifeq(slow);
    }

    /** Emits one instruction; whether control falls through to the next slot. */
    private boolean insn(Insn in, int pc) {
        switch (in) {
            case Insn.Alu a -> alu(a);
            case Insn.Neg n -> {
                if (n.width() == Width.W64) c.lload(reg(n.dst())).lneg().lstore(reg(n.dst()));
                else {
                    c.lload(reg(n.dst())).l2i().ineg();
                    zext();
                    c.lstore(reg(n.dst()));
                }
            }
            case Insn.Endian e -> {
                c.getstatic(CD_KIND, e.kind().name(), CD_KIND).loadConstant(e.bits()).lload(reg(e.dst()));
                c.invokestatic(CD_ALU, "endian", MethodTypeDesc.of(CD_long, CD_KIND, CD_int, CD_long)).lstore(reg(e.dst()));
            }
            case Insn.LoadImm64 l when l.source() == PseudoSource.IMM -> c.loadConstant(l.imm()).lstore(reg(l.dst()));
            case Insn.Load l -> {
                int size = l.size().bytes();
                c.aload(MEM).lload(reg(l.src())).loadConstant((long) l.off()).ladd().loadConstant(size).loadConstant(pc);
                c.invokevirtual(CD_MEMORY, "load", MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_int));
                if (l.signExtend()) {
                    c.loadConstant(size).iconst_1().invokestatic(CD_ALU, "extend", MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_boolean));
                }
                c.lstore(reg(l.dst()));
            }
            case Insn.Store s -> {
                c.aload(MEM).lload(reg(s.dst())).loadConstant((long) s.off()).ladd().loadConstant(s.size().bytes());
                src64(s.src());
                c.loadConstant(pc).invokevirtual(CD_MEMORY, "store", MethodTypeDesc.of(CD_void, CD_long, CD_int, CD_long, CD_int));
            }
            case Insn.Jump j -> {
                condition(j, branchTo(pc + 1 + j.off(), pc));
                return true;
            }
            case Insn.Ja j -> {
                jumpTo(pc + 1 + j.off(), pc);
                return false;
            }
            case Insn.Gotol g -> {
                jumpTo(pc + 1 + g.imm(), pc);
                return false;
            }
            case Insn.Atomic a -> step(pc);
            case Insn.LoadImm64 l -> step(pc);
            case Insn.AddrSpaceCast x -> step(pc);
            default -> {
                if (BlockPlan.plainCall(in)) step(pc);
                else {
                    dynamic(pc);
                    return false;
                }
            }
        }
        return true;
    }

    private void alu(Insn.Alu a) {
        int d = reg(a.dst());
        AluOp op = a.op();
        if (a.width() == Width.W64) {
            switch (op) {
                case ADD, SUB, MUL, OR, AND, XOR -> {
                    c.lload(d);
                    src64(a.src());
                    switch (op) {
                        case ADD -> c.ladd();
                        case SUB -> c.lsub();
                        case MUL -> c.lmul();
                        case OR -> c.lor();
                        case AND -> c.land();
                        default -> c.lxor();
                    }
                }
                case LSH, RSH, ARSH -> { // the JVM masks long shift counts to 6 bits, as BPF does
                    c.lload(d);
                    src32(a.src());
                    switch (op) {
                        case LSH -> c.lshl();
                        case RSH -> c.lushr();
                        default -> c.lshr();
                    }
                }
                case MOV -> src64(a.src());
                case MOVSX8, MOVSX16, MOVSX32 -> {
                    src32(a.src());
                    if (op == AluOp.MOVSX8) c.i2b();
                    else if (op == AluOp.MOVSX16) c.i2s();
                    c.i2l();
                }
                default -> { // division and modulo: the interpreter's rules for zero and overflow
                    c.getstatic(CD_ALU_OP, op.name(), CD_ALU_OP).lload(d);
                    src64(a.src());
                    c.invokestatic(CD_ALU, "alu64", MethodTypeDesc.of(CD_long, CD_ALU_OP, CD_long, CD_long));
                }
            }
        } else {
            switch (op) {
                case ADD, SUB, MUL, OR, AND, XOR, LSH, RSH, ARSH -> {
                    c.lload(d).l2i();
                    src32(a.src());
                    switch (op) {
                        case ADD -> c.iadd();
                        case SUB -> c.isub();
                        case MUL -> c.imul();
                        case OR -> c.ior();
                        case AND -> c.iand();
                        case XOR -> c.ixor();
                        case LSH -> c.ishl(); // int shift counts are masked to 5 bits
                        case RSH -> c.iushr();
                        default -> c.ishr();
                    }
                    zext();
                }
                case MOV, MOVSX32 -> {
                    src32(a.src());
                    zext();
                }
                case MOVSX8, MOVSX16 -> {
                    src32(a.src());
                    if (op == AluOp.MOVSX8) c.i2b();
                    else c.i2s();
                    zext();
                }
                default -> {
                    c.getstatic(CD_ALU_OP, op.name(), CD_ALU_OP).lload(d);
                    src64(a.src());
                    c.invokestatic(CD_ALU, "alu32", MethodTypeDesc.of(CD_long, CD_ALU_OP, CD_long, CD_long));
                }
            }
        }
        c.lstore(d);
    }

    /** Branches to {@code taken} when the jump's condition holds. */
    private void condition(Insn.Jump j, Label taken) {
        JmpOp op = j.op();
        if (j.width() == Width.W64) {
            c.lload(reg(j.dst()));
            src64(j.src());
            switch (op) {
                case JSET -> c.land().lconst_0().lcmp().ifne(taken);
                case JGT, JGE, JLT, JLE -> {
                    c.invokestatic(CD_LONG, "compareUnsigned", MethodTypeDesc.of(CD_int, CD_long, CD_long));
                    signTest(op, taken);
                }
                default -> {
                    c.lcmp();
                    signTest(op, taken);
                }
            }
        } else {
            c.lload(reg(j.dst())).l2i();
            src32(j.src());
            switch (op) {
                case JSET -> c.iand().ifne(taken);
                case JGT, JGE, JLT, JLE -> {
                    c.invokestatic(CD_INTEGER, "compareUnsigned", MethodTypeDesc.of(CD_int, CD_int, CD_int));
                    signTest(op, taken);
                }
                case JEQ -> c.if_icmpeq(taken);
                case JNE -> c.if_icmpne(taken);
                case JSGT -> c.if_icmpgt(taken);
                case JSGE -> c.if_icmpge(taken);
                case JSLT -> c.if_icmplt(taken);
                default -> c.if_icmple(taken);
            }
        }
    }

    /** Branch on an int comparison result (-, 0, +) already on the stack. */
    private void signTest(JmpOp op, Label taken) {
        switch (op) {
            case JEQ -> c.ifeq(taken);
            case JNE -> c.ifne(taken);
            case JGT, JSGT -> c.ifgt(taken);
            case JGE, JSGE -> c.ifge(taken);
            case JLT, JSLT -> c.iflt(taken);
            default -> c.ifle(taken);
        }
    }

    /** An instruction the interpreter executes, after which control continues at the next slot. */
    private void step(int pc) {
        spill();
        c.aload(EX).loadConstant(pc).iload(STOP).invokevirtual(CD_EXECUTION, "stepAt", STEP).pop();
        reload();
    }

    /** An instruction the interpreter executes that moves control (exit, call, tail call, may_goto, LD_ABS). */
    private void dynamic(int pc) {
        spill();
        c.aload(EX).loadConstant(pc).iload(STOP).invokevirtual(CD_EXECUTION, "stepAt", STEP).istore(PC);
        Label leave = c.newLabel();
        c.iload(PC).loadConstant(Execution.DONE).if_icmpeq(leave);
        c.aload(EX).invokevirtual(CD_EXECUTION, "progFd", MethodTypeDesc.of(CD_int)).loadConstant(prog.fd()).if_icmpne(leave);
        reload();
        c.goto_(dispatch);
        c.labelBinding(leave);
        c.iload(PC).ireturn();
    }

    /** Unconditional transfer to {@code target} from slot {@code from}. */
    private void jumpTo(int target, int from) {
        Label l = labels.get(target);
        if (l != null) c.goto_(l);
        else leave(target, from);
    }

    /** A label that transfers to {@code target}: the block's own, or a stub that leaves the chunk. */
    private Label branchTo(int target, int from) {
        Label l = labels.get(target);
        return l != null ? l : stub(() -> leave(target, from));
    }

    private void leave(int target, int from) {
        if (target >= 0 && target < slots.length && slots[target] != null) {
            spill();
            c.loadConstant(target).ireturn();
        } else {
            c.aload(EX).loadConstant(from).loadConstant(target);
            c.invokevirtual(CD_EXECUTION, "badJump", MethodTypeDesc.of(CD_FAULT, CD_int, CD_int)).athrow();
        }
    }

    private Label stub(Runnable body) {
        Label l = c.newLabel();
        stubs.add(() -> {
            c.labelBinding(l);
            body.run();
        });
        return l;
    }

    private void src64(Operand o) {
        if (o instanceof Operand.Reg(int r)) c.lload(reg(r));
        else c.loadConstant((long) ((Operand.Imm) o).value());
    }

    private void src32(Operand o) {
        if (o instanceof Operand.Reg(int r)) c.lload(reg(r)).l2i();
        else c.loadConstant(((Operand.Imm) o).value());
    }

    private void zext() {
        c.i2l().loadConstant(0xffff_ffffL).land();
    }

    private void spill() {
        for (int i = 0; i <= 10; i++) c.aload(REGS).loadConstant(i).lload(reg(i)).lastore();
    }

    private void reload() {
        for (int i = 0; i <= 10; i++) c.aload(REGS).loadConstant(i).laload().lstore(reg(i));
    }

    private static int reg(int r) {
        return R0 + 2 * r;
    }
}
