package dev.coachos.communication.query;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A query as its requester opens it: the message is the first of the thread, plain text.
 *
 * @param courseId the course it is about, or null
 */
public record NewQuery(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 5000) String message,
        @NotNull Query.Priority priority, UUID courseId) {
}
