package dev.coachos.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.KafkaProcess;

/**
 * The broker killed mid-stream and back within the send timeout: the idempotent producer resends
 * what was in flight and the broker drops what it had already written, so every event arrives
 * exactly once, in commit order per aggregate.
 */
// Longer than a broker restart: the producer itself carries the batch over the outage.
@TestPropertySource(properties = "coachos.outbox.send-timeout=120s")
class OutboxBrokerCrashIT extends BrokerFailureScenario {

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
    void aBrokerKilledMidBatchAndStartedAgainLosesNothingAndDoublesNothing() throws Exception {
        Outcome outcome = killMidStream(KAFKA, () -> { });

        assertThat(outcome.publishedAtTheCrash()).as("the broker died mid-stream").isLessThan(TOTAL);
        assertThat(outcome.eventIds()).as("nothing lost").hasSize(TOTAL);
        assertThat(outcome.records()).as("nothing doubled").hasSize(TOTAL);
        assertThat(outcome.received()).as("commit order per aggregate").isEqualTo(outcome.committed());
    }
}
