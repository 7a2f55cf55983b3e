package dev.coachos.identity.user;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash, never lock counters. */
public record UserView(UUID id, String email, String phone, String name, String avatarUrl, String role,
        UUID branchId, boolean active, boolean verified, Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    public static UserView of(User u) {
        return new UserView(u.getId(), u.getEmail(), u.getPhone(), u.getName(), u.getAvatarUrl(), u.getRole().getName(),
                u.getBranchId(), u.isActive(), u.isVerified(), u.getLastLoginAt(), u.getCreatedAt(), u.getUpdatedAt());
    }
}
