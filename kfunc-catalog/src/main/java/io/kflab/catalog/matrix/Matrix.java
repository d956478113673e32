package io.kflab.catalog.matrix;

import io.kflab.catalog.context.CallingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The predicted callability of every kfunc of a catalog in every given context; rows and cells are JSON-friendly records. */
public record Matrix(String catalog, List<String> contexts, List<Row> rows) {
    public Matrix {
        Objects.requireNonNull(catalog);
        contexts = List.copyOf(contexts);
        rows = List.copyOf(rows);
    }

    /** One kfunc's verdicts, one cell per context in column order. */
    public record Row(String kfunc, List<Cell> cells) {
        public Row { cells = List.copyOf(cells); }
    }

    /** One verdict: context display name, verdict, reason. */
    public record Cell(String context, Verdict verdict, String reason) {}

    /** Computes the matrix for all kfuncs of the predictor's catalog. */
    public static Matrix of(Callability c, List<CallingContext> contexts) {
        List<String> names = contexts.stream().map(CallingContext::displayName).toList();
        List<Row> rows = new ArrayList<>(c.catalog().kfuncs().size());
        for (String k : c.catalog().kfuncs().keySet()) {
            List<Cell> cells = new ArrayList<>(contexts.size());
            for (int i = 0; i < contexts.size(); i++) {
                Decision d = c.decide(k, contexts.get(i));
                cells.add(new Cell(names.get(i), d.verdict(), d.reason()));
            }
            rows.add(new Row(k, cells));
        }
        return new Matrix(c.catalog().name(), names, rows);
    }

    /** How many kfuncs get this verdict in the context with this display name. */
    public long count(String context, Verdict verdict) {
        int col = contexts.indexOf(context);
        if (col < 0) throw new IllegalArgumentException("no context " + context + " in the matrix; it has " + contexts);
        return rows.stream().filter(r -> r.cells().get(col).verdict() == verdict).count();
    }

    /** The cell of a kfunc and context. */
    public java.util.Optional<Cell> cell(String kfunc, String context) {
        int col = contexts.indexOf(context);
        if (col < 0) return java.util.Optional.empty();
        return rows.stream().filter(r -> r.kfunc().equals(kfunc)).findFirst().map(r -> r.cells().get(col));
    }
}
