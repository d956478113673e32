package io.kflab.verifier.selftest;

import io.kflab.bpf.sys.MapType;
import io.kflab.verifier.selftest.SelftestCParser.MemberContext;
import io.kflab.verifier.selftest.SelftestCParser.StructDefContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BTF-style map definitions in the ".maps" section (libbpf: struct { __uint(type, ...);
 * __uint(max_entries, ...); __type(key, ...); __type(value, ...); } name SEC(".maps")) turned into
 * map shapes; maps that only work with BTF (local storage, special fields, map in map) are unsupported.
 */
final class MapDefs {
    private static final Set<MapType> NEED_BTF = Set.of(MapType.SK_STORAGE, MapType.INODE_STORAGE, MapType.TASK_STORAGE,
            MapType.CGRP_STORAGE, MapType.STRUCT_OPS, MapType.ARENA);

    private MapDefs() {}

    static MapSpec of(String name, StructDefContext def, SelftestSource src) {
        MapType type = null;
        long keySize = 0, valueSize = 0, maxEntries = 0, flags = 0;
        boolean needsBtf = false;
        for (MemberContext m : def.member()) {
            List<String> t = SelftestSource.tokens(m);
            if (t.size() < 4 || !t.get(1).equals("(") || t.lastIndexOf(")") < 2) throw new UnsupportedConstruct("map definition", name + ": " + String.join(" ", t));
            String macro = t.get(0);
            List<String> inner = t.subList(2, t.lastIndexOf(")"));
            int comma = inner.indexOf(",");
            if (comma < 0) throw new UnsupportedConstruct("map definition", name + ": " + String.join(" ", t));
            String field = String.join(" ", inner.subList(0, comma));
            List<String> arg = inner.subList(comma + 1, inner.size());
            switch (macro) {
                case "__uint", "__ulong" -> {
                    long v = src.eval.evalText(String.join(" ", arg));
                    switch (field) {
                        case "type" -> type = MapType.of((int) v).orElseThrow(() -> new UnsupportedConstruct("map type", name + ": " + v));
                        case "max_entries" -> maxEntries = v;
                        case "key_size" -> keySize = v;
                        case "value_size" -> valueSize = v;
                        case "map_flags" -> flags = v;
                        default -> throw new UnsupportedConstruct("map attribute", name + ": " + field);
                    }
                }
                case "__type" -> {
                    List<String> words = new ArrayList<>();
                    boolean pointer = false;
                    long count = 1;
                    int bracket = arg.indexOf("[");
                    if (bracket >= 0 && arg.getLast().equals("]")) {
                        count = src.eval.evalText(String.join(" ", arg.subList(bracket + 1, arg.size() - 1)));
                        arg = arg.subList(0, bracket);
                    }
                    for (String w : arg) {
                        if (w.equals("*")) pointer = true;
                        else words.add(w);
                    }
                    LocalStructs.Layout one = src.structs.typeLayout(words, pointer, src.eval);
                    LocalStructs.Layout l = new LocalStructs.Layout(one.size() * count, one.align(), one.needsBtf());
                    needsBtf |= l.needsBtf();
                    if (field.equals("key")) keySize = l.size();
                    else if (field.equals("value")) valueSize = l.size();
                    else throw new UnsupportedConstruct("map attribute", name + ": __type(" + field + ")");
                }
                case "__array" -> throw new UnsupportedConstruct("map in map", name);
                default -> throw new UnsupportedConstruct("map definition", name + ": " + macro);
            }
        }
        if (type == null) throw new UnsupportedConstruct("map definition", name + " has no type");
        if (NEED_BTF.contains(type)) throw new UnsupportedConstruct("map needs BTF", name + " (" + type.kernelName() + ")");
        if (needsBtf) throw new UnsupportedConstruct("map value with special fields (needs BTF)", name);
        // prog_tests/verifier.c's init_test_val_map() fills these before the tests run
        Optional<byte[]> initial = type == MapType.ARRAY && valueSize == TestVerifierImporter.TEST_VAL_SIZE
                && (name.equals("map_array_48b") || name.equals("map_array_ro"))
                ? Optional.of(TestVerifierImporter.testVal(TestVerifierImporter.TEST_VAL_SIZE)) : Optional.empty();
        return new MapSpec(name, type, (int) keySize, (int) valueSize, (int) maxEntries, (int) flags, List.of(), initial);
    }
}
