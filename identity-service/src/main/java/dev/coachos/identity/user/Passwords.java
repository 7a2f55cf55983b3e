package dev.coachos.identity.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.coachos.platform.web.Problems;

/** The password rules and the hash. BCrypt reads at most 72 bytes, so longer passwords are refused. */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder;

    Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** Checks the rules, naming {@code field} in the 400 problem, and returns the hash. */
    public String hash(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw Problems.invalidField(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Problems.invalidField(field, "must be at most " + MAX_BYTES + " bytes long");
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            throw Problems.invalidField(field, "must not be the e-mail address");
        }
        return encoder.encode(password);
    }

    /** A hash of a random secret nobody knows: the account can only be entered after a reset. */
    public String unusable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return encoder.encode(Base64.getEncoder().encodeToString(secret).substring(0, 40));
    }

    public boolean matches(String password, String hash) {
        return password != null && encoder.matches(password, hash);
    }
}
