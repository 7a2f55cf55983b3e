package dev.coachos.identity.user;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account to create. Without a {@code branchId} a caller who does not see every branch places
 * the user in their own; without a {@code password} the user gets a link to choose one.
 */
public record NewUser(
        @NotBlank @Email(regexp = ".+@.+\\..+", message = "must be a well-formed e-mail address") @Size(max = 254) String email,
        @NotBlank @Size(max = 120) String name,
        @Pattern(regexp = NewUser.PHONE, message = "is not a phone number") String phone,
        @NotBlank @Size(max = 60) String roleName,
        UUID branchId,
        @Size(max = 200) String password) {

    /** What a phone number may look like, here and in {@link UserChange} and {@link OwnDetails}. */
    static final String PHONE = "\\+?[0-9 -]{6,19}";

    /** Never the password, not even in a log line. */
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", roleName=" + roleName + "]";
    }
}
