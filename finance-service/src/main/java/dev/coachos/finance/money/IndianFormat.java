package dev.coachos.finance.money;

import java.math.BigDecimal;

/**
 * Formats rupee amounts with Indian digit grouping: the last three digits, then groups of two (12,34,56,789.50).
 * The grouping is written here because {@code java.text.DecimalFormat} repeats a single group size and cannot group
 * three-then-two. Amounts always show two decimals; a negative amount has a leading minus, before the rupee sign
 * when there is one ("-₹1,000.00").
 */
public final class IndianFormat {

    /** The Indian rupee sign, U+20B9. */
    public static final String RUPEE_SIGN = "\u20B9";

    private IndianFormat() {
    }

    /**
     * Formats the amount with Indian grouping and two decimals, for example "1,00,000.00".
     *
     * @throws IllegalArgumentException when the amount holds a fraction of a paisa
     */
    public static String format(BigDecimal amount) {
        BigDecimal exact = Money.requireExact(amount, "amount");
        String digits = exact.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = digits.substring(0, point);
        String grouped = group(whole) + digits.substring(point);
        return exact.signum() < 0 ? "-" + grouped : grouped;
    }

    /**
     * Formats the amount with the rupee sign, for example "₹12,34,56,789.50" or "-₹500.00".
     *
     * @throws IllegalArgumentException when the amount holds a fraction of a paisa
     */
    public static String rupees(BigDecimal amount) {
        String formatted = format(amount);
        return formatted.startsWith("-") ? "-" + RUPEE_SIGN + formatted.substring(1) : RUPEE_SIGN + formatted;
    }

    private static String group(String whole) {
        if (whole.length() <= 3) {
            return whole;
        }
        String head = whole.substring(0, whole.length() - 3);
        StringBuilder out = new StringBuilder();
        int firstGroup = head.length() % 2 == 0 ? 2 : 1;
        out.append(head, 0, firstGroup);
        for (int i = firstGroup; i < head.length(); i += 2) {
            out.append(',').append(head, i, i + 2);
        }
        return out.append(',').append(whole, whole.length() - 3, whole.length()).toString();
    }
}
