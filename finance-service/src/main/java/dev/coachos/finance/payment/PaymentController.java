package dev.coachos.finance.payment;

import java.math.BigDecimal;
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
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Payments: taken and reversed by back office (manage:fees); read by staff of the branch and the student. */
@RestController
class PaymentController {

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/payments")
    @PreAuthorize("@permissions.allow('manage:fees')")
    @Operation(summary = "Take a payment of a fee plan (Idempotency-Key required): allocated oldest first, answered with its receipt")
    ResponseEntity<String> record(@Valid @RequestBody NewPayment request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.Answer answer = payments.record(request, IdempotencyKeys.validKey(idempotencyKey),
                Caller.current());
        return answer.toResponse("/api/v1/payments");
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "Payments in the caller's reach (a student's own), newest first")
    PageResponse<Payment> list(@RequestParam(required = false) UUID studentId,
            @RequestParam(required = false) UUID planId, @RequestParam(required = false) UUID branchId, Paging paging) {
        return payments.list(studentId, planId, branchId, Caller.current(), paging);
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "A payment with its allocations and reversal entries")
    Payment get(@PathVariable UUID id) {
        return payments.get(id, Caller.current());
    }

    @PostMapping("/api/v1/payments/{id}/clearance")
    @PreAuthorize("@permissions.allow('manage:fees')")
    @Operation(summary = "A received cheque cleared")
    Payment clear(@PathVariable UUID id) {
        return payments.clear(id, Caller.current());
    }

    @PostMapping("/api/v1/payments/{id}/bounce")
    @PreAuthorize("@permissions.allow('manage:fees')")
    @Operation(summary = "A received cheque bounced: its allocations are reversed, its receipt cancelled, a charge optionally added")
    Payment bounce(@PathVariable UUID id, @Valid @RequestBody Bounce bounce) {
        return payments.bounce(id, bounce.reason(), bounce.charge(), Caller.current());
    }

    @PostMapping("/api/v1/payments/{id}/reversal")
    @PreAuthorize("@permissions.allow('manage:fees')")
    @Operation(summary = "Reverse a payment entered in error: its allocations undone by a reversal entry, its receipt cancelled")
    Payment reverse(@PathVariable UUID id, @Valid @RequestBody Reversal reversal) {
        return payments.reverse(id, reversal.reason(), Caller.current());
    }

    record Bounce(@NotBlank @Size(max = 200) String reason,
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal charge) {
    }

    record Reversal(@NotBlank @Size(max = 300) String reason) {
    }
}
