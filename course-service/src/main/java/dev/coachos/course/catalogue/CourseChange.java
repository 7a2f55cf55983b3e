package dev.coachos.course.catalogue;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A change to a course: the fields present are set, the absent (null) ones stay as they are. */
public record CourseChange(
        @Size(max = 200) String title,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "use lower-case letters, digits and single hyphens") String slug,
        @Size(max = 20_000) String description,
        @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal price,
        Course.Level level,
        @Positive @Max(10_000) Integer durationHours,
        @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String thumbnailUrl,
        Boolean active,
        Boolean featured,
        @Size(max = 50) List<@Size(max = 300) String> whatYouWillLearn,
        @Size(max = 50) List<@Size(max = 300) String> features) {
}
