package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A user account was created. Consumers: communication (welcome), audit.
 *
 * @param userId   the new user's id (UUID)
 * @param email    their e-mail address
 * @param name     their display name
 * @param role     their role's name, such as {@code STUDENT}
 * @param branchId their branch (UUID), or null for head-office accounts
 */
public record UserRegistered(String userId, String email, String name, String role, String branchId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
