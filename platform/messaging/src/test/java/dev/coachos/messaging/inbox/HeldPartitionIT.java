package dev.coachos.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestKafka;

/**
 * A record that must wait for an event on another partition of the same consumer: while it waits,
 * only its own partition is held, so the event it waits for arrives and both are applied. (When the
 * consumer's thread slept between tries instead, it held every partition it reads, and the record
 * waited for the whole patience, here an hour, before going to the dead-letter topic.)
 */
@SpringBootTest(classes = InboxTestApplication.class, properties = {
        "spring.flyway.locations=classpath:db/inbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "coachos.outbox.relay-enabled=false",
        "coachos.events.patience=1h",
        "coachos.test.introductions=true",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 3, topics = {InboxTestApplication.TOPIC, InboxTestApplication.TOPIC + ".dlt",
        InboxTestApplication.INTRODUCTIONS, InboxTestApplication.INTRODUCTIONS + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "identity")
class HeldPartitionIT {

    private static final int PARTITIONS = 3;

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRecordWaitingForAnotherPartitionHoldsOnlyItsOwn() {
        String friend = "friend-" + UUID.randomUUID();
        String user = keyOnAnotherPartitionThan(friend);
        String bystander = keyOnAnotherPartitionThan(user, friend);
        // The introduction first: it cannot be applied until the friend is known.
        send(user, envelope("Introduced", user, friend));
        await().atMost(Duration.ofSeconds(60)).until(() -> InboxTestApplication.Introducer.WAITING.get() >= 2);
        send(bystander, envelope("Met", bystander, null));
        send(friend, envelope("Met", friend, null));

        await().atMost(Duration.ofSeconds(60)).until(() -> greetings(user) == 1);
        assertThat(InboxTestApplication.Introducer.KNOWN).contains(friend, bystander);
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(),
                InboxTestApplication.INTRODUCTIONS + ".dlt")) {
            assertThat(reader.withKey(user)).isEmpty();
        }
    }

    private static String keyOnAnotherPartitionThan(String... others) {
        while (true) {
            String key = "user-" + UUID.randomUUID();
            boolean apart = true;
            for (String other : others) {
                apart &= partition(key) != partition(other);
            }
            if (apart) {
                return key;
            }
        }
    }

    /** The partition Kafka's default partitioner gives a key. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private int greetings(String user) {
        return jdbc.queryForObject("select count(*) from greeting where user_id = ?", Integer.class, user);
    }

    private void send(String key, String value) {
        TestKafka.send(broker.getBrokersAsString(), InboxTestApplication.INTRODUCTIONS, key, value);
    }

    private static String envelope(String type, String user, String friend) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"test","traceparent":null,"payload":{"userId":"%s","name":"x","friendId":%s}}"""
                .formatted(UUID.randomUUID(), type, user, friend == null ? "null" : "\"" + friend + "\"");
    }
}
