package dev.coachos.identity.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.coachos.identity.user.Passwords;
import dev.coachos.identity.user.User;
import dev.coachos.identity.user.UserEvents;
import dev.coachos.identity.user.Users;
import dev.coachos.platform.web.Problems;

/** Forgotten passwords, and first passwords for accounts created without one. */
@Service
class PasswordResets {

    private final Users users;
    private final Passwords passwords;
    private final PasswordResetTokens tokens;
    private final RefreshTokens refreshTokens;
    private final ResetLinkSender sender;
    private final AuthProperties properties;
    private final Executor background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(Users users, Passwords passwords, PasswordResetTokens tokens, RefreshTokens refreshTokens,
            ResetLinkSender sender, AuthProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.sender = sender;
        this.properties = properties;
    }

    /**
     * Sends a link when the account exists; says nothing either way. The link is handed to the
     * delivery gateway in the background so that the answer takes as long for an unknown address
     * as for a known one.
     */
    void request(String email) {
        Optional<Issued> issued = issue(email);
        issued.ifPresent(i -> background.execute(() ->
                sender.send(i.email(), i.name(), i.secret(), ResetLinkSender.Purpose.PASSWORD_RESET)));
    }

    /** Sets the new password, uses up every open reset of the account, and ends its sessions. */
    @Transactional
    void confirm(String secret, String newPassword) {
        Instant now = Instant.now();
        PasswordResetToken token = tokens.findByTokenHash(SecretTokens.hash(secret))
                .filter(t -> t.isUsable(now))
                .orElseThrow(() -> Problems.invalidField("token", "is invalid, used or expired"));
        User user = users.findLive(token.getUserId())
                .orElseThrow(() -> Problems.invalidField("token", "is invalid, used or expired"));
        user.changePassword(passwords.hash("newPassword", newPassword, user.getEmail()));
        user.setVerified(true);
        tokens.useAllOf(user.getId(), now);
        refreshTokens.revokeAllOf(user.getId(), now);
    }

    /** A new account without a password gets a link to choose one, once its creation has committed. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onInvited(UserEvents.InvitedWithoutPassword event) {
        users.findLive(event.userId()).ifPresent(user -> {
            Issued issued = store(user);
            sender.send(issued.email(), issued.name(), issued.secret(), ResetLinkSender.Purpose.SET_PASSWORD);
        });
    }

    private Optional<Issued> issue(String email) {
        return users.findLiveByEmail(email.trim()).filter(User::isActive).map(this::store);
    }

    private Issued store(User user) {
        Instant now = Instant.now();
        String secret = SecretTokens.newSecret();
        tokens.save(new PasswordResetToken(user.getId(), SecretTokens.hash(secret), now,
                now.plus(properties.resetTokenTtl())));
        return new Issued(user.getEmail(), user.getName(), secret);
    }

    record Issued(String email, String name, String secret) {
    }
}
