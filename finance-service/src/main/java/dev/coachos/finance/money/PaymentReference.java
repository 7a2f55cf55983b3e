package dev.coachos.finance.money;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A bank reference for an electronic payment, checked against what its method issues. A UPI UTR (or RRN) and an
 * IMPS reference are exactly 12 digits, a NEFT UTR is 16 letters or digits and an RTGS UTR is 22 letters or digits.
 * References are normalised before checking: all white space, non-breaking spaces included, is removed and letters
 * are upper-cased, so a reference copied from a bank statement with spaces still matches.
 *
 * @param method how the money was sent
 * @param value the normalised reference
 */
public record PaymentReference(Method method, String value) {

    /** Electronic payment methods that carry a bank reference, with the shape of each. */
    public enum Method {
        /** Unified Payments Interface: UTR of 12 digits. */
        UPI("UPI reference (UTR)", Pattern.compile("\\d{12}"), "exactly 12 digits"),
        /** Immediate Payment Service: reference of 12 digits. */
        IMPS("IMPS reference", Pattern.compile("\\d{12}"), "exactly 12 digits"),
        /** National Electronic Funds Transfer: UTR of 16 letters or digits. */
        NEFT("NEFT UTR", Pattern.compile("[A-Z0-9]{16}"), "exactly 16 letters or digits"),
        /** Real Time Gross Settlement: UTR of 22 letters or digits. */
        RTGS("RTGS UTR", Pattern.compile("[A-Z0-9]{22}"), "exactly 22 letters or digits");

        private final String label;
        private final Pattern shape;
        private final String rule;

        Method(String label, Pattern shape, String rule) {
            this.label = label;
            this.shape = shape;
            this.rule = rule;
        }
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Checks the value against the method; use {@link #of} to normalise first. */
    public PaymentReference {
        Objects.requireNonNull(method, "method");
        if (value == null || !method.shape.matcher(value).matches()) {
            String shown = value == null ? "nothing" : "'" + value + "' (" + value.length() + " characters)";
            throw new IllegalArgumentException(method.label + " must be " + method.rule + ", got " + shown);
        }
    }

    /**
     * Normalises the raw text and checks it against the method.
     *
     * @throws IllegalArgumentException naming the method and its rule when the reference does not fit
     */
    public static PaymentReference of(Method method, String raw) {
        Objects.requireNonNull(method, "method");
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(method.label + " is required");
        }
        return new PaymentReference(method, normalise(raw));
    }

    /** Removes all white space and upper-cases letters: " utr 1234 " becomes "UTR1234". */
    public static String normalise(String raw) {
        Objects.requireNonNull(raw, "raw");
        return WHITE_SPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
