package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** A student to enroll in a batch of a course, with an optional discount (give both type and amount). */
public record NewEnrollment(@NotNull UUID studentId, @NotNull UUID courseId, @NotNull UUID batchId,
        Enrollment.DiscountType discountType, @Digits(integer = 10, fraction = 2) BigDecimal discount) {
}
