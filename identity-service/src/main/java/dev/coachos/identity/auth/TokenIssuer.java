package dev.coachos.identity.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import dev.coachos.platform.security.OpaqueSecret;
import dev.coachos.identity.profile.ProfileDirectory;
import dev.coachos.identity.user.User;
import dev.coachos.platform.security.Claims;
import dev.coachos.platform.security.TokenProperties;
import dev.coachos.platform.data.UuidV7;

/**
 * Issues a token pair: a short-lived signed access token that carries the user's current role,
 * permissions, branch and profile ids, and an opaque refresh token stored as a hash.
 */
@Component
class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final TokenProperties tokenRules;
    private final AuthProperties properties;
    private final RefreshTokens refreshTokens;
    private final ProfileDirectory profiles;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, TokenProperties tokenRules, AuthProperties properties,
            RefreshTokens refreshTokens, ProfileDirectory profiles) {
        this.encoder = encoder;
        this.keys = keys;
        this.tokenRules = tokenRules;
        this.properties = properties;
        this.refreshTokens = refreshTokens;
        this.profiles = profiles;
    }

    /** A new pair in the given session family (a new family at login). Call inside a transaction. */
    TokenPair issue(User user, UUID family, Instant now) {
        OpaqueSecret secret = OpaqueSecret.generate();
        refreshTokens.save(new RefreshToken(user.getId(), family, secret.hash(), now,
                now.plus(properties.refreshTokenTtl())));
        return new TokenPair(accessToken(user, now), secret.value(), "Bearer", properties.accessTokenTtl().toSeconds());
    }

    TokenPair issueNewSession(User user, Instant now) {
        return issue(user, UuidV7.next(), now);
    }

    private String accessToken(User user, Instant now) {
        ProfileDirectory.ProfileIds ids = profiles.idsOf(user);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(tokenRules.issuer())
                .audience(List.of(tokenRules.audience()))
                .subject(user.getId().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim(Claims.NAME, user.getName())
                .claim(Claims.EMAIL, user.getEmail())
                .claim(Claims.ROLES, List.of(user.getRole().getName()))
                .claim(Claims.PERMISSIONS, new ArrayList<>(user.getRole().permissionCodes()));
        user.branch().ifPresent(b -> claims.claim(Claims.BRANCH_ID, b.toString()));
        ids.student().ifPresent(id -> claims.claim(Claims.STUDENT_PROFILE_ID, id.toString()));
        ids.teacher().ifPresent(id -> claims.claim(Claims.TEACHER_PROFILE_ID, id.toString()));
        ids.staff().ifPresent(id -> claims.claim(Claims.STAFF_PROFILE_ID, id.toString()));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** The login and refresh response. */
    record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        @Override
        public String toString() {
            return "TokenPair[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
