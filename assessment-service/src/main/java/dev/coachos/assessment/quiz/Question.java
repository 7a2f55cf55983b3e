package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.QuestionType;

/**
 * One question of a quiz as its authors see it: with its options and its answer key.
 *
 * @param negativePoints    taken away for a wrong answer (never for an unanswered one)
 * @param multiSelectPolicy for MULTIPLE_SELECT, this question's own policy; null follows the quiz's
 * @param key               the answer key in force (the newest version)
 */
public record Question(UUID id, int position, QuestionType type, String text, BigDecimal points,
        BigDecimal negativePoints, MultiSelectPolicy multiSelectPolicy, String explanation, List<Option> options,
        Key key) {

    /** An option; {@code correct} as the key in force says. */
    public record Option(UUID id, int position, String text, boolean correct) {
    }

    /**
     * An answer key, versioned: the correct options, or for SHORT_ANSWER the keys tried in order.
     */
    public record Key(int version, List<UUID> correctOptionIds, List<ShortKey> shortKeys) {
    }

    /**
     * A short-answer key: a text pattern ({@code *} matches any run of characters, the rest is
     * literal; case-insensitive unless {@code caseSensitive}), or a number with a tolerance; it
     * gives {@code creditPercent} of the question's points.
     */
    public record ShortKey(String pattern, Boolean caseSensitive, BigDecimal number, BigDecimal tolerance,
            int creditPercent) {
    }
}
