package io.kflab.catalog.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The C fixtures of the scanner tests (written for these tests, not kernel code). */
final class Fixtures {
    static final String[] NAMES = {"sets.c", "btf_like.h", "hooks.c", "odd.c", "xmacro.c"};

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ScanResult scan(String name) {
        return KfuncScanner.scan(name, text(name));
    }
}
