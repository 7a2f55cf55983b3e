package dev.coachos.course.catalogue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.course.support.CourseAccess;
import dev.coachos.course.support.Slugs;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The catalogue. Anyone may browse active courses without a token; holders of
 * {@code manage:courses} also see inactive ones and edit the catalogue.
 */
@RestController
@RequestMapping("/api/v1/courses")
class CourseController {

    private final Catalogue catalogue;

    CourseController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    PageResponse<Course> browse(@RequestParam(required = false) Course.Level level,
            @RequestParam(required = false) Boolean featured, @RequestParam(required = false) UUID roadmap,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (includeInactive && !Caller.optional().map(CourseAccess::manages).orElse(false)) {
            throw Problems.forbidden("Only holders of manage:courses see inactive courses");
        }
        String[] parts = sort.split(",", 2);
        boolean ascending = parts.length < 2 || !parts[1].equalsIgnoreCase("desc");
        return catalogue.page(new Catalogue.Filter(level, featured, roadmap, q, includeInactive), parts[0], ascending,
                page, size);
    }

    /** A course by id or slug; an inactive course is found only by those who manage the catalogue. */
    @GetMapping("/{idOrSlug}")
    Course one(@PathVariable String idOrSlug) {
        return catalogue.find(idOrSlug)
                .filter(c -> c.active() || Caller.optional().map(CourseAccess::manages).orElse(false))
                .orElseThrow(() -> Problems.notFound("course", idOrSlug));
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses')")
    ResponseEntity<Course> create(@Valid @RequestBody CourseRequest request) {
        Course course = catalogue.create(new Catalogue.NewCourse(request.title(), request.slug(), request.description(),
                request.price(), request.level(), request.durationHours(), request.thumbnailUrl(), request.active(),
                request.featured(), request.whatYouWillLearn(), request.features()), Caller.current().userId());
        return ResponseEntity.created(URI.create("/api/v1/courses/" + course.id())).body(course);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    Course update(@PathVariable UUID id, @Valid @RequestBody CourseChangeRequest request) {
        if (request.title() != null && request.title().isBlank()) {
            throw Problems.invalidField("title", "must not be blank");
        }
        return catalogue.update(id, new Catalogue.CourseChange(request.title(), request.slug(), request.description(),
                request.price(), request.level(), request.durationHours(), request.thumbnailUrl(), request.active(),
                request.featured(), request.whatYouWillLearn(), request.features()));
    }

    record CourseRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "use lower-case letters, digits and single hyphens") String slug,
            @Size(max = 20_000) String description,
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull Course.Level level,
            @Positive @Max(10_000) Integer durationHours,
            @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String thumbnailUrl,
            Boolean active,
            Boolean featured,
            @Size(max = 50) List<@Size(max = 300) String> whatYouWillLearn,
            @Size(max = 50) List<@Size(max = 300) String> features) {
    }

    record CourseChangeRequest(
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
}
