package dev.coachos.course.curriculum;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A lesson added at the end of a module; {@code weightage} (its share of progress) defaults to 1. */
public record NewLesson(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 1000) @Pattern(regexp = Content.URL, message = "must be an http(s) URL or a path") String contentUrl,
        @Size(max = 200_000) String richTextContent,
        @Size(max = 1000) @Pattern(regexp = Content.URL, message = "must be an http(s) URL or a path") String videoUrl,
        @Min(0) @Max(1000) Integer weightage) {
}
