package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An approved salary slip was paid. Consumers: communication (tells the person), reports, audit.
 *
 * @param slipId    the slip (UUID)
 * @param personId  who was paid (user id, UUID)
 * @param branchId  the branch whose payroll run made it (UUID), or null for head office
 * @param month     the month paid for (ISO year-month, such as 2026-11)
 * @param net       the amount paid, INR decimal string
 * @param method    BANK_TRANSFER, UPI, CHEQUE or CASH
 * @param reference the bank's or cheque's reference, or null for cash
 * @param amends    the slip this one corrects (UUID), or null
 * @param paidAt    when (ISO instant)
 * @param correction true when this payment is a difference paid after the month's salary was already
 *                  paid (net is the adjustment, not the month's pay); false for a month's pay, including
 *                  an amendment that replaced a slip before it was paid. Absent (null) in events
 *                  published before it was carried: then read amends not null as a correction.
 */
public record SalaryPaid(String slipId, String personId, String branchId, String month, String net, String method,
        String reference, String amends, String paidAt, Boolean correction) implements DomainEvent {

    @Override
    public String aggregateId() {
        return slipId;
    }
}
