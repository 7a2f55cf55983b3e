package dev.coachos.finance.expense;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.messaging.idempotency.IdempotencyKeys;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Expenses: recorded and reversed with manage:expenses, read with read:expenses, approved by an approver
 * role (a manager, who reads expenses) that did not record it; all within branch reach.
 */
@RestController
class ExpenseController {

    private final Expenses expenses;

    ExpenseController(Expenses expenses) {
        this.expenses = expenses;
    }

    @PostMapping("/api/v1/expenses")
    @PreAuthorize("@permissions.allow('manage:expenses')")
    @Operation(summary = "Record an expense (Idempotency-Key optional): above the approval threshold it waits for approval")
    ResponseEntity<String> record(@Valid @RequestBody NewExpense request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.Answer answer = expenses.record(request, IdempotencyKeys.validKey(idempotencyKey),
                Caller.current());
        return answer.toResponse("/api/v1/expenses");
    }

    @GetMapping("/api/v1/expenses")
    @Operation(summary = "Expenses in the caller's reach, latest spent first; from and to bound the day spent")
    PageResponse<Expense> list(@RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) String category, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID campaignId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Paging paging) {
        return expenses.list(branchId, category, status, campaignId, from, to, Caller.current(), paging);
    }

    @GetMapping("/api/v1/expenses/{id}")
    @Operation(summary = "An expense")
    Expense get(@PathVariable UUID id) {
        return expenses.get(id, Caller.current());
    }

    @PostMapping("/api/v1/expenses/{id}/approval")
    @PreAuthorize("@permissions.allow('read:expenses')")
    @Operation(summary = "Approve an expense waiting for approval (an approver role, not its recorder): it counts from now")
    Expense approve(@PathVariable UUID id) {
        return expenses.approve(id, Caller.current());
    }

    @PostMapping("/api/v1/expenses/{id}/reversal")
    @PreAuthorize("@permissions.allow('manage:expenses')")
    @Operation(summary = "Reverse an expense (a rejected one, or one entered in error): it is kept and no longer counts")
    Expense reverse(@PathVariable UUID id, @Valid @RequestBody Reversal reversal) {
        return expenses.reverse(id, reversal.reason(), Caller.current());
    }

    record Reversal(@NotBlank @Size(max = 300) String reason) {
    }
}
