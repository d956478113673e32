package io.kflab.catalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kflab.bpf.diag.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each semantic and syntax error is a BadInputException at its exact file:line:column, naming what was expected. */
class DesignChecksTest {
    private static final String OPS = """
            design "t";
            struct_ops ops {
                class A, B;
                void a(int x) class A;
                void b(int x) class B;
                void c(int x) sleepable class A | B;
            }
            kfunc void f(int x);
            kfunc void g(int x);
            kfunc void h(int x);
            """;

    /** Where {@code needle} first occurs after {@code after} in {@code text}, as t.kfl:line:column. */
    static String at(String text, String after, String needle) {
        int i = text.indexOf(needle, text.indexOf(after));
        assertThat(i).as("needle " + needle).isNotNegative();
        int line = 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
        int col = i - text.lastIndexOf('\n', i - 1);
        return "t.kfl:" + line + ":" + col;
    }

    static BadInputException error(String text) {
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> DesignLoader.load(text, "t.kfl"));
        assertThat(e).as("an error for:\n" + text).isNotNull();
        assertThat(e.oneLine()).doesNotContain("\n");
        return e;
    }

    static void fails(String text, String after, String needle, String message) {
        BadInputException e = error(text);
        assertThat(e.location()).isEqualTo(at(text, after, needle));
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void unknownSet() {
        fails("design \"t\";\nregister set nope for tracing;\n", "register", "nope", "unknown set 'nope'");
    }

    @Test
    void unknownKfuncInSet() {
        fails("design \"t\";\nset s {\n    bpf_nope KF_RCU;\n}\n", "set", "bpf_nope", "unknown kfunc 'bpf_nope'");
    }

    @Test
    void unknownKfuncInAllowRule() {
        String t = OPS + "filter x for ops { allow nope when member == a; }\n";
        fails(t, "filter", "nope", "unknown reference 'nope'");
    }

    @Test
    void unknownMember() {
        String t = OPS + "family f for ops {\n    variant g when member == zz;\n}\n";
        fails(t, "family", "zz", "unknown member 'zz' of struct_ops type 'ops'; expected one of (a, b, c)");
    }

    @Test
    void unknownStructOpsType() {
        String t = OPS + "family f for nope { variant g when member == a; }\n";
        fails(t, "family", "nope", "unknown struct_ops type 'nope'");
    }

    @Test
    void unknownContextClass() {
        String t = "design \"t\";\nstruct_ops ops {\n    class A;\n    void a(int x) class Q;\n}\n";
        fails(t, "void a", "Q", "unknown context class 'Q'");
        String p = OPS + "filter x for ops { allow f when class C; }\n";
        fails(p, "filter", "C;", "unknown context class 'C' of struct_ops type 'ops'");
    }

    @Test
    void duplicateDefinitions() {
        fails(OPS + "kfunc int f(int y);\n", "kfunc int f", "kfunc int f", "duplicate kfunc 'f' (first defined at t.kfl:8:1)");
        fails(OPS + "set s { f; }\nset s { g; }\n", "set s { g", "s { g", "duplicate set 's'");
        fails(OPS + "set s { f; g; f; }\n", "g; f", "f; }", "duplicate entry 'f' in set 's'");
        fails(OPS + "set s { f; }\nregister set s for tracing, TRACING;\n", "TRACING", "TRACING",
                "duplicate registration of set 's'");
        fails("design \"t\";\nstruct_ops o {\n    void a(int x);\n    int a(void);\n}\n", "int a", "int a",
                "duplicate member 'a'");
        fails(OPS + "rename f -> g;\nrename f -> h;\n", "rename f -> h", "f -> h", "duplicate rename of 'f'");
    }

    @Test
    void variantNamingAnUndefinedKfunc() {
        String t = OPS + "family f for ops {\n    variant f_direct when member == a;\n}\n";
        fails(t, "family", "f_direct", "unknown kfunc 'f_direct' in a variant");
    }

    @Test
    void predicateMatchingNoMember() {
        String t = OPS + "family f for ops {\n    variant g when member == a and class B;\n}\n";
        fails(t, "variant g", "member == a", "the predicate can match no calling context: no member of struct_ops type 'ops'");
        String s = OPS + "family f for ops {\n    variant g when member == a and sleepable;\n}\n";
        fails(s, "variant g", "member == a", "can match no calling context");
    }

    @Test
    void overlappingVariants() {
        String t = OPS + "family f for ops {\n    variant g when member in (a, c);\n    variant h when class B;\n}\n";
        fails(t, "variant h", "class B", "overlapping variants: 'h' and 'g' (at t.kfl:12:5) both match member c of ops");
        String ok = OPS + "family f for ops {\n    variant g when member == a;\n    variant h when not member == a;\n}\n";
        assertThat(DesignLoader.load(ok, "t.kfl").warnings()).isEmpty();
    }

    @Test
    void unknownFlagIsAWarningButANonFlagIsAnError() {
        Design d = DesignLoader.load(OPS + "set s { f KF_RCU | KF_NEW_THING; }\n", "t.kfl");
        assertThat(d.warnings()).singleElement().satisfies(w -> {
            assertThat(w.loc().toString()).isEqualTo("t.kfl:11:20");
            assertThat(w.message()).contains("unknown flag KF_NEW_THING");
        });
        fails(OPS + "kfunc void k(int x) ACQUIRE;\n", "kfunc void k", "ACQUIRE", "expected a KF_* flag name");
    }

    @Test
    void malformedPrototypes() {
        fails("design \"t\";\nkfunc int foo(struct *p);\n", "kfunc", "struct", "malformed prototype: 'struct' needs a tag name");
        fails("design \"t\";\nkfunc int foo(int);\n", "foo", "int)", "malformed prototype: parameter 1 has no name");
        fails("design \"t\";\nkfunc foo(int x);\n", "kfunc", "foo", "malformed prototype: the declaration has no name");
        fails("design \"t\";\nkfunc int foo(int x, u64 x);\n", "u64", "x)", "parameter name 'x' used twice");
        fails("design \"t\";\nkfunc int foo(void v);\n", "foo", "void", "parameter 1 cannot be void");
        fails("design \"t\";\nkfunc int foo(u64 a b);\n", "foo", "b)", "unexpected 'b'");
    }

    @Test
    void syntaxErrorsNameTheConstruct() {
        assertThat(error("design \"t\";\nkfunc int foo(int x").oneLine()).isEqualTo(
                "t.kfl:2:20: expected a kfunc prototype like 'int foo(struct task_struct *p)', found end of file");
        fails("design \"t\";\nkfunc int foo(int x) KF_RCU | ;\n", "KF_RCU", ";", "expected KF_* flags like");
        fails("design \"t\";\nstruct_ops o {\n    void a(int x) class;\n}\n", "class", ";", "expected 'sleepable' or 'class NAME");
        fails("design \"t\";\nfamily f { variant g when member = a; }\n", "member", "=", "expected a context predicate like");
        fails("design \"t\";\nrename a => b;\n", "a", "=", "expected a rename like");
        fails("design \"t\";\nfunc int foo(void);\n", "design", "func", "expected a declaration: kfunc, set");
        BadInputException e = error("kfunc int foo(void);\n");
        assertThat(e.oneLine()).isEqualTo("t.kfl:1:1: expected a design header like 'design \"my-design\";' at the start of the file");
    }

    @Test
    void overrideAndRemoveNeedABase(@TempDir Path dir) throws Exception {
        fails("design \"t\";\noverride kfunc int f(int x);\n", "override", "override", "'override' needs a base catalog");
        fails("design \"t\";\nremove kfunc f;\n", "remove", "remove", "'remove' needs a base catalog");
        Files.writeString(dir.resolve("base.kfl"), "design \"base\";\nkfunc int f(int x);\n");
        String t = "design \"t\";\nextends \"base.kfl\";\nremove kfunc g;\n";
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> DesignLoader.load(t, "t.kfl", dir));
        assertThat(e.oneLine()).isEqualTo("t.kfl:3:14: unknown reference: the base design defines no kfunc 'g' to remove");
        String dup = "design \"t\";\nextends \"base.kfl\";\nkfunc int f(int x);\n";
        e = catchThrowableOfType(BadInputException.class, () -> DesignLoader.load(dup, "t.kfl", dir));
        assertThat(e.getMessage()).contains("already defined by the base design; expected 'override kfunc f'");
        Design ok = DesignLoader.load("design \"t\";\nextends \"base.kfl\";\noverride kfunc int f(long x);\n", "t.kfl", dir);
        assertThat(ok.baseDesign()).isPresent();
    }

    @Test
    void includesAreReadOnceAndCyclesAreErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.kfl"), "include \"b.kfl\";\nkfunc int fa(int x);\n");
        Files.writeString(dir.resolve("b.kfl"), "include \"a.kfl\";\nkfunc int fb(int x);\n");
        Files.writeString(dir.resolve("main.kfl"), "design \"m\";\ninclude \"a.kfl\";\nset s { fa; fb; }\n");
        BadInputException e = catchThrowableOfType(BadInputException.class, () -> DesignLoader.load(dir.resolve("main.kfl")));
        assertThat(e.location()).endsWith("b.kfl:1:1");
        assertThat(e.getMessage()).contains("include cycle");
        Files.writeString(dir.resolve("b.kfl"), "kfunc int fb(int x);\n");
        Files.writeString(dir.resolve("c.kfl"), "include \"b.kfl\";\n");
        Files.writeString(dir.resolve("main.kfl"), "design \"m\";\ninclude \"a.kfl\";\ninclude \"c.kfl\";\nset s { fa; fb; }\n");
        assertThat(DesignLoader.load(dir.resolve("main.kfl")).includes()).hasSize(3);
        e = catchThrowableOfType(BadInputException.class, () -> DesignLoader.load("design \"m\";\ninclude \"nope.kfl\";\n", "t.kfl", dir));
        assertThat(e.oneLine()).startsWith("t.kfl:2:1: cannot read design file");
    }

    @Test
    void openBaseDefersNamesItCannotSee() {
        Design d = DesignLoader.load("design \"t\";\nextends kernel;\nset s { bpf_task_acquire KF_ACQUIRE; }\n"
                + "register set s for struct_ops;\nremove kfunc bpf_foo;\nrename a -> b;\n", "t.kfl");
        assertThat(d.openBase()).isTrue();
    }
}
