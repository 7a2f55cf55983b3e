package dev.coachos.communication.todo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Something one person is to do, made by {@code createdBy} for {@code assigneeId} (the same person
 * for a personal todo), possibly about another record ({@code relatedType}, {@code relatedId}).
 */
public record Todo(UUID id, UUID createdBy, UUID assigneeId, String description, LocalDate dueDate, Priority priority,
        Status status, String relatedType, UUID relatedId, Instant createdAt, Instant updatedAt, Instant closedAt) {

    static final String COLUMNS = "t.id, t.created_by, t.assignee_id, t.description, t.due_date, t.priority, t.status, "
            + "t.related_type, t.related_id, t.created_at, t.updated_at, t.closed_at";

    static Todo read(ResultSet rs, int row) throws SQLException {
        java.sql.Date due = rs.getDate("due_date");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Todo(rs.getObject("id", UUID.class), rs.getObject("created_by", UUID.class),
                rs.getObject("assignee_id", UUID.class), rs.getString("description"),
                due == null ? null : due.toLocalDate(), Priority.valueOf(rs.getString("priority")),
                Status.valueOf(rs.getString("status")), rs.getString("related_type"),
                rs.getObject("related_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), closed == null ? null : closed.toInstant());
    }

    /** Whether the user made it or was given it: nobody else reads it. */
    boolean belongsTo(UUID user) {
        return createdBy.equals(user) || assigneeId.equals(user);
    }

    /** How urgent it is; lists sort by this rank, not by the name. */
    public enum Priority {
        LOW, MEDIUM, HIGH, URGENT;

        /** The SQL that ranks a priority column from LOW (1) to URGENT (4). */
        static String rankOf(String column) {
            return "case " + column + " when 'LOW' then 1 when 'MEDIUM' then 2 when 'HIGH' then 3 else 4 end";
        }
    }

    /** OPEN until done or cancelled; either may be reopened. */
    public enum Status {
        OPEN, DONE, CANCELLED;

        boolean mayBecome(Status next) {
            return switch (this) {
                case OPEN -> next == DONE || next == CANCELLED;
                case DONE, CANCELLED -> next == OPEN;
            };
        }

        boolean closed() {
            return Set.of(DONE, CANCELLED).contains(this);
        }
    }
}
