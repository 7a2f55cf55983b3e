package dev.coachos.messaging.outbox;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.coachos.messaging.outbox.OutboxTestApplication.Registered;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.KafkaProcess;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real broker (its own process) killed with {@code kill -9} while the relay streams 10,000 events
 * of 25 aggregates into it and changes keep being committed, then started again on its data. Each
 * subclass runs it with its own send timeout and says what must hold afterwards.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "logging.level.org.apache.kafka=error"})
@IsolatedDatabase(service = "identity")
abstract class BrokerFailureScenario {

    static final int TRANSACTIONS = 100;
    static final int PER_TRANSACTION = 100;
    static final int TOTAL = TRANSACTIONS * PER_TRANSACTION;

    @Autowired
    OutboxTestApplication.Registrations registrations;
    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    /** What the topic holds once every event is published. */
    record Outcome(Map<String, List<String>> committed, List<ConsumerRecord<String, String>> records,
            Set<String> eventIds, Map<String, List<String>> received, int publishedAtTheCrash) {

        /** Each aggregate's events in the order they first arrived (a second copy of one changes nothing). */
        Map<String, List<String>> firstArrivals() {
            Map<String, List<String>> first = new LinkedHashMap<>();
            received.forEach((aggregate, names) -> first.put(aggregate, new ArrayList<>(new LinkedHashSet<>(names))));
            return first;
        }
    }

    /** Kills the broker after a tenth is published, runs {@code whileDown}, starts it again, and reads the topic. */
    Outcome killMidStream(KafkaProcess kafka, Runnable whileDown) throws Exception {
        String topic = "coachos.crash" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Map<String, List<String>> committed = new LinkedHashMap<>();
        List<List<Registered>> work = new ArrayList<>();
        for (int tx = 0, n = 0; tx < TRANSACTIONS; tx++) {
            List<Registered> events = new ArrayList<>();
            for (int i = 0; i < PER_TRANSACTION; i++, n++) {
                Registered event = new Registered("agg-" + (n * 7 % 25), String.valueOf(n));
                events.add(event);
                committed.computeIfAbsent(event.registrationId(), k -> new ArrayList<>()).add(event.name());
            }
            work.add(events);
        }
        // Changes keep being committed while the broker is down: they wait in the outbox.
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> work.forEach(
                events -> registrations.publishAll(topic, events)));

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                .until(() -> published(topic) >= TOTAL / 10);
        kafka.kill();
        int publishedAtTheCrash = published(topic);
        whileDown.run();
        kafka.restart();
        publishing.get();

        await().atMost(Duration.ofMinutes(5)).until(() -> published(topic) == TOTAL);
        try (TestKafka.Reader reader = new TestKafka.Reader(kafka.bootstrap(), topic)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> reader.poll().size() >= TOTAL);
            List<ConsumerRecord<String, String>> records = reader.poll();
            Set<String> ids = new HashSet<>();
            Map<String, List<String>> received = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                var envelope = json.readTree(record.value());
                ids.add(envelope.path("eventId").asString());
                received.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(envelope.path("payload").path("name").asString());
            }
            return new Outcome(committed, records, ids, received, publishedAtTheCrash);
        }
    }

    int published(String topic) {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ? and published_at is not null",
                Integer.class, topic);
    }

    /** Whether the relay has recorded a failed send of an event still waiting. */
    boolean aSendFailed() {
        return jdbc.queryForObject("select count(*) from outbox_event where last_error is not null "
                + "and published_at is null", Integer.class) > 0;
    }
}
