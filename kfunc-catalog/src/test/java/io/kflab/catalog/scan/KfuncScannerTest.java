package io.kflab.catalog.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class KfuncScannerTest {
    private final ScanResult sets = Fixtures.scan("sets.c");

    @Test
    void setsWithEntriesFlagsAndLines() {
        assertThat(sets.sets()).extracting(KfuncSet::name, KfuncSet::macro, KfuncSet::kfuncsFlag)
                .containsExactly(tuple("widget_ids", "BTF_KFUNCS_START", true),
                        tuple("old_ids", "BTF_SET8_START", false));
        KfuncSet widgets = sets.sets().getFirst();
        assertThat(widgets.at()).isEqualTo(new SourceLine("sets.c", 19));
        assertThat(widgets.entries()).extracting(SetEntry::name, SetEntry::flags, e -> e.at().line())
                .containsExactly(
                        tuple("widget_get", List.of("KF_ACQUIRE", "KF_RET_NULL"), 20),
                        tuple("widget_put", List.of("KF_RELEASE"), 21),
                        tuple("widget_name", List.of(), 23),
                        tuple("widget_noname", List.of("KF_SLEEPABLE"), 25),
                        tuple("widget_xy", List.of("KF_TRUSTED_ARGS", "KF_RCU"), 29),
                        tuple("widget_z", List.of(), 31));
        assertThat(sets.entryNames()).hasSize(7).contains("old_one");
    }

    @Test
    void entriesCarryTheirCondition() {
        List<SetEntry> e = sets.sets().getFirst().entries();
        assertThat(e.get(0).condition().always()).isTrue();
        assertThat(e.get(2).condition().text()).isEqualTo("defined(CONFIG_WIDGET_NAMES)");
        assertThat(e.get(3).condition().text()).isEqualTo("!defined(CONFIG_WIDGET_NAMES)");
        assertThat(e.get(4).condition().text())
                .isEqualTo("IS_ENABLED(CONFIG_WIDGET_X) || defined(CONFIG_WIDGET_Y)");
        assertThat(e.get(5).condition().text()).isEqualTo(
                "!(IS_ENABLED(CONFIG_WIDGET_X) || defined(CONFIG_WIDGET_Y)) && defined(CONFIG_WIDGET_Z) && defined(CONFIG_NET)");
        assertThat(sets.sets().get(1).entries().getFirst().condition()).isEqualTo(Condition.ALWAYS);
    }

    @Test
    void idSetInitialisers() {
        assertThat(sets.idSets()).hasSize(2);
        KfuncIdSet w = sets.idSets().getFirst();
        assertThat(w.name()).isEqualTo("widget_set");
        assertThat(w.set()).contains("widget_ids");
        assertThat(w.owner()).contains("THIS_MODULE");
        assertThat(w.filter()).contains("widget_filter");
        assertThat(w.at().line()).isEqualTo(44);
        KfuncIdSet old = sets.idSets().get(1);
        assertThat(old.set()).contains("old_ids");
        assertThat(old.filter()).isEmpty();
    }

    @Test
    void registrationsInAnyFunctionAndExpressionProgTypesWarn() {
        assertThat(sets.registrations())
                .extracting(Registration::kind, Registration::progType, Registration::idSet, r -> r.at().line())
                .containsExactly(
                        tuple(Registration.Kind.KFUNC, "BPF_PROG_TYPE_TRACING", "widget_set", 57),
                        tuple(Registration.Kind.KFUNC, "t", "widget_set", 58),
                        tuple(Registration.Kind.KFUNC, "WIDGET_PROG_TYPE(1)", "widget_set", 59),
                        tuple(Registration.Kind.FMODRET, "", "old_set", 62));
        assertThat(sets.registrations().getFirst().literalProgType()).isTrue();
        assertThat(sets.registrations().get(1).literalProgType()).isFalse();
        assertThat(sets.warnings()).extracting(w -> w.at().line()).containsExactly(58, 59);
        assertThat(sets.warnings().getFirst().message()).contains("program type given as t");
    }

    @Test
    void kfuncPrototypesOverSeveralLines() {
        assertThat(sets.prototypes()).extracting(KfuncPrototype::name, KfuncPrototype::returnType,
                KfuncPrototype::definition, p -> p.at().line())
                .containsExactly(
                        tuple("widget_get", "struct widget *", true, 6),
                        tuple("widget_name", "__must_check const char *", true, 13),
                        tuple("widget_put", "void", false, 15));
        List<KfuncParam> params = sets.prototypes().getFirst().params();
        assertThat(params).extracting(KfuncParam::name)
                .containsExactly("pool", "id__k", "buf__sz_unused", "cb");
        assertThat(params.get(0).type()).isEqualTo("struct widget_pool *");
        assertThat(params.get(1).type()).isEqualTo("u32");
        assertThat(params.get(3).text()).isEqualTo("int (*cb) (void *ctx, int n)");
        assertThat(sets.prototypes().get(1).params()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("w__nullable"));
    }

    @Test
    void kfFlagBitsAndDeclarationsOfTheRegisterFunctions() {
        ScanResult h = Fixtures.scan("btf_like.h");
        assertThat(h.flagBits()).extracting(KfFlagBit::name, KfFlagBit::bit)
                .containsExactly(tuple("KF_ALPHA", 0), tuple("KF_BETA", 1), tuple("KF_GAMMA", 12),
                        tuple("KF_DELTA", 13));
        assertThat(h.registrations()).isEmpty();
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void hookTableAndSuffixes() {
        ScanResult h = Fixtures.scan("hooks.c");
        assertThat(h.hooks()).extracting(HookMapping::progType, HookMapping::hook).containsExactly(
                tuple("BPF_PROG_TYPE_UNSPEC", "BTF_KFUNC_HOOK_COMMON"),
                tuple("BPF_PROG_TYPE_TRACING", "BTF_KFUNC_HOOK_TRACING"),
                tuple("BPF_PROG_TYPE_LSM", "BTF_KFUNC_HOOK_TRACING"),
                tuple(HookMapping.DEFAULT, "BTF_KFUNC_HOOK_MAX"));
        assertThat(h.suffixes()).extracting(ArgSuffix::suffix, ArgSuffix::checkedBy).containsExactly(
                tuple("__sz", "btf_param_match_suffix"), tuple("__k", "btf_param_match_suffix"),
                tuple("__old", "sizeof"));
        assertThat(h.warnings()).isEmpty();
    }

    @Test
    void oddFormsBecomeWarningsWithLines() {
        ScanResult o = Fixtures.scan("odd.c");
        assertThat(o.warnings()).extracting(w -> w.at().line(), ScanWarning::message).contains(
                tuple(2, "BTF_ID_FLAGS(lonely) outside a kfunc set"),
                tuple(6, "unfamiliar form of BTF_ID_FLAGS(...)"),
                tuple(7, "macro SOME_LIST_MACRO inside kfunc set odd_ids"),
                tuple(8, "BTF_ID_FLAGS with prefix type"),
                tuple(9, "kfunc set odd_ids ends as other_ids"),
                tuple(11, "BTF_KFUNCS_END(never_started) without a start"),
                tuple(13, "#endif without #if"),
                tuple(14, "register_btf_kfunc_id_set: id_set given as make_set()"),
                tuple(16, "kfunc set unclosed_ids is not closed"));
        assertThat(o.sets()).extracting(KfuncSet::name).containsExactly("odd_ids", "unclosed_ids");
        assertThat(o.sets().getFirst().entries()).extracting(SetEntry::name).containsExactly("ok_one", "not_func");
        assertThat(o.macroUses()).containsExactly(new MacroUse("odd_ids", "SOME_LIST_MACRO", new SourceLine("odd.c", 7)));
    }

    @Test
    void nothingInCommentsOrStrings() {
        ScanResult r = KfuncScanner.scan("c.c", """
                /* BTF_KFUNCS_START(a)
                   BTF_ID_FLAGS(func, hidden) */
                // register_btf_kfunc_id_set(BPF_PROG_TYPE_XDP, &x);
                const char *s = "BTF_ID_FLAGS(func, s)";
                #define WRAP(x) BTF_ID_FLAGS(func, x)
                """);
        assertThat(r.sets()).isEmpty();
        assertThat(r.registrations()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }
}
