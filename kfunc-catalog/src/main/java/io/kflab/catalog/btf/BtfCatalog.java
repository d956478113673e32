package io.kflab.catalog.btf;

import io.kflab.bpf.btf.Btf;
import io.kflab.bpf.btf.BtfFuncProto;
import io.kflab.bpf.btf.BtfKind;
import io.kflab.bpf.btf.BtfMember;
import io.kflab.bpf.btf.BtfParam;
import io.kflab.bpf.btf.BtfPtr;
import io.kflab.bpf.btf.BtfRenderer;
import io.kflab.bpf.btf.StructOpsMember;
import io.kflab.catalog.Catalog;
import io.kflab.catalog.kfunc.KfFlags;
import io.kflab.catalog.kfunc.Kfunc;
import io.kflab.catalog.kfunc.Param;
import io.kflab.catalog.kfunc.Prototype;
import io.kflab.catalog.provenance.Source;
import io.kflab.catalog.structops.OpsMember;
import io.kflab.catalog.structops.StructOpsType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog from a kernel's BTF (kernel: FUNCs tagged "bpf_kfunc", "bpf_fastcall", and
 * bpf_struct_ops_&lt;name&gt; value types): names, ids, prototypes, fastcall, struct_ops members.
 * Flags and registrations are not in BTF: flags are "unknown (BTF only)", no sets or registrations.
 */
public final class BtfCatalog {
    private BtfCatalog() {}

    /**
     * Builds the catalog. {@code kernel} names the kernel in sources (e.g. its release); when
     * {@code version} is present, the hook table, KF_* bits and suffixes of that version are set.
     */
    public static Catalog from(Btf btf, String kernel, Optional<String> version) {
        Source src = Source.btf(kernel);
        BtfRenderer r = new BtfRenderer(btf);
        Catalog.Builder b = Catalog.builder(kernel).source(src);
        version.ifPresent(b::version);
        for (int id : btf.kfuncs()) {
            b.kfunc(Kfunc.named(btf.name(id)).btfId(id).prototype(prototype(btf, r, btf.proto(id)))
                    .fastcall(btf.isFastcall(id)).flags(KfFlags.unknownBtfOnly()).source(src).build());
        }
        for (String type : StructOpsMember.types(btf)) {
            int id = btf.findByName(type, BtfKind.STRUCT).orElseThrow();
            List<OpsMember> members = new ArrayList<>();
            List<BtfMember> ms = btf.members(id);
            for (int i = 0; i < ms.size(); i++) {
                BtfMember m = ms.get(i);
                int t = btf.resolve(m.type());
                if (!(btf.type(t) instanceof BtfPtr p) || btf.kind(btf.resolve(p.type())) != BtfKind.FUNC_PROTO) continue;
                BtfFuncProto fp = (BtfFuncProto) btf.type(btf.resolve(p.type()));
                members.add(OpsMember.of(m.name(), i).withPrototype(prototype(btf, r, fp)));
            }
            b.structOps(StructOpsType.of(type, members, src));
        }
        return b.build();
    }

    private static Prototype prototype(Btf btf, BtfRenderer r, BtfFuncProto p) {
        List<Param> params = new ArrayList<>();
        for (BtfParam prm : p.params()) params.add(new Param(prm.name(), r.typeName(prm.type())));
        return new Prototype(r.typeName(p.returnType()), params, p.variadic());
    }
}
