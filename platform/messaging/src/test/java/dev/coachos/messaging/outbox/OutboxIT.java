package dev.coachos.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.coachos.events.Actor;
import dev.coachos.messaging.outbox.OutboxTestApplication.Registered;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox against a real PostgreSQL and a real (embedded) Kafka broker. */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "spring.application.name=outbox-test",
        "spring.flyway.locations=classpath:db/outbox-test",
        "spring.flyway.schemas=identity",
        "spring.flyway.default-schema=identity",
        "spring.flyway.create-schemas=false",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "coachos.outbox.max-backoff=1s",
        "coachos.outbox.send-timeout=2s",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = OutboxTestApplication.TOPIC, brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "identity")
class OutboxIT {

    @Autowired
    OutboxTestApplication.Registrations registrations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    dev.coachos.messaging.inbox.Inbox inbox;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private org.springframework.transaction.support.TransactionTemplate transactions;

    @org.junit.jupiter.api.BeforeEach
    void transactions() {
        transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCommittedChangeReachesKafkaInItsEnvelopeKeyedByItsAggregate() {
        String id = "reg-" + UUID.randomUUID();
        registrations.register(id, "Asha", OutboxTestApplication.TOPIC);
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), OutboxTestApplication.TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !reader.withKey(id).isEmpty());
            ConsumerRecord<String, String> record = reader.withKey(id).getFirst();
            JsonNode envelope = json.readTree(record.value());
            assertThat(envelope.path("type").asString()).isEqualTo("Registered");
            assertThat(envelope.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(envelope.path("source").asString()).isEqualTo("outbox-test");
            assertThat(envelope.path("payload").path("name").asString()).isEqualTo("Asha");
            assertThat(new String(record.headers().lastHeader("coachos-event-id").value()))
                    .isEqualTo(envelope.path("eventId").asString());
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = ? and published_at is not null",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String id = "reg-" + UUID.randomUUID();
        assertThatThrownBy(() -> registrations.registerThenFail(id, "Ravi")).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from registration where id = ?", Integer.class, id)).isZero();

        // A later event is delivered; the relay keeps commit order, so the rolled-back one would be ahead of it.
        String later = "reg-" + UUID.randomUUID();
        registrations.register(later, "Meera", OutboxTestApplication.TOPIC);
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), OutboxTestApplication.TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !reader.withKey(later).isEmpty());
            assertThat(reader.withKey(id)).isEmpty();
        }
    }

    @Test
    void anEventTheBrokerRefusesIsTriedAgainUntilItIsTaken() throws Exception {
        String topic = "coachos.late" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        String id = "reg-" + UUID.randomUUID();
        registrations.register(id, "Kiran", topic);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select attempts from outbox_event where record_key = ?", Integer.class, id) >= 2);
        assertThat(relay.pending()).as("the blocked event is counted as pending").isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select published_at is null and last_error is not null from outbox_event "
                + "where record_key = ?", Boolean.class, id)).isTrue();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.withKey(id).size() == 1);
        }
        assertThat(jdbc.queryForObject("select published_at is not null from outbox_event where record_key = ?",
                Boolean.class, id)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }

    @Test
    void anEventNamesTheCallerOfTheRequestThatMadeIt() {
        String id = "reg-" + UUID.randomUUID();
        UUID user = UUID.randomUUID();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/registrations");
        request.addHeader("X-Forwarded-For", "203.0.113.7, 10.0.0.2");
        request.addHeader("User-Agent", "CoachosApp/2.1");
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(user.toString())
                .claim("roles", List.of("TEACHER", "BRANCH_ADMIN")).build();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        try {
            registrations.register(id, "Asha", OutboxTestApplication.TOPIC);
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }
        JsonNode actor = storedEnvelope(id).path("actor");
        assertThat(actor.path("userId").asString()).isEqualTo(user.toString());
        assertThat(actor.path("roles").toString()).isEqualTo("[\"BRANCH_ADMIN\",\"TEACHER\"]");
        assertThat(actor.path("clientIp").asString()).isEqualTo("203.0.113.7");
        assertThat(actor.path("userAgent").asString()).isEqualTo("CoachosApp/2.1");
        assertThat(actor.path("via").asString()).isEqualTo("request");
    }

    @Test
    void anEventPublishedWhileApplyingAnotherNamesThatEventAndAJobNamesItself() {
        String fromEvent = "reg-" + UUID.randomUUID();
        UUID cause = UUID.randomUUID();
        transactions.executeWithoutResult(status -> inbox.applyOnce("outbox-test.follow-up", cause,
                () -> registrations.register(fromEvent, "Ravi", OutboxTestApplication.TOPIC)));
        assertThat(storedEnvelope(fromEvent).path("actor").path("via").asString()).isEqualTo("event:" + cause);
        assertThat(storedEnvelope(fromEvent).path("actor").path("userId").isNull()).isTrue();

        String fromJob = "reg-" + UUID.randomUUID();
        CurrentActor.runAs(Actor.job("nightly-sweep"), () -> registrations.register(fromJob, "Meera",
                OutboxTestApplication.TOPIC));
        assertThat(storedEnvelope(fromJob).path("actor").path("via").asString()).isEqualTo("job:nightly-sweep");

        String plain = "reg-" + UUID.randomUUID();
        registrations.register(plain, "Kiran", OutboxTestApplication.TOPIC);
        assertThat(storedEnvelope(plain).path("actor").path("via").asString()).isEqualTo("system");
    }

    private JsonNode storedEnvelope(String key) {
        return json.readTree(jdbc.queryForObject("select envelope::text from outbox_event where record_key = ?",
                String.class, key));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(OutboxTestApplication.TOPIC, "Registered", 1,
                new OutboxTestApplication.Registered("x", "y")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

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
