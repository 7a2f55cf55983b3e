package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One accepted answer to a short-answer question, with the share of the question's points it
 * earns. A question's keys are tried in order and the first that matches counts.
 */
public sealed interface ShortAnswerKey {

    /** The share of the question's points this key gives, from 1 to 100 (100 is full marks). */
    int creditPercent();

    /** Whether the typed answer matches this key; {@code null} or blank matches nothing. */
    boolean matches(String answer);

    /**
     * A text the answer must match. Both the answer and the pattern are compared in Unicode NFC,
     * trimmed, with each run of whitespace collapsed to one space. In the pattern {@code *} stands
     * for any run of characters (none included); every other character, regular-expression
     * characters and backslashes included, stands only for itself, so there is no way to ask for
     * a literal star other than by {@code *}. Unless case-sensitive, letters are compared one by
     * one ignoring case, as {@link String#equalsIgnoreCase} does ({@code ß} does not match
     * {@code SS}).
     *
     * @param pattern       the accepted text, possibly with {@code *} wildcards; not blank
     * @param caseSensitive whether letter case must match
     * @param creditPercent the share of the question's points it gives, 1 to 100
     */
    record TextKey(String pattern, boolean caseSensitive, int creditPercent) implements ShortAnswerKey {

        public TextKey {
            if (pattern == null || Text.isBlank(pattern)) {
                throw new IllegalArgumentException("a text key needs a pattern that is not blank");
            }
            requireCredit(creditPercent);
        }

        @Override
        public boolean matches(String answer) {
            if (Text.isBlank(answer)) {
                return false;
            }
            int[] wanted = Text.codePoints(Text.normalise(pattern), !caseSensitive);
            int[] given = Text.codePoints(Text.normalise(answer), !caseSensitive);
            return Text.globMatches(wanted, given);
        }
    }

    /**
     * A number the answer must be within a tolerance of. The answer must be a plain decimal
     * number: spaces around it allowed, an optional leading {@code +} or {@code -}, digits with at
     * most one decimal point ({@code 5.}, {@code .5}); no thousands separators, no decimal comma,
     * no exponent, no units. It matches when {@code |answer − value| ≤ tolerance}, the ends
     * included.
     *
     * @param value         the expected number
     * @param tolerance     how far the answer may be from it, zero or more
     * @param creditPercent the share of the question's points it gives, 1 to 100
     */
    record NumberKey(BigDecimal value, BigDecimal tolerance, int creditPercent) implements ShortAnswerKey {

        public NumberKey {
            Objects.requireNonNull(value, "a number key needs a value");
            Objects.requireNonNull(tolerance, "a number key needs a tolerance (zero for an exact value)");
            if (tolerance.signum() < 0) {
                throw new IllegalArgumentException("a number key's tolerance may not be negative, got "
                        + tolerance.toPlainString());
            }
            requireCredit(creditPercent);
        }

        @Override
        public boolean matches(String answer) {
            BigDecimal given = DecimalText.parse(answer);
            return given != null && given.subtract(value).abs().compareTo(tolerance) <= 0;
        }
    }

    private static void requireCredit(int creditPercent) {
        if (creditPercent < 1 || creditPercent > 100) {
            throw new IllegalArgumentException("a short-answer key's credit must be from 1 to 100 percent, got "
                    + creditPercent);
        }
    }
}
