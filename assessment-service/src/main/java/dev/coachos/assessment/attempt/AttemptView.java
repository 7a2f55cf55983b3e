package dev.coachos.assessment.attempt;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.coachos.assessment.grading.QuestionType;

/**
 * An attempt as its student (or a teacher) reads it: the questions in this attempt's order with
 * this attempt's option order and the answers saved. What grading found is shown only as far as
 * the quiz's review settings allow at that moment (a teacher sees all of it): marks, whether each
 * answer was right, the right answers and explanations. Never another student's data.
 *
 * @param closed whether the quiz has closed
 */
public record AttemptView(Attempt attempt, String quizTitle, boolean closed, List<QuestionView> questions) {

    /**
     * One question of the attempt.
     *
     * @param number           its place in this attempt, from 1
     * @param outcome          CORRECT, PARTIAL, WRONG, UNANSWERED or NEEDS_REVIEW, when correctness is shown
     * @param points           the points it scored (a teacher's grade when there is one), when marks are shown
     * @param correctOptionIds the right options, when right answers are shown
     * @param feedback         the teacher's feedback, when marks are shown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(UUID questionId, int number, QuestionType type, String text, BigDecimal maxPoints,
            BigDecimal negativePoints, List<OptionView> options, List<UUID> selectedOptionIds, String textAnswer,
            Instant savedAt, String outcome, BigDecimal points, List<UUID> correctOptionIds, String explanation,
            String feedback) {
    }

    /** An option, without any hint of whether it is right. */
    public record OptionView(UUID id, String text) {
    }
}
