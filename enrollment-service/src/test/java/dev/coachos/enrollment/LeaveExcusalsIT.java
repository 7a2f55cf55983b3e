package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.TestKafka;

/**
 * communication-service's LeaveDecided against a real (embedded) broker: a student's approved leave
 * excuses their scheduled sessions once, never over a marked one; a rejection does nothing; a
 * cancellation takes back what the approval recorded and nobody marked since.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class LeaveExcusalsIT extends EnrollmentTestBase {

    /** A Monday two to three weeks back: the batches (started 30 days ago) run then, and teachers may mark it. */
    private static final LocalDate MONDAY = LocalDate.now().minusDays(14)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void anApprovedLeaveExcusesScheduledSessionsOnceKeepsMarkedOnesAndACancellationTakesThemBack() {
        UUID teacher = UUID.randomUUID();
        String teacherToken = teacher(teacher);
        UUID course = knownCourse("JEE Physics", "18500.00", true);
        UUID batch = batch(course, "Mon-Wed mornings", 30, teacher, null, Map.of("mon", "10:00-12:00",
                "wed", "10:00-12:00"));
        UUID student = UUID.randomUUID();
        UUID classmate = UUID.randomUUID();
        assertThat(enroll(director, student, course, batch).text("status")).isEqualTo("ACTIVE");
        assertThat(enroll(director, classmate, course, batch).text("status")).isEqualTo("ACTIVE");
        // The Wednesday of the first week was marked before the leave was approved: it stays as marked.
        mark(teacherToken, batch, MONDAY.plusDays(2), Map.of(student, "ABSENT", classmate, "PRESENT"));

        UUID leave = UUID.randomUUID();
        String approved = decided(leave, student, "STUDENT", MONDAY, MONDAY.plusDays(9), null, "APPROVED");
        send(student, approved);
        send(student, approved);
        // A rejected leave and a teacher's approved leave change nothing here.
        send(classmate, decided(UUID.randomUUID(), classmate, "STUDENT", MONDAY, MONDAY.plusDays(9), null, "REJECTED"));
        send(teacher, decided(UUID.randomUUID(), teacher, "TEACHER", MONDAY, MONDAY.plusDays(9), null, "APPROVED"));
        probe();

        // Mon, (Wed marked), Mon, Wed of the next week; not Tuesday, Thursday or the weekend.
        assertThat(statuses(student, batch)).containsExactly(
                entry(MONDAY, "EXCUSED"), entry(MONDAY.plusDays(2), "ABSENT"),
                entry(MONDAY.plusDays(7), "EXCUSED"), entry(MONDAY.plusDays(9), "EXCUSED"));
        assertThat(count("select count(*) from attendance where leave_id = ?", leave)).isEqualTo(3);
        assertThat(count("select count(*) from processed_event where consumer = 'enrollment.leaves' and event_id = ?",
                eventId(leave, "APPROVED"))).isEqualTo(1);
        assertThat(statuses(classmate, batch)).containsExactly(entry(MONDAY.plusDays(2), "PRESENT"));
        assertThat(count("select count(*) from attendance where student_id = ?", teacher)).isZero();
        // Staff and the student see them as the session's record.
        assertThat(api.get("/api/v1/attendance?batchId=" + batch + "&date=" + MONDAY, teacherToken).raw())
                .contains(student.toString(), "EXCUSED");

        // The teacher marks the second Monday after all; the cancellation leaves that mark alone.
        mark(teacherToken, batch, MONDAY.plusDays(7), Map.of(student, "PRESENT", classmate, "PRESENT"));
        String cancelled = decided(leave, student, "STUDENT", MONDAY, MONDAY.plusDays(9), null, "CANCELLED");
        send(student, cancelled);
        send(student, cancelled);
        probe();
        assertThat(statuses(student, batch)).containsExactly(
                entry(MONDAY.plusDays(2), "ABSENT"), entry(MONDAY.plusDays(7), "PRESENT"));
        assertThat(count("select count(*) from attendance where leave_id = ?", leave)).isZero();
    }

    @Test
    void aHalfDayLeaveExcusesOnlyTheSessionsOfItsHalfOfTheDay() {
        UUID morningCourse = knownCourse("NEET Biology", "15000.00", true);
        UUID eveningCourse = knownCourse("NEET Chemistry", "15000.00", true);
        UUID droppedCourse = knownCourse("Olympiad Maths", "9000.00", true);
        UUID morning = batch(morningCourse, "Monday morning", 30, null, null, Map.of("mon", "09:00-12:30"));
        UUID evening = batch(eveningCourse, "Monday evening", 30, null, null, Map.of("mon", "16:00-18:00"));
        UUID dropped = batch(droppedCourse, "Monday noon", 30, null, null, Map.of("mon", "11:00-12:00"));
        UUID student = UUID.randomUUID();
        enroll(director, student, morningCourse, morning);
        enroll(director, student, eveningCourse, evening);
        String droppedEnrollment = enroll(director, student, droppedCourse, dropped).text("id");
        jdbc.update("update enrollment set status = 'DROPPED' where id = ?::uuid", droppedEnrollment);

        UUID am = UUID.randomUUID();
        UUID pm = UUID.randomUUID();
        send(student, decided(am, student, "STUDENT", MONDAY, MONDAY, "AM", "APPROVED"));
        send(student, decided(pm, student, "STUDENT", MONDAY.plusDays(7), MONDAY.plusDays(7), "PM", "APPROVED"));
        probe();

        assertThat(statuses(student, morning)).containsExactly(entry(MONDAY, "EXCUSED"));
        assertThat(statuses(student, evening)).containsExactly(entry(MONDAY.plusDays(7), "EXCUSED"));
        assertThat(statuses(student, dropped)).isEmpty();
    }

    /** Sends an approved leave for a new student in a new batch and waits for it: every earlier record was applied. */
    private void probe() {
        UUID course = knownCourse("Probe", "1.00", true);
        UUID batch = batch(course, "Probe", 5, null, null, Map.of("mon", "10:00-11:00"));
        UUID student = UUID.randomUUID();
        enroll(director, student, course, batch);
        send(student, decided(UUID.randomUUID(), student, "STUDENT", MONDAY, MONDAY, null, "APPROVED"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from attendance where student_id = ?", student) == 1);
    }

    private void mark(String token, UUID batch, LocalDate date, Map<UUID, String> marks) {
        var records = marks.entrySet().stream()
                .map(e -> Map.of("studentId", e.getKey().toString(), "status", e.getValue())).toList();
        var marked = api.post("/api/v1/attendance", token, Map.of("batchId", batch.toString(), "date", date.toString(),
                "records", records));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    }

    private List<String> statuses(UUID student, UUID batch) {
        return jdbc.queryForList("select date::text || ' ' || status from attendance where student_id = ? and batch_id = ?"
                + " order by date", String.class, student, batch);
    }

    private static String entry(LocalDate date, String status) {
        return date + " " + status;
    }

    /** The same decision of the same leave has the same event id, as a redelivery would. */
    private static UUID eventId(UUID leave, String decision) {
        return UUID.nameUUIDFromBytes((leave + decision).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void send(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.COMMUNICATION, key.toString(), value);
    }

    private static String decided(UUID leave, UUID user, String profileType, LocalDate from, LocalDate to,
            String halfDay, String decision) {
        return """
                {"eventId":"%s","type":"LeaveDecided","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"communication-service","traceparent":null,
                 "payload":{"leaveId":"%s","userId":"%s","profileType":"%s","branchId":null,"fromDate":"%s",
                            "toDate":"%s","halfDay":%s,"decision":"%s","decidedBy":"%s",
                            "decidedAt":"2026-11-24T10:00:00Z"}}"""
                .formatted(eventId(leave, decision), leave, user, profileType, from, to,
                        halfDay == null ? "null" : "\"" + halfDay + "\"", decision, UUID.randomUUID());
    }
}
