package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import org.springframework.http.MediaType;
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

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
    ResponseEntity<String> enroll(@Valid @RequestBody EnrollmentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw Problems.invalidField("Idempotency-Key", "must be 1 to 200 characters");
        }
        Enrollments.Outcome outcome = enrollments.enroll(new Enrollments.NewEnrollment(request.studentId(),
                request.courseId(), request.batchId(), request.discountType(), request.discount()), idempotencyKey,
                Caller.current());
        return ResponseEntity.status(outcome.status()).location(URI.create("/api/v1/enrollments/" + outcome.id()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .contentType(MediaType.APPLICATION_JSON).body(outcome.body());
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:enrollments') or @permissions.allow('read:courses')")
    PageResponse<Enrollment> list(@RequestParam(required = false) UUID batchId,
            @RequestParam(required = false) UUID courseId, @RequestParam(required = false) UUID studentId,
            @RequestParam(required = false) Enrollment.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return enrollments.list(new Enrollments.Filter(batchId, courseId, studentId, status), Caller.current(), page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:enrollments') or @permissions.allow('read:courses')")
    Enrollment one(@PathVariable UUID id) {
        return enrollments.read(id, Caller.current());
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("@permissions.allow('manage:enrollments')")
    Enrollment status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        return enrollments.changeStatus(id, change.status(), change.reason(), Caller.current());
    }

    record EnrollmentRequest(@NotNull UUID studentId, @NotNull UUID courseId, @NotNull UUID batchId,
            Enrollment.DiscountType discountType, @Digits(integer = 10, fraction = 2) BigDecimal discount) {
    }

    record StatusChange(@NotNull Enrollment.Status status, @Size(max = 500) String reason) {
    }
}
