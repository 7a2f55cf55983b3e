package dev.coachos.finance.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the API shows it, with where it went.
 *
 * @param status      CLEARED, RECEIVED (a cheque not yet cleared) or REVERSED
 * @param allocations the installments it paid, and the reversal entries that undid them
 */
public record Payment(UUID id, UUID planId, UUID studentId, UUID branchId, BigDecimal amount, String method,
        String reference, String chequeBank, LocalDate chequeDate, String status, String note, Instant receivedAt,
        Instant clearedAt, Instant reversedAt, String reversalReason, BigDecimal bounceCharge, UUID receiptId,
        String receiptNumber, BigDecimal pendingAfter, List<Allocation> allocations) {

    public record Allocation(UUID installmentId, int installmentSeq, LocalDate dueDate, BigDecimal amount, String kind) {
    }
}
