package io.kflab.sim.runtime.helpers;

import io.kflab.sim.runtime.mem.Region;
import java.nio.charset.StandardCharsets;

/**
 * The format language of bpf_trace_printk (kernel: bpf_bprintf_prepare): at most three conversions
 * among %d %i %u %x %X %c %s %p with the l / ll length modifiers, and %%. A conversion without l or
 * ll takes the low 32 bits of its argument.
 */
final class TracePrintk {
    private TracePrintk() {}

    /** The formatted line, or null when the format is invalid (the helper then returns -EINVAL). */
    static String format(CallContext c, byte[] fmt, long[] args) {
        int len = 0;
        while (fmt[len] != 0) len++;
        String f = new String(fmt, 0, len, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (++i >= f.length()) return null;
            if (f.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            int longs = 0;
            while (i < f.length() && f.charAt(i) == 'l') {
                longs++;
                i++;
            }
            if (longs > 2 || i >= f.length() || arg >= args.length) return null;
            long v = args[arg++];
            boolean wide = longs > 0;
            switch (f.charAt(i)) {
                case 'd', 'i' -> out.append(wide ? v : (int) v);
                case 'u' -> out.append(wide ? Long.toUnsignedString(v) : Integer.toUnsignedString((int) v));
                case 'x' -> out.append(wide ? Long.toHexString(v) : Integer.toHexString((int) v));
                case 'X' -> out.append((wide ? Long.toHexString(v) : Integer.toHexString((int) v)).toUpperCase());
                case 'c' -> {
                    if (wide) return null;
                    out.append((char) (v & 0xff));
                }
                case 'p' -> out.append("0x").append(Long.toHexString(v));
                case 's' -> {
                    if (wide) return null;
                    out.append(string(c, v));
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }

    /** A NUL-terminated string at {@code addr}; "(efault)" when it is not readable memory, as the kernel prints. */
    private static String string(CallContext c, long addr) {
        Region r = c.memory().regionAt(addr);
        if (r == null || !r.live() || addr == r.end()) return "(efault)";
        int from = (int) (addr - r.base()), to = from;
        while (to < r.size() && r.bytes()[to] != 0) to++;
        return new String(r.bytes(), from, to - from, StandardCharsets.UTF_8);
    }
}
