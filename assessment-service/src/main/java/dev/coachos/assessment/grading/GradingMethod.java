package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which of a student's attempts at a quiz counts, or how they combine, when more than one is
 * allowed. It applies the same way to scores and to percentages.
 */
public enum GradingMethod {

    /** The best attempt. */
    HIGHEST,

    /** The mean of all attempts, rounded once to two decimal places, half up. */
    AVERAGE,

    /** The first attempt. */
    FIRST,

    /** The latest attempt. */
    LAST;

    /**
     * The value that counts among the attempts' values, with two decimal places.
     *
     * @param scoresInAttemptOrder one value per attempt, oldest first, each with at most two decimal
     *                             places
     * @return {@code null} when there is no attempt
     * @throws IllegalArgumentException when a value has more than two decimal places
     */
    public BigDecimal over(List<BigDecimal> scoresInAttemptOrder) {
        if (scoresInAttemptOrder == null || scoresInAttemptOrder.isEmpty()) {
            return null;
        }
        List<BigDecimal> scores = scoresInAttemptOrder.stream()
                .map(score -> Marks.exact(score, "an attempt's score"))
                .toList();
        return switch (this) {
            case HIGHEST -> scores.stream().max(BigDecimal::compareTo).orElseThrow();
            case AVERAGE -> Marks.share(scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add), 1, scores.size());
            case FIRST -> scores.getFirst();
            case LAST -> scores.getLast();
        };
    }
}
