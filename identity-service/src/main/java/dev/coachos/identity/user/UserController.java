package dev.coachos.identity.user;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Accounts: anyone reads and changes their own; managing others takes a permission, rank and branch reach. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserAdministration administration;

    UserController(UserAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "Read your own account")
    @GetMapping("/me")
    UserView me() {
        Caller caller = Caller.current();
        return UserView.of(administration.get(caller, caller.userId()));
    }

    @Operation(summary = "Change your own name, phone or avatar")
    @PatchMapping("/me")
    UserView updateMe(@Valid @RequestBody OwnDetails change) {
        return UserView.of(administration.updateSelf(Caller.current(), change));
    }

    @Operation(summary = "Create a user account")
    @PostMapping
    @PreAuthorize("@permissions.allow('create:users')")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
        User user = administration.create(Caller.current(), request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.getId())).body(UserView.of(user));
    }

    @Operation(summary = "Search users by name, role, branch or status")
    @GetMapping
    @PreAuthorize("@permissions.allow('read:users')")
    PageResponse<UserView> search(@RequestParam Optional<String> q, @RequestParam Optional<String> role,
            @RequestParam Optional<UUID> branchId, @RequestParam Optional<Boolean> active,
            Paging paging) {
        return PageResponse.of(administration.search(Caller.current(), q, role, branchId, active, paging),
                UserView::of);
    }

    @Operation(summary = "Read one user")
    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return UserView.of(administration.get(Caller.current(), id));
    }

    @Operation(summary = "Change a user's details, branch or status")
    @PatchMapping("/{id}")
    @PreAuthorize("@permissions.allow('update:users')")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UserChange change) {
        return UserView.of(administration.update(Caller.current(), id, change));
    }

    @Operation(summary = "Give a user another role")
    @PutMapping("/{id}/role")
    @PreAuthorize("@permissions.allow('update:users')")
    UserView changeRole(@PathVariable UUID id, @Valid @RequestBody RoleChange request) {
        return UserView.of(administration.changeRole(Caller.current(), id, request.roleName()));
    }

    @Operation(summary = "Deactivate a user")
    @DeleteMapping("/{id}")
    @PreAuthorize("@permissions.allow('delete:users')")
    ResponseEntity<Void> deactivate(@PathVariable UUID id) {
        administration.deactivate(Caller.current(), id);
        return ResponseEntity.noContent().build();
    }

    /** The role to give, by name. */
    record RoleChange(@NotBlank @Size(max = 60) String roleName) {
    }
}
