package dev.coachos.course.catalogue;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

/** Roadmaps: browsed by anyone, edited by holders of {@code manage:courses}. */
@RestController
@RequestMapping("/api/v1/roadmaps")
class RoadmapController {

    private final Roadmaps roadmaps;

    RoadmapController(Roadmaps roadmaps) {
        this.roadmaps = roadmaps;
    }

    @GetMapping
    @Operation(summary = "List roadmaps with their courses")
    PageResponse<Roadmap> list(Paging paging) {
        return roadmaps.page(Caller.optional(), paging);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a roadmap by id or slug")
    Roadmap one(@PathVariable("id") @Parameter(description = "The id or the slug") String idOrSlug) {
        return roadmaps.read(idOrSlug, Caller.optional());
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Create a roadmap")
    ResponseEntity<Roadmap> create(@Valid @RequestBody NewRoadmap roadmap) {
        Roadmap created = roadmaps.create(roadmap, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/roadmaps/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Change a roadmap")
    Roadmap update(@PathVariable UUID id, @Valid @RequestBody RoadmapChange change) {
        return roadmaps.update(id, change, Caller.current());
    }

    @PutMapping("/{id}/courses")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Operation(summary = "Replace a roadmap's courses, in order")
    Roadmap courses(@PathVariable UUID id, @Valid @RequestBody CourseOrder order) {
        return roadmaps.order(id, order, Caller.current());
    }
}
