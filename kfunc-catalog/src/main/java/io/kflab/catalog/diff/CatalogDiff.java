package io.kflab.catalog.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.hook.Hook;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Prototype;
import io.kflab.catalog.kfunc.Rename;
import io.kflab.catalog.matrix.Callability;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The differences between two catalogs (e.g. two kernel versions) as seen by an existing BPF program. */
public record CatalogDiff(String from, String to, List<Change> changes) {
    public CatalogDiff { changes = List.copyOf(changes); }

    /** Diffs {@code a} → {@code b}, recognising renames listed by either catalog. */
    public static CatalogDiff between(Catalog a, Catalog b) {
        List<Rename> renames = new ArrayList<>(a.renames());
        renames.addAll(b.renames());
        return between(a, b, renames);
    }

    /** Diffs {@code a} → {@code b} with this rename table. */
    public static CatalogDiff between(Catalog a, Catalog b, List<Rename> renames) {
        Map<String, String> renamedTo = new HashMap<>();
        for (Rename r : renames) if (a.kfuncs().containsKey(r.oldName()) && !b.kfuncs().containsKey(r.oldName())
                && b.kfuncs().containsKey(r.newName()) && !a.kfuncs().containsKey(r.newName())) renamedTo.put(r.oldName(), r.newName());
        // A rename that keeps the old name callable (a compatibility alias) is not breaking.
        Map<String, String> aliasedTo = new HashMap<>();
        for (Rename r : renames) if (a.kfuncs().containsKey(r.oldName()) && b.kfuncs().containsKey(r.oldName())
                && b.kfuncs().containsKey(r.newName()) && !a.kfuncs().containsKey(r.newName())) aliasedTo.put(r.oldName(), r.newName());
        Set<String> renamedNew = new java.util.HashSet<>(renamedTo.values());
        renamedNew.addAll(aliasedTo.values());
        Callability ca = Callability.of(a), cb = Callability.of(b);
        List<Change> out = new ArrayList<>();
        Set<String> names = new TreeSet<>(a.kfuncs().keySet());
        names.addAll(b.kfuncs().keySet());
        for (String n : names) {
            Kfunc x = a.kfuncs().get(n), y = b.kfuncs().get(n);
            if (x == null) {
                if (!renamedNew.contains(n)) out.add(new Change(Change.Kind.ADDED, n, "new kfunc", Compatibility.COMPATIBLE, "no existing program calls it"));
                continue;
            }
            if (y == null) {
                String nn = renamedTo.get(n);
                if (nn != null) {
                    out.add(new Change(Change.Kind.RENAMED, n, n + " -> " + nn, Compatibility.BREAKING, "programs calling " + n + " fail to load; use " + nn));
                    compare(n, x, b.kfuncs().get(nn), ca, cb, nn, out);
                } else {
                    out.add(new Change(Change.Kind.REMOVED, n, "kfunc removed", Compatibility.BREAKING, "programs calling it fail to load"));
                }
                continue;
            }
            String alias = aliasedTo.get(n);
            if (alias != null) {
                out.add(new Change(Change.Kind.RENAMED, n, n + " -> " + alias + " (old name kept)", Compatibility.COMPATIBLE,
                        "programs calling " + n + " still load; new programs use " + alias));
            }
            compare(n, x, y, ca, cb, n, out);
        }
        return new CatalogDiff(a.name(), b.name(), out);
    }

    private static void compare(String n, Kfunc x, Kfunc y, Callability ca, Callability cb, String yName, List<Change> out) {
        if (x.prototype().isPresent() && y.prototype().isPresent() && !x.prototype().equals(y.prototype())) {
            out.add(prototypeChange(n, x.prototype().get(), y.prototype().get(), yName));
        }
        if (x.flags() instanceof KfFlags.Known fx && y.flags() instanceof KfFlags.Known fy) {
            for (String f : new TreeSet<>(fy.names())) if (!fx.names().contains(f)) {
                out.add(new Change(Change.Kind.FLAGS, n, "added " + f, FlagRules.added(f), FlagRules.addedWhy(f)));
            }
            for (String f : new TreeSet<>(fx.names())) if (!fy.names().contains(f)) {
                out.add(new Change(Change.Kind.FLAGS, n, "removed " + f, FlagRules.removed(f), FlagRules.removedWhy(f)));
            }
        }
        if (ca.registrationsKnown(n) && cb.registrationsKnown(yName)) {
            Set<Hook> hx = ca.hooksOf(n), hy = cb.hooksOf(yName);
            for (Hook h : hy) if (!hx.contains(h)) out.add(new Change(Change.Kind.REGISTRATION, n, "now registered for " + h, Compatibility.COMPATIBLE, "more program types may call it"));
            for (Hook h : hx) if (!hy.contains(h)) out.add(new Change(Change.Kind.REGISTRATION, n, "no longer registered for " + h, Compatibility.BREAKING,
                    h == Hook.COMMON ? "programs relying on the COMMON hook may be denied" : "programs of the " + h + " hook are now denied"));
        }
    }

    private static Change prototypeChange(String n, Prototype p, Prototype q, String yName) {
        String detail = p.render(n) + " -> " + q.render(yName);
        if (!p.returnType().equals(q.returnType())) return new Change(Change.Kind.PROTOTYPE, n, detail, Compatibility.BREAKING, "return type changed");
        if (p.params().size() != q.params().size() || p.variadic() != q.variadic()) {
            return new Change(Change.Kind.PROTOTYPE, n, detail, Compatibility.BREAKING, "parameter count changed");
        }
        for (int i = 0; i < p.params().size(); i++) {
            Param a = p.params().get(i), b = q.params().get(i);
            if (!a.type().equals(b.type())) {
                return new Change(Change.Kind.PROTOTYPE, n, detail, Compatibility.BREAKING, "parameter " + (i + 1) + " type changed");
            }
        }
        for (int i = 0; i < p.params().size(); i++) {
            String a = p.params().get(i).name(), b = q.params().get(i).name();
            boolean nullableNow = b.endsWith("__nullable") && !a.endsWith("__nullable");
            if (!suffix(a).equals(suffix(b)) && !nullableNow) {
                return new Change(Change.Kind.PROTOTYPE, n, detail, Compatibility.BREAKING,
                        "parameter " + (i + 1) + " suffix changed from '" + suffix(a) + "' to '" + suffix(b) + "' (verifier checks it differently)");
            }
        }
        return new Change(Change.Kind.PROTOTYPE, n, detail, Compatibility.COMPATIBLE, "only parameter names changed, or a parameter became __nullable");
    }

    /** The suffix of a parameter name after its last "__" group, e.g. "__szk"; "" when none. */
    private static String suffix(String name) {
        int i = name.indexOf("__", 1);
        return i < 0 ? "" : name.substring(i);
    }

    public boolean isEmpty() { return changes.isEmpty(); }

    public long count(Compatibility c) { return changes.stream().filter(x -> x.compatibility() == c).count(); }

    /** A readable report: a summary line, then one line per change. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(from).append(" -> ").append(to).append(": ").append(changes.size()).append(" changes, ")
                .append(count(Compatibility.BREAKING)).append(" breaking\n");
        for (Change c : changes) {
            sb.append(String.format("%-10s %-12s %s: %s (%s)%n", c.compatibility(), c.kind(), c.kfunc(), c.detail(), c.reason()));
        }
        return sb.toString();
    }

    /** The JSON form: {from, to, changes: [{kind, kfunc, detail, compatibility, reason}]}. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
