package dev.coachos.identity.branch;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The letters and digits a branch's receipt numbers start with: one to four, upper case, unique
 * across branches. A branch opened without one gets one from its code, as V10 gave the branches
 * that existed before: the code's first four letters and digits, or its first three when a dash
 * follows them ({@code DEL-01} gives {@code DEL}); a series taken already ends in a number instead
 * ({@code DEL1} ... {@code DEL9}, {@code DE10} ...).
 *
 * @param value the series, upper case
 */
public record ReceiptSeries(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,4}");
    private static final Pattern THREE_THEN_DASH = Pattern.compile("[A-Za-z0-9]{3}-.*");

    public ReceiptSeries {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a receipt series is 1 to 4 letters or digits, got '" + value + "'");
        }
    }

    /** A series as typed: spaces around it and lower case are forgiven. */
    public static ReceiptSeries parse(String text) {
        return new ReceiptSeries(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** The series a branch with this code gets: the first candidate that {@code taken} does not refuse. */
    public static ReceiptSeries derive(String code, Predicate<String> taken) {
        String base = base(code);
        String candidate = base;
        for (int n = 1; taken.test(candidate); n++) {
            if (n > 999) {
                throw new IllegalStateException("every receipt series from " + base + " is taken");
            }
            String number = Integer.toString(n);
            candidate = base.substring(0, Math.min(base.length(), 4 - number.length())) + number;
        }
        return new ReceiptSeries(candidate);
    }

    static String base(String code) {
        if (THREE_THEN_DASH.matcher(code).matches()) {
            return code.substring(0, 3).toUpperCase(Locale.ROOT);
        }
        String letters = code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return letters.isEmpty() ? "BR" : letters.substring(0, Math.min(4, letters.length()));
    }
}
