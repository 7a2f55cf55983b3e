package dev.coachos.identity.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.events.identity.LoginFailed;
import dev.coachos.events.identity.UserLoggedIn;
import dev.coachos.events.identity.UserLoggedOut;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.platform.security.OpaqueSecret;
import dev.coachos.identity.user.Passwords;
import dev.coachos.identity.user.User;
import dev.coachos.identity.user.UserEvents;
import dev.coachos.identity.user.Users;

/**
 * Login, refresh and logout. A failed login says only that it failed: an unknown e-mail, a
 * wrong password, a locked or a deactivated account all look the same from outside, and an
 * unknown e-mail costs the same hashing time as a known one.
 */
@Service
class SigningIn {

    private static final Logger log = LoggerFactory.getLogger(SigningIn.class);

    private final Users users;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;
    private final AuthProperties properties;
    private final String decoyHash;
    private final TransactionTemplate transactions;
    private final IdentityEvents events;

    SigningIn(Users users, Passwords passwords, RefreshTokens refreshTokens, TokenIssuer issuer,
            AuthProperties properties, TransactionTemplate transactions, IdentityEvents events) {
        this.transactions = transactions;
        this.events = events;
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.properties = properties;
        this.decoyHash = passwords.unusable();
    }

    /**
     * Empty when the login is refused. The slow password check holds no database connection;
     * only the short bookkeeping writes run in a transaction.
     */
    Optional<TokenIssuer.TokenPair> login(Login login) {
        Instant now = Instant.now();
        String password = login.password();
        Optional<User> found = users.findLiveByEmail(login.email().trim());
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            refused(null, login.email(), "UNKNOWN_ACCOUNT");
            return Optional.empty();
        }
        User user = found.get();
        boolean correct = passwords.matches(password, user.getPasswordHash());
        if (user.isLocked(now)) {
            refused(user.getId(), login.email(), "LOCKED");
            return Optional.empty();
        }
        if (!correct) {
            Boolean locked = transactions.execute(status -> {
                boolean lockedNow = users.recordFailedLogin(user.getId(), properties.maxFailedLogins(),
                        now.plus(properties.lockDuration()));
                events.loginFailed(new LoginFailed(user.getId().toString(), address(login.email()), "WRONG_PASSWORD",
                        lockedNow));
                return lockedNow;
            });
            if (Boolean.TRUE.equals(locked)) {
                log.warn("Account {} locked after {} failed logins", user.getId(), properties.maxFailedLogins());
            }
            return Optional.empty();
        }
        if (!user.canLogIn(now)) {
            refused(user.getId(), login.email(), "INACTIVE");
            return Optional.empty();
        }
        return transactions.execute(status -> {
            if (users.recordLogin(user.getId(), now) != 1) {
                return Optional.<TokenIssuer.TokenPair>empty();
            }
            events.userLoggedIn(new UserLoggedIn(user.getId().toString()));
            return Optional.of(issuer.issueNewSession(user, now));
        });
    }

    /** A refused login goes on record (never the password tried), in a transaction of its own. */
    private void refused(UUID userId, String email, String reason) {
        transactions.executeWithoutResult(status -> events.loginFailed(new LoginFailed(
                userId == null ? null : userId.toString(), address(email), reason, false)));
    }

    /** The address as given, trimmed, in lower case, at most 200 characters. */
    private static String address(String email) {
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        return address.length() > 200 ? address.substring(0, 200) : address;
    }

    /**
     * Rotates a refresh token. Presenting one that was already rotated or revoked means it was
     * copied: the whole session family is revoked, for the thief and the owner alike.
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    Optional<TokenIssuer.TokenPair> refresh(SessionToken session) {
        Instant now = Instant.now();
        Optional<RefreshToken> found = refreshTokens.findByTokenHash(OpaqueSecret.hashOf(session.refreshToken()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        if (refreshTokens.rotate(token.getId(), now) == 0) {
            int revoked = refreshTokens.revokeFamily(token.getFamilyId(), now);
            if (revoked > 0) {
                log.warn("A used refresh token of user {} was presented again; revoked its session", token.getUserId());
            }
            return Optional.empty();
        }
        if (token.isExpired(now)) {
            return Optional.empty();
        }
        // A lock stops new logins only: it must not let a password guesser end the owner's sessions.
        Optional<User> user = users.findLive(token.getUserId()).filter(User::isActive);
        if (user.isEmpty()) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            return Optional.empty();
        }
        return Optional.of(issuer.issue(user.get(), token.getFamilyId(), now));
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
    @Transactional
    void logout(SessionToken session) {
        refreshTokens.findByTokenHash(OpaqueSecret.hashOf(session.refreshToken())).ifPresent(t -> {
            if (refreshTokens.revokeFamily(t.getFamilyId(), Instant.now()) > 0) {
                events.userLoggedOut(new UserLoggedOut(t.getUserId().toString()));
            }
        });
    }

    @EventListener
    void onAccessRevoked(UserEvents.AccessRevoked event) {
        refreshTokens.revokeAllOf(event.userId(), Instant.now());
    }
}
