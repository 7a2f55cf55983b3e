package dev.coachos.assessment.grading;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Grades one answer against one question's key. An unanswered question (no option picked, or no
 * text other than whitespace for a short answer) is always {@link Outcome#UNANSWERED} with
 * {@code 0.00}, whatever the type and policy. Every mark is rounded once, to two decimal places
 * half up.
 *
 * <ul>
 *   <li>Multiple choice and true/false: the one option picked is correct, {@code +points}, or not,
 *       {@code −negativePoints}.</li>
 *   <li>Multiple select: by the question's {@link MultiSelectPolicy}.</li>
 *   <li>Short answer: the first key that matches gives its share of the points, {@link Outcome#CORRECT}
 *       at 100% and {@link Outcome#PARTIAL} below; when none matches (or there are no keys) the
 *       answer is {@link Outcome#NEEDS_REVIEW} with {@code 0.00} until a teacher grades it, never
 *       wrong on its own.</li>
 * </ul>
 *
 * <p>The caller checks the answer against the question first: that the options picked are the
 * question's own, and that at most one is picked for a single-answer question. The grader does not
 * know the question's option ids; an id that is not a correct option counts as a wrong pick.
 */
public final class Grader {

    private Grader() {
    }

    /**
     * The mark the answer earns.
     *
     * @throws IllegalArgumentException when more than one option is picked for a multiple-choice or
     *                                  true/false question
     */
    public static Mark grade(QuestionKey key, Answer answer) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(answer, "answer");
        return switch (key.type()) {
            case MULTIPLE_CHOICE, TRUE_FALSE -> single(key, answer.selectedOptionIds());
            case MULTIPLE_SELECT -> multiple(key, answer.selectedOptionIds());
            case SHORT_ANSWER -> shortAnswer(key, answer);
        };
    }

    private static Mark single(QuestionKey key, Set<UUID> picked) {
        if (picked.isEmpty()) {
            return Mark.UNANSWERED;
        }
        if (picked.size() > 1) {
            throw new IllegalArgumentException("a " + key.type() + " question takes one option, got "
                    + picked.size());
        }
        return key.correctOptionIds().containsAll(picked) ? correct(key) : wrong(key);
    }

    private static Mark multiple(QuestionKey key, Set<UUID> picked) {
        if (picked.isEmpty()) {
            return Mark.UNANSWERED;
        }
        int correctOptions = key.correctOptionIds().size();
        int pickedRight = (int) picked.stream().filter(key.correctOptionIds()::contains).count();
        int pickedWrong = picked.size() - pickedRight;
        boolean exactlyRight = pickedWrong == 0 && pickedRight == correctOptions;
        return switch (key.policy()) {
            case ALL_OR_NOTHING -> exactlyRight ? correct(key) : wrong(key);
            case PARTIAL_NO_WRONG -> {
                if (pickedWrong > 0) {
                    yield wrong(key);
                }
                yield exactlyRight ? correct(key)
                        : Mark.of(Outcome.PARTIAL, Marks.share(key.points(), pickedRight, key.optionCount()));
            }
            case RIGHT_MINUS_WRONG -> {
                if (exactlyRight) {
                    yield correct(key);
                }
                int net = pickedRight - pickedWrong;
                yield net > 0
                        ? Mark.of(Outcome.PARTIAL, Marks.share(key.points(), net, correctOptions))
                        : Mark.of(Outcome.WRONG, Marks.ZERO);
            }
        };
    }

    private static Mark shortAnswer(QuestionKey key, Answer answer) {
        if (!answer.hasText()) {
            return Mark.UNANSWERED;
        }
        List<ShortAnswerKey> keys = key.shortKeys();
        for (int i = 0; i < keys.size(); i++) {
            ShortAnswerKey candidate = keys.get(i);
            if (candidate.matches(answer.text())) {
                int credit = candidate.creditPercent();
                return credit == 100
                        ? new Mark(Outcome.CORRECT, Marks.of(key.points()), i)
                        : new Mark(Outcome.PARTIAL, Marks.share(key.points(), credit, 100), i);
            }
        }
        return Mark.of(Outcome.NEEDS_REVIEW, Marks.ZERO);
    }

    private static Mark correct(QuestionKey key) {
        return Mark.of(Outcome.CORRECT, Marks.of(key.points()));
    }

    private static Mark wrong(QuestionKey key) {
        return Mark.of(Outcome.WRONG, Marks.of(key.negativePoints()).negate());
    }
}
