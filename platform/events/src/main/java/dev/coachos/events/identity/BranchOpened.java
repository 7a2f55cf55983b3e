package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A branch was opened. Consumers: finance (the receipt series, the state for place of supply and
 * the GSTIN of its tax invoices), audit.
 *
 * @param branchId      the branch (UUID)
 * @param code          its code, such as {@code DEL-01}
 * @param name          its name
 * @param city          its city, or null
 * @param state         its state's name, or null
 * @param stateCode     its state's two-digit GST code, such as {@code 07} for Delhi, or null
 * @param gstin         its GSTIN, or null when it issues plain receipts
 * @param receiptSeries the letters and digits its receipt numbers start with (at most 4), such as {@code DEL}
 * @param active        whether it is open
 */
public record BranchOpened(String branchId, String code, String name, String city, String state, String stateCode,
        String gstin, String receiptSeries, boolean active) implements DomainEvent {

    @Override
    public String aggregateId() {
        return branchId;
    }
}
