package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import dev.coachos.assessment.grading.GradingMethod;
import dev.coachos.assessment.grading.MultiSelectPolicy;

/**
 * A change to a quiz's settings: only the fields given change. Once the quiz is published, what
 * decides marks (duration, passing score, grading method, shuffling, the multiple-select policy)
 * is frozen; its title, instructions, opening and closing times, attempts allowed and review
 * settings still change. {@code clearDuration}, {@code clearOpensAt} and {@code clearClosesAt}
 * remove a limit.
 */
public record QuizChange(
        @Size(min = 1, max = 200) String title,
        @Size(max = 4000) String instructions,
        @Min(value = 1, message = "must be at least 1 minute") @Max(1440) Integer durationMinutes,
        Boolean clearDuration,
        Instant opensAt,
        Boolean clearOpensAt,
        Instant closesAt,
        Boolean clearClosesAt,
        @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal passingPercent,
        @Min(0) @Max(1000) Integer attemptsAllowed,
        GradingMethod gradingMethod,
        Boolean shuffleQuestions,
        Boolean shuffleOptions,
        MultiSelectPolicy multiSelectPolicy,
        Quiz.When reviewMarks,
        Quiz.When reviewCorrectness,
        Quiz.When reviewAnswers) {

    /** Whether it changes anything that decides marks (frozen once the quiz is published). */
    boolean changesMarking() {
        return durationMinutes != null || Boolean.TRUE.equals(clearDuration) || passingPercent != null
                || gradingMethod != null || shuffleQuestions != null || shuffleOptions != null
                || multiSelectPolicy != null;
    }
}
