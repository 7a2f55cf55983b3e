package dev.coachos.finance.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Formats receipt and invoice numbers as required by GST rules: a consecutive serial of at most 16 characters made
 * only of letters, digits, '-' and '/', with a new series each financial year. The form is
 * {@code SERIES/YY-YY/NNNNN}, for example "DEL/26-27/00042": the series code, the financial-year label and the
 * sequence zero-padded to five digits (more digits when the sequence needs them).
 *
 * <p>A series code is 1 to 4 upper-case letters or digits: the fixed parts take 7 characters and the sequence at
 * least 5, so a code of 4 fits sequences up to 99999 and shorter codes leave room for longer sequences. A number
 * that would pass 16 characters is refused rather than cut.
 */
public final class ReceiptNumber {

    /** The longest receipt number GST allows. */
    public static final int MAX_LENGTH = 16;

    private static final Pattern SERIES_CODE = Pattern.compile("[A-Z0-9]{1,4}");

    private ReceiptNumber() {
    }

    /**
     * Checks a series code: 1 to 4 upper-case letters or digits.
     *
     * @throws IllegalArgumentException when the code is missing or has other characters or length
     */
    public static String validateSeriesCode(String seriesCode) {
        if (seriesCode == null || !SERIES_CODE.matcher(seriesCode).matches()) {
            throw new IllegalArgumentException(
                    "series code must be 1 to 4 upper-case letters or digits, got '" + seriesCode + "'");
        }
        return seriesCode;
    }

    /**
     * Formats a receipt number.
     *
     * @param seriesCode 1 to 4 upper-case letters or digits, for example a branch code
     * @param financialYear the financial year of the receipt date
     * @param sequence the serial within the series and year, from 1
     * @throws IllegalArgumentException when the series code is invalid, the sequence is below 1, or the result would
     *     be longer than {@link #MAX_LENGTH} characters
     */
    public static String format(String seriesCode, FinancialYear financialYear, long sequence) {
        validateSeriesCode(seriesCode);
        Objects.requireNonNull(financialYear, "financialYear");
        if (sequence < 1) {
            throw new IllegalArgumentException("receipt sequence must be at least 1, got " + sequence);
        }
        String number = seriesCode + "/" + financialYear.label() + "/" + String.format("%05d", sequence);
        if (number.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("receipt number " + number + " is " + number.length()
                    + " characters, more than the " + MAX_LENGTH + " allowed; use a shorter series code");
        }
        return number;
    }
}
