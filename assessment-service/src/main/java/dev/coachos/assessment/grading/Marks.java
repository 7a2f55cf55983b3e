package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The one rounding rule of the service: every mark, score and percentage is a {@link BigDecimal}
 * with two decimal places, rounded half up (away from zero on a tie, so {@code -0.125} becomes
 * {@code -0.13}), and rounded once, where it is computed from exact values. Nothing here uses
 * floating point.
 */
public final class Marks {

    /** The number of decimal places every mark, score and percentage has. */
    public static final int SCALE = 2;

    /** The rounding every mark, score and percentage gets. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Zero marks: {@code 0.00}. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Marks() {
    }

    /** The value rounded to two decimal places, half up. */
    public static BigDecimal of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        return value.setScale(SCALE, ROUNDING);
    }

    /**
     * {@code whole × part ÷ of}, computed exactly and rounded once to two decimal places, half up:
     * the share of a question's points that {@code part} out of {@code of} earns, or the mean of a
     * sum over {@code of} values when {@code part} is 1.
     *
     * @throws IllegalArgumentException when {@code of} is not positive
     */
    public static BigDecimal share(BigDecimal whole, long part, long of) {
        Objects.requireNonNull(whole, "whole");
        if (of <= 0) {
            throw new IllegalArgumentException("a share needs a positive divisor, got " + of);
        }
        return whole.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(of), SCALE, ROUNDING);
    }

    /**
     * {@code score ÷ max × 100}, rounded once to two decimal places, half up ({@code 2} of
     * {@code 3} is {@code 66.67}). The score may be negative, and so may the percentage. A maximum
     * that is not positive gives {@code 0.00}.
     */
    public static BigDecimal percent(BigDecimal score, BigDecimal max) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(max, "max");
        if (max.signum() <= 0) {
            return ZERO;
        }
        return score.multiply(HUNDRED).divide(max, SCALE, ROUNDING);
    }

    /**
     * Whether a score reaches the passing percentage, decided exactly ({@code score × 100 ≥
     * passingPercent × max}) rather than from the rounded percentage: 139.99 out of 200 is 69.995%,
     * shown as 70.00%, and does not pass a 70% mark. A maximum that is not positive counts as a
     * percentage of {@code 0.00}, the same as {@link #percent}, so it passes only a mark of 0% or
     * less.
     */
    public static boolean passes(BigDecimal score, BigDecimal max, BigDecimal passingPercent) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(passingPercent, "passingPercent");
        if (max.signum() <= 0) {
            return passingPercent.signum() <= 0;
        }
        return score.multiply(HUNDRED).compareTo(passingPercent.multiply(max)) >= 0;
    }

    /**
     * Reads points typed by a teacher: a decimal number, spaces around it allowed, an optional
     * leading {@code +} or {@code -}, digits with at most one decimal point, no thousands
     * separators and no exponent. Its value must need no more than two decimal places
     * ({@code 2.5} and {@code 2.50} and {@code 2.500} are accepted, {@code 2.505} is not); the
     * result has two. Whether the value may be negative or zero is the caller's rule.
     *
     * @param text  what was typed
     * @param field the field's name, used in the error message
     * @throws IllegalArgumentException naming the field when the text is missing, not such a
     *                                  number, or has more decimals
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null || Text.isBlank(text)) {
            throw new IllegalArgumentException(field + " is required");
        }
        BigDecimal value = DecimalText.parse(text);
        if (value == null) {
            throw new IllegalArgumentException(field + " must be a number such as 2 or 2.5 (digits with an optional "
                    + "sign and decimal point; no thousands separators or exponent)");
        }
        return exact(value, field);
    }

    /**
     * The value with exactly two decimal places, when that needs no rounding.
     *
     * @throws IllegalArgumentException naming the field when the value has more than two decimals
     */
    static BigDecimal exact(BigDecimal value, String field) {
        Objects.requireNonNull(value, field);
        try {
            return value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " may have at most " + SCALE + " decimal places");
        }
    }
}
