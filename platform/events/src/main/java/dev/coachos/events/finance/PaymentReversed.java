package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * A payment was reversed (a bounced cheque): its allocations were undone by a reversal entry,
 * the payment itself is kept. Consumers: communication (the student is told), reports, audit.
 *
 * @param paymentId    the payment (UUID)
 * @param receiptId    its receipt (UUID)
 * @param studentId    the student's user id (UUID)
 * @param branchId     the branch (UUID), or null
 * @param planId       the plan (UUID)
 * @param amount       what was reversed, INR decimal string
 * @param reason       why, such as "cheque bounced: insufficient funds"
 * @param bounceCharge a charge added to the plan for it, INR decimal string, or null
 * @param reversedAt   when (ISO instant)
 */
public record PaymentReversed(String paymentId, String receiptId, String studentId, String branchId,
        String planId, String amount, String reason, String bounceCharge, String reversedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
