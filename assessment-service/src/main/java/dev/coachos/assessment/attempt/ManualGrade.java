package dev.coachos.assessment.attempt;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A teacher's grade for one answer: points with at most two decimals, between minus the
 * question's negative marks and its points, and feedback for the student.
 */
public record ManualGrade(@NotNull @Digits(integer = 6, fraction = 2) BigDecimal points,
        @Size(max = 4000) String feedback) {
}
