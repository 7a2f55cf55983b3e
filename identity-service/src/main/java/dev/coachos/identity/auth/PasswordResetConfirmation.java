package dev.coachos.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from a reset (or set-password) link and the new password. */
public record PasswordResetConfirmation(@NotBlank @Size(max = 200) String token,
        @NotBlank @Size(max = 200) String newPassword) {

    /** Never the token or the password. */
    @Override
    public String toString() {
        return "PasswordResetConfirmation[***]";
    }
}
