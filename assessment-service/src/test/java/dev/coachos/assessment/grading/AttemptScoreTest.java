package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An attempt's total: the exact sum of its rounded question marks, its percentage and whether it passes. */
class AttemptScoreTest {

    @Test
    void theScoreIsTheExactSumOfTheQuestionsRoundedPoints() {
        AttemptScore score = AttemptScore.total(List.of(d("1.33"), d("1.33"), d("1.33")), d("12"), d("40"), false);

        assertThat(score).isEqualTo(new AttemptScore(d("3.99"), d("12.00"), d("33.25"), false));
    }

    @Test
    void negativeMarkingCanTakeTheScoreAndPercentageBelowZero() {
        AttemptScore score = AttemptScore.total(List.of(d("-1.00"), d("-1.00"), d("-1.00"), d("0.00")), d("16"),
                d("0"), false);

        assertThat(score.score()).isEqualTo(d("-3.00"));
        assertThat(score.percent()).isEqualTo(d("-18.75"));
        assertThat(score.passed()).isFalse();
    }

    @Test
    void passingIsDecidedExactlyAndThePercentageShownRounded() {
        AttemptScore justShort = AttemptScore.total(List.of(d("100.00"), d("39.99")), d("200"), d("70"), false);
        AttemptScore justThere = AttemptScore.total(List.of(d("100.00"), d("40.00")), d("200"), d("70"), false);

        assertThat(justShort.percent()).isEqualTo(d("70.00"));
        assertThat(justShort.passed()).isFalse();
        assertThat(justThere.percent()).isEqualTo(d("70.00"));
        assertThat(justThere.passed()).isTrue();
    }

    @Test
    void passedIsUndecidedWhileAnAnswerWaitsForATeacher() {
        AttemptScore score = AttemptScore.total(List.of(d("4.00"), d("0.00")), d("8"), d("40"), true);

        assertThat(score.score()).isEqualTo(d("4.00"));
        assertThat(score.percent()).isEqualTo(d("50.00"));
        assertThat(score.passed()).isNull();
    }

    @Test
    void passedIsUndecidedWhenTheQuizHasNoPassingPercentage() {
        assertThat(AttemptScore.total(List.of(d("4.00")), d("8"), null, false).passed()).isNull();
    }

    @Test
    void anAttemptWithNoQuestionsScoresZero() {
        AttemptScore score = AttemptScore.total(List.of(), d("0"), d("40"), false);

        assertThat(score).isEqualTo(new AttemptScore(d("0.00"), d("0.00"), d("0.00"), false));
    }

    @Test
    void pointsThatWereNotRoundedAreRefusedRatherThanRoundedAgain() {
        assertThatThrownBy(() -> AttemptScore.total(List.of(d("1.333")), d("4"), d("40"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 decimal places");
        assertThatThrownBy(() -> AttemptScore.total(List.of(d("1.33")), d("4.005"), d("40"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxScore");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
