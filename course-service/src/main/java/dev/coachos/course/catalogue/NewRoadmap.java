package dev.coachos.course.catalogue;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A roadmap and, optionally, its courses in order. Without a slug, one is made from the title;
 * {@code active} defaults to true.
 */
public record NewRoadmap(
        @NotBlank @Size(max = 200) String title,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "use lower-case letters, digits and single hyphens") String slug,
        @Size(max = 20_000) String description,
        Boolean active,
        @Size(max = 200) List<@NotNull UUID> courseIds) {
}
