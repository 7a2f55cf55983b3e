package dev.coachos.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for a reset link, sent to this address if an active account has it. */
public record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {
}
