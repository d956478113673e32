package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import java.util.Map;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns the first ANTLR syntax error into a BadInputException naming the construct the user was writing. */
final class SyntaxMessages extends BaseErrorListener {
    static final String KFUNC = "expected a kfunc prototype like 'int foo(struct task_struct *p)'";
    static final String MEMBER =
            "expected a struct_ops member like 'void enqueue(struct task_struct *p, u64 enq_flags) class ENQUEUE;'";

    private static final String TOP = "expected a declaration: kfunc, set, register, filter, struct_ops, family, "
            + "rename, extends, include or remove";

    private static final Map<Integer, String> EXPECTED = Map.ofEntries(
            Map.entry(KflParser.RULE_flags, "expected KF_* flags like 'KF_ACQUIRE | KF_RET_NULL'"),
            Map.entry(KflParser.RULE_flagName, "expected KF_* flags like 'KF_ACQUIRE | KF_RET_NULL'"),
            Map.entry(KflParser.RULE_condition, "expected a config condition like 'if CONFIG_EXT_GROUP_SCHED'"),
            Map.entry(KflParser.RULE_forType, "expected a struct_ops type after 'for', like 'for sched_ext_ops'"),
            Map.entry(KflParser.RULE_subject,
                    "expected a context predicate like 'member in (select_cpu, enqueue)' or 'prog_type == syscall'"),
            Map.entry(KflParser.RULE_predicate,
                    "expected a context predicate like 'member in (select_cpu, enqueue)' or 'prog_type == syscall'"),
            Map.entry(KflParser.RULE_refs, "expected kfunc or set names (or '*') after 'allow'"),
            Map.entry(KflParser.RULE_allowRule,
                    "expected an allow rule like 'allow scx_bpf_consume when member == dispatch;'"),
            Map.entry(KflParser.RULE_variant,
                    "expected a variant like 'variant scx_bpf_dsq_insert_direct when member in (select_cpu, enqueue);'"),
            Map.entry(KflParser.RULE_memberAttr, "expected 'sleepable' or 'class NAME | NAME' after a struct_ops member"),
            Map.entry(KflParser.RULE_proto, KFUNC),
            Map.entry(KflParser.RULE_opsItem,
                    "expected a struct_ops item: 'design NAME;', 'class A, B;', a member like "
                            + "'void enqueue(struct task_struct *p, u64 enq_flags) class ENQUEUE;' or an allow rule"),
            Map.entry(KflParser.RULE_setItem,
                    "expected a set entry like 'bpf_task_acquire KF_ACQUIRE | KF_RET_NULL;' or 'filter NAME;'"),
            Map.entry(KflParser.RULE_base, "expected a base after 'extends': kernel, source \"linux-6.12\" or \"other.kfl\""),
            Map.entry(KflParser.RULE_header, "expected a design header like 'design \"my-design\";'"));

    private static final Map<Class<?>, String> STATEMENTS = Map.ofEntries(
            Map.entry(KflParser.ExtendsStmtContext.class,
                    "expected 'extends kernel;', 'extends source \"linux-6.12\";' or 'extends \"other.kfl\";'"),
            Map.entry(KflParser.IncludeStmtContext.class, "expected an include like 'include \"common.kfl\";'"),
            Map.entry(KflParser.KfuncStmtContext.class, KFUNC),
            Map.entry(KflParser.RemoveStmtContext.class, "expected 'remove kfunc|set|struct_ops|family|filter NAME;'"),
            Map.entry(KflParser.SetStmtContext.class, "expected a kfunc set like 'set my_set { bpf_foo KF_RCU; }'"),
            Map.entry(KflParser.RegisterStmtContext.class,
                    "expected a registration like 'register set my_set for struct_ops, tracing;'"),
            Map.entry(KflParser.FilterStmtContext.class,
                    "expected a filter like 'filter my_filter for sched_ext_ops { allow ... when ...; }'"),
            Map.entry(KflParser.StructOpsStmtContext.class,
                    "expected a struct_ops type like 'struct_ops my_ops { design LOAD_FILTER; ... }'"),
            Map.entry(KflParser.FamilyStmtContext.class,
                    "expected a family like 'family scx_bpf_dsq_insert for sched_ext_ops { variant ...; }'"),
            Map.entry(KflParser.RenameStmtContext.class,
                    "expected a rename like 'rename scx_bpf_dispatch -> scx_bpf_dsq_insert since 6.13;'"));

    private final String file;

    SyntaxMessages(String file) {
        this.file = file;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
            RecognitionException e) {
        String expected = TOP;
        if (recognizer instanceof Parser p) {
            expected = expected(p.getContext(), p);
        }
        throw new BadInputException(file + ":" + line + ":" + (column + 1), expected + ", found " + found(offending));
    }

    private static String expected(ParserRuleContext ctx, Parser p) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof KflParser.OpsMemberContext) {
                return MEMBER;
            }
            if (c.getRuleIndex() != KflParser.RULE_name && EXPECTED.containsKey(c.getRuleIndex())) {
                return EXPECTED.get(c.getRuleIndex());
            }
            String s = STATEMENTS.get(c.getClass());
            if (s != null) {
                return s;
            }
        }
        return TOP;
    }

    private static String found(Object offending) {
        if (offending instanceof Token t) {
            if (t.getType() == Token.EOF) {
                return "end of file";
            }
            String text = t.getText().replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return "bad input";
    }
}
