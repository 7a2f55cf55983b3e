package dev.coachos.messaging.outbox;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestKafka;

/** A commit wakes the relay: with a poll interval of an hour, only that can deliver the event. */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "coachos.outbox.poll-interval=1h",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = OutboxTestApplication.TOPIC)
@IsolatedDatabase(service = "identity")
class OutboxWakeIT {

    @Autowired
    OutboxTestApplication.Registrations registrations;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void eachCommitWakesTheRelay() {
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), OutboxTestApplication.TOPIC)) {
            for (int i = 0; i < 3; i++) {
                String id = "reg-" + UUID.randomUUID();
                registrations.register(id, "Asha", OutboxTestApplication.TOPIC);
                await().atMost(Duration.ofSeconds(60)).until(() -> reader.withKey(id).size() == 1);
            }
        }
    }
}
