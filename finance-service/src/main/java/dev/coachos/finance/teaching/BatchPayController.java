package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Batches' pay terms (read:payroll) and their session rate (manage:payroll), and the teacher-pay
 * preview (read:payroll, or a teacher's own); all within branch reach.
 */
@RestController
class BatchPayController {

    private final BatchPays batchPays;

    BatchPayController(BatchPays batchPays) {
        this.batchPays = batchPays;
    }

    @GetMapping("/api/v1/batch-pay")
    @PreAuthorize("@permissions.allow('read:payroll')")
    @Operation(summary = "Batches in reach with their pay terms, teachers, and the month's sessions and active students")
    List<BatchPayView> list(@RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) String month) {
        return batchPays.list(branchId, month, Caller.current());
    }

    @GetMapping("/api/v1/batch-pay/{batchId}")
    @PreAuthorize("@permissions.allow('read:payroll')")
    @Operation(summary = "A batch's pay terms, who taught it when, and the month's sessions and active students")
    BatchPayView get(@PathVariable UUID batchId, @RequestParam(required = false) String month) {
        return batchPays.get(batchId, month, Caller.current());
    }

    @PutMapping("/api/v1/batch-pay/{batchId}/session-rate")
    @PreAuthorize("@permissions.allow('manage:payroll')")
    @Operation(summary = "Set the batch's pay per session held (null: sessions are not paid)")
    BatchPayView sessionRate(@PathVariable UUID batchId, @RequestBody SessionRate body) {
        return batchPays.setSessionRate(batchId, body.rate(), Caller.current());
    }

    @GetMapping("/api/v1/teacher-pay")
    @Operation(summary = "What a teacher's batches pay them for a month, line by line (teacherId: a user id or me)")
    TeacherPayPreview preview(@RequestParam(required = false) String teacherId,
            @RequestParam(required = false) String month, @RequestParam(required = false) UUID branchId) {
        return batchPays.preview(teacherId, month, branchId, Caller.current());
    }

    record SessionRate(BigDecimal rate) {
    }
}
