package dev.coachos.assessment.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.coachos.assessment.grading.MultiSelectPolicy;
import dev.coachos.assessment.grading.QuestionType;

/**
 * A question to add (or to put in place of one) while its quiz is a draft. MULTIPLE_CHOICE needs
 * two or more options with exactly one correct; MULTIPLE_SELECT two or more with at least one
 * correct; TRUE_FALSE either its two options or just {@code answer} (then the options are "True"
 * and "False"); SHORT_ANSWER no options and any number of keys (an answer no key matches waits
 * for a teacher). Points with at most two decimals, up to 1000; negative points up to the points.
 */
public record NewQuestion(
        @NotNull QuestionType type,
        @NotBlank @Size(max = 4000) String text,
        @NotNull @DecimalMin(value = "0.01", message = "must be more than 0")
        @DecimalMax(value = "1000.00", message = "must be at most 1000") @Digits(integer = 4, fraction = 2)
        BigDecimal points,
        @DecimalMin(value = "0.00", message = "must not be negative (it is taken away for a wrong answer)")
        @DecimalMax(value = "1000.00", message = "must be at most 1000") @Digits(integer = 4, fraction = 2)
        BigDecimal negativePoints,
        MultiSelectPolicy multiSelectPolicy,
        @Size(max = 4000) String explanation,
        @Size(max = 20) List<@Valid @NotNull NewOption> options,
        Boolean answer,
        @Size(max = 20) List<@Valid @NotNull NewKey> shortKeys) {

    /** An option and whether it is correct. */
    public record NewOption(@NotBlank @Size(max = 1000) String text, boolean correct) {
    }

    /**
     * A short-answer key: either {@code pattern} (with {@code caseSensitive}) or {@code number}
     * (with {@code tolerance}, default 0); {@code creditPercent} defaults to 100.
     */
    public record NewKey(
            @Size(max = 500) String pattern,
            Boolean caseSensitive,
            @Digits(integer = 12, fraction = 6) BigDecimal number,
            @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal tolerance,
            @Min(1) @Max(100) Integer creditPercent) {
    }

    /** A new answer key for a published question: the correct options by id, or short-answer keys. */
    public record NewAnswerKey(@Size(max = 20) List<@NotNull UUID> correctOptionIds,
            @Size(max = 20) List<@Valid @NotNull NewKey> shortKeys) {
    }
}
