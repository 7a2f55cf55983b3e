package dev.coachos.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rounding rule for rupee amounts. An INR amount is a {@link BigDecimal} of scale 2, rounded HALF_UP once,
 * at the place where it is computed. Every other class in this package goes through here, so the rule lives in one
 * place. The paise conversions are exact at the payment-gateway boundary, where amounts are whole paise.
 */
public final class Money {

    /** Two minor digits: rupees and paise. */
    public static final int SCALE = 2;

    /** The rounding mode of every computed amount. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Zero rupees, at scale 2. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

    private Money() {
    }

    /**
     * Rounds a computed amount to the paisa, HALF_UP, and returns it at scale 2. Call it once, where the amount is
     * made, and never round the result again.
     */
    public static BigDecimal of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return amount.setScale(SCALE, ROUNDING);
    }

    /**
     * Reads an amount typed by a person, such as {@code "18500"} or {@code "18500.5"}. Only plain digits with an
     * optional leading minus and at most two decimals are accepted: no grouping commas, exponents, plus signs or
     * spaces inside. Surrounding spaces are ignored.
     *
     * @throws IllegalArgumentException naming the field when the text is missing, not a number or has more than two
     *     decimals
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        String trimmed = text.strip();
        if (!PLAIN_AMOUNT.matcher(trimmed).matches()) {
            if (trimmed.matches("-?\\d+\\.\\d{3,}")) {
                throw new IllegalArgumentException(
                        field + " must have at most 2 decimals (whole paise), got '" + trimmed + "'");
            }
            throw new IllegalArgumentException(
                    field + " must be a plain number such as 1500.50, got '" + trimmed + "'");
        }
        return new BigDecimal(trimmed).setScale(SCALE);
    }

    /**
     * Returns the amount at scale 2 when it is a whole number of paise, without rounding.
     *
     * @throws IllegalArgumentException naming the field when the amount holds a fraction of a paisa
     */
    public static BigDecimal requireExact(BigDecimal amount, String field) {
        Objects.requireNonNull(amount, field);
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " holds a fraction of a paisa: " + amount.toPlainString(), e);
        }
    }

    /**
     * Returns the amount at scale 2 when it is a whole number of paise and not negative.
     *
     * @throws IllegalArgumentException naming the field otherwise
     */
    public static BigDecimal requireNonNegative(BigDecimal amount, String field) {
        BigDecimal exact = requireExact(amount, field);
        if (exact.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + exact.toPlainString());
        }
        return exact;
    }

    /**
     * Converts rupees to paise for the payment gateway, exactly.
     *
     * @throws IllegalArgumentException when the amount holds a fraction of a paisa or does not fit in a long
     */
    public static long toPaise(BigDecimal amount) {
        BigDecimal exact = requireExact(amount, "amount");
        try {
            return exact.movePointRight(SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount is too large to count in paise: " + exact.toPlainString(), e);
        }
    }

    /** Converts paise from the payment gateway to rupees at scale 2. */
    public static BigDecimal fromPaise(long paise) {
        return BigDecimal.valueOf(paise, SCALE);
    }
}
