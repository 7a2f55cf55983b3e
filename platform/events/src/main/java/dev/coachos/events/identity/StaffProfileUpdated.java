package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A staff member's profile was created or changed; the payload is its state after the change.
 * Consumers: communication (leave approvals: the reporting manager decides the member's leaves), audit.
 *
 * @param userId             the staff member's user id (UUID)
 * @param staffProfileId     the profile (UUID)
 * @param reportingManagerId the user id (UUID) of the person they report to, or null when none is set
 */
public record StaffProfileUpdated(String userId, String staffProfileId, String reportingManagerId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
