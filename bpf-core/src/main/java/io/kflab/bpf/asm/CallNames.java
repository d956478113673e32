package io.kflab.bpf.asm;

import io.kflab.bpf.isa.Helpers;
import java.util.Map;
import java.util.function.IntFunction;

/** Names of call targets as the verifier log prints them (kernel: func_id_str and the kfunc's BTF name). */
public interface CallNames {
    /** The helper's name ({@code bpf_map_lookup_elem}), or null. */
    String helper(int id);

    /** The kfunc's name for a BTF id, or null. */
    String kfunc(int btfId);

    /** Helpers from the built-in table, kfuncs unnamed. */
    static CallNames builtin() {
        return of(Helpers.builtin(), id -> null);
    }

    static CallNames of(Helpers helpers, IntFunction<String> kfuncs) {
        return new CallNames() {
            @Override
            public String helper(int id) {
                return helpers.name(id);
            }

            @Override
            public String kfunc(int btfId) {
                return kfuncs.apply(btfId);
            }
        };
    }

    static CallNames of(Helpers helpers, Map<Integer, String> kfuncs) {
        return of(helpers, kfuncs::get);
    }
}
