package dev.coachos.communication.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A message for one user, shown until they read it. Its owner is implied by who asks, so the
 * owner's id is not part of the JSON.
 */
public record Notification(UUID id, @JsonIgnore UUID userId, String title, String message, Type type, boolean read,
        String link, Instant createdAt, Instant readAt) {

    static final String COLUMNS = "n.id, n.user_id, n.title, n.message, n.type, n.is_read, n.link, n.created_at, n.read_at";

    /** The row reader (not {@code read}: that is the flag saying whether the owner has read it). */
    static Notification readRow(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("title"), rs.getString("message"), Type.valueOf(rs.getString("type")),
                rs.getBoolean("is_read"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }

    /** The seed's notification types. */
    public enum Type {
        INFO, SUCCESS, WARNING, ERROR, REMINDER
    }
}
