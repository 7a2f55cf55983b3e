package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A student's profile was created or changed; the payload is its state after the change.
 * Consumers: finance (the student's state decides CGST + SGST or IGST on a tax invoice), audit.
 *
 * @param userId           the student's user id (UUID)
 * @param studentProfileId the profile (UUID)
 * @param stateCode        the two-digit GST code of the state the student lives in, or null when not known
 *                         (then the branch's state is the place of supply)
 */
public record StudentProfileUpdated(String userId, String studentProfileId, String stateCode) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
