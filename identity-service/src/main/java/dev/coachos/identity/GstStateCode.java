package dev.coachos.identity;

/**
 * The two-digit GST state codes a branch or a student may name: 01 to 38, 97 (other territory)
 * and 99 (centre jurisdiction), as the database's checks allow. For bean-validation patterns.
 */
public final class GstStateCode {

    /** Exactly one known code. */
    public static final String PATTERN = "0[1-9]|[12][0-9]|3[0-8]|97|99";

    /** A known code, or an empty string. */
    public static final String PATTERN_OR_EMPTY = "(" + PATTERN + ")?";

    public static final String MESSAGE = "is not a GST state code (two digits, 01 to 38, 97 or 99)";

    private GstStateCode() {
    }
}
