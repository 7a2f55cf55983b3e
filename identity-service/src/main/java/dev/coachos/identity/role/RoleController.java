package dev.coachos.identity.role;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
class RoleController {

    private static final String PERMISSION_PATTERN = "[a-z_]+:[a-z_]+";

    private final Roles roles;
    private final PermissionCatalog catalog;
    private final RoleAdministration administration;

    RoleController(Roles roles, PermissionCatalog catalog, RoleAdministration administration) {
        this.roles = roles;
        this.catalog = catalog;
        this.administration = administration;
    }

    @Operation(summary = "List roles, highest rank first")
    @GetMapping("/api/v1/roles")
    @PreAuthorize("@permissions.allow('read:roles')")
    List<RoleView> list() {
        return administration.list(RoleView::of).stream()
                .sorted((a, b) -> Integer.compare(b.rank(), a.rank())).toList();
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
        Role role = administration.create(Caller.current(), request.name(), request.description(),
                request.profileType(), request.rank(), request.permissions() == null ? List.of() : request.permissions());
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
        return catalog.findAll().stream()
                .map(p -> new PermissionView(p.code(), p.getAction(), p.getSubject(), p.getDescription()))
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    record NewRole(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "upper-case letters, digits and underscores") String name,
            @Size(max = 300) String description,
            @NotNull Role.ProfileType profileType,
            @Min(0) @Max(99) int rank,
            List<@NotNull @Pattern(regexp = PERMISSION_PATTERN, message = "must read action:subject") String> permissions) {
    }

    record PermissionGrant(@NotBlank @Pattern(regexp = PERMISSION_PATTERN, message = "must read action:subject") String permission) {
    }

    record RoleView(UUID id, String name, String description, boolean system, Role.ProfileType profileType, int rank,
            Set<String> permissions) {

        static RoleView of(Role role) {
            return new RoleView(role.getId(), role.getName(), role.getDescription(), role.isSystem(),
                    role.getProfileType(), role.getRank(), role.permissionCodes());
        }
    }

    record PermissionView(String code, String action, String subject, String description) {
    }
}
