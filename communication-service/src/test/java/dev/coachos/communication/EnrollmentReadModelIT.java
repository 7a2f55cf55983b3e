package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.TestKafka;

/**
 * The enrollment read model announcements address batches and courses by: enrollment-service's
 * events, each sent twice, are kept once, and a transfer or a status change moves the enrollment.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class EnrollmentReadModelIT extends ServiceIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void batchesAndEnrollmentsAreKeptOnceEachAndFollowTheirChanges() {
        UUID course = UUID.randomUUID();
        UUID delhi = UUID.randomUUID();
        UUID morning = UUID.randomUUID();
        UUID evening = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID newTeacher = UUID.randomUUID();
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID ashasEnrollment = UUID.randomUUID();
        UUID ravisEnrollment = UUID.randomUUID();

        twice(envelope("BatchCreated", """
                {"batchId":"%s","courseId":"%s","name":"Morning","capacity":30,"teacherId":"%s","branchId":"%s"}"""
                .formatted(morning, course, teacher, delhi)));
        twice(envelope("BatchCreated", """
                {"batchId":"%s","courseId":"%s","name":"Evening","capacity":30,"teacherId":null,"branchId":"%s"}"""
                .formatted(evening, course, delhi)));
        twice(envelope("BatchUpdated", """
                {"batchId":"%s","name":"Morning","capacity":30,"teacherId":"%s","status":"OPEN"}"""
                .formatted(morning, newTeacher)));
        twice(enrolled(ashasEnrollment, asha, course, morning));
        twice(enrolled(ravisEnrollment, ravi, course, morning));
        twice(envelope("EnrollmentTransferred", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","fromBatchId":"%s","toBatchId":"%s",
                 "toBranchId":"%s","reason":"timing"}""".formatted(ravisEnrollment, ravi, course, morning, evening,
                delhi)));
        twice(envelope("EnrollmentStatusChanged", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"%s","previousStatus":"ACTIVE",
                 "status":"DROPPED","reason":"moved city"}""".formatted(ashasEnrollment, asha, course, morning)));
        // A later record on the (one) partition shows every copy before it was applied.
        UUID probe = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, probe.toString(),
                enrolled(probe, UUID.randomUUID(), course, evening));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from enrollment where enrollment_id = ?::uuid", probe) == 1);

        assertThat(jdbc.queryForMap("select teacher_id, branch_id, course_id from batch where batch_id = ?", morning))
                .isEqualTo(Map.of("teacher_id", newTeacher, "branch_id", delhi, "course_id", course));
        assertThat(count("select count(*) from batch where course_id = ?", course)).isEqualTo(2);
        assertThat(jdbc.queryForMap("select batch_id, status from enrollment where enrollment_id = ?", ravisEnrollment))
                .isEqualTo(Map.of("batch_id", evening, "status", "ACTIVE"));
        assertThat(jdbc.queryForMap("select batch_id, status from enrollment where enrollment_id = ?", ashasEnrollment))
                .isEqualTo(Map.of("batch_id", morning, "status", "DROPPED"));
        assertThat(count("select count(*) from enrollment where course_id = ?", course)).isEqualTo(3);
    }

    private static String enrolled(UUID enrollment, UUID student, UUID course, UUID batch) {
        return envelope("EnrollmentCreated", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","courseTitle":"JEE Physics","batchId":"%s",
                 "batchName":"Morning","branchId":null,"fee":"1000.00","feeFrequency":"ONE_TIME","netFee":"1000.00",
                 "enrolledAt":"2026-11-24T10:00:00Z"}""".formatted(enrollment, student, course, batch));
    }

    /** A new event (its own id) in enrollment-service's envelope. */
    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type,
                payload);
    }

    /** The same record twice, as a redelivery would bring it. */
    private void twice(String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, "key", value);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, "key", value);
    }
}
