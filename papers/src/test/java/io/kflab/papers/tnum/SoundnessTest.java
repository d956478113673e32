package io.kflab.papers.tnum;

import static org.assertj.core.api.Assertions.assertThat;

import io.kflab.verifier.tnum.Tnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transfer function is sound, exhaustively at 6 bits. */
class SoundnessTest {
    private static final Width W = new Width(6);

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryOperationIsSoundAt6Bits(BinaryOp op) {
        SoundnessResult r = Soundness.check(op, W);
        assertThat(r.violations()).as(r.firstViolation()).isZero();
        assertThat(r.abstractCases()).isEqualTo(729L * 729);
        assertThat(r.concreteCases()).isEqualTo(1L << 24); // (4^6)^2 member pairs
    }

    @ParameterizedTest
    @EnumSource(ShiftOp.class)
    void shiftIsSoundAt6BitsForEveryAmount(ShiftOp op) {
        SoundnessResult r = Soundness.check(op, W);
        assertThat(r.violations()).as(r.firstViolation()).isZero();
        assertThat(r.abstractCases()).isEqualTo(729L * 6);
        assertThat(r.concreteCases()).isEqualTo(4096L * 6);
    }

    @Test
    void tnumsAndMembersAreEnumeratedCompletely() {
        Tnum[] all = new Width(3).tnums();
        assertThat(all).hasSize(27).doesNotHaveDuplicates();
        assertThat(all[0]).isEqualTo(new Tnum(0, 0));
        assertThat(Width.members(new Tnum(0b100, 0b011))).containsExactlyInAnyOrder(4, 5, 6, 7);
    }

    @Test
    void arshAtWidthNSignExtendsFromBitNMinus1() {
        Width w = new Width(6);
        assertThat(ShiftOp.ARSH.concreteAt(w, 0b100000, 2)).isEqualTo(0b111000);
        assertThat(ShiftOp.ARSH.concreteAt(w, 0b010000, 2)).isEqualTo(0b000100);
        // unknown sign bit: the vacated bits are unknown too
        assertThat(ShiftOp.ARSH.abstractAt(w, new Tnum(0, 0b100000), 2)).isEqualTo(new Tnum(0, 0b111000));
        assertThat(ShiftOp.ARSH.abstractAt(w, new Tnum(0b100000, 0b000001), 5)).isEqualTo(new Tnum(0b111111, 0));
    }
}
