package dev.coachos.finance.plan;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Fee plans and installments: students read their own; staff with read:fees their branch's (every
 * branch's for head office); back office (manage:fees) re-splits and waives.
 */
@RestController
class FeePlanController {

    private final FeePlans plans;

    FeePlanController(FeePlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/fee-plans")
    @Operation(summary = "Fee plans in the caller's reach (a student's own), newest first, with what each asks, has had and still owes")
    PageResponse<FeePlan> list(@RequestParam(required = false) UUID studentId,
            @RequestParam(required = false) UUID branchId, @RequestParam(required = false) PlanStatus status,
            Paging paging) {
        return plans.list(studentId, branchId, status == null ? null : status.name(), Caller.current(), paging);
    }

    @GetMapping("/api/v1/fee-plans/{id}")
    @Operation(summary = "A fee plan with its installments in order (OVERDUE is an open installment past its due date)")
    FeePlan get(@PathVariable UUID id) {
        return plans.get(id, Caller.current());
    }

    @PostMapping("/api/v1/fee-plans/{id}/resplit")
    @PreAuthorize("@permissions.allow('manage:fees')")
    @Operation(summary = "Re-split the plan's unpaid balance: given parts (adding up to it to the paisa) or a count of monthly parts")
    FeePlan resplit(@PathVariable UUID id, @RequestBody FeePlans.Resplit request) {
        return plans.resplit(id, request, Caller.current());
    }

    @PostMapping("/api/v1/installments/{id}/waiver")
    @PreAuthorize("@permissions.allow('waive:fees')")
    @Operation(summary = "Waive what is unpaid of an installment, with a reason (waive:fees; manage:fees includes it)")
    Installment waive(@PathVariable UUID id, @Valid @RequestBody Waiver waiver) {
        return plans.waive(id, waiver.reason(), Caller.current());
    }

    enum PlanStatus {
        ACTIVE, ENDED
    }

    record Waiver(@NotBlank @Size(max = 300) String reason) {
    }
}
