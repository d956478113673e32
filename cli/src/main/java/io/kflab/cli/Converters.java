package io.kflab.cli;

import io.kflab.bpf.sys.ProgType;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for kflab's argument kinds: program types, hex bytes. */
final class Converters {
    private Converters() {}

    /** A program type by the kernel's name in lower case without prefix: socket_filter, xdp, struct_ops, ... */
    static final class ProgTypeConverter implements ITypeConverter<ProgType> {
        @Override
        public ProgType convert(String value) {
            return ProgType.fromCliName(value).orElseThrow(() -> new TypeConversionException(
                    "expected a program type (" + Arrays.stream(ProgType.values()).map(ProgType::cliName)
                            .collect(Collectors.joining(", ")) + "), found '" + value + "'"));
        }
    }

    /** Bytes given as hex on the command line. */
    record Hex(byte[] bytes) {}

    /** Bytes written as hex, e.g. 0a0b0c or 0x0a0b0c. */
    static final class HexConverter implements ITypeConverter<Hex> {
        @Override
        public Hex convert(String value) {
            String v = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
            try {
                return new Hex(HexFormat.of().parseHex(v));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected hex bytes like 'aabb01', found '" + value + "'");
            }
        }
    }
}
