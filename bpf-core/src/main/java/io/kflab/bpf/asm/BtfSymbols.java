package io.kflab.bpf.asm;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfEnumValue;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.isa.Helpers;
import java.util.HashMap;
import java.util.Map;

/** Names a kernel's BTF gives to helpers (enum bpf_func_id) and kfuncs (FUNCs tagged bpf_kfunc). */
public final class BtfSymbols {
    private BtfSymbols() {}

    /** The helper table of that kernel, or the built-in one when its BTF has no enum bpf_func_id. */
    public static Helpers helpers(Btf btf) {
        Map<Integer, String> byId = new HashMap<>();
        for (BtfEnumValue v : btf.enumValues("bpf_func_id")) {
            String n = v.name();
            if (n.startsWith("BPF_FUNC_") && !n.equals("BPF_FUNC_unspec")) byId.put((int) v.value(), "bpf_" + n.substring(9));
        }
        return byId.isEmpty() ? Helpers.builtin() : Helpers.of(byId);
    }

    /** Assembly symbols: that kernel's helpers, and kfuncs by name through its BTF. */
    public static SymbolTable.Builder symbols(Btf btf) {
        return SymbolTable.builder().helpers(helpers(btf)).kfuncs(name -> {
            var id = btf.findByName(name, BtfKind.FUNC);
            return id.isPresent() && btf.hasDeclTag(id.getAsInt(), Btf.KFUNC_TAG) ? id.getAsInt() : null;
        });
    }

    /** Call names for the disassembler, as that kernel's verifier log prints them. */
    public static CallNames callNames(Btf btf) {
        Helpers helpers = helpers(btf);
        return CallNames.of(helpers, id -> id > 0 && id <= btf.size() && btf.kind(id) == BtfKind.FUNC ? btf.name(id) : null);
    }
}
