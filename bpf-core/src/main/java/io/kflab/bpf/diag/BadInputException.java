package io.kflab.bpf.diag;

/**
 * Input from a user (a file, a program text, an argument) that kflab cannot accept; reported as
 * one line naming where and what was expected, with exit code 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String location;

    /** @param location where: {@code file:line:column}, {@code file: byte N}, or null when unknown */
    public BadInputException(String location, String message) {
        super(message);
        this.location = location;
    }

    public BadInputException(String location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    /** Where the bad input is, or null. */
    public String location() {
        return location;
    }

    /** The one-line report: {@code location: message}. */
    public String oneLine() {
        return location == null ? getMessage() : location + ": " + getMessage();
    }

    /** The same error with a file name put in front of the location. */
    public BadInputException in(String file) {
        String where = location == null ? file : file + ":" + location;
        return new BadInputException(where, getMessage(), this);
    }
}
