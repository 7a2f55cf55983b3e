package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An expense was reversed: a pending one that was rejected, or a counted one entered in error. It
 * no longer counts; the expense itself is kept. Consumers: marketing (a campaign's spend), reports, audit.
 *
 * @param expenseId  the expense (UUID)
 * @param branchId   the branch (UUID)
 * @param campaignId the campaign it was spent on (UUID), or null
 * @param amount     INR decimal string
 * @param reason     why, such as "entered twice"
 * @param reversedBy who reversed it (user id, UUID)
 * @param reversedAt when (ISO instant)
 */
public record ExpenseReversed(String expenseId, String branchId, String campaignId, String amount, String reason,
        String reversedBy, String reversedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return expenseId;
    }
}
