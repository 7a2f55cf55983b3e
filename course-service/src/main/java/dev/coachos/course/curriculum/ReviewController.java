package dev.coachos.course.curriculum;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/**
 * The review of teachers' versions: submitted by their teacher ({@code create:curricula}),
 * decided by holders of {@code manage:curricula}.
 */
@RestController
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/v1/curricula")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    @Operation(summary = "List the versions waiting for review")
    List<Curriculum> pending() {
        return reviews.pending();
    }

    @PostMapping("/api/v1/curricula/{id}/submit")
    @PreAuthorize("@permissions.allow('create:curricula')")
    @Operation(summary = "Submit your version for review")
    Curriculum submit(@PathVariable UUID id) {
        return reviews.submit(id, Caller.current());
    }

    @PostMapping("/api/v1/curricula/{id}/approve")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    @Operation(summary = "Approve a submitted version")
    Curriculum approve(@PathVariable UUID id) {
        return reviews.approve(id, Caller.current());
    }

    @PostMapping("/api/v1/curricula/{id}/reject")
    @PreAuthorize("@permissions.allow('manage:curricula')")
    @Operation(summary = "Reject a submitted version, saying why")
    Curriculum reject(@PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return reviews.reject(id, rejection, Caller.current());
    }
}
