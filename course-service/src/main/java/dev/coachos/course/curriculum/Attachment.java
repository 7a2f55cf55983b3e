package dev.coachos.course.curriculum;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A resource attached to a lesson: either a resource of the shared library ({@code resourceId})
 * or one of the lesson's own ({@code title}, {@code type} and {@code url}), never both.
 */
public record Attachment(UUID resourceId, @Size(max = 200) String title, ResourceType type,
        @Size(max = 1000) @Pattern(regexp = Content.URL, message = "must be an http(s) URL or a path") String url) {

    /** Kinds of lesson resources. */
    public enum ResourceType {
        FILE, LINK, VIDEO, DOCUMENT
    }
}
