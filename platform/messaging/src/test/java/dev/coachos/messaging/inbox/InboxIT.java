package dev.coachos.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;

/** Idempotent consuming and dead-lettering against a real PostgreSQL and an embedded broker. */
@SpringBootTest(classes = InboxTestApplication.class, properties = {
        "spring.flyway.locations=classpath:db/inbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "coachos.outbox.relay-enabled=false",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {InboxTestApplication.TOPIC, InboxTestApplication.TOPIC + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "identity")
class InboxIT {

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Inbox inbox;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String user = "u-" + UUID.randomUUID();
        String event = envelope(UUID.randomUUID(), user, "Asha");
        send(user, event);
        send(user, event);
        String marker = "u-" + UUID.randomUUID();
        send(marker, envelope(UUID.randomUUID(), marker, "Marker"));
        await().atMost(Duration.ofSeconds(60)).until(() -> greetings(marker) == 1);
        assertThat(greetings(user)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheEventsBehindItAreStillProcessed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        send(poisonKey, "{ this is not an event");
        String failing = "u-" + UUID.randomUUID();
        send(failing, envelope(UUID.randomUUID(), failing, "explode"));
        String after = "u-" + UUID.randomUUID();
        send(after, envelope(UUID.randomUUID(), after, "Ravi"));

        await().atMost(Duration.ofSeconds(60)).until(() -> greetings(after) == 1);
        List<ConsumerRecord<String, String>> dead = deadLetters();
        assertThat(dead.stream().map(ConsumerRecord::key)).contains(poisonKey, failing);
        assertThat(meters.find("coachos.events.dead.letters").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEffectThatMustWaitIsRetriedPatientlyNotDeadLettered() {
        String later = "later-" + UUID.randomUUID();
        send(later, envelope(UUID.randomUUID(), later, "Later"));
        // More attempts than the 3 retries a failing record gets before the dead-letter topic.
        await().atMost(Duration.ofSeconds(60)).until(() -> InboxTestApplication.LATER_ATTEMPTS.get() >= 5);
        assertThat(greetings(later)).isZero();
        InboxTestApplication.READY_FOR_LATER.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> greetings(later) == 1);
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(),
                InboxTestApplication.TOPIC + ".dlt")) {
            assertThat(reader.withKey(later)).isEmpty();
        }
    }

    @Test
    void manyEventsAtOnceNameThoseNotAppliedBeforeEachOnceAndOnlyWhenTheTransactionCommits() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThat(firstSeen("batcher", List.of(a, b, a))).containsOnly(a, b);
        assertThat(firstSeen("batcher", List.of(b, c))).containsOnly(c);
        assertThat(firstSeen("other", List.of(a, c))).containsOnly(a, c);
        UUID rolledBack = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            assertThat(inbox.firstSeen("batcher", List.of(rolledBack))).containsOnly(rolledBack);
            status.setRollbackOnly();
        });
        assertThat(firstSeen("batcher", List.of(rolledBack, a))).containsOnly(rolledBack);
        assertThat(firstSeen("batcher", List.of())).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> inbox.firstSeen("batcher", List.of(UUID.randomUUID())));
    }

    @Test
    void databaseTroubleAndWaitingAreTransientWhateverWrapsThem() {
        assertThat(InboxAutoConfiguration.transientFailure(new RuntimeException("listener failed",
                new org.springframework.dao.QueryTimeoutException("lock wait")))).isTrue();
        assertThat(InboxAutoConfiguration.transientFailure(
                new org.springframework.transaction.CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(InboxAutoConfiguration.transientFailure(new IllegalStateException("a bug"))).isFalse();
        assertThat(InboxAutoConfiguration.transientFailure(new IncomingEvent.MalformedEvent("bad"))).isFalse();
    }

    private Set<UUID> firstSeen(String consumer, List<UUID> eventIds) {
        return new TransactionTemplate(transactions).execute(status -> inbox.firstSeen(consumer, eventIds));
    }

    private int greetings(String user) {
        return jdbc.queryForObject("select count(*) from greeting where user_id = ?", Integer.class, user);
    }

    private void send(String key, String value) {
        TestKafka.send(broker.getBrokersAsString(), InboxTestApplication.TOPIC, key, value);
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(),
                InboxTestApplication.TOPIC + ".dlt")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().size() >= 2);
            return List.copyOf(reader.poll());
        }
    }

    private static String envelope(UUID eventId, String user, String name) {
        return """
                {"eventId":"%s","type":"Registered","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"test","traceparent":null,"payload":{"userId":"%s","name":"%s","extra":"ignored"}}"""
                .formatted(eventId, user, name);
    }
}
