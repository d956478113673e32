package io.kflab.papers.tnum;

import io.kflab.verifier.tnum.Tnum;
import io.kflab.verifier.tnum.TnumMulHistory;
import java.util.List;
import java.util.function.BinaryOperator;

/** A published single multiplication: operands (the verifier's dst, src), algorithm and printed result. */
public record WorkedExample(String source, String algorithm, Tnum a, Tnum b, Tnum published) {

    public Tnum reproduced() {
        return op().apply(a, b);
    }

    public boolean matches() {
        return reproduced().equals(published);
    }

    private BinaryOperator<Tnum> op() {
        return switch (algorithm) {
            case "pre-2021" -> TnumMulHistory::beforeCgo22;
            case "CGO'22" -> TnumMulHistory::cgo22;
            case "6.18" -> Tnum::mul;
            default -> throw new IllegalStateException(algorithm);
        };
    }

    private static final String COMMIT_2021 = "CGO'22 / commit 05924717ac70";
    private static final String COMMIT_618 = "6.18 / commit 1df7dad4d5c4";

    /** The examples of the reference's §8. */
    public static List<WorkedExample> all() {
        Tnum x = new Tnum(1, 2);
        Tnum y = new Tnum(38, 1);
        Tnum seven = Tnum.constant(7);
        return List.of(
                new WorkedExample(COMMIT_2021, "pre-2021", x, y, new Tnum(0, 255)),
                new WorkedExample(COMMIT_2021, "CGO'22", x, y, new Tnum(32, 95)),
                new WorkedExample(COMMIT_618, "6.18", x, y, new Tnum(0x20, 0x57)),
                new WorkedExample(COMMIT_618, "CGO'22", x, y, new Tnum(0x20, 0x5f)),
                new WorkedExample(COMMIT_618, "6.18", x, seven, new Tnum(0x5, 0x12)),
                new WorkedExample(COMMIT_618, "CGO'22", x, seven, new Tnum(0x1, 0x1e)));
    }
}
