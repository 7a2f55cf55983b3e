package dev.coachos.events.identity;

import java.util.List;

import dev.coachos.events.DomainEvent;

/**
 * A role was created, or a permission granted to or revoked from it. Consumers: audit.
 *
 * @param roleId      the role
 * @param role        its name
 * @param change      {@code CREATED}, {@code GRANTED} or {@code REVOKED}
 * @param permission  the permission granted or revoked (null when created)
 * @param permissions the role's permissions after the change
 */
public record RolePermissionsChanged(String roleId, String role, String change, String permission,
        List<String> permissions) implements DomainEvent {

    public RolePermissionsChanged {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    @Override
    public String aggregateId() {
        return roleId;
    }
}
