package dev.coachos.identity.role;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Roles and the permission catalogue: read with {@code read:roles}, changed with {@code manage:roles}. */
@RestController
class RoleController {

    private final RoleAdministration administration;

    RoleController(RoleAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "List roles, highest rank first")
    @GetMapping("/api/v1/roles")
    @PreAuthorize("@permissions.allow('read:roles')")
    List<RoleView> list() {
        return administration.list(RoleView::of);
    }

    @Operation(summary = "Read one role")
    @GetMapping("/api/v1/roles/{id}")
    @PreAuthorize("@permissions.allow('read:roles')")
    RoleView get(@PathVariable UUID id) {
        return administration.get(id, RoleView::of);
    }

    @Operation(summary = "Create a role")
    @PostMapping("/api/v1/roles")
    @PreAuthorize("@permissions.allow('manage:roles')")
    ResponseEntity<RoleView> create(@Valid @RequestBody NewRole request) {
        Role role = administration.create(Caller.current(), request);
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.getId())).body(RoleView.of(role));
    }

    @Operation(summary = "Grant a permission to a role")
    @PostMapping("/api/v1/roles/{id}/permissions")
    @PreAuthorize("@permissions.allow('manage:roles')")
    RoleView grant(@PathVariable UUID id, @Valid @RequestBody PermissionGrant request) {
        return RoleView.of(administration.grant(Caller.current(), id, request.permission()));
    }

    @Operation(summary = "Revoke a permission from a role")
    @DeleteMapping("/api/v1/roles/{id}/permissions/{permission}")
    @PreAuthorize("@permissions.allow('manage:roles')")
    RoleView revoke(@PathVariable UUID id, @PathVariable String permission) {
        return RoleView.of(administration.revoke(Caller.current(), id, permission));
    }

    @Operation(summary = "Delete a role")
    @DeleteMapping("/api/v1/roles/{id}")
    @PreAuthorize("@permissions.allow('manage:roles')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        administration.delete(Caller.current(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List every permission")
    @GetMapping("/api/v1/permissions")
    @PreAuthorize("@permissions.allow('read:roles')")
    List<PermissionView> permissions() {
        return administration.permissions();
    }

    /** The permission to grant, as {@code action:subject}. */
    record PermissionGrant(@NotBlank @Pattern(regexp = NewRole.PERMISSION, message = "must read action:subject") String permission) {
    }

    record RoleView(UUID id, String name, String description, boolean system, Role.ProfileType profileType, int rank,
            Set<String> permissions) {

        static RoleView of(Role role) {
            return new RoleView(role.getId(), role.getName(), role.getDescription(), role.isSystem(),
                    role.getProfileType(), role.getRank(), role.permissionCodes());
        }
    }
}
