package dev.coachos.course.study;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A passage to highlight in a lesson the reader may read; the end offset is not before the start. */
public record NewHighlight(@NotNull UUID lessonId, @NotBlank @Size(max = 2000) String text, @Min(0) Integer startOffset,
        @Min(0) Integer endOffset,
        @Size(max = 20) @Pattern(regexp = "^[a-z]+$|^#[0-9a-fA-F]{6}$", message = "a colour name or #rrggbb") String color,
        @Size(max = 2000) String note) {
}
