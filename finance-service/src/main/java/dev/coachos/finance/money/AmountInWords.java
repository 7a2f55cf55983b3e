package dev.coachos.finance.money;

import java.math.BigDecimal;

/**
 * Writes a rupee amount in English words with Indian numbering (thousand, lakh, crore), as printed on receipts. For
 * example 1,23,45,678.50 is "One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight Rupees and
 * Fifty Paise Only".
 *
 * <p>Rules: the words are title case with no "and" inside a number; "and" joins rupees to paise only. One rupee is
 * "One Rupee" and one paisa is "One Paisa". An amount below a rupee names only the paise ("Fifty Paise Only"); a
 * whole amount names only the rupees; zero is "Zero Rupees Only". The crore count is itself written in words, so
 * 1000 crore is "One Thousand Crore". Amounts from 0.00 to 99,99,99,99,999.99 are accepted.
 */
public final class AmountInWords {

    /** The largest amount that can be written: 99,99,99,99,999.99. */
    public static final BigDecimal MAX = new BigDecimal("99999999999.99");

    private static final String[] UNITS = {
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"
    };

    private static final String[] TENS = {
        "", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"
    };

    private static final long CRORE = 10_000_000L;
    private static final long LAKH = 100_000L;
    private static final long THOUSAND = 1_000L;
    private static final long HUNDRED = 100L;

    private AmountInWords() {
    }

    /**
     * Returns the amount in words.
     *
     * @throws IllegalArgumentException when the amount is negative, holds a fraction of a paisa or is above
     *     {@link #MAX}
     */
    public static String of(BigDecimal amount) {
        BigDecimal exact = Money.requireNonNegative(amount, "amount");
        if (exact.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount is above " + MAX.toPlainString() + ": " + exact.toPlainString());
        }
        long paiseTotal = Money.toPaise(exact);
        long rupees = paiseTotal / 100;
        int paise = (int) (paiseTotal % 100);
        if (rupees == 0 && paise == 0) {
            return "Zero Rupees Only";
        }
        StringBuilder words = new StringBuilder();
        if (rupees > 0) {
            words.append(indian(rupees)).append(rupees == 1 ? " Rupee" : " Rupees");
        }
        if (paise > 0) {
            if (rupees > 0) {
                words.append(" and ");
            }
            words.append(belowHundred(paise)).append(paise == 1 ? " Paisa" : " Paise");
        }
        return words.append(" Only").toString();
    }

    private static String indian(long number) {
        StringBuilder words = new StringBuilder();
        appendGroup(words, number / CRORE, "Crore");
        appendGroup(words, number % CRORE / LAKH, "Lakh");
        appendGroup(words, number % LAKH / THOUSAND, "Thousand");
        appendGroup(words, number % THOUSAND / HUNDRED, "Hundred");
        long rest = number % HUNDRED;
        if (rest > 0) {
            append(words, belowHundred((int) rest));
        }
        return words.toString();
    }

    private static void appendGroup(StringBuilder words, long count, String name) {
        if (count > 0) {
            append(words, indian(count) + " " + name);
        }
    }

    private static void append(StringBuilder words, String part) {
        if (!words.isEmpty()) {
            words.append(' ');
        }
        words.append(part);
    }

    private static String belowHundred(int number) {
        if (number < 20) {
            return UNITS[number];
        }
        int units = number % 10;
        return units == 0 ? TENS[number / 10] : TENS[number / 10] + " " + UNITS[units];
    }
}
