package dev.coachos.communication;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The templates the delivery tests render, one per purpose on each channel, written into the test
 * database over whatever defaults it holds, so each test knows the text it expects.
 */
final class MessageTemplates {

    static final Map<String, String> BODIES = Map.of(
            "FEE_DUE", "Dear {{studentName}}, Rs. {{amount}} for {{courseTitle}} is due on {{dueDate}}.",
            "FEE_OVERDUE", "{{studentName}}: Rs. {{pending}} for {{courseTitle}} was due on {{dueDate}}, {{daysOverdue}} "
                    + "days ago (reminder {{level}}).",
            "ABSENCE_ALERT", "{{studentName}} was absent from {{batchName}} on {{date}}.",
            "ABSENCE_STREAK", "{{studentName}} has missed {{absences}} sessions of {{batchName}} in a row since "
                    + "{{since}}.",
            "PAYMENT_RECEIPT", "{{studentName}}, we received Rs. {{amount}} (receipt {{receiptNumber}}). Pending: "
                    + "Rs. {{pending}}.",
            "QUIZ_RESULT", "{{studentName}}: {{quizTitle}} {{score}} of {{maxScore}} ({{percent}}%).");

    private MessageTemplates() {
    }

    static void install(JdbcTemplate jdbc) {
        for (Map.Entry<String, String> template : BODIES.entrySet()) {
            for (String channel : new String[] {"EMAIL", "SMS", "WHATSAPP"}) {
                jdbc.update("""
                        insert into message_template (id, purpose, channel, subject, body, provider_template_id,
                                                      language, active, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, now())
                        on conflict (purpose, channel) do update set subject = excluded.subject, body = excluded.body,
                            provider_template_id = excluded.provider_template_id, language = excluded.language,
                            active = true""",
                        UUID.randomUUID(), template.getKey(), channel,
                        channel.equals("EMAIL") ? "Coaching Center" : null, template.getValue(),
                        channel.equals("EMAIL") ? null : "test-" + template.getKey().toLowerCase(),
                        channel.equals("WHATSAPP") ? "en" : null);
            }
        }
    }

    /** A new event (its own id) in a service's envelope. */
    static String envelope(String source, String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"%s","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, source, payload);
    }
}
