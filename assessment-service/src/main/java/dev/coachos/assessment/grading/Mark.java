package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The result of grading one answer.
 *
 * @param outcome    what grading made of the answer
 * @param points     the points it earned, with two decimal places; negative when negative marking
 *                   applies. A value with more decimals is refused rather than rounded, since a
 *                   mark is rounded once, where it is computed.
 * @param matchedKey the index of the short-answer key that matched; {@code null} otherwise
 */
public record Mark(Outcome outcome, BigDecimal points, Integer matchedKey) {

    /** The mark of a question left unanswered: {@code 0.00}. */
    public static final Mark UNANSWERED = new Mark(Outcome.UNANSWERED, Marks.ZERO, null);

    public Mark {
        Objects.requireNonNull(outcome, "outcome");
        points = Marks.exact(points, "a mark's points");
        if (matchedKey != null && matchedKey < 0) {
            throw new IllegalArgumentException("a matched key's index may not be negative, got " + matchedKey);
        }
    }

    /** A mark with no matched short-answer key. */
    public static Mark of(Outcome outcome, BigDecimal points) {
        return new Mark(outcome, points, null);
    }
}
