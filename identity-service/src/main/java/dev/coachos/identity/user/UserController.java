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
import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/users")
class UserController {


    static final String PHONE = "\\+?[0-9 -]{6,19}";

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
    UserView updateMe(@Valid @RequestBody SelfUpdate request) {
        return UserView.of(administration.updateSelf(Caller.current(), request.name(), request.phone(),
                request.avatarUrl()));
    }

    @Operation(summary = "Create a user account")
    @PostMapping
    @PreAuthorize("@permissions.allow('create:users')")
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
        User user = administration.create(Caller.current(), new UserAdministration.NewUser(request.email(),
                request.name(), request.phone(), request.roleName(), request.branchId(), request.password()));
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
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUser request) {
        return UserView.of(administration.update(Caller.current(), id, new UserAdministration.UserUpdate(
                request.name(), request.phone(), request.avatarUrl(), request.branchId(), request.active(),
                request.verified())));
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

    record CreateUser(
            @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a well-formed e-mail address") @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String name,
            @Pattern(regexp = PHONE, message = "is not a phone number") String phone,
            @NotBlank @Size(max = 60) String roleName,
            UUID branchId,
            @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "CreateUser[email=" + email + ", roleName=" + roleName + "]";
        }
    }

    record UpdateUser(
            @Size(min = 1, max = 120) String name,
            @Pattern(regexp = "|" + PHONE, message = "is not a phone number") String phone,
            @Size(max = 500) @Pattern(regexp = "|https://.+", message = "must be an https URL") String avatarUrl,
            UUID branchId,
            Boolean active,
            Boolean verified) {
    }

    record SelfUpdate(
            @Size(min = 1, max = 120) String name,
            @Pattern(regexp = "|" + PHONE, message = "is not a phone number") String phone,
            @Size(max = 500) @Pattern(regexp = "|https://.+", message = "must be an https URL") String avatarUrl) {
    }

    record RoleChange(@NotBlank @Size(max = 60) String roleName) {
    }
}
