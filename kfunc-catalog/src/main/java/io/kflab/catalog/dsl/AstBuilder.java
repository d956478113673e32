package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.dsl.KflParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the records of the syntax tree from ANTLR's parse tree. */
final class AstBuilder {
    private static final DeclParser KFUNC = new DeclParser("int foo(struct task_struct *p)");
    private static final DeclParser MEMBER = new DeclParser("void enqueue(struct task_struct *p, u64 enq_flags)");

    private final String file;

    AstBuilder(String file) {
        this.file = file;
    }

    DesignFile file(FileContext ctx) {
        Optional<String> design = Optional.ofNullable(ctx.header()).map(h -> string(h.STRING().getSymbol()));
        List<Decl> decls = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            decls.add(statement(s));
        }
        return new DesignFile(file, design, decls, new Loc(file, 1, 1));
    }

    private Decl statement(StatementContext s) {
        Loc loc = loc(s);
        return switch (s) {
            case ExtendsStmtContext c -> switch (c.base()) {
                case KernelBaseContext k -> new Decl.Extends(Decl.BaseKind.KERNEL, Optional.empty(), loc);
                case SourceBaseContext src -> new Decl.Extends(Decl.BaseKind.SOURCE,
                        Optional.of(string(src.STRING().getSymbol())), loc);
                case DesignBaseContext d -> new Decl.Extends(Decl.BaseKind.DESIGN,
                        Optional.of(string(d.STRING().getSymbol())), loc);
                default -> throw unexpected(c);
            };
            case IncludeStmtContext c -> new Decl.Include(string(c.STRING().getSymbol()), loc);
            case KfuncStmtContext c -> new Decl.Kfunc(c.OVERRIDE() != null, proto(c.proto()), flags(c.flags()), loc);
            case RemoveStmtContext c -> new Decl.Remove(Decl.Kind.valueOf(c.kind.getText().toUpperCase()),
                    name(c.name()), loc);
            case SetStmtContext c -> set(c, loc);
            case RegisterStmtContext c -> new Decl.Register(name(c.name()),
                    c.target().stream().map(t -> new Name(t.getText(), loc(t))).toList(), loc);
            case FilterStmtContext c -> new Decl.Filter(name(c.name()), forType(c.forType()), rules(c.allowRule()), loc);
            case StructOpsStmtContext c -> structOps(c, loc);
            case FamilyStmtContext c -> new Decl.Family(name(c.name()), forType(c.forType()),
                    c.variant().stream().map(v -> new Variant(name(v.name()), predicate(v.predicate()), loc(v))).toList(),
                    loc);
            case RenameStmtContext c -> new Decl.Rename(name(c.from), name(c.to),
                    Optional.ofNullable(c.VERSION()).map(TerminalNode::getText), loc);
            default -> throw unexpected(s);
        };
    }

    private Decl.KfuncSet set(SetStmtContext c, Loc loc) {
        List<SetEntry> entries = new ArrayList<>();
        Optional<SetFilter> filter = Optional.empty();
        for (SetItemContext item : c.setItem()) {
            switch (item) {
                case SetEntryContext e -> entries.add(new SetEntry(e.HIDDEN_KW() != null, name(e.name()), flags(e.flags()),
                        condition(e.condition()), loc(e)));
                case SetFilterRefContext r -> filter = once(filter, new SetFilter.Ref(name(r.name()), loc(r)), r);
                case SetFilterInlineContext i -> filter = once(filter,
                        new SetFilter.Inline(forType(i.forType()), rules(i.allowRule()), loc(i)), i);
                default -> throw unexpected(item);
            }
        }
        return new Decl.KfuncSet(c.OVERRIDE() != null, name(c.name()), entries, filter, loc);
    }

    private Optional<SetFilter> once(Optional<SetFilter> old, SetFilter f, ParserRuleContext at) {
        if (old.isPresent()) {
            throw new BadInputException(loc(at).toString(),
                    "a set has at most one filter (first at " + old.get().loc() + "); expected a set entry or '}'");
        }
        return Optional.of(f);
    }

    private Decl.StructOps structOps(StructOpsStmtContext c, Loc loc) {
        Optional<Name> design = Optional.empty();
        List<Name> classes = new ArrayList<>();
        List<OpsMember> members = new ArrayList<>();
        List<AllowRule> allows = new ArrayList<>();
        for (OpsItemContext item : c.opsItem()) {
            switch (item) {
                case OpsDesignContext d -> {
                    if (design.isPresent()) {
                        throw new BadInputException(loc(d).toString(), "a struct_ops type has one design (first at "
                                + design.get().loc() + "); expected a member, class or allow rule");
                    }
                    design = Optional.of(name(d.name()));
                }
                case OpsClassesContext k -> k.name().forEach(n -> classes.add(name(n)));
                case OpsAllowContext a -> allows.add(rule(a.allowRule()));
                case OpsMemberContext m -> members.add(member(m));
                default -> throw unexpected(item);
            }
        }
        return new Decl.StructOps(c.OVERRIDE() != null, name(c.name()), design, classes, members, allows, loc);
    }

    private OpsMember member(OpsMemberContext m) {
        boolean function = m.LPAREN() != null;
        Prototype decl = MEMBER.prototype(toks(m.cTokens()), params(m.param()), loc(m));
        boolean sleepable = false;
        List<Name> classes = new ArrayList<>();
        for (MemberAttrContext a : m.memberAttr()) {
            switch (a) {
                case SleepableAttrContext s -> sleepable = true;
                case ClassAttrContext k -> k.name().forEach(n -> classes.add(name(n)));
                default -> throw unexpected(a);
            }
        }
        return new OpsMember(decl, function, sleepable, classes, condition(m.condition()), loc(m));
    }

    private Prototype proto(ProtoContext p) {
        return KFUNC.prototype(toks(p.cTokens()), params(p.param()), loc(p));
    }

    private List<List<DeclParser.Tok>> params(List<ParamContext> params) {
        return params.stream().map(p -> toks(p.cTokens())).toList();
    }

    private List<DeclParser.Tok> toks(CTokensContext c) {
        return c.cToken().stream().map(t -> new DeclParser.Tok(t.getText(), loc(t))).toList();
    }

    private List<Flag> flags(FlagsContext f) {
        return f == null ? List.of() : f.flagName().stream().map(n -> new Flag(n.getText(), loc(n))).toList();
    }

    private Optional<Name> condition(ConditionContext c) {
        return c == null ? Optional.empty() : Optional.of(name(c.name()));
    }

    private Optional<Name> forType(ForTypeContext f) {
        return f == null ? Optional.empty() : Optional.of(name(f.name()));
    }

    private List<AllowRule> rules(List<AllowRuleContext> rules) {
        return rules.stream().map(this::rule).toList();
    }

    private AllowRule rule(AllowRuleContext r) {
        List<Name> refs = r.refs().STAR() != null ? List.of() : r.refs().name().stream().map(this::name).toList();
        return new AllowRule(refs, predicate(r.predicate()), loc(r));
    }

    Predicate predicate(PredicateContext p) {
        Loc loc = loc(p);
        return switch (p) {
            case NotPredContext n -> new Predicate.Not(predicate(n.predicate()), loc);
            case AndPredContext a -> new Predicate.And(predicate(a.predicate(0)), predicate(a.predicate(1)), loc);
            case OrPredContext o -> new Predicate.Or(predicate(o.predicate(0)), predicate(o.predicate(1)), loc);
            case ParenPredContext q -> predicate(q.predicate());
            case EqPredContext e -> new Predicate.In(subject(e.subject()), List.of(name(e.name())), loc);
            case NePredContext e -> new Predicate.Not(
                    new Predicate.In(subject(e.subject()), List.of(name(e.name())), loc), loc);
            case InPredContext i -> new Predicate.In(subject(i.subject()), i.name().stream().map(this::name).toList(), loc);
            case ClassPredContext k -> new Predicate.In(Predicate.Subject.CLASS, List.of(name(k.name())), loc);
            case SleepablePredContext s -> new Predicate.Sleepable(loc);
            case TruePredContext t -> new Predicate.Const(true, loc);
            case FalsePredContext f -> new Predicate.Const(false, loc);
            default -> throw unexpected(p);
        };
    }

    private static Predicate.Subject subject(SubjectContext s) {
        return Predicate.Subject.valueOf(s.getText().toUpperCase());
    }

    private Name name(NameContext n) {
        return new Name(n.getText(), loc(n));
    }

    private static String string(Token t) {
        String s = t.getText();
        return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private Loc loc(ParserRuleContext c) {
        return new Loc(file, c.getStart().getLine(), c.getStart().getCharPositionInLine() + 1);
    }

    private BadInputException unexpected(ParserRuleContext c) {
        return new BadInputException(loc(c).toString(), "expected a design declaration, found '" + c.getText() + "'");
    }
}
