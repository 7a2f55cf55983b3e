package dev.coachos.identity.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs access tokens, and the public keys that verify them. The key id is the
 * key's RFC 7638 thumbprint, so the same file always yields the same {@code kid}.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey active;
    private final JWKSet published;

    private SigningKeys(RSAKey active, List<RSAKey> retired) {
        this.active = active;
        List<JWK> keys = new ArrayList<>();
        keys.add(active.toPublicJWK());
        retired.forEach(k -> keys.add(k.toPublicJWK()));
        this.published = new JWKSet(keys);
    }

    public static SigningKeys load(AuthProperties properties) {
        try {
            RSAKey active = activeKey(properties);
            List<RSAKey> retired = new ArrayList<>();
            for (Path file : properties.retiredKeyFiles()) {
                retired.add(read(file));
            }
            return new SigningKeys(active, retired);
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Cannot load the token signing key: " + e.getMessage(), e);
        }
    }

    /** Signs tokens; holds the private key. */
    public RSAKey active() {
        return active;
    }

    /** Public keys only, as served at the JWKS endpoints. */
    public JWKSet published() {
        return published;
    }

    private static RSAKey activeKey(AuthProperties properties)
            throws IOException, GeneralSecurityException, JOSEException {
        Path file = properties.keyFile();
        if (file != null && Files.exists(file)) {
            return read(file);
        }
        if (!properties.generateMissingKey()) {
            throw new IllegalStateException("No signing key: set coachos.identity.key-file (COACHOS_IDENTITY_KEY_FILE) "
                    + "to a PKCS#8 PEM RSA private key" + (file == null ? "" : "; " + file + " does not exist"));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        if (file == null) {
            log.warn("Signing tokens with a key kept only in memory: tokens stop working when this process restarts");
        } else {
            write(file, key);
            log.warn("Created a new token signing key in {}", file);
        }
        return toJwk(key);
    }

    private static RSAKey read(Path file) throws IOException, GeneralSecurityException, JOSEException {
        String pem = Files.readString(file);
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        return toJwk(key);
    }

    private static RSAKey toJwk(RSAPrivateCrtKey key) throws GeneralSecurityException, JOSEException {
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        return new RSAKey.Builder(pub).privateKey(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint().build();
    }

    private static void write(Path file, RSAPrivateCrtKey key) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
