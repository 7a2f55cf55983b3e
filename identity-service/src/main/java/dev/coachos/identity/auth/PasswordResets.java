package dev.coachos.identity.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.coachos.events.identity.PasswordResetCompleted;
import dev.coachos.events.identity.PasswordResetRequested;
import dev.coachos.identity.IdentityEvents;
import dev.coachos.platform.security.OpaqueSecret;
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
    private final TransactionTemplate transactions;
    private final IdentityEvents events;

    PasswordResets(Users users, Passwords passwords, PasswordResetTokens tokens, RefreshTokens refreshTokens,
            ResetLinkSender sender, AuthProperties properties, PlatformTransactionManager transactionManager,
            IdentityEvents events) {
        this.events = events;
        // A transaction of its own: the invite listener runs after the creating transaction ended.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
    void request(PasswordResetRequest request) {
        Optional<Issued> issued = issue(request.email());
        issued.ifPresent(i -> background.execute(() ->
                sender.send(i.email(), i.name(), i.secret(), ResetLinkSender.Purpose.PASSWORD_RESET)));
    }

    /** Sets the new password, uses up every open reset of the account, and ends its sessions. */
    @Transactional
    void confirm(PasswordResetConfirmation confirmation) {
        Instant now = Instant.now();
        String hash = OpaqueSecret.hashOf(confirmation.token());
        PasswordResetToken token = tokens.findByTokenHash(hash)
                .filter(t -> t.isUsable(now))
                .orElseThrow(() -> Problems.invalidField("token", "is invalid, used or expired"));
        User user = users.findLive(token.getUserId())
                .orElseThrow(() -> Problems.invalidField("token", "is invalid, used or expired"));
        String newHash = passwords.hash("newPassword", confirmation.newPassword(), user.getEmail());
        if (tokens.consume(hash, now) != 1) {
            throw Problems.invalidField("token", "is invalid, used or expired");
        }
        user = users.findLive(token.getUserId()).orElseThrow();
        user.changePassword(newHash);
        user.setVerified(true);
        tokens.useAllOf(user.getId(), now);
        refreshTokens.revokeAllOf(user.getId(), now);
        events.passwordResetCompleted(new PasswordResetCompleted(user.getId().toString()));
    }

    /**
     * A new account without a password gets a link to choose one, once its creation has
     * committed. The token is stored in a transaction of its own, then handed to the delivery
     * gateway in the background.
     */
    @TransactionalEventListener
    void onInvited(UserEvents.InvitedWithoutPassword event) {
        Optional<Issued> issued = transactions.execute(status ->
                users.findLive(event.userId()).map(user -> store(user, properties.inviteTokenTtl())));
        issued.ifPresent(i -> background.execute(() ->
                sender.send(i.email(), i.name(), i.secret(), ResetLinkSender.Purpose.SET_PASSWORD)));
    }

    private Optional<Issued> issue(String email) {
        return transactions.execute(status -> users.findLiveByEmail(email.trim()).filter(User::isActive)
                .map(user -> {
                    Issued issued = store(user, properties.resetTokenTtl());
                    events.passwordResetRequested(new PasswordResetRequested(user.getId().toString()));
                    return issued;
                }));
    }

    private Issued store(User user, java.time.Duration ttl) {
        Instant now = Instant.now();
        OpaqueSecret secret = OpaqueSecret.generate();
        tokens.save(new PasswordResetToken(user.getId(), secret.hash(), now, now.plus(ttl)));
        return new Issued(user.getEmail(), user.getName(), secret.value());
    }

    record Issued(String email, String name, String secret) {
    }
}
