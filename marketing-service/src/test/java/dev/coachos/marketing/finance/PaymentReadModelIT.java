package dev.coachos.marketing.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.marketing.MarketingTestBase;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments from finance's events, each delivered twice: a payment is kept once however often it is
 * reported, a reversal marks it, and the campaign report counts only what was not reversed.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.FINANCE, Topics.FINANCE + ".dlt", Topics.IDENTITY,
        Topics.IDENTITY + ".dlt", Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
class PaymentReadModelIT extends MarketingTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void paymentsAreKeptOnceAndReversalsMarkThemOutOfTheFeesCollected() {
        UUID student = UUID.randomUUID();
        UUID bounced = UUID.randomUUID();
        UUID kept = UUID.randomUUID();

        String received = received(bounced, student, "5000.00", "2026-11-20T06:00:00Z");
        twice(received);
        // Another event about the same payment (a different amount) changes nothing.
        twice(received(bounced, student, "9999.00", "2026-11-21T06:00:00Z"));
        twice(envelope("PaymentReversed", """
                {"paymentId":"%s","receiptId":"%s","studentId":"%s","branchId":null,"planId":"%s","amount":"5000.00",
                 "reason":"cheque bounced: insufficient funds","bounceCharge":"500.00",
                 "reversedAt":"2026-11-25T09:15:00Z"}""".formatted(bounced, UUID.randomUUID(), student,
                UUID.randomUUID())));
        twice(received(kept, student, "1250.75", "2026-11-22T06:00:00Z"));
        twice(envelope("ReceiptCancelled", "{\"receiptId\":\"%s\"}".formatted(UUID.randomUUID())));
        // A later record on the (one) partition shows every copy before it was applied.
        UUID probe = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, probe.toString(),
                received(probe, UUID.randomUUID(), "1.00", "2026-11-23T06:00:00Z"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from payment_view where payment_id = ?", probe) == 1);

        assertThat(jdbc.queryForMap("select student_id, amount, received_at, reversed_at from payment_view where payment_id = ?",
                bounced)).isEqualTo(Map.of("student_id", student, "amount", new BigDecimal("5000.00"),
                        "received_at", Timestamp.from(Instant.parse("2026-11-20T06:00:00Z")),
                        "reversed_at", Timestamp.from(Instant.parse("2026-11-25T09:15:00Z"))));
        assertThat(jdbc.queryForMap("select amount, reversed_at from payment_view where payment_id = ?", kept))
                .containsEntry("amount", new BigDecimal("1250.75")).containsEntry("reversed_at", null);
        assertThat(count("select count(*) from payment_view where student_id = ?", student)).isEqualTo(2);
        assertThat(count("select count(*) from processed_event where consumer = 'marketing.payments'"))
                .as("five events applied, each once; the receipt cancellation is not kept").isEqualTo(5);

        // The student came from a converted lead: November's fees from them are the payment kept.
        Timestamp at = Timestamp.from(Instant.parse("2026-11-10T06:00:00Z"));
        jdbc.update("""
                insert into lead (id, name, phone, source, stage, student_id, converted_at, created_at, updated_at,
                                  stage_changed_at)
                values (?, 'Asha Verma', '+919810000001', 'WEBSITE', 'CONVERTED', ?, ?, ?, ?, ?)""",
                UUID.randomUUID(), student, at, at, at, at);
        Response report = api.get("/api/v1/campaigns/report?from=2026-11-01&to=2026-11-30", director);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode totals = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readTree(report.raw()).path("totals");
        assertThat(totals.path("feesCollected").decimalValue()).isEqualTo(new BigDecimal("1250.75"));
        assertThat(totals.path("conversions").asLong()).isEqualTo(1);
    }

    private static String received(UUID payment, UUID student, String amount, String at) {
        return envelope("PaymentReceived", """
                {"paymentId":"%s","receiptId":"%s","receiptNumber":"DEL/26-27/00042","studentId":"%s",
                 "branchId":null,"planId":"%s","amount":"%s","method":"CHEQUE","status":"RECEIVED",
                 "pendingAfter":"0.00","receivedAt":"%s"}""".formatted(payment, UUID.randomUUID(), student,
                UUID.randomUUID(), amount, at));
    }

    /** A new event (its own id) in finance-service's envelope. */
    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"finance-service","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type,
                payload);
    }

    /** The same record twice, as a redelivery would bring it. */
    private void twice(String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, "key", value);
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, "key", value);
    }
}
