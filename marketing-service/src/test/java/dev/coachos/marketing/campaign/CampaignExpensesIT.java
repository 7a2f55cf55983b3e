package dev.coachos.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * finance's expenses naming a campaign, each event delivered twice, and the campaign's spend: the
 * spend entered here plus the counted expenses. A counted expense adds to it at once, one waiting
 * for approval only when ExpenseApproved arrives, a reversed one no longer; one naming a campaign
 * not known here is kept, one naming no campaign is not.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.FINANCE, Topics.FINANCE + ".dlt", Topics.IDENTITY,
        Topics.IDENTITY + ".dlt", Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
class CampaignExpensesIT extends CampaignTestBase {

    private static final String NOVEMBER = "/api/v1/campaigns/report?from=2026-11-01&to=2026-11-30";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void countedExpensesOfACampaignAreItsSpendTooAndPendingOnesOnlyOnceApproved() {
        UUID delhi = UUID.randomUUID();
        UUID diwali = campaign("Diwali hoardings", "PRINT", delhi);
        spend(diwali, "1000.00", "2026-11-05");
        UUID counted = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID mistaken = UUID.randomUUID();
        UUID december = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        UUID unknownCampaign = UUID.randomUUID();
        UUID noCampaign = UUID.randomUUID();

        twice(recorded(counted, diwali, "2500.00", "2026-11-10", "COUNTED"));
        twice(recorded(pending, diwali, "30000.00", "2026-11-12", "PENDING_APPROVAL"));
        twice(recorded(mistaken, diwali, "400.00", "2026-11-14", "COUNTED"));
        twice(envelope("ExpenseReversed", """
                {"expenseId":"%s","branchId":"%s","campaignId":"%s","amount":"400.00","reason":"entered twice",
                 "reversedBy":"%s","reversedAt":"2026-11-15T09:00:00Z"}""".formatted(mistaken, delhi, diwali,
                UUID.randomUUID())));
        twice(recorded(december, diwali, "700.00", "2026-12-01", "COUNTED"));
        twice(recorded(elsewhere, unknownCampaign, "900.00", "2026-11-11", "COUNTED"));
        twice(recorded(noCampaign, null, "800.00", "2026-11-11", "COUNTED"));
        applied(UUID.randomUUID());

        assertThat(count("select count(*) from campaign_expense where expense_id = ?", elsewhere)).isEqualTo(1);
        assertThat(count("select count(*) from campaign_expense where expense_id = ?", noCampaign)).isZero();
        assertThat(count("select count(*) from campaign_expense where campaign_id = ?", diwali)).isEqualTo(4);
        // November: 1000.00 entered + 2500.00 counted; the pending 30000.00 and the reversed 400.00 do not count.
        assertThat(spendIn(diwali)).isEqualTo(new BigDecimal("3500.00"));
        // Every day: December's 700.00 too.
        assertThat(spendTotal(diwali)).isEqualTo(new BigDecimal("4200.00"));

        twice(envelope("ExpenseApproved", """
                {"expenseId":"%s","branchId":"%s","campaignId":"%s","category":"MARKETING","amount":"30000.00",
                 "spentOn":"2026-11-12","approvedBy":"%s","approvedAt":"2026-11-13T09:00:00Z"}""".formatted(pending,
                delhi, diwali, UUID.randomUUID())));
        applied(UUID.randomUUID());
        assertThat(spendIn(diwali)).isEqualTo(new BigDecimal("33500.00"));
        assertThat(spendTotal(diwali)).isEqualTo(new BigDecimal("34200.00"));

        // The approved one reversed later leaves the spend again.
        twice(envelope("ExpenseReversed", """
                {"expenseId":"%s","branchId":"%s","campaignId":"%s","amount":"30000.00","reason":"refunded",
                 "reversedBy":"%s","reversedAt":"2026-11-20T09:00:00Z"}""".formatted(pending, delhi, diwali,
                UUID.randomUUID())));
        applied(UUID.randomUUID());
        assertThat(spendIn(diwali)).isEqualTo(new BigDecimal("3500.00"));
        assertThat(count("select count(*) from processed_event where consumer = 'marketing.payments'"))
                .as("each event applied once; the one naming no campaign is not kept").isEqualTo(11);
    }

    private BigDecimal spendIn(UUID campaign) {
        Response report = api.get(NOVEMBER, director);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonNode row = decimals(report).path("campaigns").valueStream()
                .filter(r -> r.path("campaignId").asString().equals(campaign.toString())).findFirst().orElseThrow();
        return decimal(row, "spend");
    }

    private BigDecimal spendTotal(UUID campaign) {
        Response got = api.get("/api/v1/campaigns/" + campaign, director);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return decimal(decimals(got), "spendTotal");
    }

    /** Sends one more expense (its own campaign) and waits for it: every record before it was applied. */
    private void applied(UUID probe) {
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, probe.toString(),
                recorded(probe, UUID.randomUUID(), "1.00", "2026-10-01", "COUNTED"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from campaign_expense where expense_id = ?", probe) == 1);
    }

    private static String recorded(UUID expense, UUID campaign, String amount, String spentOn, String status) {
        return envelope("ExpenseRecorded", """
                {"expenseId":"%s","branchId":"%s","campaignId":%s,"category":"MARKETING","title":"Hoardings",
                 "amount":"%s","spentOn":"%s","status":"%s","recordedBy":"%s","recordedAt":"2026-11-10T06:00:00Z"}"""
                .formatted(expense, UUID.randomUUID(), campaign == null ? "null" : "\"" + campaign + "\"", amount,
                        spentOn, status, UUID.randomUUID()));
    }

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
