package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * A login was refused. Never the password tried. Consumers: audit.
 *
 * @param userId   the account tried, when the address names one; null for an unknown address
 * @param email    the address given, trimmed and in lower case (at most 200 characters)
 * @param reason   {@code UNKNOWN_ACCOUNT}, {@code WRONG_PASSWORD}, {@code LOCKED} or {@code INACTIVE}
 * @param lockedNow whether this failure locked the account
 */
public record LoginFailed(String userId, String email, String reason, boolean lockedNow) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId != null ? userId : email;
    }
}
