package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user signed in with their password and got a new session. Never a password or token. Consumers: audit. */
public record UserLoggedIn(String userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
