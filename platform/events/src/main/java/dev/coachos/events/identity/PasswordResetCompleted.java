package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user set a new password with a reset link; their sessions ended. Consumers: audit. */
public record PasswordResetCompleted(String userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
