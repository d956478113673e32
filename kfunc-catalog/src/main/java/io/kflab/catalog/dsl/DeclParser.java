package io.kflab.catalog.dsl;

import io.kflab.bpf.diag.BadInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the C declarations of prototypes (kept as token runs by the grammar) into types and names. */
final class DeclParser {
    /** One C token as written. */
    record Tok(String text, Loc loc) {}

    /** A declarator: its type and (possibly absent) name. */
    record Declared(CType type, String name) {}

    private static final Set<String> BUILTIN = Set.of("unsigned", "signed", "long", "short", "int", "char");
    private static final Set<String> TAGS = Set.of("struct", "union", "enum");

    private final String example;

    /** @param example the construct to name in errors, e.g. {@code int foo(struct task_struct *p)} */
    DeclParser(String example) {
        this.example = example;
    }

    Prototype prototype(List<Tok> head, List<List<Tok>> params, Loc loc) {
        Declared d = declarator(head, "return type and name");
        if (d.name == null) {
            throw error(last(head).loc, "the declaration has no name");
        }
        return new Prototype(d.type, d.name, params(params), loc);
    }

    List<Param> params(List<List<Tok>> params) {
        List<Param> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            List<Tok> p = params.get(i);
            Declared d = declarator(p, "parameter");
            if (d.type.isVoid() && d.name == null && params.size() == 1) {
                return List.of();
            }
            if (d.type.isVoid()) {
                throw error(p.get(0).loc, "parameter " + (i + 1) + " cannot be void");
            }
            if (d.name == null) {
                throw error(last(p).loc, "parameter " + (i + 1) + " has no name");
            }
            if (!seen.add(d.name)) {
                throw error(last(p).loc, "parameter name '" + d.name + "' used twice");
            }
            out.add(new Param(d.type, d.name, p.get(0).loc));
        }
        return out;
    }

    private Declared declarator(List<Tok> toks, String what) {
        int i = 0;
        boolean constant = false;
        while (i < toks.size() && toks.get(i).text.equals("const")) {
            constant = true;
            i++;
        }
        if (i == toks.size()) {
            throw error(toks.isEmpty() ? null : last(toks).loc, "the " + what + " has no type");
        }
        Tok first = toks.get(i);
        String base;
        if (TAGS.contains(first.text)) {
            if (i + 1 == toks.size() || !isIdent(toks.get(i + 1).text)) {
                throw error(first.loc, "'" + first.text + "' needs a tag name");
            }
            base = first.text + " " + toks.get(i + 1).text;
            i += 2;
        } else if (BUILTIN.contains(first.text)) {
            StringBuilder b = new StringBuilder();
            while (i < toks.size() && BUILTIN.contains(toks.get(i).text)) {
                b.append(b.isEmpty() ? "" : " ").append(toks.get(i).text);
                i++;
            }
            base = b.toString();
        } else if (isIdent(first.text)) {
            base = first.text;
            i++;
        } else {
            throw error(first.loc, "expected a type, found '" + first.text + "'");
        }
        int pointers = 0;
        while (i < toks.size() && (toks.get(i).text.equals("*") || toks.get(i).text.equals("const"))) {
            if (toks.get(i).text.equals("*")) {
                pointers++;
            } else if (pointers == 0) {
                constant = true;
            }
            i++;
        }
        String name = null;
        if (i < toks.size()) {
            Tok n = toks.get(i);
            if (!isIdent(n.text) || TAGS.contains(n.text)) {
                throw error(n.loc, "unexpected '" + n.text + "' in the " + what);
            }
            name = n.text;
            i++;
        }
        if (i < toks.size()) {
            throw error(toks.get(i).loc, "unexpected '" + toks.get(i).text + "' after the name '" + name + "'");
        }
        return new Declared(new CType(base, pointers, constant, toks.get(0).loc), name);
    }

    private static boolean isIdent(String s) {
        return !s.isEmpty() && (Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') && !s.equals("const");
    }

    private static Tok last(List<Tok> toks) {
        return toks.get(toks.size() - 1);
    }

    private BadInputException error(Loc at, String detail) {
        return new BadInputException(at == null ? null : at.toString(),
                "malformed prototype: " + detail + "; expected a prototype like '" + example + "'");
    }
}
