package dev.coachos.course.catalogue;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a search text as a PostgreSQL prefix query ({@code "jee phys"} becomes
 * {@code "jee:* & phys:*"} and finds "JEE Physics"). Only letters, combining marks and digits
 * survive, so nothing a user types can change the query's syntax.
 */
final class PrefixQuery {

    /** At most this many words count; the rest of a long text is ignored. */
    static final int MAX_WORDS = 10;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private PrefixQuery() {
    }

    /** The {@code to_tsquery('simple', ...)} text for the words; empty when the text has none. */
    static String of(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(word -> word.group() + ":*").limit(MAX_WORDS)
                .collect(Collectors.joining(" & "));
    }
}
