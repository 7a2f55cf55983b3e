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
 * The broker is killed ({@code kill -9}) while the relay streams batches into it, and started again
 * on its data. The idempotent producer resends what was in flight and the broker drops what it had
 * already written: every event arrives exactly once, in commit order per aggregate.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        // Longer than a broker restart: the producer itself carries the batch over the outage.
        "coachos.outbox.send-timeout=120s",
        "logging.level.org.apache.kafka=error"})
@IsolatedDatabase(service = "identity")
class OutboxBrokerCrashIT {

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
    void aBrokerKilledMidBatchAndStartedAgainLosesNothingAndDoublesNothing() throws Exception {
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
            assertThat(records).as("nothing doubled").hasSize(total);
            assertThat(received).as("commit order per aggregate").isEqualTo(committed);
        }
    }

    private int published(String topic) {
        return jdbc.queryForObject("select count(*) from outbox_event where topic = ? and published_at is not null",
                Integer.class, topic);
    }
}
