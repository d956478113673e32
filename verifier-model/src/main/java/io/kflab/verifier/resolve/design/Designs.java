package io.kflab.verifier.resolve.design;

import io.kflab.bpf.diag.BadInputException;
import io.kflab.catalog.structops.Resolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The eight designs by name (kflab's names are the catalog's {@link Resolution} constants). */
public final class Designs {
    private Designs() {}

    /** The design for a kind. */
    public static KfuncDesign of(Resolution kind) {
        return switch (kind) {
            case RUNTIME_MASK -> new RuntimeMask();
            case LOAD_FILTER -> new LoadFilter();
            case POLYMORPHIC -> new Polymorphic();
            case REMAP -> new Remap();
            case SPECIALIZE -> new Specialize();
            case IMPLICIT_ARGS -> new ImplicitArgs();
            case BUILD_TIME -> new BuildTime();
            case ARG_TYPE -> new ArgType();
        };
    }

    /** All eight, (a) to (h). */
    public static List<KfuncDesign> all() {
        return Arrays.stream(Resolution.values()).map(Designs::of).toList();
    }

    /** Parses {@code RUNTIME_MASK,LOAD_FILTER} (case-insensitive); a BadInputException naming the bad one. */
    public static List<KfuncDesign> parse(String list, String where) {
        List<KfuncDesign> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            if (p.isEmpty()) continue;
            try {
                KfuncDesign d = of(Resolution.valueOf(p));
                if (out.stream().noneMatch(x -> x.profile().kind() == d.profile().kind())) out.add(d);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where, "unknown design '" + part.strip() + "'; expected one of "
                        + String.join(", ", Arrays.stream(Resolution.values()).map(Enum::name).toList()));
            }
        }
        if (out.isEmpty()) throw new BadInputException(where, "expected at least one design, e.g. RUNTIME_MASK,LOAD_FILTER");
        return out;
    }
}
