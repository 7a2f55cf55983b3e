package dev.coachos.events.identity;

import java.util.Map;

import dev.coachos.events.DomainEvent;

/** identity-service's events on {@link dev.coachos.events.Topics#IDENTITY}, by their type names. */
public final class IdentityEvents {

    /** Type name to payload class and its current schema version. */
    public static final Map<String, Class<? extends DomainEvent>> TYPES = Map.ofEntries(
            Map.entry("UserRegistered", UserRegistered.class),
            Map.entry("UserUpdated", UserUpdated.class),
            Map.entry("UserRoleChanged", UserRoleChanged.class),
            Map.entry("UserDeactivated", UserDeactivated.class),
            Map.entry("UserLoggedIn", UserLoggedIn.class),
            Map.entry("UserLoggedOut", UserLoggedOut.class),
            Map.entry("LoginFailed", LoginFailed.class),
            Map.entry("PasswordResetRequested", PasswordResetRequested.class),
            Map.entry("PasswordResetCompleted", PasswordResetCompleted.class),
            Map.entry("RolePermissionsChanged", RolePermissionsChanged.class),
            Map.entry("BranchOpened", BranchOpened.class),
            Map.entry("BranchUpdated", BranchUpdated.class),
            Map.entry("StudentProfileUpdated", StudentProfileUpdated.class),
            Map.entry("StaffProfileUpdated", StaffProfileUpdated.class),
            Map.entry("LeadAccountReady", LeadAccountReady.class),
            Map.entry("LeadAccountRefused", LeadAccountRefused.class));

    public static final int SCHEMA_VERSION = 1;

    private IdentityEvents() {
    }

    /** The type name a payload travels under. */
    public static String typeOf(DomainEvent event) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().isInstance(event)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not an identity event: " + event));
    }
}
