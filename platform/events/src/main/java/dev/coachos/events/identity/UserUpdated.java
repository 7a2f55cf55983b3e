package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/** A user's name, contact details, branch or active flag changed. Consumers: audit, read models. */
public record UserUpdated(String userId, String email, String name, String phone, String branchId, boolean active)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
