package dev.coachos.marketing.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** One thing that happened with a lead, newest first in its history. */
public record Activity(UUID id, UUID leadId, ActivityType type, String notes, Stage fromStage, Stage toStage,
        Instant occurredAt, UUID recordedBy, Instant recordedAt) {

    static final String COLUMNS = "a.id, a.lead_id, a.type, a.notes, a.from_stage, a.to_stage, a.occurred_at, "
            + "a.recorded_by, a.recorded_at";

    static Activity read(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_stage");
        String to = rs.getString("to_stage");
        return new Activity(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
                ActivityType.valueOf(rs.getString("type")), rs.getString("notes"),
                from == null ? null : Stage.valueOf(from), to == null ? null : Stage.valueOf(to),
                rs.getTimestamp("occurred_at").toInstant(), rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
