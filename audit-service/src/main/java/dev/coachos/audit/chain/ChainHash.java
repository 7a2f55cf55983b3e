package dev.coachos.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a canonical JSON text, as 64 lower-case hex digits. */
public final class ChainHash {

    /** What the first record of a chain names as its previous hash. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The hash of a value's canonical JSON. */
    public static String ofValue(Object value) {
        return of(CanonicalJson.write(value));
    }
}
