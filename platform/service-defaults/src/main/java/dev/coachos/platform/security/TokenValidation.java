package dev.coachos.platform.security;

import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * The token rules every service and the gateway share: one pinned signature algorithm, a
 * fixed issuer, our audience, and a token that has not expired (and must say when it does).
 */
public final class TokenValidation {

    /** Access tokens are signed with RSA and SHA-256 only; anything else is refused. */
    public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.RS256;

    private TokenValidation() {
    }

    public static OAuth2TokenValidator<Jwt> validator(TokenProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                requireClaim(JwtClaimNames.EXP),
                requireClaim(JwtClaimNames.SUB),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                audience(properties.audience())));
    }

    /**
     * How a token's claims become a {@link Jwt}: Spring's defaults, except that the issuer stays
     * text. Spring tries to read {@code iss} as a URL; ours ({@code coachos-identity}) is not one,
     * so every decode threw and caught an exception (with the stack trace of a deep reactive call
     * chain) before falling back to the text: the most expensive single step of checking a token.
     */
    public static Converter<Map<String, Object>, Map<String, Object>> claims() {
        return MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS,
                issuer -> issuer == null ? null : issuer.toString()));
    }

    private static OAuth2TokenValidator<Jwt> requireClaim(String claim) {
        return jwt -> jwt.hasClaim(claim)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no " + claim + " claim", null));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for " + audience, null));
    }
}
