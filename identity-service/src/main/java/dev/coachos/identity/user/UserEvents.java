package dev.coachos.identity.user;

import java.util.UUID;

import dev.coachos.identity.role.Role;

/** What happens to accounts, for the other parts of this service (published in the same transaction). */
public final class UserEvents {

    private UserEvents() {
    }

    /** A user got a role (on creation or later): they need the profile that role implies. */
    public record RoleAssigned(UUID userId, Role.ProfileType profileType) {
    }

    /** A user lost access: their sessions end. */
    public record AccessRevoked(UUID userId) {
    }

    /** A user was created without a password: they choose one through a set-password link. */
    public record InvitedWithoutPassword(UUID userId) {
    }
}
