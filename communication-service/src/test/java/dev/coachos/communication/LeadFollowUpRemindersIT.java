package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.events.marketing.LeadCreated;
import dev.coachos.events.marketing.LeadFollowUpDue;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.PublishedEvent;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.TestKafka;

/**
 * A lead's assignee is reminded of its follow-up from marketing-service's LeadFollowUpDue: once
 * however often the event arrives, in the institute's time zone, seen by the assignee only.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.MARKETING, Topics.MARKETING + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class LeadFollowUpRemindersIT extends ServiceIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void theAssigneeIsRemindedOnceAndNobodyElseSeesIt() {
        UUID assignee = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        String due = PublishedEvent.json("LeadFollowUpDue", new LeadFollowUpDue(lead.toString(), "Asha Verma",
                "+919876543210", null, assignee.toString(), "CONTACTED", "2026-12-02T10:00:00Z"));
        send(lead, due);
        send(lead, due);
        // Another of marketing-service's events passes by.
        send(lead, PublishedEvent.json("LeadCreated", leadCreated(lead, assignee)));
        // A later record on the (one) partition shows every copy before it was seen.
        UUID probeAssignee = UUID.randomUUID();
        UUID probeLead = UUID.randomUUID();
        send(probeLead, PublishedEvent.json("LeadFollowUpDue", new LeadFollowUpDue(probeLead.toString(), "Probe",
                null, null, probeAssignee.toString(), "NEW", "2026-12-03T04:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(probeAssignee) == 1);

        Response mine = api.get("/api/v1/notifications", KEYS.token().subject(assignee).sign());
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(mine.json().path("content")).singleElement().satisfies(n -> {
            assertThat(n.path("title").asString()).isEqualTo("Lead follow-up due");
            // 10:00 UTC is 15:30 in Asia/Kolkata.
            assertThat(n.path("message").asString())
                    .isEqualTo("Follow up with Asha Verma (+919876543210): due 2 Dec 2026, 15:30");
            assertThat(n.path("type").asString()).isEqualTo("REMINDER");
            assertThat(n.path("link").asString()).isEqualTo("/leads/" + lead);
        });
        assertThat(total(someoneElse)).isZero();
        assertThat(api.get("/api/v1/notifications", KEYS.token().subject(probeAssignee).sign()).json()
                .path("content").get(0).path("message").asString())
                .isEqualTo("Follow up with Probe: due 3 Dec 2026, 09:30");
    }

    private static LeadCreated leadCreated(UUID lead, UUID assignee) {
        return new LeadCreated(lead.toString(), "Asha Verma", "+919876543210", "asha@example.test", "WEBSITE", null,
                null, assignee.toString(), null, "JEE Main", "2026-12-01T10:00:00Z");
    }

    /** Keyed by the lead, as marketing-service keys its events. */
    private void send(UUID lead, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.MARKETING, lead.toString(), value);
    }

    private int total(UUID user) {
        return api.get("/api/v1/notifications", KEYS.token().subject(user).sign()).json().path("page")
                .path("totalElements").asInt();
    }
}
