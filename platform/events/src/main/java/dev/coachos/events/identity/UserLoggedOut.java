package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user ended their session. Consumers: audit. */
public record UserLoggedOut(String userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
