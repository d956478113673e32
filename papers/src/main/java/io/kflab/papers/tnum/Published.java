package io.kflab.papers.tnum;

import java.util.List;

/** The published figures kflab reproduces (docs: the reference's §8 and the CGO'22 artifact). */
public final class Published {
    private Published() {}

    /** One width's row of a CGO'22 precision table: pairs whose outputs differ, and our_mul's wins. */
    public record Cgo22Row(int bits, long differing, long oursBetter) {}

    /** CGO'22 paper (arXiv 2105.05398), precision with increasing width, our_mul vs kern_mul. */
    public static final List<Cgo22Row> CGO22_PAPER = List.of(
            new Cgo22Row(5, 8, 6),
            new Cgo22Row(6, 180, 139),
            new Cgo22Row(7, 2_705, 2_119),
            new Cgo22Row(8, 33_232, 26_271),
            new Cgo22Row(9, 362_839, 288_681));

    /**
     * The artifact's own later table (github.com/bpfverif/tnums-cgo22, Dec 2021,
     * precision-increasing-bitwidth/5though10.txt), after its Nov 2021 operand-order fix: pairs
     * whose outputs differ and our_mul's wins among comparable outputs.
     */
    public static final List<Cgo22Row> CGO22_ARTIFACT_2021 = List.of(
            new Cgo22Row(5, 8, 6),
            new Cgo22Row(6, 180, 139),
            new Cgo22Row(7, 2_693, 2_113),
            new Cgo22Row(8, 33_002, 26_156),
            new Cgo22Row(9, 359_837, 287_180));

    /** The 6.18 commit (1df7dad4d5c4, "Improve the general precision of tnum_mul"): 6-bit, of 531,441 pairs. */
    public static final int MUL618_BITS = 6;
    public static final long MUL618_BETTER = 285_059;
    public static final long MUL618_SAME = 229_058;
    public static final long MUL618_WORSE = 17_324;
    /** Share of pairs whose product is optimal, in whole percent: 6.18's and CGO'22's. */
    public static final int MUL618_OPTIMAL_PERCENT = 81;
    public static final int CGO22_OPTIMAL_PERCENT = 38;

    /** The paper's timing claim: our_mul about 33% faster than kern_mul. */
    public static final String SPEED_CLAIM = "our_mul ~33% faster than the pre-2021 kernel mul";
}
