package dev.coachos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/** Every event of every topic recorded once, from a real (embedded) broker, topics created later included. */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.IDENTITY, Topics.IDENTITY + ".dlt", Topics.COURSE, Topics.COURSE + ".dlt",
        Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
class RecordingIT extends AuditIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void eventsOfEveryTopicAreRecordedWithTheirActorEntityBranchAndChanges() {
        UUID user = UUID.randomUUID();
        UUID director = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        send(Topics.IDENTITY, user, envelope(registered, "UserRoleChanged", "identity-service", """
                "actor":{"userId":"%s","roles":["DIRECTOR"],"clientIp":"203.0.113.9","userAgent":"Firefox/140",
                         "via":"request"},"""
                .formatted(director), """
                {"userId":"%s","previousRole":"STUDENT","role":"TEACHER","profileType":"TEACHER"}""".formatted(user)));
        UUID curriculum = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        send(Topics.COURSE, curriculum, envelope(approved, "CurriculumApproved", "course-service", "", """
                {"curriculumId":"%s","courseId":"c","teacherId":"t","reviewerId":"r"}""".formatted(curriculum)));
        UUID enrollment = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID created = UUID.randomUUID();
        send(Topics.ENROLLMENT, enrollment, envelope(created, "EnrollmentCreated", "enrollment-service",
                "\"actor\":{\"userId\":null,\"roles\":[],\"via\":\"job:offer-expiry\"},", """
                {"enrollmentId":"%s","studentId":"s","branchId":"%s","netFee":"16650.00"}"""
                .formatted(enrollment, branch)));

        String auditor = auditor();
        JsonNode role = await().atMost(PATIENCE).until(() -> recorded(auditor, registered), r -> r != null);
        assertThat(role.path("kind").asString()).isEqualTo("GENERAL");
        assertThat(role.at("/who/userId").asString()).isEqualTo(director.toString());
        assertThat(role.at("/who/roles/0").asString()).isEqualTo("DIRECTOR");
        assertThat(role.at("/who/via").asString()).isEqualTo("request");
        assertThat(role.at("/where/clientIp").asString()).isEqualTo("203.0.113.9");
        assertThat(role.at("/where/userAgent").asString()).isEqualTo("Firefox/140");
        assertThat(role.at("/where/traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(role.at("/where/topic").asString()).isEqualTo(Topics.IDENTITY);
        assertThat(role.at("/what/entityType").asString()).isEqualTo("User");
        assertThat(role.at("/what/entityId").asString()).isEqualTo(user.toString());
        assertThat(role.at("/what/changes/role/old").asString()).isEqualTo("STUDENT");
        assertThat(role.at("/what/changes/role/new").asString()).isEqualTo("TEACHER");
        assertThat(role.at("/when/occurredAt").asString()).isEqualTo("2026-11-24T10:00:00.123456Z");

        JsonNode approval = await().atMost(PATIENCE).until(() -> recorded(auditor, approved), r -> r != null);
        assertThat(approval.at("/what/entityType").asString()).isEqualTo("Curriculum");
        assertThat(approval.at("/who/userId").isMissingNode() || approval.at("/who/userId").isNull()).isTrue();

        JsonNode enrolled = await().atMost(PATIENCE).until(() -> recorded(auditor, created), r -> r != null);
        assertThat(enrolled.at("/what/entityType").asString()).isEqualTo("Enrollment");
        assertThat(enrolled.at("/where/branchId").asString()).isEqualTo(branch.toString());
        assertThat(enrolled.at("/who/via").asString()).isEqualTo("job:offer-expiry");
        assertThat(enrolled.at("/who/job").asString()).isEqualTo("offer-expiry");
        assertThat(enrolled.at("/who/roles").isNull()).isTrue();
        assertThat(enrolled.at("/what/payload/netFee").asString()).isEqualTo("16650.00");
        assertThat(api.get("/api/v1/audit?source=enrollment-service&entityType=Enrollment&entityId=" + enrollment,
                auditor).json().at("/page/totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnce() {
        UUID batch = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = envelope(eventId, "BatchCreated", "enrollment-service", "",
                "{\"batchId\":\"%s\",\"name\":\"Morning\"}".formatted(batch));
        send(Topics.ENROLLMENT, batch, event);
        send(Topics.ENROLLMENT, batch, event);
        // A later record on the same partition shows both copies were seen.
        UUID later = UUID.randomUUID();
        send(Topics.ENROLLMENT, batch, envelope(later, "BatchUpdated", "enrollment-service", "",
                "{\"batchId\":\"%s\",\"status\":\"CLOSED\"}".formatted(batch)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from audit_record where event_id = ?", later) == 1);
        assertThat(count("select count(*) from audit_record where event_id = ?", eventId)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void aBurstOfEventsIsRecordedInTheOrderOfItsPartitionWithTheChainIntact() {
        UUID batch = UUID.randomUUID();
        List<UUID> ids = new java.util.ArrayList<>();
        List<String> events = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            events.add(envelope(id, "AttendanceMarked", "enrollment-service", "",
                    "{\"batchId\":\"%s\",\"n\":%d}".formatted(batch, i)));
        }
        TestKafka.sendAll(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(), events);
        await().atMost(PATIENCE).until(() -> count("select count(*) from audit_record where entity_id = ?",
                batch.toString()) == ids.size());
        List<UUID> recorded = jdbc.queryForList("select event_id from audit_record where entity_id = ? order by seq",
                UUID.class, batch.toString());
        assertThat(recorded).containsExactlyElementsOf(ids);
        Response verify = api.get("/api/v1/audit/verify", auditor());
        assertThat(verify.json().path("intact").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.json().path("complete").asBoolean()).isTrue();
    }

    @Test
    void aTopicCreatedAfterStartIsRecordedWithoutAChangeAndDeadLettersAreNot() throws Exception {
        String finance = "coachos.finance.events";
        String marketing = "coachos.marketing.events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(finance, 1, (short) 1), new NewTopic(finance + ".dlt", 1, (short) 1),
                    new NewTopic(marketing, 1, (short) 1))).all().get();
        }
        UUID receipt = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        send(finance, receipt, envelope(paid, "PaymentReceived", "finance-service", "",
                "{\"receiptId\":\"%s\",\"amount\":\"2500.00\"}".formatted(receipt)));
        UUID deadLetter = UUID.randomUUID();
        send(finance + ".dlt", receipt, envelope(deadLetter, "PaymentReceived", "finance-service", "",
                "{\"receiptId\":\"%s\"}".formatted(receipt)));
        UUID lead = UUID.randomUUID();
        UUID converted = UUID.randomUUID();
        send(marketing, lead, envelope(converted, "LeadConverted", "marketing-service", "",
                "{\"leadId\":\"%s\"}".formatted(lead)));

        String auditor = auditor();
        JsonNode payment = await().atMost(PATIENCE).until(() -> recorded(auditor, paid), r -> r != null);
        assertThat(payment.path("kind").asString()).isEqualTo("FINANCE");
        assertThat(payment.at("/what/entityType").asString()).isEqualTo("Receipt");
        JsonNode conversion = await().atMost(PATIENCE).until(() -> recorded(auditor, converted), r -> r != null);
        assertThat(conversion.path("kind").asString()).isEqualTo("GENERAL");
        assertThat(count("select count(*) from audit_record where event_id = ?", deadLetter)).isZero();
        assertThat(count("select count(*) from audit_record where topic like '%.dlt'")).isZero();
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheEventsAroundItAreRecorded() {
        UUID key = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        send(Topics.COURSE, key, envelope(before, "CourseUpdated", "course-service", "",
                "{\"courseId\":\"%s\"}".formatted(key)));
        TestKafka.send(broker.getBrokersAsString(), Topics.COURSE, key.toString(), "not json at all");
        UUID after = UUID.randomUUID();
        send(Topics.COURSE, key, envelope(after, "CourseCreated", "course-service", "",
                "{\"courseId\":\"%s\"}".formatted(key)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from audit_record where event_id = ?", after) == 1);
        assertThat(count("select count(*) from audit_record where event_id = ?", before)).isEqualTo(1);
        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.COURSE + ".dlt", key.toString(), 1))
                .containsExactly("not json at all");
    }

    private JsonNode recorded(String token, UUID eventId) {
        if (count("select count(*) from audit_record where event_id = ?", eventId) == 0) {
            return null;
        }
        String id = jdbc.queryForObject("select id::text from audit_record where event_id = ?", String.class, eventId);
        Response one = api.get("/api/v1/audit/" + id, token);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        return one.json();
    }

    private void send(String topic, UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), topic, key.toString(), value);
    }

    /** An envelope; {@code extra} is JSON members (with a trailing comma) such as the actor. */
    private static String envelope(UUID eventId, String type, String source, String extra, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00.123456789Z",
                 "source":"%s","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",%s
                 "payload":%s}""".formatted(eventId, type, source, extra, payload);
    }
}
