package io.kflab.cli;

import io.kflab.bpf.sys.Bpf;
import io.kflab.bpf.sys.MapFd;
import io.kflab.bpf.sys.MapType;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A map to create for a program's {@code %[name]} operand: {@code NAME=TYPE:KEY_SIZE:VALUE_SIZE:MAX_ENTRIES} (kernel: BPF_MAP_CREATE). */
record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries) {
    MapFd create() {
        return Bpf.mapCreate(type, keySize, valueSize, maxEntries).mapName(name.length() > 15 ? name.substring(0, 15) : name).create();
    }

    /** The map's entries as hex, leaving out all-zero values (array slots nobody wrote). */
    static Map<String, String> dump(MapFd map) {
        HexFormat hex = HexFormat.of();
        Map<String, String> out = new LinkedHashMap<>();
        Optional<byte[]> key = map.getNextKey(null);
        int guard = 0;
        while (key.isPresent() && guard++ < 1_000_000) {
            Optional<byte[]> value = map.find(key.get());
            if (value.isPresent() && !allZero(value.get())) out.put(hex.formatHex(key.get()), hex.formatHex(value.get()));
            key = map.getNextKey(key.get());
        }
        return out;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    /** Parses NAME=TYPE:KEY:VALUE:ENTRIES. */
    static final class Converter implements ITypeConverter<MapSpec> {
        @Override
        public MapSpec convert(String value) {
            int eq = value.indexOf('=');
            String[] f = eq > 0 ? value.substring(eq + 1).split(":") : new String[0];
            if (eq <= 0 || f.length != 4) {
                throw new TypeConversionException("expected NAME=TYPE:KEY_SIZE:VALUE_SIZE:MAX_ENTRIES (e.g. counts=array:4:8:256), found '" + value + "'");
            }
            MapType type = MapType.fromCliName(f[0]).orElseThrow(() -> new TypeConversionException(
                    "expected a map type (" + Arrays.stream(MapType.values()).map(MapType::cliName).collect(Collectors.joining(", "))
                            + "), found '" + f[0] + "'"));
            try {
                return new MapSpec(value.substring(0, eq), type, Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected whole numbers for KEY_SIZE:VALUE_SIZE:MAX_ENTRIES, found '" + value.substring(eq + 1) + "'");
            }
        }
    }
}
