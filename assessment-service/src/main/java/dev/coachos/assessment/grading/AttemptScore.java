package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The score of one attempt at a quiz: the sum of its questions' marks, out of the quiz's maximum,
 * as a percentage, and whether it passes.
 *
 * @param score    the sum of the questions' points, two decimal places; negative when negative
 *                 marking outweighs the rest
 * @param maxScore the most the quiz can give, two decimal places
 * @param percent  {@code score ÷ maxScore × 100}, by {@link Marks#percent}; may be negative
 * @param passed   whether the score reaches the passing percentage, by {@link Marks#passes};
 *                 {@code null} while some answer waits for a teacher, or when the quiz has no
 *                 passing percentage
 */
public record AttemptScore(BigDecimal score, BigDecimal maxScore, BigDecimal percent, Boolean passed) {

    public AttemptScore {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(maxScore, "maxScore");
        Objects.requireNonNull(percent, "percent");
    }

    /**
     * Totals an attempt. The sum is exact: each question's points are already rounded, so none is
     * rounded again.
     *
     * @param questionPoints the points of each question, each with at most two decimal places
     * @param maxScore       the most the quiz can give, with at most two decimal places
     * @param passingPercent the percentage needed to pass; {@code null} when the quiz has none
     * @param anyPending     whether some answer still waits for a teacher, which leaves
     *                       {@code passed} undecided
     * @throws IllegalArgumentException when a value has more than two decimal places
     */
    public static AttemptScore total(List<BigDecimal> questionPoints, BigDecimal maxScore, BigDecimal passingPercent,
            boolean anyPending) {
        Objects.requireNonNull(questionPoints, "questionPoints");
        BigDecimal max = Marks.exact(maxScore, "maxScore");
        BigDecimal score = Marks.ZERO;
        for (BigDecimal points : questionPoints) {
            score = score.add(Marks.exact(points, "a question's points"));
        }
        Boolean passed = anyPending || passingPercent == null ? null : Marks.passes(score, max, passingPercent);
        return new AttemptScore(score, max, Marks.percent(score, max), passed);
    }
}
