package dev.coachos.identity.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetTokens extends JpaRepository<PasswordResetToken, UUID> {

    Optional<PasswordResetToken> findByTokenHash(String tokenHash);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = ?2 where t.userId = ?1 and t.usedAt is null")
    int useAllOf(UUID userId, Instant now);

    /** Uses a token up if it is still usable; 0 when it was used, by a parallel request too, or expired. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PasswordResetToken t set t.usedAt = ?2 where t.tokenHash = ?1 and t.usedAt is null and t.expiresAt > ?2")
    int consume(String tokenHash, Instant now);
}
