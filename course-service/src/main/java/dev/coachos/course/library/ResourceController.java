package dev.coachos.course.library;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The shared resource library: staff who manage courses and teachers ({@code create:curricula})
 * add to it; everyone who reads courses browses it.
 */
@RestController
@RequestMapping("/api/v1/resources")
class ResourceController {

    private final Library library;

    ResourceController(Library library) {
        this.library = library;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:courses')")
    @Operation(summary = "Browse the resource library")
    PageResponse<Resource> browse(@RequestParam(required = false) UUID courseId,
            @RequestParam(required = false) Resource.Type type, @RequestParam(required = false) @Size(max = 100) String q,
            Paging paging) {
        return library.browse(courseId, type, q, paging);
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:courses') or @permissions.allow('create:curricula')")
    @Operation(summary = "Add a resource to the library")
    ResponseEntity<Resource> add(@Valid @RequestBody NewResource resource) {
        Resource added = library.add(resource, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/resources/" + added.id())).body(added);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:courses') or @permissions.allow('create:curricula')")
    @Operation(summary = "Remove a resource no lesson uses")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        library.remove(id, Caller.current());
        return ResponseEntity.noContent().build();
    }
}
