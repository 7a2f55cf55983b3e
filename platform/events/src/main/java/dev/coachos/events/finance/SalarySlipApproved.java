package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * A salary slip was approved for payment. Consumers: reports, audit. Amounts are private: only
 * finance-service, audit and the person's own notification read them.
 *
 * @param slipId     the slip (UUID)
 * @param personId   whose pay it is (user id, UUID)
 * @param branchId   the branch whose payroll run made it (UUID), or null for head office
 * @param month      the month paid for (ISO year-month, such as 2026-11)
 * @param gross      INR decimal string
 * @param deductions INR decimal string
 * @param net        INR decimal string
 * @param amends     the slip this one corrects (UUID), or null
 * @param approvedBy who approved it (user id, UUID)
 * @param approvedAt when (ISO instant)
 */
public record SalarySlipApproved(String slipId, String personId, String branchId, String month, String gross,
        String deductions, String net, String amends, String approvedBy, String approvedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return slipId;
    }
}
