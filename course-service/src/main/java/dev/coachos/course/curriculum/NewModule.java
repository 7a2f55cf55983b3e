package dev.coachos.course.curriculum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A module added at the end of a curriculum; {@code active} defaults to true (shown to students). */
public record NewModule(@NotBlank @Size(max = 200) String title, Boolean active,
        @Size(max = 200_000) String richTextContent) {
}
