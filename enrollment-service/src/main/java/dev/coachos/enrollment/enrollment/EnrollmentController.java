package dev.coachos.enrollment.enrollment;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.messaging.idempotency.IdempotencyKeys;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Enrollments: written by back office ({@code manage:enrollments}); read within the caller's reach. */
@RestController
@RequestMapping("/api/v1/enrollments")
class EnrollmentController {

    private final Enrollments enrollments;

    EnrollmentController(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:enrollments')")
    @Operation(summary = "Enroll a student in a batch (send an Idempotency-Key to retry safely)")
    ResponseEntity<String> enroll(@Valid @RequestBody NewEnrollment request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.Answer answer = enrollments.enroll(request, IdempotencyKeys.validKey(idempotencyKey),
                Caller.current());
        return answer.toResponse("/api/v1/enrollments");
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:enrollments') or @permissions.allow('read:courses')")
    @Operation(summary = "List the enrollments in the caller's reach")
    PageResponse<Enrollment> list(@RequestParam(required = false) UUID batchId,
            @RequestParam(required = false) UUID courseId, @RequestParam(required = false) UUID studentId,
            @RequestParam(required = false) Enrollment.Status status, Paging paging) {
        return enrollments.list(new Enrollments.Filter(batchId, courseId, studentId, status), Caller.current(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:enrollments') or @permissions.allow('read:courses')")
    @Operation(summary = "Read an enrollment")
    Enrollment one(@PathVariable UUID id) {
        return enrollments.read(id, Caller.current());
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("@permissions.allow('manage:enrollments')")
    @Operation(summary = "Put an enrollment on hold, back to active, completed or dropped")
    Enrollment status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return enrollments.changeStatus(id, change.status(), change.reason(), Caller.current());
    }

    @PostMapping("/{id}/confirm")
    @PreAuthorize("@permissions.allow('read:courses') or @permissions.allow('manage:enrollments')")
    @Operation(summary = "Confirm a seat offered from the waitlist (the student, or staff in reach)")
    Enrollment confirm(@PathVariable UUID id) {
        return enrollments.confirm(id, Caller.current());
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize("@permissions.allow('manage:enrollments')")
    @Operation(summary = "Move an enrollment to another batch of the same course")
    Enrollment transfer(@PathVariable UUID id, @Valid @RequestBody Transfer transfer) {
        return enrollments.transfer(id, transfer, Caller.current());
    }

    /** The status an enrollment moves to, and why. */
    record StatusChange(@NotNull Enrollment.Status status, @Size(max = 500) String reason) {
    }
}
