package dev.coachos.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A secret handed to a client once (a refresh or reset token, a calendar feed address): 32 random
 * bytes, URL-safe. Only its SHA-256 is stored, so a copy of the database names no usable secret;
 * a presented secret is looked up by {@link #hashOf(String)}.
 *
 * @param value what the client gets, once
 * @param hash  what is stored: lower-case hex SHA-256 of the value
 */
public record OpaqueSecret(String value, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public OpaqueSecret {
        if (value == null || hash == null || !hash.equals(hashOf(value))) {
            throw new IllegalArgumentException("the hash must be the SHA-256 of the value");
        }
    }

    /** A new secret from the system's strong random source. */
    public static OpaqueSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new OpaqueSecret(value, hashOf(value));
    }

    /** The stored form of a presented secret (or of any text that is kept as a fingerprint). */
    public static String hashOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "OpaqueSecret[hash=" + hash + "]";
    }
}
