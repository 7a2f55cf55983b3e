package dev.coachos.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The refresh token that stands for a login session: exchanged for new tokens, or revoked to log out. */
public record SessionToken(@NotBlank @Size(max = 200) String refreshToken) {

    /** Never the token itself. */
    @Override
    public String toString() {
        return "SessionToken[***]";
    }
}
