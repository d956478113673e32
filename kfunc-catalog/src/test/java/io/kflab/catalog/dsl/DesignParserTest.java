package io.kflab.catalog.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every construct of the language parses into the expected syntax tree, with locations. */
class DesignParserTest {
    private static DesignFile parse(String text) {
        return DesignParser.parse(text, "p.kfl");
    }

    private static <T extends Decl> T only(String text, Class<T> kind) {
        List<T> all = parse("design \"d\";\n" + text).all(kind);
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    @Test
    void headerExtendsIncludeAndComments() {
        DesignFile f = parse("""
                // a design
                design "my \\"design\\"";  /* block
                comment */
                extends kernel;
                extends source "linux-6.12";
                extends "base.kfl";
                include "common.kfl";
                """);
        assertThat(f.design()).contains("my \"design\"");
        assertThat(f.decls()).containsExactly(
                new Decl.Extends(Decl.BaseKind.KERNEL, java.util.Optional.empty(), new Loc("p.kfl", 4, 1)),
                new Decl.Extends(Decl.BaseKind.SOURCE, java.util.Optional.of("linux-6.12"), new Loc("p.kfl", 5, 1)),
                new Decl.Extends(Decl.BaseKind.DESIGN, java.util.Optional.of("base.kfl"), new Loc("p.kfl", 6, 1)),
                new Decl.Include("common.kfl", new Loc("p.kfl", 7, 1)));
    }

    @Test
    void kfuncWithPrototypeAndFlags() {
        String line = "kfunc const struct cpumask **bpf_x(unsigned long long *data, u32 data__sz, "
                + "struct task_struct *const p__nullable) KF_ACQUIRE | KF_RET_NULL;";
        Decl.Kfunc k = only(line, Decl.Kfunc.class);
        assertThat(k.override()).isFalse();
        assertThat(k.name()).isEqualTo("bpf_x");
        assertThat(k.proto().returns().spelling()).isEqualTo("const struct cpumask **");
        assertThat(k.proto().params()).extracting(p -> p.type().spelling() + "|" + p.name() + "|" + p.suffix().orElse(""))
                .containsExactly("unsigned long long *|data|", "u32|data__sz|sz", "struct task_struct *|p__nullable|nullable");
        assertThat(k.flags()).extracting(Flag::name).containsExactly("KF_ACQUIRE", "KF_RET_NULL");
        assertThat(k.flags().get(1).loc()).isEqualTo(new Loc("p.kfl", 2, line.indexOf("KF_RET_NULL") + 1));
        assertThat(only("kfunc u32 f(void);", Decl.Kfunc.class).proto().params()).isEmpty();
        assertThat(only("override kfunc u32 f();", Decl.Kfunc.class).override()).isTrue();
    }

    @Test
    void remove() {
        Decl.Remove r = only("remove struct_ops sched_ext_ops;", Decl.Remove.class);
        assertThat(r.kind()).isEqualTo(Decl.Kind.STRUCT_OPS);
        assertThat(r.name().text()).isEqualTo("sched_ext_ops");
    }

    @Test
    void setWithEntriesConditionsAndFilters() {
        Decl.KfuncSet s = only("""
                set s {
                    bpf_a;
                    hidden bpf_b KF_RCU | KF_ACQUIRE if CONFIG_FOO;
                    filter f;
                }""", Decl.KfuncSet.class);
        assertThat(s.entries()).hasSize(2);
        SetEntry b = s.entries().get(1);
        assertThat(b.hidden()).isTrue();
        assertThat(b.kfunc().text()).isEqualTo("bpf_b");
        assertThat(b.condition()).get().extracting(Name::text).isEqualTo("CONFIG_FOO");
        assertThat(b.loc()).isEqualTo(new Loc("p.kfl", 4, 5));
        assertThat(s.filter()).get().isInstanceOf(SetFilter.Ref.class);
        Decl.KfuncSet t = only("set t { bpf_a; filter for ops { allow * when member == a; allow bpf_a when true; } }",
                Decl.KfuncSet.class);
        SetFilter.Inline inline = (SetFilter.Inline) t.filter().orElseThrow();
        assertThat(inline.forType()).get().extracting(Name::text).isEqualTo("ops");
        assertThat(inline.rules().get(0).all()).isTrue();
        assertThat(inline.rules().get(1).refs()).extracting(Name::text).containsExactly("bpf_a");
    }

    @Test
    void registration() {
        Decl.Register r = only("register set s for struct_ops, BPF_PROG_TYPE_TRACING, syscall;", Decl.Register.class);
        assertThat(r.set().text()).isEqualTo("s");
        assertThat(r.targets()).extracting(Name::text).containsExactly("struct_ops", "BPF_PROG_TYPE_TRACING", "syscall");
    }

    @Test
    void namedFilter() {
        Decl.Filter f = only("filter f for ops { allow s1, k2 when prog_type in (syscall, tracing); }", Decl.Filter.class);
        assertThat(f.forType()).get().extracting(Name::text).isEqualTo("ops");
        Predicate.In in = (Predicate.In) f.rules().getFirst().when();
        assertThat(in.subject()).isEqualTo(Predicate.Subject.PROG_TYPE);
        assertThat(in.values()).extracting(Name::text).containsExactly("syscall", "tracing");
    }

    @Test
    void structOps() {
        Decl.StructOps t = only("""
                struct_ops ops {
                    design POLYMORPHIC;
                    class A, B;
                    s32 select_cpu(struct task_struct *p, s32 prev_cpu) class A | B;
                    s32 init(void) sleepable class B if CONFIG_X;
                    u32 timeout_ms;
                    allow k when class A;
                }""", Decl.StructOps.class);
        assertThat(t.design()).get().extracting(Name::text).isEqualTo("POLYMORPHIC");
        assertThat(t.classes()).extracting(Name::text).containsExactly("A", "B");
        assertThat(t.members()).extracting(OpsMember::name).containsExactly("select_cpu", "init", "timeout_ms");
        OpsMember init = t.members().get(1);
        assertThat(init.sleepable()).isTrue();
        assertThat(init.function()).isTrue();
        assertThat(init.condition()).get().extracting(Name::text).isEqualTo("CONFIG_X");
        assertThat(t.members().get(0).classes()).extracting(Name::text).containsExactly("A", "B");
        assertThat(t.members().get(2).function()).isFalse();
        assertThat(t.allows()).hasSize(1);
        assertThat(t.members().get(0).loc()).isEqualTo(new Loc("p.kfl", 5, 5));
    }

    @Test
    void familyAndRename() {
        Decl.Family f = only("""
                family scx_bpf_dsq_insert for sched_ext_ops {
                    variant scx_bpf_dsq_insert_direct when member in (select_cpu, enqueue);
                    variant scx_bpf_dsq_insert_buffered when member in (dispatch);
                }""", Decl.Family.class);
        assertThat(f.forType()).get().extracting(Name::text).isEqualTo("sched_ext_ops");
        assertThat(f.variants()).extracting(v -> v.kfunc().text())
                .containsExactly("scx_bpf_dsq_insert_direct", "scx_bpf_dsq_insert_buffered");
        assertThat(f.variants().get(1).loc()).isEqualTo(new Loc("p.kfl", 4, 5));
        Decl.Rename r = only("rename scx_bpf_dispatch -> scx_bpf_dsq_insert since 6.13;", Decl.Rename.class);
        assertThat(r.from().text()).isEqualTo("scx_bpf_dispatch");
        assertThat(r.to().text()).isEqualTo("scx_bpf_dsq_insert");
        assertThat(r.since()).contains("6.13");
    }

    @Test
    void predicatePrecedenceAndForms() {
        String line = "filter f { allow k when class A or sleepable and not member != m; "
                + "allow k when (struct_ops == o or attach_type == x) and false; }";
        Decl.Filter f = only(line, Decl.Filter.class);
        Predicate.Or or = (Predicate.Or) f.rules().get(0).when();
        assertThat(or.left()).isInstanceOf(Predicate.In.class);
        Predicate.And and = (Predicate.And) or.right();
        assertThat(and.left()).isInstanceOf(Predicate.Sleepable.class);
        Predicate.Not not = (Predicate.Not) and.right();
        assertThat(not.operand()).isInstanceOf(Predicate.Not.class);
        Predicate.And second = (Predicate.And) f.rules().get(1).when();
        assertThat(second.left()).isInstanceOf(Predicate.Or.class);
        assertThat(second.right()).isEqualTo(new Predicate.Const(false, new Loc("p.kfl", 2, line.indexOf("false") + 1)));
    }

    @Test
    void keywordsAreNamesWhereNoKeywordIsExpected() {
        Decl.StructOps t = only("struct_ops gpio { void set(int kernel, int member); int source; }", Decl.StructOps.class);
        assertThat(t.members()).extracting(OpsMember::name).containsExactly("set", "source");
    }
}
