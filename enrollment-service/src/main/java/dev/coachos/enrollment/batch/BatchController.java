package dev.coachos.enrollment.batch;

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
import jakarta.validation.Valid;

/** Batches: opened by back office ({@code manage:batches}); read within the caller's reach. */
@RestController
@RequestMapping("/api/v1/batches")
class BatchController {

    private final Batches batches;

    BatchController(Batches batches) {
        this.batches = batches;
    }

    @PostMapping
    @PreAuthorize("@permissions.allow('manage:batches')")
    @Operation(summary = "Open a batch of a course")
    ResponseEntity<Batch> create(@Valid @RequestBody NewBatch request) {
        Batch batch = batches.create(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/batches/" + batch.id())).body(batch);
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:batches') or @permissions.allow('read:courses')")
    @Operation(summary = "List the batches in the caller's reach")
    PageResponse<Batch> list(@RequestParam(required = false) UUID courseId, @RequestParam(required = false) UUID teacherId,
            Paging paging) {
        return batches.list(courseId, teacherId, Caller.current(), paging);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:batches') or @permissions.allow('read:courses')")
    @Operation(summary = "Read a batch")
    Batch one(@PathVariable UUID id) {
        return batches.read(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:batches')")
    @Operation(summary = "Change a batch's name, capacity, end date, schedule or teacher")
    Batch update(@PathVariable UUID id, @Valid @RequestBody BatchChange change) {
        return batches.update(id, change, Caller.current());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("@permissions.allow('manage:batches')")
    @Operation(summary = "Close a batch to new enrollments (its waitlist is let go)")
    Batch close(@PathVariable UUID id, @Valid @RequestBody(required = false) LifeChange change) {
        return batches.changeStatus(id, Batch.Status.CLOSED, reason(change), Caller.current());
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("@permissions.allow('manage:batches')")
    @Operation(summary = "Open a closed batch to enrollments again")
    Batch reopen(@PathVariable UUID id, @Valid @RequestBody(required = false) LifeChange change) {
        return batches.changeStatus(id, Batch.Status.OPEN, reason(change), Caller.current());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("@permissions.allow('manage:batches')")
    @Operation(summary = "Cancel a batch: every enrollment not completed is dropped and its seat given back")
    Batch cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) LifeChange change) {
        return batches.changeStatus(id, Batch.Status.CANCELLED, reason(change), Caller.current());
    }

    private static String reason(LifeChange change) {
        return change == null ? null : change.reason();
    }

    /** Why a batch is closed, reopened or cancelled (shown to the students it affects). */
    record LifeChange(@jakarta.validation.constraints.Size(max = 500) String reason) {
    }
}
