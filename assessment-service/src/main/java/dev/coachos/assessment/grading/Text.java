package dev.coachos.assessment.grading;

import java.text.Normalizer;

/**
 * How typed text is compared: Unicode NFC, whitespace trimmed and every run of it collapsed to one
 * space. Whitespace here is what {@link Character#isWhitespace} or {@link Character#isSpaceChar}
 * accepts, so a no-break space pasted from a web page counts too.
 */
final class Text {

    private Text() {
    }

    /** Whether the text is missing or only whitespace. */
    static boolean isBlank(String text) {
        return text == null || text.codePoints().allMatch(Text::isSpace);
    }

    /** The text in NFC, trimmed, with each run of whitespace replaced by one space. */
    static String normalise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); ) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isSpace(codePoint)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }

    /** The text's code points, each case-folded one by one when asked (as {@link String#equalsIgnoreCase} does). */
    static int[] codePoints(String text, boolean foldCase) {
        int[] points = text.codePoints().toArray();
        if (foldCase) {
            for (int i = 0; i < points.length; i++) {
                points[i] = Character.toLowerCase(Character.toUpperCase(points[i]));
            }
        }
        return points;
    }

    /**
     * Whether the text matches the pattern, where {@code *} in the pattern stands for any run of
     * code points (none included) and every other code point stands for itself.
     */
    static boolean globMatches(int[] pattern, int[] text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resumeAt = 0;
        while (t < text.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resumeAt = t;
            } else if (p < pattern.length && pattern[p] == text[t]) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
