package dev.coachos.events.identity;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** identity-service's events on {@link dev.coachos.events.Topics#IDENTITY}, by their type names. */
public final class IdentityEvents {

    /** Type name to payload class and its current schema version. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "UserRegistered", UserRegistered.class,
            "UserUpdated", UserUpdated.class,
            "UserRoleChanged", UserRoleChanged.class,
            "UserDeactivated", UserDeactivated.class,
            "UserLoggedIn", UserLoggedIn.class,
            "UserLoggedOut", UserLoggedOut.class,
            "LoginFailed", LoginFailed.class,
            "PasswordResetRequested", PasswordResetRequested.class,
            "PasswordResetCompleted", PasswordResetCompleted.class,
            "RolePermissionsChanged", RolePermissionsChanged.class);

    public static final int SCHEMA_VERSION = 1;

    private IdentityEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not an identity event: " + event));
    }
}
