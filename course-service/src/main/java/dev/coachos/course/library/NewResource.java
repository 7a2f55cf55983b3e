package dev.coachos.course.library;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A resource for the shared library; {@code courseId}, if given, files it under that course. */
public record NewResource(@NotBlank @Size(max = 200) String title, @NotNull Resource.Type type,
        @NotBlank @Size(max = 1000) @Pattern(regexp = "^(https?://|/)\\S*$", message = "must be an http(s) URL or a path") String url,
        @Size(max = 2000) String description, UUID courseId) {
}
