package dev.coachos.assessment.quiz;

import dev.coachos.assessment.grading.ShortAnswerKey;

/** A stored short-answer key as the grader reads it. */
public final class ShortAnswerKeys {

    private ShortAnswerKeys() {
    }

    /** The grader's key for a stored one; refuses one the grader could not use. */
    public static ShortAnswerKey of(Question.ShortKey key) {
        return key.pattern() != null
                ? new ShortAnswerKey.TextKey(key.pattern(), Boolean.TRUE.equals(key.caseSensitive()), key.creditPercent())
                : new ShortAnswerKey.NumberKey(key.number(), key.tolerance(), key.creditPercent());
    }
}
