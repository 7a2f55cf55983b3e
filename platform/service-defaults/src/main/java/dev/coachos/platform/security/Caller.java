package dev.coachos.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as their verified access token says. Services never take identity from
 * anything else (no user-id headers, no request fields).
 *
 * <p>Permissions are {@code action:subject} strings. {@code manage} on a subject allows every
 * action on it, and the subject {@code all} stands for every subject, so {@code manage:all}
 * allows everything.
 */
public record Caller(
        UUID userId,
        Set<String> roles,
        Set<String> permissions,
        Optional<UUID> branchId,
        Optional<UUID> studentProfileId,
        Optional<UUID> teacherProfileId,
        Optional<UUID> staffProfileId) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** The caller of the current request; fails when the request carries no verified token. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No verified access token");
    }

    /** The caller of the current request if it carries a verified token; empty for anonymous readers of public paths. */
    public static Optional<Caller> optional() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Optional.of(from(token.getToken()))
                : Optional.empty();
    }

    public static Caller from(Jwt jwt) {
        return new Caller(
                UUID.fromString(jwt.getSubject()),
                Set.copyOf(strings(jwt.getClaimAsStringList(Claims.ROLES))),
                Set.copyOf(strings(jwt.getClaimAsStringList(Claims.PERMISSIONS))),
                uuid(jwt.getClaimAsString(Claims.BRANCH_ID)),
                uuid(jwt.getClaimAsString(Claims.STUDENT_PROFILE_ID)),
                uuid(jwt.getClaimAsString(Claims.TEACHER_PROFILE_ID)),
                uuid(jwt.getClaimAsString(Claims.STAFF_PROFILE_ID)));
    }

    /** Whether the caller holds {@code action:subject}, directly or through manage / all. */
    public boolean can(String permission) {
        return allows(permissions, permission);
    }

    /** Whether the caller sees every branch (directors, general managers, admins by default). */
    public boolean seesAllBranches() {
        return can(Claims.ALL_BRANCHES);
    }

    /** Whether a record of the given branch is within the caller's reach. */
    public boolean reaches(Optional<UUID> branch) {
        return seesAllBranches() || (branchId.isPresent() && branchId.equals(branch));
    }

    public boolean is(UUID user) {
        return userId.equals(user);
    }

    /** The permission rule on its own, for callers that hold a set of grants rather than a token. */
    public static boolean allows(Collection<String> granted, String required) {
        int colon = required.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A permission reads action:subject, was: " + required);
        }
        String action = required.substring(0, colon);
        String subject = required.substring(colon + 1);
        return granted.contains(required)
                || granted.contains("manage:" + subject)
                || granted.contains(action + ":all")
                || granted.contains("manage:all");
    }

    private static List<String> strings(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static Optional<UUID> uuid(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(value));
    }
}
