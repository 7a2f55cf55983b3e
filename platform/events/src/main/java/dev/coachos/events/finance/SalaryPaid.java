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
 */
public record SalaryPaid(String slipId, String personId, String branchId, String month, String net, String method,
        String reference, String amends, String paidAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return slipId;
    }
}
