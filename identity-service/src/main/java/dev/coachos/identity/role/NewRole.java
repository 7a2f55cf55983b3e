package dev.coachos.identity.role;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A role to create: its rank must be below the creator's, and it may hold only permissions the
 * creator holds. Without {@code permissions} it holds none.
 */
public record NewRole(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "upper-case letters, digits and underscores") String name,
        @Size(max = 300) String description,
        @NotNull Role.ProfileType profileType,
        @Min(0) @Max(99) int rank,
        List<@NotNull @Pattern(regexp = NewRole.PERMISSION, message = "must read action:subject") String> permissions) {

    /** How a permission is written: {@code action:subject}. */
    static final String PERMISSION = "[a-z_]+:[a-z_]+";

    public NewRole {
        permissions = permissions == null ? List.of() : permissions;
    }
}
