package dev.coachos.identity.role;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.identity.RolePermissionsChanged;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Creating roles and changing what they may do. Nobody hands out a permission they do not hold
 * themselves, and the director role, which holds everything, is not edited. What the caller
 * holds is read from their role as it is now (see {@link #acting}), not from their token.
 */
@Service
public class RoleAdministration {

    private static final String MANAGE_ROLES = "manage:roles";

    private final Roles roles;
    private final PermissionCatalog catalog;
    private final IdentityEvents events;

    RoleAdministration(Roles roles, PermissionCatalog catalog, IdentityEvents events) {
        this.events = events;
        this.roles = roles;
        this.catalog = catalog;
    }

    /** Every role, highest rank first, each shown by {@code view} inside the transaction. */
    @Transactional(readOnly = true)
    public <T> List<T> list(java.util.function.Function<Role, T> view) {
        return roles.findAll().stream().sorted(Comparator.comparingInt(Role::getRank).reversed()).map(view).toList();
    }

    @Transactional(readOnly = true)
    public <T> T get(UUID id, java.util.function.Function<Role, T> view) {
        return view.apply(roles.findById(id).orElseThrow(() -> Problems.notFound("role", id)));
    }

    /**
     * The caller's role as it is now, provided it still holds {@code permission}. A token lists the
     * permissions of the moment it was issued and stays valid for minutes; giving accounts, roles
     * and permissions goes by what the caller holds now, so that a token issued before a demotion
     * or a deactivation hands out nothing the caller no longer holds.
     */
    @Transactional(readOnly = true)
    public Role acting(Caller caller, String permission) {
        Role role = roles.currentRoleOf(caller.userId())
                .orElseThrow(() -> Problems.forbidden("Your account is no longer active"));
        if (!role.allows(permission)) {
            throw Problems.forbidden("Your role " + role.getName() + " no longer holds " + permission);
        }
        return role;
    }

    /** The permission catalogue, by code. */
    @Transactional(readOnly = true)
    public List<PermissionView> permissions() {
        return catalog.findAll().stream().map(PermissionView::of)
                .sorted(Comparator.comparing(PermissionView::code)).toList();
    }

    @Transactional
    public Role create(Caller caller, NewRole request) {
        Role acting = acting(caller, MANAGE_ROLES);
        if (roles.findByName(request.name()).isPresent()) {
            throw Problems.conflict("A role named " + request.name() + " exists already");
        }
        if (request.rank() >= acting.getRank()) {
            throw Problems.invalidField("rank", "must be below your own role's rank (" + acting.getRank() + ")");
        }
        Role role = new Role(request.name(), request.description(), request.profileType(), request.rank());
        for (String code : request.permissions()) {
            role.grant(grantable(acting, code));
        }
        Role saved = roles.saveAndFlush(role);
        changed(saved, "CREATED", null);
        return saved;
    }

    @Transactional
    public Role grant(Caller caller, UUID roleId, String code) {
        Role acting = acting(caller, MANAGE_ROLES);
        Role role = editable(acting, roleId);
        role.grant(grantable(acting, code));
        Role saved = roles.saveAndFlush(role);
        changed(saved, "GRANTED", code);
        return saved;
    }

    @Transactional
    public Role revoke(Caller caller, UUID roleId, String code) {
        Role acting = acting(caller, MANAGE_ROLES);
        Role role = editable(acting, roleId);
        Permission permission = catalog.findByCode(code)
                .orElseThrow(() -> Problems.invalidField("permission", "unknown permission " + code));
        if (!acting.allows(code)) {
            throw Problems.forbidden("You cannot revoke a permission you do not hold yourself");
        }
        role.revoke(permission);
        Role saved = roles.saveAndFlush(role);
        changed(saved, "REVOKED", code);
        return saved;
    }

    /** Who may do what changed: on record for the audit trail. */
    private void changed(Role role, String change, String permission) {
        events.rolePermissionsChanged(new RolePermissionsChanged(role.getId().toString(), role.getName(), change,
                permission, role.permissionCodes().stream().sorted().toList()));
    }

    @Transactional
    public void delete(Caller caller, UUID roleId) {
        Role role = editable(acting(caller, MANAGE_ROLES), roleId);
        if (role.isSystem()) {
            throw Problems.conflict("The system role " + role.getName() + " cannot be deleted");
        }
        if (roles.hasUsers(roleId)) {
            throw Problems.conflict("The role " + role.getName() + " still has users (deactivated ones included); give them another role first");
        }
        roles.delete(role);
    }

    /** A role the caller may change: not the director's, and ranked below the caller's own role. */
    private Role editable(Role acting, UUID roleId) {
        Role role = roles.findById(roleId).orElseThrow(() -> Problems.notFound("role", roleId));
        if (Role.DIRECTOR.equals(role.getName())) {
            throw Problems.conflict("The DIRECTOR role holds every permission and cannot be changed");
        }
        if (!acting.allows("manage:all") && role.getRank() >= acting.getRank()) {
            throw Problems.forbidden("You can only change roles that rank below your own");
        }
        return role;
    }

    private Permission grantable(Role acting, String code) {
        Permission permission = catalog.findByCode(code)
                .orElseThrow(() -> Problems.invalidField("permissions", "unknown permission " + code));
        if (!acting.allows(code)) {
            throw Problems.forbidden("You cannot grant " + code + ": you do not hold it yourself");
        }
        return permission;
    }
}
