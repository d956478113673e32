package io.kflab.verifier.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.structops.Resolution;
import io.kflab.verifier.resolve.data.DesignFileSubsystems;
import io.kflab.verifier.resolve.design.Designs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subsystems defined in design files: the shipped examples, and bad designs as precise errors. */
class DesignFileSubsystemsTest {
    @TempDir Path tmp;

    static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("examples/designs");
            if (Files.isDirectory(d)) return d;
        }
        throw new IllegalStateException("examples/designs not found above the working directory");
    }

    static Verdict cell(Subsystem s, Resolution d, String kfunc, String member) {
        return Designs.of(d).decide(s, s.kfunc(kfunc).orElseThrow(), s.contextOf(s.member(member).orElseThrow()));
    }

    @Test
    void gpioDriverExample() {
        Subsystem g = DesignFileSubsystems.load(examples().resolve("gpio-driver-struct-ops.kfl")).getFirst();
        assertEquals("gpio_bpf_ops", g.name());
        assertEquals(Optional.of(Resolution.LOAD_FILTER), g.defaultDesign());
        assertEquals(8, g.members().size());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(g, Resolution.LOAD_FILTER, "bpf_gpio_set_value", "set").kind());
        assertEquals("calling kernel function bpf_gpio_set_value is not allowed (EACCES)",
                cell(g, Resolution.LOAD_FILTER, "bpf_gpio_set_value", "request").message());
        assertEquals(Verdict.Kind.ALLOWED_FAILS_AT_RUNTIME, cell(g, Resolution.RUNTIME_MASK, "bpf_gpio_set_value", "request").kind());
        assertEquals(Verdict.Kind.ALLOWED_AT_LOAD, cell(g, Resolution.LOAD_FILTER, "bpf_gpio_set_value_cansleep", "request").kind());
        assertEquals(Verdict.Kind.REJECTED_AT_LOAD, cell(g, Resolution.RUNTIME_MASK, "bpf_gpio_set_value_cansleep", "set").kind());
    }

    @Test
    void vernetExampleResolvesTheFamily() {
        Subsystem s = DesignFileSubsystems.load(examples().resolve("vernet-polymorphic-dsq-insert.kfl")).getFirst();
        assertEquals(Optional.of("scx_bpf_dsq_insert_direct"), cell(s, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "select_cpu").resolvesTo());
        assertEquals(Optional.of("scx_bpf_dsq_insert_buffered"), cell(s, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "dispatch").resolvesTo());
        assertEquals(Verdict.Kind.REJECTED_AT_LOAD, cell(s, Resolution.POLYMORPHIC, "scx_bpf_dsq_insert", "tick").kind());
        // the 6.12 class table (kf_mask) survives as the run-time check
        assertEquals(Verdict.Kind.ALLOWED_FAILS_AT_RUNTIME, cell(s, Resolution.RUNTIME_MASK, "scx_bpf_consume", "enqueue").kind());
    }

    private Path write(String text) throws IOException {
        Path p = tmp.resolve("d.kfl");
        Files.writeString(p, text);
        return p;
    }

    private static final String HEAD = """
            design "t";
            kfunc void f(void);
            kfunc void g(void);
            kfunc void h(void);
            set s { f; g; }
            register set s for struct_ops;
            struct_ops ops {
                design POLYMORPHIC;
                class A, B;
                void a(void) class A;
                void b(void) class B;
            }
            """;

    @Test
    void resolverReturningAKfuncOutsideTheSubsystemIsAnErrorAtTheFamily() throws IOException {
        // h is declared but in no set registered for struct_ops: the resolver would return an unknown kfunc
        Path p = write(HEAD + "family f for ops {\n    variant h when member == a;\n}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DesignFileSubsystems.load(p));
        assertEquals(p + ":13", e.location()); // the family line
        assertTrue(e.getMessage().contains("returns unknown kfunc 'h'"), e.getMessage());
    }

    @Test
    void overlappingVariantsAreAnError() throws IOException {
        Path p = write(HEAD + "family f for ops {\n    variant g when member == a;\n    variant f when class A;\n}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DesignFileSubsystems.load(p));
        assertTrue(e.oneLine().startsWith(p.toString() + ":"), e.oneLine());
        assertTrue(e.getMessage().contains("overlapping variants"), e.getMessage());
    }

    @Test
    void predicateMatchingNoMemberIsAnError() throws IOException {
        Path p = write(HEAD + "family f for ops {\n    variant g when class A and class B;\n}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DesignFileSubsystems.load(p));
        assertTrue(e.oneLine().startsWith(p.toString() + ":14:"), e.oneLine());
    }

    @Test
    void designWithoutADesignLineIsAnError() throws IOException {
        Path p = write("design \"t\";\nstruct_ops ops {\n    void a(void);\n}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DesignFileSubsystems.load(p));
        assertTrue(e.getMessage().contains("no struct_ops type with a 'design' line"), e.getMessage());
    }

    @Test
    void membersKeepPrototypeArguments() throws IOException {
        Path p = write(HEAD.replace("void a(void) class A;", "int a(struct sk_buff *skb__ref, u32 n) class A;"));
        Subsystem s = DesignFileSubsystems.load(p).getFirst();
        assertEquals(List.of(new ArgSpec("struct sk_buff *", "skb__ref", Ownership.REFERENCED), new ArgSpec("u32", "n", Ownership.BORROWED)),
                s.member("a").orElseThrow().args());
    }
}
