package dev.coachos.assessment.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What grading needs to know about one question: its type, its points and the answer key.
 *
 * <p>Multiple-choice and true/false questions have exactly one correct option; a multiple-select
 * question has from one to all of its options correct and a policy; a short-answer question has no
 * options, only short-answer keys (possibly none, in which case every answer waits for a teacher).
 *
 * @param type             the kind of question
 * @param points           what a fully correct answer earns; more than zero
 * @param negativePoints   what a wrong answer loses, zero or more (not used by short-answer
 *                         questions, nor by {@link MultiSelectPolicy#RIGHT_MINUS_WRONG})
 * @param policy           how a multiple-select question is marked; {@code null} for other types
 * @param optionCount      how many options the question shows; 2 for true/false, 0 for short answer
 * @param correctOptionIds the correct options; empty for short answer
 * @param shortKeys        the accepted short answers, tried in order; empty for other types
 */
public record QuestionKey(QuestionType type, BigDecimal points, BigDecimal negativePoints, MultiSelectPolicy policy,
        int optionCount, Set<UUID> correctOptionIds, List<ShortAnswerKey> shortKeys) {

    public QuestionKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(negativePoints, "negativePoints");
        correctOptionIds = correctOptionIds == null ? Set.of() : Set.copyOf(correctOptionIds);
        shortKeys = shortKeys == null ? List.of() : List.copyOf(shortKeys);
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("a question's points must be more than zero, got "
                    + points.toPlainString());
        }
        if (negativePoints.signum() < 0) {
            throw new IllegalArgumentException("a question's negative points are given as zero or more (they are "
                    + "subtracted), got " + negativePoints.toPlainString());
        }
        if ((type == QuestionType.MULTIPLE_SELECT) != (policy != null)) {
            throw new IllegalArgumentException(type == QuestionType.MULTIPLE_SELECT
                    ? "a multiple-select question needs a policy"
                    : "only a multiple-select question has a policy, not a " + type + " question");
        }
        switch (type) {
            case MULTIPLE_CHOICE -> requireOptions(type, optionCount, 2, correctOptionIds, 1, 1, shortKeys);
            case TRUE_FALSE -> {
                if (optionCount != 2) {
                    throw new IllegalArgumentException("a TRUE_FALSE question has 2 options, got " + optionCount);
                }
                requireOptions(type, optionCount, 2, correctOptionIds, 1, 1, shortKeys);
            }
            case MULTIPLE_SELECT -> requireOptions(type, optionCount, 2, correctOptionIds, 1, optionCount, shortKeys);
            case SHORT_ANSWER -> {
                if (optionCount != 0 || !correctOptionIds.isEmpty()) {
                    throw new IllegalArgumentException("a SHORT_ANSWER question has no options");
                }
            }
        }
    }

    /** A multiple-choice question: one correct option out of {@code optionCount}. */
    public static QuestionKey multipleChoice(BigDecimal points, BigDecimal negativePoints, int optionCount,
            UUID correctOptionId) {
        return new QuestionKey(QuestionType.MULTIPLE_CHOICE, points, negativePoints, null, optionCount,
                Set.of(correctOptionId), List.of());
    }

    /** A true/false question: two options, one of them correct. */
    public static QuestionKey trueFalse(BigDecimal points, BigDecimal negativePoints, UUID correctOptionId) {
        return new QuestionKey(QuestionType.TRUE_FALSE, points, negativePoints, null, 2, Set.of(correctOptionId),
                List.of());
    }

    /** A multiple-select question: some of its {@code optionCount} options correct, marked by the policy. */
    public static QuestionKey multipleSelect(BigDecimal points, BigDecimal negativePoints, MultiSelectPolicy policy,
            int optionCount, Set<UUID> correctOptionIds) {
        return new QuestionKey(QuestionType.MULTIPLE_SELECT, points, negativePoints, policy, optionCount,
                correctOptionIds, List.of());
    }

    /** A short-answer question with these keys, tried in order. */
    public static QuestionKey shortAnswer(BigDecimal points, List<ShortAnswerKey> keys) {
        return new QuestionKey(QuestionType.SHORT_ANSWER, points, Marks.ZERO, null, 0, Set.of(), keys);
    }

    private static void requireOptions(QuestionType type, int optionCount, int fewestOptions,
            Set<UUID> correctOptionIds, int fewestCorrect, int mostCorrect, List<ShortAnswerKey> shortKeys) {
        if (optionCount < fewestOptions) {
            throw new IllegalArgumentException("a " + type + " question needs at least " + fewestOptions
                    + " options, got " + optionCount);
        }
        int correct = correctOptionIds.size();
        if (correct < fewestCorrect || correct > mostCorrect) {
            throw new IllegalArgumentException("a " + type + " question with " + optionCount + " options needs "
                    + (fewestCorrect == mostCorrect ? "exactly " + fewestCorrect : fewestCorrect + " to " + mostCorrect)
                    + " correct options, got " + correct);
        }
        if (!shortKeys.isEmpty()) {
            throw new IllegalArgumentException("only a SHORT_ANSWER question has short-answer keys, not a " + type
                    + " question");
        }
    }
}
