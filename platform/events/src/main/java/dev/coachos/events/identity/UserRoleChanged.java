package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user was given another role. Consumers: audit, read models. */
public record UserRoleChanged(String userId, String previousRole, String role) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
