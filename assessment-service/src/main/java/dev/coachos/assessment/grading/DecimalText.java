package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads a plain decimal number from text: spaces around it allowed, an optional leading sign,
 * ASCII digits with at most one decimal point ({@code 5}, {@code 5.}, {@code .5}, {@code -0.25}),
 * no thousands separators and no exponent.
 */
final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");

    private DecimalText() {
    }

    /** The number the text holds, or {@code null} when it holds something else. */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = Text.normalise(text);
        if (!DECIMAL.matcher(trimmed).matches()) {
            return null;
        }
        return new BigDecimal(trimmed);
    }
}
