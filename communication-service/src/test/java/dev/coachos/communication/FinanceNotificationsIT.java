package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * Students hear of their fee plan, payments, reversals and cancelled receipts from finance's
 * events: each event once however often it arrives, each student only their own, and a record
 * that can never be read set aside on the dead-letter topic.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.FINANCE, Topics.FINANCE + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class FinanceNotificationsIT extends ServiceIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aStudentHearsOfTheirPlanPaymentsAReversalAndACancelledReceiptOnceEach() {
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID upiReceipt = UUID.randomUUID();
        UUID chequeReceipt = UUID.randomUUID();

        twice(asha, envelope("FeePlanCreated", """
                {"planId":"%s","enrollmentId":"%s","studentId":"%s","branchId":null,"courseTitle":"JEE Physics",
                 "batchName":"Jan 2027","frequency":"MONTHLY","total":"185000.00","installments":10,
                 "firstDueDate":"2027-01-05"}""".formatted(plan, UUID.randomUUID(), asha)));
        twice(asha, received(upiReceipt, "DEL/26-27/00042", asha, "123456.00", "UPI", "CLEARED", "61544.00"));
        twice(asha, received(chequeReceipt, "DEL/26-27/00043", asha, "50000.00", "CHEQUE", "RECEIVED", "11544.00"));
        twice(asha, envelope("PaymentReversed", """
                {"paymentId":"%s","receiptId":"%s","studentId":"%s","branchId":null,"planId":"%s","amount":"50000.00",
                 "reason":"cheque bounced: insufficient funds","bounceCharge":"500.00",
                 "reversedAt":"2026-11-30T10:00:00Z"}""".formatted(UUID.randomUUID(), chequeReceipt, asha, plan)));
        twice(asha, envelope("ReceiptCancelled", """
                {"receiptId":"%s","receiptNumber":"DEL/26-27/00042","paymentId":"%s","studentId":"%s",
                 "branchId":null,"reason":"entered twice","cancelledAt":"2026-11-24T11:00:00Z"}"""
                .formatted(upiReceipt, UUID.randomUUID(), asha)));
        // Reminders are no notifications in the app (they go out on the channels), and a type this
        // service does not know passes by without harm.
        send(asha, envelope("InstallmentDue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"JEE Physics",
                 "dueDate":"2027-02-05","amount":"18500.00","pending":"18500.00"}"""
                .formatted(UUID.randomUUID(), plan, asha)));
        send(asha, envelope("InstallmentOverdue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"JEE Physics",
                 "dueDate":"2027-01-05","pending":"18500.00","daysOverdue":1,"level":1}"""
                .formatted(UUID.randomUUID(), plan, asha)));
        send(asha, envelope("RefundIssued", "{\"studentId\":\"%s\",\"amount\":\"100.00\"}".formatted(asha)));
        UUID raviReceipt = UUID.randomUUID();
        twice(ravi, received(raviReceipt, "DEL/26-27/00044", ravi, "18500.00", "CASH", "CLEARED", "0.00"));
        // A later record on the (one) partition shows every copy before it was seen.
        UUID probe = UUID.randomUUID();
        send(probe, received(UUID.randomUUID(), "DEL/26-27/00045", probe, "1.00", "CARD", "CLEARED", "0.00"));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(probe) == 1);

        Response ashas = api.get("/api/v1/notifications", KEYS.token().subject(asha).sign());
        assertThat(ashas.status()).isEqualTo(200);
        assertThat(ashas.json().path("page").path("totalElements").asInt()).isEqualTo(5);
        List<JsonNode> notes = ashas.json().path("content").valueStream().toList();
        assertThat(notes).map(n -> n.path("title").asString()).containsExactlyInAnyOrder("Your fee plan",
                "Payment received", "Payment received", "Payment reversed", "Receipt cancelled");
        assertThat(notes)
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Your fee plan");
                    assertThat(n.path("message").asString()).isEqualTo("Your fee plan for JEE Physics (batch Jan "
                            + "2027): ₹1,85,000.00 in 10 monthly installments; the first is due on 5 Jan 2027.");
                    assertThat(n.path("type").asString()).isEqualTo("INFO");
                    assertThat(n.path("link").asString()).isEqualTo("/fee-plans/" + plan);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("message").asString()).isEqualTo("We received ₹1,23,456.00 by UPI (receipt "
                            + "DEL/26-27/00042). Pending on your fee plan after it: ₹61,544.00.");
                    assertThat(n.path("type").asString()).isEqualTo("SUCCESS");
                    assertThat(n.path("link").asString()).isEqualTo("/receipts/" + upiReceipt);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Payment received");
                    assertThat(n.path("message").asString()).isEqualTo("Your cheque for ₹50,000.00 is received "
                            + "(receipt DEL/26-27/00043). It will count towards your fees when it clears; pending on "
                            + "your fee plan after it: ₹11,544.00.");
                    assertThat(n.path("type").asString()).isEqualTo("INFO");
                    assertThat(n.path("link").asString()).isEqualTo("/receipts/" + chequeReceipt);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Payment reversed");
                    assertThat(n.path("message").asString()).isEqualTo("Your payment of ₹50,000.00 was reversed: "
                            + "cheque bounced: insufficient funds. It no longer counts towards your fees. A bounce "
                            + "charge of ₹500.00 was added to your fee plan.");
                    assertThat(n.path("type").asString()).isEqualTo("WARNING");
                    assertThat(n.path("link").asString()).isEqualTo("/receipts/" + chequeReceipt);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Receipt cancelled");
                    assertThat(n.path("message").asString())
                            .isEqualTo("Receipt DEL/26-27/00042 was cancelled: entered twice.");
                    assertThat(n.path("link").asString()).isEqualTo("/receipts/" + upiReceipt);
                });
        assertThat(ashas.raw()).doesNotContain("DEL/26-27/00044");

        Response ravis = api.get("/api/v1/notifications", KEYS.token().subject(ravi).sign());
        assertThat(ravis.json().path("content")).singleElement().satisfies(n -> {
            assertThat(n.path("message").asString()).isEqualTo("We received ₹18,500.00 in cash (receipt "
                    + "DEL/26-27/00044). Nothing is pending on your fee plan now.");
            assertThat(n.path("link").asString()).isEqualTo("/receipts/" + raviReceipt);
        });
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
    }

    @Test
    void aPaymentThatCannotBeReadGoesToTheDeadLetterTopicAndThePaymentsAfterItAreTold() {
        UUID unreadable = UUID.randomUUID();
        send(unreadable, received(UUID.randomUUID(), "DEL/26-27/00050", unreadable, "five thousand", "CASH",
                "CLEARED", "0.00"));
        UUID noStudent = UUID.randomUUID();
        send(noStudent, envelope("ReceiptCancelled", """
                {"receiptId":"%s","receiptNumber":"DEL/26-27/00051","paymentId":"p","studentId":"not-a-user",
                 "reason":null}""".formatted(UUID.randomUUID())));
        UUID after = UUID.randomUUID();
        send(after, received(UUID.randomUUID(), "DEL/26-27/00052", after, "2500.00", "BANK_TRANSFER", "CLEARED",
                "2500.00"));

        await().atMost(Duration.ofSeconds(60)).until(() -> total(after) == 1);
        // Set aside once by each consumer group that reads payments: these notifications and the fee messages.
        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.FINANCE + ".dlt",
                unreadable.toString(), 2)).hasSize(2)
                .allSatisfy(value -> assertThat(value).contains("five thousand"));
        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.FINANCE + ".dlt",
                noStudent.toString(), 1)).singleElement().asString().contains("not-a-user");
        assertThat(total(unreadable)).isZero();
        assertThat(api.get("/api/v1/notifications", KEYS.token().subject(after).sign()).json().path("content")
                .get(0).path("message").asString()).isEqualTo("We received ₹2,500.00 by bank transfer (receipt "
                        + "DEL/26-27/00052). Pending on your fee plan after it: ₹2,500.00.");
    }

    private static String received(UUID receipt, String number, UUID student, String amount, String method,
            String status, String pendingAfter) {
        return envelope("PaymentReceived", """
                {"paymentId":"%s","receiptId":"%s","receiptNumber":"%s","studentId":"%s","branchId":null,
                 "planId":"%s","amount":"%s","method":"%s","status":"%s","pendingAfter":"%s",
                 "receivedAt":"2026-11-24T10:00:00Z"}""".formatted(UUID.randomUUID(), receipt, number, student,
                UUID.randomUUID(), amount, method, status, pendingAfter));
    }

    /** A new event (its own id) in finance-service's envelope. */
    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"finance-service","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type,
                payload);
    }

    /** The same record twice, as a redelivery would bring it. */
    private void twice(UUID student, String value) {
        send(student, value);
        send(student, value);
    }

    /** Keyed by the student, as finance-service keys its events. */
    private void send(UUID student, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, student.toString(), value);
    }

    private int total(UUID user) {
        return api.get("/api/v1/notifications", KEYS.token().subject(user).sign()).json().path("page")
                .path("totalElements").asInt();
    }
}
