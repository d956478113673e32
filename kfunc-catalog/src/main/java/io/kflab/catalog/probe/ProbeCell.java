package io.kflab.catalog.probe;

/**
 * One kfunc in one context (kernel: the verifier's answer to a {@code call kfunc} instruction).
 *
 * @param kfunc the kfunc's name
 * @param context the context's name
 * @param verdict the classification
 * @param errno the load's errno name (e.g. {@code EACCES}), "" when the program loaded
 * @param line the deciding verifier log line, "" when the program loaded without one
 */
public record ProbeCell(String kfunc, String context, Verdict verdict, String errno, String line) {
    public ProbeCell {
        errno = errno == null ? "" : errno;
        line = line == null ? "" : line;
    }
}
