package dev.coachos.course.curriculum;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a lesson: the fields present are set, the absent (null) ones stay as they are.
 * With {@code moduleId} the lesson moves to the end of that module of the same curriculum.
 */
public record LessonChange(
        @Size(min = 1, max = 200) String title,
        @Size(max = 1000) @Pattern(regexp = Content.URL, message = "must be an http(s) URL or a path") String contentUrl,
        @Size(max = 200_000) String richTextContent,
        @Size(max = 1000) @Pattern(regexp = Content.URL, message = "must be an http(s) URL or a path") String videoUrl,
        @Min(0) @Max(1000) Integer weightage,
        UUID moduleId) {
}
