package dev.coachos.course.catalogue;

import java.net.URI;
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

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    @Operation(summary = "Browse the catalogue")
    PageResponse<Course> browse(@RequestParam(required = false) Course.Level level,
            @RequestParam(required = false) Boolean featured, @RequestParam(required = false) UUID roadmap,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "false") boolean includeInactive, Paging paging) {
        return catalogue.page(new Catalogue.Filter(level, featured, roadmap, q, includeInactive), Caller.optional(),
                paging);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a course by id or slug")
    Course one(@PathVariable("id") @Parameter(description = "The id or the slug") String idOrSlug) {
        return catalogue.read(idOrSlug, Caller.optional());
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Create a course")
    ResponseEntity<Course> create(@Valid @RequestBody NewCourse course) {
        Course created = catalogue.create(course);
        return ResponseEntity.created(URI.create("/api/v1/courses/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Change a course")
    Course update(@PathVariable UUID id, @Valid @RequestBody CourseChange change) {
        return catalogue.update(id, change);
    }
}
