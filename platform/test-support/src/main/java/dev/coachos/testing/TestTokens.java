package dev.coachos.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way identity-service does (RS256, {@code kid}, the suite's claims),
 * with a key of its own. Write the key with {@link #writePrivateKeyPem(Path)} to make
 * identity-service sign with it, or serve {@link #jwksJson()} to make a service trust it.
 */
public final class TestTokens {

    public static final String ISSUER = "coachos-identity";
    public static final String AUDIENCE = "coachos";

    private final RSAKey key;

    private TestTokens(RSAKey key) {
        this.key = key;
    }

    public static TestTokens withNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
            return new TestTokens(key);
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public half as a JWK set document. */
    public String jwksJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** One JWK set with the public keys of several signers, as published during a key rotation. */
    public static String jwksOf(TestTokens... signers) {
        return new JWKSet(java.util.Arrays.stream(signers).map(t -> (com.nimbusds.jose.jwk.JWK) t.key.toPublicJWK())
                .toList()).toString();
    }

    /** The private key as PKCS#8 PEM, the format identity-service reads. */
    public Path writePrivateKeyPem(Path file) throws IOException {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPrivateKey().getEncoded());
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Token token() {
        return new Token(this, UUID.randomUUID());
    }

    /** A director's token as identity-service issues it: role DIRECTOR, permission manage:all. */
    public String director(UUID id) {
        return token().subject(id).roles(List.of("DIRECTOR")).permissions(List.of("manage:all")).sign();
    }

    /** A student's token: role STUDENT, a student profile and the permissions given. */
    public String student(UUID id, String... permissions) {
        return token().subject(id).roles(List.of("STUDENT")).permissions(List.of(permissions)).studentProfile().sign();
    }

    /** A teacher's token: role TEACHER, a teacher profile and the permissions given. */
    public String teacher(UUID id, String... permissions) {
        return token().subject(id).roles(List.of("TEACHER")).permissions(List.of(permissions)).teacherProfile().sign();
    }

    /** A branch staff member's token (BACKOFFICE, ACCOUNTANT, ...): a staff profile, their branch and the permissions given. */
    public String staff(String role, UUID branch, String... permissions) {
        return token().roles(List.of(role)).branch(branch).permissions(List.of(permissions)).staffProfile().sign();
    }

    /** A token under construction; every setter returns a copy-free builder for brevity in tests. */
    public static final class Token {
        private final TestTokens tokens;
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));

        Token(TestTokens tokens, UUID subject) {
            this.tokens = tokens;
            claims.subject(subject.toString()).issuer(ISSUER).audience(AUDIENCE)
                    .jwtID(UUID.randomUUID().toString())
                    .claim("roles", List.of()).claim("permissions", List.of());
        }

        public Token subject(UUID subject) {
            claims.subject(subject.toString());
            return this;
        }

        public Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Token audience(String audience) {
            claims.audience(audience);
            return this;
        }

        public Token roles(Collection<String> roles) {
            claims.claim("roles", List.copyOf(roles));
            return this;
        }

        public Token permissions(Collection<String> permissions) {
            claims.claim("permissions", List.copyOf(permissions));
            return this;
        }

        public Token branch(UUID branch) {
            claims.claim("branch_id", branch.toString());
            return this;
        }

        /** The caller has a student profile (a new id), as students' tokens do. */
        public Token studentProfile() {
            return claim("student_profile_id", UUID.randomUUID().toString());
        }

        /** The caller has a teacher profile (a new id), as teachers' tokens do. */
        public Token teacherProfile() {
            return claim("teacher_profile_id", UUID.randomUUID().toString());
        }

        /** The caller has a staff profile (a new id), as staff tokens do. */
        public Token staffProfile() {
            return claim("staff_profile_id", UUID.randomUUID().toString());
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public String sign() {
            Instant now = Instant.now();
            JWTClaimsSet set = claims
                    .issueTime(Date.from(now.isBefore(expiresAt) ? now : expiresAt.minusSeconds(60)))
                    .expirationTime(Date.from(expiresAt))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(tokens.key.getKeyID()).type(JOSEObjectType.JWT).build(), set);
            try {
                jwt.sign(new RSASSASigner(tokens.key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    /** The same token with one payload character changed, so the signature no longer matches. */
    public static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String changed = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + UUID.randomUUID() + "\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[2];
    }
}
