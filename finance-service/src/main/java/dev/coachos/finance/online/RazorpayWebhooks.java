package dev.coachos.finance.online;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.platform.web.Problems;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Razorpay's webhook deliveries: checked, stored once by event id, answered at once; applied
 * afterwards by a background loop. Deliveries come at least once, for a day, in any order: a
 * repeated event id only counts a delivery, and applying a link's payment is itself once-only.
 */
@Service
public class RazorpayWebhooks {

    private static final Logger log = LoggerFactory.getLogger(RazorpayWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final RazorpaySettings settings;
    private final PaymentLinks links;
    private final TransactionTemplate transactions;
    /** A savepoint inside the claim's transaction: a failed apply rolls back to it and the attempt is still counted. */
    private final TransactionTemplate savepoint;
    private final Clock clock;

    RazorpayWebhooks(JdbcClient jdbc, RazorpaySettings settings, PaymentLinks links, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.links = links;
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * Takes a delivery: a bad or missing signature is refused with nothing stored; a good one is
     * stored (or, seen before, counted) and applied later.
     *
     * @return whether it was new
     */
    public boolean receive(byte[] body, String signature, String eventId) {
        if (settings.webhookSecret() == null) {
            throw Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.type("online-payment-off"),
                    "Online payment is not set up", "No webhook secret is configured (COACHOS_RAZORPAY_WEBHOOK_SECRET)");
        }
        if (!WebhookSignature.matches(body, signature, settings.webhookSecret())) {
            throw Problems.raise(HttpStatus.UNAUTHORIZED, Problems.type("bad-signature"), "Bad signature",
                    "X-Razorpay-Signature does not match the body");
        }
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw Problems.raise(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
                    "The webhook's body is not JSON");
        }
        String type = event.path("event").asString("");
        if (eventId == null || eventId.isBlank() || eventId.length() > 100) {
            throw Problems.invalidField("X-Razorpay-Event-Id", "is required (1 to 100 characters)");
        }
        if (type.isBlank() || type.length() > 60) {
            throw Problems.invalidField("event", "names no event type");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Boolean fresh = jdbc.sql("""
                insert into webhook_event (event_id, event_type, body, received_at, next_attempt_at)
                values (?, ?, ?, ?, ?)
                on conflict (event_id) do update set deliveries = webhook_event.deliveries + 1
                returning deliveries = 1""")
                .params(eventId, type, new String(body, StandardCharsets.UTF_8), now, now)
                .query(Boolean.class).single();
        return Boolean.TRUE.equals(fresh);
    }

    /** Applies stored events that are due, each in its own transaction, oldest first. */
    @Scheduled(fixedDelayString = "${coachos.razorpay.apply-every:PT1S}")
    public int applyPending() {
        int applied = 0;
        while (true) {
            List<String> due = jdbc.sql("""
                    select event_id from webhook_event where applied_at is null and next_attempt_at <= ?
                    order by received_at limit 20""").param(Timestamp.from(clock.instant())).query(String.class).list();
            if (due.isEmpty()) {
                return applied;
            }
            for (String id : due) {
                if (applyOne(id)) {
                    applied++;
                }
            }
        }
    }

    private boolean applyOne(String eventId) {
        record Stored(String type, String body, int attempts) {
        }
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // Skip locked: another instance is on it.
            Stored stored = jdbc.sql("""
                    select event_type, body, attempts from webhook_event
                    where event_id = ? and applied_at is null for update skip locked""").param(eventId)
                    .query((rs, n) -> new Stored(rs.getString("event_type"), rs.getString("body"), rs.getInt("attempts")))
                    .optional().orElse(null);
            if (stored == null) {
                return false;
            }
            Timestamp now = Timestamp.from(clock.instant());
            try {
                savepoint.executeWithoutResult(inner -> apply(stored.type(), JSON.readTree(stored.body())));
                jdbc.sql("update webhook_event set applied_at = ?, last_error = null where event_id = ?")
                        .params(now, eventId).update();
                return true;
            } catch (RuntimeException e) {
                int attempts = stored.attempts() + 1;
                Duration wait = Duration.ofSeconds(Math.min(3600, 1L << Math.min(attempts, 12)));
                String error = String.valueOf(e.getMessage());
                log.warn("Razorpay event {} ({}) not applied, attempt {}: {}", eventId, stored.type(), attempts, error);
                jdbc.sql("""
                        update webhook_event set attempts = ?, next_attempt_at = ?, last_error = ? where event_id = ?""")
                        .params(attempts, attempts >= MAX_ATTEMPTS ? Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"))
                                : Timestamp.from(clock.instant().plus(wait)),
                                error.length() > 500 ? error.substring(0, 500) : error, eventId)
                        .update();
                return false;
            }
        }));
    }

    private void apply(String type, JsonNode event) {
        JsonNode payload = event.path("payload");
        switch (type) {
            case "payment_link.paid" -> {
                JsonNode link = payload.path("payment_link").path("entity");
                JsonNode payment = payload.path("payment").path("entity");
                String linkId = link.path("id").asString(null);
                String paymentId = payment.path("id").asString(null);
                long amount = payment.path("amount").asLong(link.path("amount_paid").asLong());
                if (linkId == null || paymentId == null || amount <= 0) {
                    throw new IllegalArgumentException("payment_link.paid without the link's id, the payment's id or an amount");
                }
                links.paid(linkId, paymentId, amount);
            }
            case "payment_link.expired", "payment_link.cancelled" -> {
                String linkId = payload.path("payment_link").path("entity").path("id").asString(null);
                if (linkId != null) {
                    links.closed(linkId, type.endsWith("expired") ? "EXPIRED" : "CANCELLED");
                }
            }
            default -> log.debug("Razorpay event {} is not one this service acts on", type);
        }
    }

    /**
     * Asks Razorpay about links still unpaid a while after they were made: a payment whose webhook
     * never came is recorded all the same.
     */
    @Scheduled(fixedDelayString = "${coachos.razorpay.reconcile-every:PT5M}",
            initialDelayString = "${coachos.razorpay.reconcile-every:PT5M}")
    public int reconcile() {
        if (!settings.linksConfigured()) {
            return 0;
        }
        Timestamp before = Timestamp.from(clock.instant().minus(settings.reconcileAfter()));
        List<String> pending = jdbc.sql("""
                select provider_link_id from payment_link
                where status = 'CREATED' and provider_link_id is not null and created_at <= ?
                  and (checked_at is null or checked_at <= ?)
                order by created_at limit 100""").params(before, before).query(String.class).list();
        int paid = 0;
        for (String linkId : pending) {
            try {
                Razorpay.Link link = links.fetch(linkId).orElse(null);
                jdbc.sql("update payment_link set checked_at = ? where provider_link_id = ?")
                        .params(Timestamp.from(clock.instant()), linkId).update();
                if (link == null) {
                    continue;
                }
                switch (link.status()) {
                    case "paid" -> {
                        for (Razorpay.LinkPayment p : link.payments()) {
                            if ("captured".equals(p.status()) && p.paymentId() != null && links.paid(linkId,
                                    p.paymentId(), p.amountPaise())) {
                                paid++;
                            }
                        }
                    }
                    case "expired" -> links.closed(linkId, "EXPIRED");
                    case "cancelled" -> links.closed(linkId, "CANCELLED");
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Razorpay link {} could not be reconciled: {}", linkId, e.getMessage());
            }
        }
        return paid;
    }
}
