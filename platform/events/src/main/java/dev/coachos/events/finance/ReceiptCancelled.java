package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * A receipt was cancelled; it keeps its number, and the series goes on. Consumers: reports, audit.
 *
 * @param receiptId     the receipt (UUID)
 * @param receiptNumber its number
 * @param paymentId     the payment it was issued for (UUID)
 * @param studentId     the student's user id (UUID)
 * @param branchId      the branch (UUID), or null
 * @param reason        why
 * @param cancelledAt   when (ISO instant)
 */
public record ReceiptCancelled(String receiptId, String receiptNumber, String paymentId, String studentId,
        String branchId, String reason, String cancelledAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
