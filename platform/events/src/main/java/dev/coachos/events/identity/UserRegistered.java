package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A user account was created. Consumers: communication (welcome), audit.
 *
 * @param userId   the new user's id (UUID)
 * @param email    their e-mail address
 * @param name     their display name
 * @param role     their role's name, such as {@code STUDENT}
 * @param branchId    their branch (UUID), or null for head-office accounts
 * @param profileType what the role makes them: STUDENT, TEACHER or STAFF (roles are data, so consumers
 *                    decide "is this a student" by this, not by the role's name); added in a compatible way,
 *                    absent in events published before it
 * @param phone       the account's phone as stored, or null when it has none; added in a compatible way,
 *                    absent in events published before it
 */
public record UserRegistered(String userId, String email, String name, String role, String branchId, String profileType,
        String phone) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
