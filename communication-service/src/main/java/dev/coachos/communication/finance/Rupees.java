package dev.coachos.communication.finance;

import java.math.BigDecimal;

/**
 * An amount of money as a student reads it: the rupee sign, Indian digit grouping (the last three
 * digits, then pairs: ₹1,23,456.00) and always two decimals. {@code java.text} groups digits by one
 * size only, so the grouping is done here. A negative amount reads "-₹500.00".
 */
public final class Rupees {

    private static final String SIGN = "\u20B9";

    private Rupees() {
    }

    /**
     * The amount written for people, from a decimal string such as {@code "123456.5"}.
     *
     * @throws IllegalArgumentException when it is not a number, or holds a fraction of a paisa
     */
    public static String of(String amount) {
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException("no amount");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim()).setScale(2);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in rupees and paise: " + amount);
        }
        String plain = value.abs().toPlainString();
        int point = plain.indexOf('.');
        String text = SIGN + grouped(plain.substring(0, point)) + plain.substring(point);
        return value.signum() < 0 ? "-" + text : text;
    }

    /**
     * The amount without the rupee sign, grouped the Indian way ("18,500.00"), for message templates
     * that write the currency themselves (SMS texts registered on DLT are plain ASCII: "Rs. {{amount}}").
     */
    public static String plain(String amount) {
        return of(amount).replace(SIGN, "");
    }

    /** Whether the decimal string is zero (or less): nothing is owed. */
    public static boolean isNothing(String amount) {
        try {
            return amount != null && new BigDecimal(amount.trim()).signum() <= 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount in rupees and paise: " + amount);
        }
    }

    /** "1234567" as "12,34,567": three digits at the right, then groups of two. */
    private static String grouped(String digits) {
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits.substring(digits.length() - 3));
        int end = digits.length() - 3;
        while (end > 0) {
            int start = Math.max(0, end - 2);
            out.insert(0, digits.substring(start, end) + ",");
            end = start;
        }
        return out.toString();
    }
}
