package dev.coachos.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.KafkaProcess;

/**
 * The broker killed mid-stream and down longer than a send may wait: sends fail, the relay keeps
 * what was not acknowledged and tries again with back-off, and once the broker is back every event
 * arrives, in commit order per aggregate. Events the broker wrote without answering before it died
 * arrive twice (at least once is the contract; consumers apply an event id once), never more than
 * one batch of them.
 */
@TestPropertySource(properties = {"coachos.outbox.send-timeout=2s", "coachos.outbox.max-backoff=1s"})
class OutboxBrokerOutageIT extends BrokerFailureScenario {

    static final KafkaProcess KAFKA = KafkaProcess.start();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrap);
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Test
    void aBrokerDownLongerThanASendLosesNothingAndKeepsOrder() throws Exception {
        Outcome outcome = killMidStream(KAFKA, () -> await().atMost(Duration.ofMinutes(2)).until(this::aSendFailed));

        assertThat(outcome.publishedAtTheCrash()).as("the broker died mid-stream").isLessThan(TOTAL);
        assertThat(outcome.eventIds()).as("nothing lost").hasSize(TOTAL);
        assertThat(outcome.records().size() - TOTAL).as("sent again: only what was in flight at the crash")
                .isLessThanOrEqualTo(500);
        assertThat(outcome.firstArrivals()).as("commit order per aggregate").isEqualTo(outcome.committed());
    }
}
