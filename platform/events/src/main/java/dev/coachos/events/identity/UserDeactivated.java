package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user was deactivated (soft-deleted); their sessions ended. Consumers: audit, read models. */
public record UserDeactivated(String userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
