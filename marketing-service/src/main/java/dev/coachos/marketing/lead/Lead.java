package dev.coachos.marketing.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead as staff read it: who, how to reach them, where it stands and when it is next followed
 * up ({@code overdue} once that time has passed while the lead is open), and, once converted, the
 * student and enrollment it became.
 */
public record Lead(UUID id, String name, String phone, String email, Source source, UUID courseId,
        String courseInterest, UUID branchId, UUID campaignId, UUID assigneeId, Stage stage, String lostReason,
        Instant nextFollowUpAt, boolean overdue, String notes, UUID studentId, UUID enrollmentId, Instant convertedAt,
        Instant createdAt, Instant updatedAt, int version) {

    static final String COLUMNS = "l.id, l.name, l.phone, l.email, l.source, l.course_id, l.course_interest, "
            + "l.branch_id, l.campaign_id, l.assignee_id, l.stage, l.lost_reason, l.next_follow_up_at, l.notes, "
            + "l.student_id, l.enrollment_id, l.converted_at, l.created_at, l.updated_at, l.version";

    public boolean isOpen() {
        return stage.isOpen();
    }

    /** A row of {@link #COLUMNS}, judged overdue against {@code now}. */
    static Lead read(ResultSet rs, Instant now) throws SQLException {
        Stage stage = Stage.valueOf(rs.getString("stage"));
        Instant followUp = instant(rs.getTimestamp("next_follow_up_at"));
        return new Lead(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), Source.valueOf(rs.getString("source")), rs.getObject("course_id", UUID.class),
                rs.getString("course_interest"), rs.getObject("branch_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("assignee_id", UUID.class), stage,
                rs.getString("lost_reason"), followUp, stage.isOpen() && followUp != null && followUp.isBefore(now),
                rs.getString("notes"), rs.getObject("student_id", UUID.class),
                rs.getObject("enrollment_id", UUID.class), instant(rs.getTimestamp("converted_at")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
