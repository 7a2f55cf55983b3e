package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes outgoing messages into the delivery log, in the transaction of the event that caused them
 * (which must be running): one row per channel, rendered from the purpose's template on that
 * channel. A message that is not to go on a channel is written too, as SKIPPED with the reason (no
 * template, no address, opted out), so the log says why nothing went. Each (purpose, source event,
 * address, channel) is written once, however often the event arrives. SMS and WhatsApp written
 * during quiet hours wait for the morning ({@code not_before}). The senders drain the log.
 */
@Service
public class Deliveries {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliverySettings settings;

    Deliveries(JdbcClient jdbc, Clock clock, DeliverySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** A template as the log renders it. */
    record Template(UUID id, String subject, String body, String providerTemplateId, String language,
            String variableOrder) {
    }

    /** Writes the message's rows (none twice); returns how many rows are QUEUED to be sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int queue(OutgoingMessage message) {
        Instant now = clock.instant();
        boolean mandatory = jdbc.sql("select count(*) from mandatory_purpose where purpose = :p")
                .param("p", message.purpose().name()).query(Long.class).single() > 0;
        int queued = 0;
        for (Channel channel : message.channels()) {
            String address = message.recipient().addressOn(channel);
            Optional<Template> template = template(message.purpose(), channel);
            String status = "QUEUED";
            String reason = null;
            String subject = null;
            String body = null;
            if (address == null) {
                status = "SKIPPED";
                reason = channel == Channel.EMAIL ? "no e-mail address" : "no phone number";
            } else if (template.isEmpty()) {
                status = "SKIPPED";
                reason = "no active " + channel + " template for " + message.purpose();
            } else if (!mandatory && optedOut(message.recipient(), address, channel, message.purpose())) {
                status = "SKIPPED";
                reason = "the recipient opted out of " + message.purpose() + " on " + channel;
            } else {
                try {
                    body = render(template.get().body(), message.variables());
                    subject = template.get().subject() == null ? null
                            : render(template.get().subject(), message.variables());
                } catch (IllegalArgumentException e) {
                    status = "SKIPPED";
                    reason = e.getMessage();
                }
            }
            Instant notBefore = channel.isQuiet() ? afterQuietHours(now) : now;
            int inserted = jdbc.sql("""
                    insert into delivery (id, purpose, source_event_id, channel, recipient_user_id, recipient_kind,
                                          recipient_name, address, template_id, provider_template_id, language,
                                          variable_order, subject, body, variables, related_key, status,
                                          status_reason, not_before, next_attempt_at, created_at, updated_at)
                    values (:id, :purpose, :source, :channel, :user, :kind, :name, :address, :template,
                            :providerTemplate, :language, :order, :subject, :body, cast(:variables as jsonb),
                            :related, :status, :reason, :notBefore, :notBefore, :now, :now)
                    on conflict (purpose, source_event_id, address, channel) do nothing""")
                    .param("id", UuidV7.next()).param("purpose", message.purpose().name())
                    .param("source", message.sourceEventId()).param("channel", channel.name())
                    .param("user", message.recipient().userId()).param("kind", message.recipient().kind().name())
                    .param("name", truncate(message.recipient().name(), 200))
                    .param("address", address == null ? "" : address)
                    .param("template", template.map(Template::id).orElse(null))
                    .param("providerTemplate", template.map(Template::providerTemplateId).orElse(null))
                    .param("language", template.map(Template::language).orElse(null))
                    .param("order", template.map(Template::variableOrder).orElse(null))
                    .param("subject", truncate(subject, 300)).param("body", truncate(body, 4000))
                    .param("variables", JSON.writeValueAsString(message.variables()))
                    .param("related", message.relatedKey()).param("status", status)
                    .param("reason", truncate(reason, 500))
                    .param("notBefore", Timestamp.from(notBefore)).param("now", Timestamp.from(now))
                    .update();
            if (inserted == 1 && status.equals("QUEUED")) {
                queued++;
            }
        }
        return queued;
    }

    /**
     * Cancels what is still waiting for a reason that went away (an installment paid, an absence
     * corrected); returns how many rows were cancelled. What was already sent stays as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(String relatedKey, String reason) {
        return jdbc.sql("""
                update delivery set status = 'CANCELLED', status_reason = :reason, updated_at = :now
                 where related_key = :key and status = 'QUEUED'""")
                .param("reason", truncate(reason, 500)).param("now", Timestamp.from(clock.instant()))
                .param("key", relatedKey).update();
    }

    /** The earliest time from {@code now} outside the quiet hours, in the institute's zone. */
    Instant afterQuietHours(Instant now) {
        ZonedDateTime local = now.atZone(settings.zone());
        LocalTime time = local.toLocalTime();
        LocalTime from = settings.quietFrom();
        LocalTime until = settings.quietUntil();
        boolean quiet = from.isAfter(until)
                ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime morning = local.with(until);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return morning.toInstant();
    }

    /**
     * The text with every {{name}} replaced by its value; a variable the template names and the
     * message lacks leaves the message unsent (an SMS must match its registered text exactly).
     */
    static String render(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the template needs the variable " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Optional<Template> template(Purpose purpose, Channel channel) {
        return jdbc.sql("""
                select id, subject, body, provider_template_id, language, variables from message_template
                 where purpose = :p and channel = :c and active""")
                .param("p", purpose.name()).param("c", channel.name())
                .query((rs, row) -> new Template(rs.getObject("id", UUID.class), rs.getString("subject"),
                        rs.getString("body"), rs.getString("provider_template_id"), rs.getString("language"),
                        rs.getString("variables")))
                .optional();
    }

    private boolean optedOut(Recipient recipient, String address, Channel channel, Purpose purpose) {
        return jdbc.sql("""
                select count(*) from message_opt_out
                 where channel = :c and purpose = :p and (user_id = cast(:user as uuid) or address = :address)""")
                .param("c", channel.name()).param("p", purpose.name()).param("user", recipient.userId())
                .param("address", address).query(Long.class).single() > 0;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
