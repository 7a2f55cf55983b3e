package dev.coachos.communication.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains the delivery log. Each round first fails the SENDING rows whose lease ran out (a crash
 * between a provider's answer and our commit: they may have gone, so they are never sent again),
 * then claims due QUEUED rows with {@code FOR UPDATE SKIP LOCKED} (SENDING, a lease, one more
 * attempt), commits the claim, and only then calls the providers. A provider that took a message
 * makes it SENT; one that surely did not puts it back in the queue with exponential back-off, until
 * the attempts run out (FAILED); one that may have taken it makes it FAILED "outcome unknown".
 */
@Component
public class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int BATCH = 50;
    /** Longer than any provider call may take (connect and read timeouts), so a live claim never expires. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final String OUTCOME_UNKNOWN = "outcome unknown";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeliverySettings settings;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final LogSender logSender;

    DeliverySender(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, DeliverySettings settings,
            List<ChannelSender> senders, LogSender logSender) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
        this.logSender = logSender;
        for (ChannelSender sender : senders) {
            this.senders.put(sender.channel(), sender);
        }
        for (Channel channel : Channel.values()) {
            ChannelSender sender = this.senders.get(channel);
            log.info("{} deliveries go {}", channel,
                    sender != null && sender.configured() ? "through " + sender.getClass().getSimpleName()
                            : "to the application log (no provider configured)");
        }
    }

    @Scheduled(fixedDelayString = "${coachos.delivery.sweep-interval:PT2S}",
            initialDelayString = "${coachos.delivery.sweep-interval:PT2S}")
    void sweep() {
        try {
            int handled;
            do {
                handled = drainOnce();
            } while (handled == BATCH);
        } catch (RuntimeException e) {
            log.warn("Delivery sweep failed: {}", e.toString());
        }
    }

    /**
     * One round: expired claims failed, then up to one batch claimed and sent, up to
     * {@code concurrency} sends at once (a provider answering in 50 ms would otherwise cap the log at
     * 20 messages a second); returns how many were sent or tried. Each send records its own outcome.
     */
    public int drainOnce() {
        failExpiredClaims();
        List<Claimed> claimed = claim();
        if (claimed.size() <= 1) {
            claimed.forEach(this::sendAndRecord);
            return claimed.size();
        }
        Semaphore slots = new Semaphore(settings.concurrency());
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Claimed row : claimed) {
                slots.acquireUninterruptibly();
                sends.submit(() -> {
                    try {
                        sendAndRecord(row);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return claimed.size();
    }

    private void sendAndRecord(Claimed row) {
        try {
            record(row, send(row.message()));
        } catch (RuntimeException e) {
            // The claim stays SENDING: when its lease runs out it is FAILED (outcome unknown), never resent.
            log.warn("Delivery {} could not be recorded after its send: {}", row.message().id(), e.toString());
        }
    }

    private record Claimed(ChannelSender.Message message, int attempts) {
    }

    /** A SENDING row whose lease ran out may have reached the provider: it is FAILED, never resent. */
    int failExpiredClaims() {
        Integer failed = transactions.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            return jdbc.sql("""
                    update delivery set status = 'FAILED', failed_at = :now, updated_at = :now, lease_until = null,
                           last_error = :error
                     where id in (select id from delivery where status = 'SENDING' and lease_until < :now
                                   for update skip locked)""")
                    .param("now", now)
                    .param("error", OUTCOME_UNKNOWN + ": the send was interrupted before its result was recorded; "
                            + "it is not sent again")
                    .update();
        });
        if (failed != null && failed > 0) {
            log.warn("{} deliveries were interrupted while sending: FAILED (outcome unknown), not sent again", failed);
        }
        return failed == null ? 0 : failed;
    }

    private List<Claimed> claim() {
        List<Claimed> claimed = transactions.execute(status -> {
            Instant now = clock.instant();
            return jdbc.sql("""
                    update delivery d set status = 'SENDING', attempts = d.attempts + 1, lease_until = :lease,
                           updated_at = :now
                      from (select id from delivery
                             where status = 'QUEUED' and next_attempt_at <= :now and not_before <= :now
                             order by next_attempt_at, id
                             limit :batch
                             for update skip locked) due
                     where d.id = due.id
                    returning d.id, d.purpose, d.channel, d.address, d.recipient_name, d.subject, d.body,
                              d.variables::text as variables, d.attempts, d.provider_template_id, d.language,
                              d.variable_order""")
                    .param("lease", Timestamp.from(now.plus(LEASE))).param("now", Timestamp.from(now))
                    .param("batch", BATCH)
                    .query((rs, row) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("purpose"),
                            rs.getString("channel"), rs.getString("address"), rs.getString("recipient_name"),
                            rs.getString("subject"), rs.getString("body"), rs.getString("variables"),
                            rs.getInt("attempts"), rs.getString("provider_template_id"), rs.getString("language"),
                            rs.getString("variable_order")})
                    .list().stream().map(this::claimed).toList();
        });
        return claimed == null ? List.of() : claimed;
    }

    /** A claimed row as its sender needs it: the template's provider id and variables as they were at rendering. */
    private Claimed claimed(Object[] row) {
        String providerTemplateId = (String) row[9];
        String language = (String) row[10];
        List<String> order = variableNames((String) row[11]);
        Map<String, String> variables = JSON.readValue((String) row[7], new TypeReference<LinkedHashMap<String, String>>() {
        });
        ChannelSender.Message message = new ChannelSender.Message((UUID) row[0], Purpose.valueOf((String) row[1]),
                Channel.valueOf((String) row[2]), (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                variables, providerTemplateId, language, order);
        return new Claimed(message, (Integer) row[8]);
    }

    static List<String> variableNames(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private ChannelSender.Outcome send(ChannelSender.Message message) {
        ChannelSender sender = senders.get(message.channel());
        try {
            return sender != null && sender.configured() ? sender.send(message) : logSender.send(message);
        } catch (RuntimeException e) {
            // A fault of ours before or while asking: whether the request left is not known.
            log.warn("Delivery {} failed unexpectedly: {}", message.id(), e.getClass().getSimpleName());
            return new ChannelSender.Unknown(OUTCOME_UNKNOWN + ": the send failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void record(Claimed row, ChannelSender.Outcome outcome) {
        try {
            write(row, outcome);
        } catch (DuplicateKeyException e) {
            // The provider's id is already another delivery's (it should never be): keep the send, drop the id.
            log.warn("Delivery {}: the provider's id is already recorded for another delivery", row.message().id());
            ChannelSender.Sent sent = (ChannelSender.Sent) outcome;
            write(row, new ChannelSender.Sent(sent.provider(), null));
        }
    }

    private void write(Claimed row, ChannelSender.Outcome outcome) {
        UUID id = row.message().id();
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            switch (outcome) {
                case ChannelSender.Sent sent -> {
                    // A provider status may have come first (the webhook knows our id): then only the ids are filled in.
                    int updated = jdbc.sql("""
                            update delivery set status = 'SENT', provider = :provider, provider_id = :providerId,
                                   sent_at = :now, lease_until = null, last_error = null, updated_at = :now
                             where id = :id and status = 'SENDING'""")
                            .param("provider", sent.provider()).param("providerId", sent.providerId())
                            .param("now", now).param("id", id).update();
                    if (updated == 0) {
                        jdbc.sql("""
                                update delivery set provider = :provider,
                                       provider_id = coalesce(provider_id, :providerId),
                                       sent_at = coalesce(sent_at, :now), lease_until = null, updated_at = :now
                                 where id = :id""")
                                .param("provider", sent.provider()).param("providerId", sent.providerId())
                                .param("now", now).param("id", id).update();
                    }
                }
                case ChannelSender.Refused refused -> {
                    if (row.attempts() >= settings.maxAttempts()) {
                        jdbc.sql("""
                                update delivery set status = 'FAILED', last_error = :error, failed_at = :now,
                                       lease_until = null, updated_at = :now
                                 where id = :id and status = 'SENDING'""")
                                .param("error", cut(refused.error())).param("now", now).param("id", id).update();
                    } else {
                        Duration wait = backoff(row.attempts());
                        jdbc.sql("""
                                update delivery set status = 'QUEUED', last_error = :error, next_attempt_at = :next,
                                       lease_until = null, updated_at = :now
                                 where id = :id and status = 'SENDING'""")
                                .param("error", cut(refused.error())).param("next", Timestamp.from(now.toInstant().plus(wait)))
                                .param("now", now).param("id", id).update();
                    }
                }
                case ChannelSender.Unknown unknown -> jdbc.sql("""
                        update delivery set status = 'FAILED', last_error = :error, failed_at = :now,
                               lease_until = null, updated_at = :now
                         where id = :id and status = 'SENDING'""")
                        .param("error", cut(unknown.error())).param("now", now).param("id", id).update();
            }
        });
    }

    /** The wait after the given attempt failed: first-backoff, doubled after each further failure. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        return settings.firstBackoff().multipliedBy(1L << doublings);
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }
}
