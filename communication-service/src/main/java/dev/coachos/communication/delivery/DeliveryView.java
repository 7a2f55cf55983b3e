package dev.coachos.communication.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the delivery log as the API shows it: the rendered message, where it went, its status
 * and why. Never a provider's key: the log holds none.
 */
public record DeliveryView(UUID id, Purpose purpose, Channel channel, String status, String statusReason,
        UUID recipientUserId, String recipientKind, String recipientName, String address, UUID templateId,
        String subject, String body, int attempts, String lastError, String provider, String providerId,
        Instant notBefore, Instant createdAt, Instant sentAt, Instant deliveredAt, Instant failedAt) {

    static final String COLUMNS = """
            d.id, d.purpose, d.channel, d.status, d.status_reason, d.recipient_user_id, d.recipient_kind,
            d.recipient_name, d.address, d.template_id, d.subject, d.body, d.attempts, d.last_error, d.provider,
            d.provider_id, d.not_before, d.created_at, d.sent_at, d.delivered_at, d.failed_at""";

    static DeliveryView readRow(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getObject("id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                Channel.valueOf(rs.getString("channel")), rs.getString("status"), rs.getString("status_reason"),
                rs.getObject("recipient_user_id", UUID.class), rs.getString("recipient_kind"),
                rs.getString("recipient_name"), rs.getString("address"), rs.getObject("template_id", UUID.class),
                rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("provider"), rs.getString("provider_id"), instant(rs.getTimestamp("not_before")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("failed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
