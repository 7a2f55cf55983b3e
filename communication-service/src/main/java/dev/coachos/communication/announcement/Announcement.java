package dev.coachos.communication.announcement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An announcement as its author (or a manager) sees it, with its audience, how many it reached and
 * how many of them read it; or as a recipient sees it, with whether they read it and no audience.
 *
 * @param recipients how many people it was addressed to when it was published
 * @param reads      how many of them have read it (author's view only)
 * @param read       whether the caller has read it (recipient's view only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Announcement(UUID id, UUID authorId, UUID branchId, String title, String content, Type type,
        Audience audience, Status status, Instant publishAt, Instant publishedAt, Instant expiresAt,
        Instant withdrawnAt, Instant createdAt, Instant updatedAt, int recipients, Integer reads, Boolean read,
        Instant readAt) {

    /** What every view reads of {@code announcement a}. */
    static final String COLUMNS = """
            a.id, a.author_id, a.branch_id, a.title, a.content, a.type, a.audience::text as audience, a.status,
            a.publish_at, a.published_at, a.expires_at, a.withdrawn_at, a.created_at, a.updated_at,
            a.recipients_count""";

    /** The author's view: with the count of reads. */
    static final String SENT_COLUMNS = COLUMNS + """
            , (select count(*) from announcement_recipient x
               where x.announcement_id = a.id and x.read_at is not null) as reads""";

    /** A recipient's view, over {@code announcement_recipient ar} joined to it. */
    static final String INBOX_COLUMNS = COLUMNS + ", ar.read_at";

    static Announcement read(ResultSet rs, Audience audience, boolean sent) throws SQLException {
        Instant readAt = sent ? null : instant(rs, "read_at");
        return new Announcement(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("title"), rs.getString("content"),
                Type.valueOf(rs.getString("type")), sent ? audience : null, Status.valueOf(rs.getString("status")),
                instant(rs, "publish_at"), instant(rs, "published_at"), instant(rs, "expires_at"),
                instant(rs, "withdrawn_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getInt("recipients_count"), sent ? rs.getInt("reads") : null, sent ? null : readAt != null, readAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** How it is shown: an ALERT stands out, a NOTICE is formal, an ANNOUNCEMENT is news. */
    public enum Type {
        ANNOUNCEMENT, NOTICE, ALERT
    }

    /**
     * Where it stands. SCHEDULED waits for its publish time; PUBLISHED is in its recipients' lists;
     * WITHDRAWN is hidden from them for good. DRAFT is reserved for unsent ones (none are kept yet).
     */
    public enum Status {
        DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN;

        /** Only a scheduled or published announcement can be edited or withdrawn. */
        public boolean isLive() {
            return this == SCHEDULED || this == PUBLISHED;
        }
    }
}
