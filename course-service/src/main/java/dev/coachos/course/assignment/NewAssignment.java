package dev.coachos.course.assignment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An assignment on a curriculum, optionally tied to one of its lessons; the instructions are rich text. */
public record NewAssignment(@NotNull UUID curriculumId, UUID lessonId, @NotBlank @Size(max = 200) String title,
        @Size(max = 200_000) String instructions, @NotNull Instant dueAt,
        @NotNull @Min(1) @Max(10_000) Integer maxPoints) {
}
