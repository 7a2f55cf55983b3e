package dev.coachos.enrollment.batch;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
    ResponseEntity<Batch> create(@Valid @RequestBody BatchRequest request) {
        Batch batch = batches.create(new Batches.NewBatch(request.courseId(), request.name(), request.startDate(),
                request.endDate(), request.capacity(), request.schedule(), request.teacherId(), request.branchId(),
                request.fee(), request.feeFrequency(), request.teacherCompensation(), request.teacherCommission(),
                request.monthlyOverheadCost()), Caller.current());
        return ResponseEntity.created(URI.create("/api/v1/batches/" + batch.id())).body(batch);
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:batches') or @permissions.allow('read:courses')")
    PageResponse<Batch> list(@RequestParam(required = false) UUID courseId, @RequestParam(required = false) UUID teacherId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return batches.list(courseId, teacherId, Caller.current(), page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("@permissions.allow('read:batches') or @permissions.allow('read:courses')")
    Batch one(@PathVariable UUID id) {
        return batches.read(id, Caller.current());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('manage:batches')")
    Batch update(@PathVariable UUID id, @Valid @RequestBody BatchChangeRequest change) {
        return batches.update(id, new Batches.BatchChange(change.name(), change.capacity(), change.endDate(),
                change.schedule(), change.teacherId()), Caller.current());
    }

    record BatchRequest(
            @NotNull UUID courseId,
            @NotBlank @Size(max = 200) String name,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @Min(1) @Max(10_000) Integer capacity,
            @Size(max = 7) Map<String, String> schedule,
            UUID teacherId,
            UUID branchId,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal fee,
            Batch.FeeFrequency feeFrequency,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal teacherCompensation,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal teacherCommission,
            @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal monthlyOverheadCost) {
    }

    record BatchChangeRequest(@Size(min = 1, max = 200) String name, @Min(1) @Max(10_000) Integer capacity,
            LocalDate endDate, @Size(max = 7) Map<String, String> schedule, UUID teacherId) {
    }
}
