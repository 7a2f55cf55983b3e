package dev.coachos.communication.notification;

import java.time.Instant;
import java.util.UUID;

import dev.coachos.platform.data.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A message for one user, shown until they read it. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id = UuidV7.next();
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String message;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Type type;
    @Column(name = "is_read", nullable = false)
    private boolean read;
    private String link;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();
    @Column(name = "read_at")
    private Instant readAt;
    @Version
    private Long version;

    protected Notification() {
    }

    Notification(UUID userId, String title, String message, Type type, String link) {
        this.userId = userId;
        this.title = title;
        this.message = message;
        this.type = type;
        this.link = link;
    }

    void markRead(Instant now) {
        if (!read) {
            read = true;
            readAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public String getMessage() {
        return message;
    }

    public Type getType() {
        return type;
    }

    public boolean isRead() {
        return read;
    }

    public String getLink() {
        return link;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    /** The seed's notification types. */
    public enum Type {
        INFO, SUCCESS, WARNING, ERROR, REMINDER
    }
}
