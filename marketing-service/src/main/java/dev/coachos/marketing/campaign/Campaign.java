package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign of a branch, or of head office when {@code branchId} is null, with what has been spent
 * on it ({@code spendTotal}: every entry, reversals included, and finance's counted, non-reversed
 * expenses naming it) and how many leads name it
 * ({@code leadCount}, in every branch).
 */
public record Campaign(UUID id, String name, Channel channel, Status status, BigDecimal budget, LocalDate startDate,
        LocalDate endDate, String targetAudience, UUID branchId, UUID createdBy, Instant createdAt, Instant updatedAt,
        int version, BigDecimal spendTotal, long leadCount) {

    static final String COLUMNS = "c.id, c.name, c.channel, c.status, c.budget, c.start_date, c.end_date, "
            + "c.target_audience, c.branch_id, c.created_by, c.created_at, c.updated_at, c.version, "
            + "(select coalesce(sum(s.amount), 0) from campaign_spend s where s.campaign_id = c.id) "
            + "+ (select coalesce(sum(e.amount), 0) from campaign_expense e "
            + "where e.campaign_id = c.id and e.counted and not e.reversed) as spend_total, "
            + "(select count(*) from lead l where l.campaign_id = c.id) as lead_count";

    static Campaign read(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("name"),
                Channel.valueOf(rs.getString("channel")), Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("budget"), date(rs.getDate("start_date")), date(rs.getDate("end_date")),
                rs.getString("target_audience"), rs.getObject("branch_id", UUID.class),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                Figures.money(rs.getBigDecimal("spend_total")), rs.getLong("lead_count"));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    Optional<UUID> branch() {
        return Optional.ofNullable(branchId);
    }

    /**
     * Where a campaign is: DRAFT → SCHEDULED → ACTIVE ↔ PAUSED → COMPLETED, and DRAFT → ACTIVE at
     * once. An ACTIVE or PAUSED campaign may be COMPLETED; a COMPLETED one is closed.
     */
    public enum Status {
        DRAFT, SCHEDULED, ACTIVE, PAUSED, COMPLETED;

        boolean mayBecome(Status next) {
            return switch (this) {
                case DRAFT -> next == SCHEDULED || next == ACTIVE;
                case SCHEDULED -> next == ACTIVE;
                case ACTIVE -> next == PAUSED || next == COMPLETED;
                case PAUSED -> next == ACTIVE || next == COMPLETED;
                case COMPLETED -> false;
            };
        }
    }
}
