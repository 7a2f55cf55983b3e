package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.coachos.assessment.grading.GradingMethod;
import dev.coachos.assessment.grading.MultiSelectPolicy;

/**
 * A quiz to create on a curriculum, optionally tied to one of its modules or lessons. Missing
 * values take defaults: untimed, always open, passing at 70 %, one attempt, graded by the highest
 * attempt, nothing shuffled, multiple-select all-or-nothing, marks and correctness shown after
 * submitting and the right answers after the quiz closes.
 */
public record NewQuiz(
        @NotNull UUID curriculumId,
        UUID moduleId,
        UUID lessonId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String instructions,
        @Min(value = 1, message = "must be at least 1 minute") @Max(1440) Integer durationMinutes,
        Instant opensAt,
        Instant closesAt,
        @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal passingPercent,
        @Min(0) @Max(1000) Integer attemptsAllowed,
        GradingMethod gradingMethod,
        Boolean shuffleQuestions,
        Boolean shuffleOptions,
        MultiSelectPolicy multiSelectPolicy,
        Quiz.When reviewMarks,
        Quiz.When reviewCorrectness,
        Quiz.When reviewAnswers) {
}
