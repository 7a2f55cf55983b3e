package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An expense that was waiting for approval was approved and now counts. Consumers: marketing (a
 * campaign's spend), reports, audit.
 *
 * @param expenseId  the expense (UUID)
 * @param branchId   the branch (UUID)
 * @param campaignId the campaign it was spent on (UUID), or null
 * @param category   its category
 * @param amount     INR decimal string
 * @param spentOn    the day it was spent (ISO date)
 * @param approvedBy who approved it (user id, UUID), never the one who recorded it
 * @param approvedAt when (ISO instant)
 */
public record ExpenseApproved(String expenseId, String branchId, String campaignId, String category, String amount,
        String spentOn, String approvedBy, String approvedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return expenseId;
    }
}
