package dev.coachos.communication.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A support query as its requester and the branch's staff see it. The two breach flags are judged
 * at the time of reading: the first-response clock stops at the first answer (or when the query is
 * closed unanswered); the resolution clock stands still from {@code resolutionPausedAt} on.
 *
 * @param resolutionDueAt     the resolution target, already moved later by every earlier pause
 * @param resolutionPausedAt  set while the resolution clock stands still (waiting on the requester,
 *                            resolved, closed)
 * @param messages            the thread, oldest first; only in the answer about one query
 */
public record Query(UUID id, UUID requesterId, UUID branchId, String subject, Priority priority, UUID courseId,
        Status status, UUID assigneeId, Instant createdAt, Instant updatedAt, Instant firstResponseAt,
        Instant firstResponseDueAt, Instant resolutionDueAt, Instant resolutionPausedAt, Instant resolvedAt,
        Instant closedAt, boolean firstResponseBreached, boolean resolutionBreached,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages) {

    /** The columns a query is read from; {@code :now} is the instant the breach flags are judged at. */
    static final String COLUMNS = """
            q.id, q.requester_id, q.branch_id, q.subject, q.priority, q.course_id, q.status, q.assignee_id,
            q.created_at, q.updated_at, q.first_response_at, q.first_response_due_at, q.resolution_due_at,
            q.paused_at, q.resolved_at, q.closed_at,
            coalesce(q.first_response_at, q.closed_at, :now) > q.first_response_due_at as first_response_breached,
            coalesce(q.paused_at, :now) > q.resolution_due_at as resolution_breached""";

    /** Whether either target is missed, in SQL over the same columns. */
    static final String BREACHED = "(coalesce(q.first_response_at, q.closed_at, :now) > q.first_response_due_at"
            + " or coalesce(q.paused_at, :now) > q.resolution_due_at)";

    static Query readRow(ResultSet rs, int row) throws SQLException {
        return new Query(rs.getObject("id", UUID.class), rs.getObject("requester_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("subject"), Priority.valueOf(rs.getString("priority")),
                rs.getObject("course_id", UUID.class), Status.valueOf(rs.getString("status")),
                rs.getObject("assignee_id", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "first_response_at"), instant(rs, "first_response_due_at"),
                instant(rs, "resolution_due_at"), instant(rs, "paused_at"), instant(rs, "resolved_at"),
                instant(rs, "closed_at"), rs.getBoolean("first_response_breached"),
                rs.getBoolean("resolution_breached"), null);
    }

    Query withMessages(List<Message> thread) {
        return new Query(id, requesterId, branchId, subject, priority, courseId, status, assigneeId, createdAt,
                updatedAt, firstResponseAt, firstResponseDueAt, resolutionDueAt, resolutionPausedAt, resolvedAt,
                closedAt, firstResponseBreached, resolutionBreached, List.copyOf(thread));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** One message of the thread; {@code fromStaff} tells the requester's own from the answers. */
    public record Message(UUID id, UUID authorId, boolean fromStaff, String body, Instant createdAt) {

        static Message readRow(ResultSet rs, int row) throws SQLException {
            return new Message(rs.getObject("id", UUID.class), rs.getObject("author_id", UUID.class),
                    rs.getBoolean("from_staff"), rs.getString("body"), instant(rs, "created_at"));
        }
    }

    /** How urgent the requester says it is; each has its own targets (see {@link QuerySettings}). */
    public enum Priority {
        LOW, NORMAL, HIGH, URGENT
    }

    /** Where a query stands, and where it may go from there. */
    public enum Status {
        OPEN, IN_PROGRESS, WAITING_ON_REQUESTER, RESOLVED, CLOSED;

        /** CLOSED is final; a RESOLVED query may be taken up again; nothing becomes OPEN by hand. */
        public boolean mayBecome(Status next) {
            return switch (this) {
                case OPEN -> next == IN_PROGRESS || next == WAITING_ON_REQUESTER || next == RESOLVED || next == CLOSED;
                case IN_PROGRESS -> next == WAITING_ON_REQUESTER || next == RESOLVED || next == CLOSED;
                case WAITING_ON_REQUESTER -> next == IN_PROGRESS || next == RESOLVED || next == CLOSED;
                case RESOLVED -> next == IN_PROGRESS || next == CLOSED;
                case CLOSED -> false;
            };
        }

        /** Whether the resolution clock stands still in this status (the first-response clock never pauses). */
        public boolean pausesResolution() {
            return this == WAITING_ON_REQUESTER || this == RESOLVED || this == CLOSED;
        }
    }
}
