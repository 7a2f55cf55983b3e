package dev.coachos.course.assignment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A grade for a submission; {@code attempt} is the submission's attempt number the grader read. */
public record Grade(@NotNull @Min(1) Integer attempt, @NotNull @Min(0) Integer points, @Size(max = 5000) String feedback) {
}
