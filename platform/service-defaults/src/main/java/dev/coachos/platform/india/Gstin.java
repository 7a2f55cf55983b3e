package dev.coachos.platform.india;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A GST identification number: 15 characters, the two-digit state code, the holder's PAN (five
 * letters, four digits, a letter), the entity number (1-9 or a letter), a {@code Z}, and a check
 * character. The check character is computed over the first 14 in base 36: each character's value
 * (0-9, then A-Z as 10-35) is multiplied by 1 and 2 in turn from the left, each product adds its
 * base-36 digits (product ÷ 36 + product mod 36), and the check is (36 − sum mod 36) mod 36.
 *
 * @param value the number, upper case
 */
public record Gstin(String value) {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]");

    public Gstin {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a GSTIN is 15 characters: a state code, a PAN, an entity number, "
                    + "Z and a check character (e.g. 27AAPFU0939F1ZV), got '" + value + "'");
        }
        if (!isStateCode(value.substring(0, 2))) {
            throw new IllegalArgumentException("GSTIN " + value + " names no state (code " + value.substring(0, 2) + ")");
        }
        char expected = checkCharacter(value.substring(0, 14));
        if (value.charAt(14) != expected) {
            throw new IllegalArgumentException("GSTIN " + value + " does not add up: its check character should be "
                    + expected);
        }
    }

    /** Reads a GSTIN as typed: spaces around it and lower case are forgiven. */
    public static Gstin parse(String text) {
        return new Gstin(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the text is a GST state code: exactly two digits, 01 to 38, 97 (other territory) or
     * 99 (centre jurisdiction). Null, a single digit, three digits or anything around them is not.
     */
    public static boolean isStateCode(String twoDigits) {
        if (twoDigits == null || twoDigits.length() != 2 || !isDigit(twoDigits.charAt(0))
                || !isDigit(twoDigits.charAt(1))) {
            return false;
        }
        int code = (twoDigits.charAt(0) - '0') * 10 + (twoDigits.charAt(1) - '0');
        return code >= 1 && code <= 38 || code == 97 || code == 99;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The two-digit state code it was issued in (the place of supply of a branch that holds it). */
    public String stateCode() {
        return value.substring(0, 2);
    }

    /** The holder's PAN. */
    public String pan() {
        return value.substring(2, 12);
    }

    static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = DIGITS.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return DIGITS.charAt((36 - sum % 36) % 36);
    }
}
