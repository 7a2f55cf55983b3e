package dev.coachos.finance.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expense as the API shows it.
 *
 * @param status PENDING_APPROVAL (waiting for a manager; does not count yet), COUNTED or REVERSED
 * @param reason why it was reversed, or null
 */
public record Expense(UUID id, String title, BigDecimal amount, String category, LocalDate spentOn, UUID branchId,
        UUID campaignId, String billUrl, String status, UUID recordedBy, Instant recordedAt, UUID approvedBy,
        Instant approvedAt, UUID reversedBy, Instant reversedAt, String reason) {
}
