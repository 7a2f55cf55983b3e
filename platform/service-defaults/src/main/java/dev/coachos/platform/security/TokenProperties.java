package dev.coachos.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every service checks access tokens ({@code coachos.security.*}).
 *
 * @param issuer      the only accepted {@code iss}
 * @param audience    the {@code aud} a token must contain
 * @param jwkSetUri   where identity-service publishes its public keys; not needed by identity itself
 * @param clockSkew   tolerance on {@code exp} and {@code nbf}
 * @param publicPaths request paths (Ant patterns) that need no token, besides health and OpenAPI;
 *                    a token sent to them is ignored
 * @param publicReadPaths request paths (Ant patterns) that anyone may GET without a token, such
 *                    as the course catalogue; a token sent along is still checked and used, so
 *                    staff see more than the public
 */
@ConfigurationProperties("coachos.security")
public record TokenProperties(
        String issuer,
        String audience,
        URI jwkSetUri,
        Duration clockSkew,
        List<String> publicPaths,
        List<String> publicReadPaths) {

    public TokenProperties {
        issuer = issuer == null ? "coachos-identity" : issuer;
        audience = audience == null ? "coachos" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        publicReadPaths = publicReadPaths == null ? List.of() : List.copyOf(publicReadPaths);
    }
}
