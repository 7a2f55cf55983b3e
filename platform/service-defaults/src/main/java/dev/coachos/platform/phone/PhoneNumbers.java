package dev.coachos.platform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as people type them ("98100 00001", "+91-98100-00001", "098100 00001") in one
 * form, E.164 ("+919810000001"), so that one number is stored, compared and dialled alike in every
 * service (a lead's phone, a guardian's phone, a message's address). A number without a country
 * code is read as Indian unless another default region is given; one that is not a valid number
 * of its region is refused with a message saying why.
 */
public final class PhoneNumbers {

    /** The region a number without a country code belongs to. */
    public static final String DEFAULT_REGION = "IN";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164, read with India as the default region. */
    public static String normalise(String raw) {
        return normalise(raw, DEFAULT_REGION);
    }

    /**
     * The number in E.164.
     *
     * @param defaultRegion ISO 3166 two-letter region for numbers typed without a country code
     * @throws IllegalArgumentException when the text is empty, is not a phone number, or is not a
     *                                  valid number of its region
     */
    public static String normalise(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a phone number is required");
        }
        if (raw.length() > 40) {
            throw new IllegalArgumentException("a phone number has at most 40 characters");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), defaultRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a phone number");
        }
        if (!UTIL.isValidNumber(number)) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not a valid "
                    + regionOf(number) + " phone number");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /**
     * Whether the text is a region code numbers can be read in ("IN", "US"): for checking a
     * configured default region when a service starts.
     */
    public static boolean isSupportedRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }

    private static String regionOf(PhoneNumber number) {
        String region = UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return "ZZ".equals(region) ? "+" + number.getCountryCode() : region;
    }
}
