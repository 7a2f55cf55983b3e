package dev.coachos.identity.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A login: e-mail address and password. */
public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 200) String password) {

    /** Never the password, not even in a log line. */
    @Override
    public String toString() {
        return "Login[email=" + email + "]";
    }
}
