package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A user was given another role. Consumers: audit, read models.
 *
 * @param profileType what the new role makes them: STUDENT, TEACHER or STAFF (absent in older events)
 */
public record UserRoleChanged(String userId, String previousRole, String role, String profileType) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
