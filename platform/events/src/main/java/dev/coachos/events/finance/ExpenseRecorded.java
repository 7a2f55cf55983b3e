package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An expense was recorded. One at or below the approval threshold counts at once (COUNTED); one
 * above it waits for a manager (PENDING_APPROVAL) and counts only when ExpenseApproved follows.
 * Consumers: marketing (a campaign's spend), reports, audit.
 *
 * @param expenseId  the expense (UUID)
 * @param branchId   the branch it was spent for (UUID)
 * @param campaignId the marketing campaign it was spent on (UUID), or null
 * @param category   its category, such as MARKETING or RENT
 * @param title      what it was, such as "Hoardings, Karol Bagh"
 * @param amount     INR decimal string
 * @param spentOn    the day it was spent (ISO date)
 * @param status     COUNTED or PENDING_APPROVAL
 * @param recordedBy who recorded it (user id, UUID)
 * @param recordedAt when (ISO instant)
 */
public record ExpenseRecorded(String expenseId, String branchId, String campaignId, String category, String title,
        String amount, String spentOn, String status, String recordedBy, String recordedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return expenseId;
    }
}
