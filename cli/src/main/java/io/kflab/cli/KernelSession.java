package io.kflab.cli;

import io.kflab.bpf.asm.BtfSymbols;
import io.kflab.bpf.asm.CallNames;
import io.kflab.bpf.asm.SymbolTable;
import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.StructOpsMember;
import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.sys.ProgLoad;
import io.kflab.bpf.sys.ProgType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** What the CLI knows about the running kernel: its BTF (when published) and the names it gives. */
final class KernelSession {
    private static KernelSession instance;
    private final Btf btf;

    private KernelSession(Btf btf) {
        this.btf = btf;
    }

    static synchronized KernelSession get() {
        if (instance == null) {
            Btf b = null;
            if (Files.isReadable(Btf.VMLINUX)) {
                try {
                    b = Btf.vmlinux();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            instance = new KernelSession(b);
        }
        return instance;
    }

    /** The running kernel's BTF, or null when it publishes none. */
    Btf btf() {
        return btf;
    }

    /** Assembly symbols: helpers and kfuncs of the running kernel. */
    SymbolTable symbols() {
        return symbolsBuilder().build();
    }

    SymbolTable.Builder symbolsBuilder() {
        return btf == null ? SymbolTable.builder() : BtfSymbols.symbols(btf);
    }

    CallNames callNames() {
        return btf == null ? CallNames.builtin() : BtfSymbols.callNames(btf);
    }

    /** Load attributes for {@code --attach}. */
    interface Attach {
        void applyTo(ProgLoad load);
    }

    Attach attach(ProgType type, String spec) {
        if (type != ProgType.STRUCT_OPS) {
            throw new BadInputException("--attach " + spec, "STRUCT:MEMBER attach points are for --type struct_ops, not " + type.cliName());
        }
        if (btf == null) throw new BadInputException("--attach " + spec, "the running kernel publishes no BTF (" + Btf.VMLINUX + ")");
        StructOpsMember m = StructOpsMember.resolve(btf, spec);
        return load -> load.attachBtfId(m.structBtfId()).expectedAttachTypeRaw(m.memberIndex());
    }

}
