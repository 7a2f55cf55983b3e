package dev.coachos.course.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** URL names: lower-case ASCII words joined by hyphens, such as {@code jee-mathematics-2027}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 200;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /**
     * The slug of a title. A title with no Latin letters or digits (such as one written in
     * Devanagari) gets {@code <fallbackPrefix>-<8 hex digits>} instead.
     */
    public static String of(String title, String fallbackPrefix) {
        String plain = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("");
        String slug = NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallbackPrefix + "-" + UUID.randomUUID().toString().substring(0, 8) : slug;
    }
}
