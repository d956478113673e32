package io.kflab.catalog.matrix;

import io.kflab.catalog.context.CallingContext;
import io.kflab.catalog.provenance.Source;
import java.util.List;
import java.util.Objects;

/** A measured verdict: a probe loaded a program calling {@code kfunc} in {@code context} and the verifier answered so. */
public record Observation(String kfunc, CallingContext context, Verdict verdict, String detail, List<Source> sources) {
    public Observation {
        Objects.requireNonNull(kfunc);
        Objects.requireNonNull(context);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(detail);
        sources = List.copyOf(sources);
    }

    public static Observation of(String kfunc, CallingContext context, Verdict verdict, String detail, Source... sources) {
        return new Observation(kfunc, context, verdict, detail, List.of(sources));
    }
}
