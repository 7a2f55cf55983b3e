package dev.coachos.course.assignment;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A student's work: text, a link to it, or both. */
public record NewSubmission(@Size(max = 50_000) String text,
        @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String linkUrl) {
}
