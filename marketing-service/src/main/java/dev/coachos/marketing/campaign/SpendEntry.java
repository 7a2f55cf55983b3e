package dev.coachos.marketing.campaign;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of a campaign's spend. A reversal is a negative entry that names the entry it reverses
 * ({@code reverses}); the reversed entry names its reversal ({@code reversedBy}). Nothing is deleted.
 */
public record SpendEntry(UUID id, UUID campaignId, BigDecimal amount, LocalDate spentOn, String note, UUID reverses,
        UUID reversedBy, UUID recordedBy, Instant recordedAt) {

    static final String COLUMNS = "s.id, s.campaign_id, s.amount, s.spent_on, s.note, s.reverses, r.id as reversed_by, "
            + "s.recorded_by, s.recorded_at";

    static final String FROM = "campaign_spend s left join campaign_spend r on r.reverses = s.id";

    static SpendEntry read(ResultSet rs, int row) throws SQLException {
        return new SpendEntry(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getBigDecimal("amount"), rs.getDate("spent_on").toLocalDate(), rs.getString("note"),
                rs.getObject("reverses", UUID.class), rs.getObject("reversed_by", UUID.class),
                rs.getObject("recorded_by", UUID.class), rs.getTimestamp("recorded_at").toInstant());
    }
}
