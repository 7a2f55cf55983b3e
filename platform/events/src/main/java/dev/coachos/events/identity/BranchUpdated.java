package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A branch changed; the payload is its state after the change, with the same fields as
 * {@link BranchOpened}. Consumers: finance, audit.
 *
 * @param branchId      the branch (UUID)
 * @param code          its code
 * @param name          its name now
 * @param city          its city, or null
 * @param state         its state's name, or null
 * @param stateCode     its state's two-digit GST code, or null
 * @param gstin         its GSTIN now, or null
 * @param receiptSeries its receipt series code (at most 4 letters and digits)
 * @param active        whether it is open
 */
public record BranchUpdated(String branchId, String code, String name, String city, String state, String stateCode,
        String gstin, String receiptSeries, boolean active) implements DomainEvent {

    @Override
    public String aggregateId() {
        return branchId;
    }
}
