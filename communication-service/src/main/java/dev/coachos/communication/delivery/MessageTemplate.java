package dev.coachos.communication.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template for one purpose on one channel: the body (and e-mail subject) with {{variables}}, the
 * provider's template id (DLT id for SMS, approved name for WhatsApp) and language, and the
 * variables' order for providers that take positional parameters.
 */
public record MessageTemplate(UUID id, Purpose purpose, Channel channel, String subject, String body,
        String providerTemplateId, String language, List<String> variables, boolean active, UUID updatedBy,
        Instant updatedAt, int version) {

    static final String COLUMNS = """
            id, purpose, channel, subject, body, provider_template_id, language, variables, active, updated_by,
            updated_at, version""";

    static MessageTemplate readRow(ResultSet rs, int row) throws SQLException {
        return new MessageTemplate(rs.getObject("id", UUID.class), Purpose.valueOf(rs.getString("purpose")),
                Channel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("body"),
                rs.getString("provider_template_id"), rs.getString("language"),
                DeliverySender.variableNames(rs.getString("variables")), rs.getBoolean("active"),
                rs.getObject("updated_by", UUID.class), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
