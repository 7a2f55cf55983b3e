package dev.coachos.events.finance;

import java.util.List;

import dev.coachos.events.DomainEvent;

/**
 * A payment was recorded and a receipt issued for it. Consumers: communication (the student is
 * sent their receipt), marketing and reports, audit.
 *
 * @param paymentId     the payment (UUID)
 * @param receiptId     its receipt (UUID)
 * @param receiptNumber the receipt's number, such as {@code DEL/26-27/00042}
 * @param studentId     the student's user id (UUID)
 * @param branchId      the branch (UUID), or null
 * @param planId        the plan it pays (UUID)
 * @param amount        INR decimal string, such as {@code "5000.00"}
 * @param method        CASH, UPI, BANK_TRANSFER, CARD, CHEQUE or ONLINE (through the payment gateway)
 * @param status        CLEARED, or RECEIVED for a cheque that has not cleared yet
 * @param pendingAfter  what the plan still asks after it, INR decimal string
 * @param receivedAt    when (ISO instant)
 * @param installments  every installment the payment paid into, with its status after it; added in a
 *                      compatible way, absent (null when read) in events published before it
 */
public record PaymentReceived(String paymentId, String receiptId, String receiptNumber, String studentId,
        String branchId, String planId, String amount, String method, String status, String pendingAfter,
        String receivedAt, List<Settled> installments) implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }

    /**
     * An installment the payment paid into.
     *
     * @param installmentId the installment (UUID)
     * @param status        its status after the payment: PAID, or PARTIALLY_PAID when some of it is still due
     */
    public record Settled(String installmentId, String status) {
    }
}
