package dev.coachos.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.messaging.outbox.OutboxTestApplication.Registered;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.KafkaProcess;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker is killed ({@code kill -9}) while the relay streams batches into it and stays down
 * longer than a send may wait: sends fail, the relay keeps what was not acknowledged and tries
 * again with back-off, and once the broker is back every event arrives, in commit order per
 * aggregate. Events the broker wrote without answering before it died arrive twice (at least once
 * is the contract; consumers apply an event id once), never more than one batch of them.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "coachos.outbox.send-timeout=2s",
        "coachos.outbox.max-backoff=1s",
        "logging.level.org.apache.kafka=error"})
@IsolatedDatabase(service = "identity")
class OutboxBrokerOutageIT {

    static final KafkaProcess KAFKA = KafkaProcess.start();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrap);
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @Autowired
    OutboxTestApplication.Registrations registrations;
    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBrokerDownLongerThanASendLosesNothingAndKeepsOrder() throws Exception {
        String topic = "coachos.crash" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        int transactions = 100;
        int perTransaction = 100;
        int total = transactions * perTransaction;
        Map<String, List<String>> committed = new LinkedHashMap<>();
        List<List<Registered>> work = new ArrayList<>();
        for (int tx = 0, n = 0; tx < transactions; tx++) {
            List<Registered> events = new ArrayList<>();
            for (int i = 0; i < perTransaction; i++, n++) {
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
                .until(() -> published(topic) >= total / 10);
        KAFKA.kill();
        int publishedAtTheCrash = published(topic);
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_event where topic = ? and last_error is not null and published_at is null",
                Integer.class, topic) > 0);
        KAFKA.restart();
        publishing.get();

        await().atMost(Duration.ofMinutes(5)).until(() -> published(topic) == total);
        assertThat(publishedAtTheCrash).as("the broker died mid-stream").isLessThan(total);
        try (TestKafka.Reader reader = new TestKafka.Reader(KAFKA.bootstrap(), topic)) {
            await().atMost(Duration.ofMinutes(2)).until(() -> reader.poll().size() >= total);
            List<ConsumerRecord<String, String>> records = reader.poll();
            Set<String> ids = new HashSet<>();
            Map<String, List<String>> received = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                var envelope = json.readTree(record.value());
                ids.add(envelope.path("eventId").asString());
                received.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(envelope.path("payload").path("name").asString());
            }
            assertThat(ids).as("nothing lost").hasSize(total);
            assertThat(records.size() - total).as("sent again: only what was in flight at the crash")
                    .isLessThanOrEqualTo(500);
            assertThat(firstArrivals(received)).as("commit order per aggregate").isEqualTo(committed);
        }
    }

    /** Each aggregate's events in the order they first arrived (a second copy of one changes nothing). */
    private static Map<String, List<String>> firstArrivals(Map<String, List<String>> received) {
        Map<String, List<String>> first = new LinkedHashMap<>();
        received.forEach((aggregate, names) -> first.put(aggregate, new ArrayList<>(new java.util.LinkedHashSet<>(names))));
        return first;
    }

    private int published(String topic) {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ? and published_at is not null",
                Integer.class, topic);
    }
}
