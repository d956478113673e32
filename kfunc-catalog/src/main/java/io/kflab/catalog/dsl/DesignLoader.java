package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a design: parses the file, follows {@code include}s (each file once, relative to the
 * including file) and a design-file base ({@code extends "base.kfl"}), then runs the semantic checks.
 */
public final class DesignLoader {
    private final Deque<Path> loading = new ArrayDeque<>();

    private DesignLoader() {}

    /** Loads and checks the design in {@code file}; every problem is a BadInputException at file:line:column. */
    public static Design load(Path file) {
        return new DesignLoader().design(file, null);
    }

    /** Loads a design given as text (its includes and base resolved relative to {@code dir}, if any). */
    public static Design load(String text, String name, Path dir) {
        DesignLoader l = new DesignLoader();
        return l.design(DesignParser.parse(text, name), dir);
    }

    /** Loads a self-contained design given as text (no includes, no design-file base). */
    public static Design load(String text, String name) {
        return load(text, name, null);
    }

    private Design design(Path file, Loc from) {
        Path key = key(file);
        if (loading.contains(key)) {
            throw new BadInputException(String.valueOf(from), "extends/include cycle through '" + file
                    + "'; expected a design that does not build on itself");
        }
        loading.push(key);
        try {
            return design(DesignParser.parse(read(file, from), file.toString()), file.toAbsolutePath().getParent());
        } finally {
            loading.pop();
        }
    }

    private Design design(DesignFile main, Path dir) {
        if (main.design().isEmpty()) {
            throw new BadInputException(main.file() + ":1:1",
                    "expected a design header like 'design \"my-design\";' at the start of the file");
        }
        List<DesignFile> includes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        if (dir != null) {
            seen.add(key(dir.resolve(Path.of(main.file()).getFileName().toString())));
        }
        includes(main, dir, includes, seen);
        List<Decl.Extends> bases = new ArrayList<>();
        for (DesignFile f : includes) {
            bases.addAll(f.all(Decl.Extends.class));
        }
        Optional<Decl.Extends> ext = main.all(Decl.Extends.class).stream().findFirst();
        if (!bases.isEmpty()) {
            throw new BadInputException(bases.get(0).loc().toString(),
                    "'extends' belongs in the main design file; expected declarations in an included file");
        }
        Optional<Design> baseDesign = Optional.empty();
        if (ext.isPresent() && ext.get().kind() == Decl.BaseKind.DESIGN) {
            Decl.Extends e = ext.get();
            baseDesign = Optional.of(design(resolve(dir, e.ref().orElseThrow(), e.loc()), e.loc()));
        }
        boolean open = ext.map(e -> e.kind() != Decl.BaseKind.DESIGN).orElse(false)
                || baseDesign.map(Design::openBase).orElse(false);
        List<DesignFile> files = new ArrayList<>();
        files.add(main);
        files.addAll(includes);
        List<Warning> warnings = Checker.check(files, baseDesign, open);
        return new Design(main.design().get(), main, includes, ext, baseDesign, warnings);
    }

    private void includes(DesignFile f, Path dir, List<DesignFile> out, Set<Path> seen) {
        for (Decl.Include inc : f.all(Decl.Include.class)) {
            Path p = resolve(dir, inc.path(), inc.loc());
            Path key = key(p);
            if (loading.contains(key) || (out.isEmpty() && seen.contains(key) && isMain(f, p, dir))) {
                throw new BadInputException(inc.loc().toString(), "include cycle through '" + inc.path()
                        + "'; expected a file that does not include itself");
            }
            if (!seen.add(key)) {
                continue;
            }
            DesignFile child = DesignParser.parse(read(p, inc.loc()), p.toString());
            out.add(child);
            loading.push(key);
            try {
                includes(child, p.toAbsolutePath().getParent(), out, seen);
            } finally {
                loading.pop();
            }
        }
    }

    private static boolean isMain(DesignFile f, Path p, Path dir) {
        return key(dir.resolve(Path.of(f.file()).getFileName().toString())).equals(key(p));
    }

    private static Path resolve(Path dir, String ref, Loc at) {
        if (dir == null) {
            throw new BadInputException(at.toString(), "cannot resolve '" + ref
                    + "' for a design given as text; expected a self-contained design");
        }
        try {
            Path p = Path.of(ref);
            return p.isAbsolute() ? p : dir.resolve(p).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException(at.toString(), "expected a design file path, found '" + ref + "'");
        }
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static String read(Path file, Loc from) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new BadInputException(from == null ? file.toString() : from.toString(),
                    "expected a UTF-8 text design file: " + file);
        } catch (IOException e) {
            throw new BadInputException(from == null ? file.toString() : from.toString(),
                    "cannot read design file '" + file + "' (" + e.getClass().getSimpleName()
                            + "); expected an existing .kfl file");
        }
    }
}
