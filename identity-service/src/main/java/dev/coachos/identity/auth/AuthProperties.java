package dev.coachos.identity.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * identity-service's own settings ({@code coachos.identity.*}).
 *
 * @param keyFile            PKCS#8 PEM file with the RSA key that signs access tokens
 * @param retiredKeyFiles    earlier signing keys whose public halves stay in the JWKS until
 *                           tokens signed with them have expired
 * @param generateMissingKey create {@code keyFile} (or an in-memory key when no file is set) if
 *                           it does not exist; for local runs and tests only
 * @param accessTokenTtl     lifetime of an access token
 * @param refreshTokenTtl    lifetime of a refresh token (a login session)
 * @param maxFailedLogins    wrong passwords in a row before the account locks
 * @param lockDuration       how long a locked account stays locked
 * @param resetTokenTtl      lifetime of a password-reset token
 * @param inviteTokenTtl     lifetime of the set-password link of an account created without a password
 * @param resetDeliveryUrl   the mail/SMS gateway that delivers reset links (POSTed JSON)
 * @param resetLinkBase      the web client's reset page; the token is appended
 */
@ConfigurationProperties("coachos.identity")
public record AuthProperties(
        Path keyFile,
        List<Path> retiredKeyFiles,
        boolean generateMissingKey,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        int maxFailedLogins,
        Duration lockDuration,
        Duration resetTokenTtl,
        Duration inviteTokenTtl,
        URI resetDeliveryUrl,
        String resetLinkBase) {

    public AuthProperties {
        retiredKeyFiles = retiredKeyFiles == null ? List.of() : List.copyOf(retiredKeyFiles);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        resetTokenTtl = resetTokenTtl == null ? Duration.ofMinutes(30) : resetTokenTtl;
        inviteTokenTtl = inviteTokenTtl == null ? Duration.ofHours(72) : inviteTokenTtl;
        resetLinkBase = resetLinkBase == null ? "http://localhost:8080/reset-password?token=" : resetLinkBase;
    }
}
