package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A reset link was issued for an existing account (never the link or its secret). Consumers: audit. */
public record PasswordResetRequested(String userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
