package io.kflab.bpf.asm;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.bpf.isa.Program;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a program file the way the CLI takes one: {@code .s}/{@code .asm} files are assembled, any
 * other file is read as bytecode (8-byte little-endian instructions, as in an ELF section).
 */
public final class ProgramFiles {
    private ProgramFiles() {}

    /** Whether {@code file} is read as assembly. */
    public static boolean isAssembly(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".s") || n.endsWith(".S") || n.endsWith(".asm");
    }

    /** The instruction slots of {@code file}, valid or not (the kernel judges). */
    public static byte[] readBytes(Path file, SymbolTable symbols) {
        if (isAssembly(file)) return new Assembler(symbols).assemble(readText(file), file.toString()).bytes();
        byte[] b = readAll(file);
        if (b.length == 0 || b.length % 8 != 0) {
            throw new BadInputException(file + ": byte " + b.length,
                    "expected bytecode: a non-empty whole number of 8-byte instructions, found " + b.length + " bytes");
        }
        return b;
    }

    /** The program in {@code file}, decoded. */
    public static Program read(Path file, SymbolTable symbols) {
        if (isAssembly(file)) return new Assembler(symbols).program(readText(file), file.toString());
        return Program.decode(readBytes(file, symbols), file.toString());
    }

    public static String readText(Path file) {
        byte[] b = readAll(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException(file.toString(), "expected UTF-8 assembly text; found binary data (use a name not ending in .s for bytecode)");
        }
    }

    private static byte[] readAll(Path file) {
        try {
            if (Files.isDirectory(file)) throw new BadInputException(file.toString(), "expected a file, found a directory");
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
