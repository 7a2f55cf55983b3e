package dev.coachos.platform.security;

/**
 * The {@code @permissions} bean for method security:
 * {@code @PreAuthorize("@permissions.allow('read:users')")}.
 */
public class PermissionChecks {

    public boolean allow(String permission) {
        return Caller.current().can(permission);
    }
}
