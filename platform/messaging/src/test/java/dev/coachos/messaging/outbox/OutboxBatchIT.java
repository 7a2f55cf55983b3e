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

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.coachos.messaging.outbox.OutboxTestApplication.Registered;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay sends a batch without waiting per record: commit order per aggregate still holds and
 * every event arrives once. (A broker that fails mid-batch: {@link OutboxBrokerCrashIT}.)
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "coachos.outbox.max-backoff=1s",
        "coachos.outbox.send-timeout=2s",
        "logging.level.org.apache.kafka=error"})
@EmbeddedKafka(partitions = 1, topics = OutboxTestApplication.TOPIC, brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "identity")
class OutboxBatchIT {

    @Autowired
    OutboxTestApplication.Registrations registrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void manyAggregatesInManyTransactionsArriveOnceEachInCommitOrderPerAggregate() throws Exception {
        String topic = topic("order", 3, Map.of());
        Map<String, List<String>> committed = new LinkedHashMap<>();
        int sequence = 0;
        // 100 transactions of 1 to 40 events over 20 aggregates: 2,000 or so events, several batches.
        for (int tx = 0; tx < 100; tx++) {
            List<Registered> events = new ArrayList<>();
            for (int i = 0; i < 1 + (tx * 7) % 40; i++) {
                String aggregate = "agg-" + (sequence * 13 % 20);
                String name = String.valueOf(sequence++);
                events.add(new Registered(aggregate, name));
                committed.computeIfAbsent(aggregate, k -> new ArrayList<>()).add(name);
            }
            registrations.publishAll(topic, events);
        }
        int total = sequence;

        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), topic)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> reader.poll().size() >= total);
            List<ConsumerRecord<String, String>> records = reader.poll();
            assertThat(records).hasSize(total);
            assertThat(receivedPerAggregate(records)).isEqualTo(committed);
            assertThat(eventIds(records)).hasSize(total);
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where topic = ? and published_at is null",
                Integer.class, topic)).isZero();
    }

    private Map<String, List<String>> receivedPerAggregate(List<ConsumerRecord<String, String>> records) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode payload = json.readTree(record.value()).path("payload");
            received.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(payload.path("name").asString());
        }
        return received;
    }

    private Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(json.readTree(r.value()).path("eventId").asString()));
        return ids;
    }

    private String topic(String name, int partitions, Map<String, String> config) throws Exception {
        String topic = "coachos." + name + UUID.randomUUID().toString().substring(0, 8) + ".events";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config))).all().get();
        }
        return topic;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }
}
