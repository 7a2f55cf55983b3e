package dev.coachos.communication.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Notifications extends JpaRepository<Notification, UUID> {

    @Query("select n from Notification n where n.userId = ?1 order by n.createdAt desc, n.id desc")
    Page<Notification> findMine(UUID userId, Pageable pageable);

    @Query("select n from Notification n where n.userId = ?1 and n.read = false order by n.createdAt desc, n.id desc")
    Page<Notification> findMineUnread(UUID userId, Pageable pageable);

    Optional<Notification> findByIdAndUserId(UUID id, UUID userId);

    @Modifying
    @Query("update Notification n set n.read = true, n.readAt = ?2, n.version = n.version + 1 "
            + "where n.userId = ?1 and n.read = false")
    int markAllRead(UUID userId, Instant now);
}
