package dev.coachos.communication;

import static dev.coachos.communication.MessageTemplates.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
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
 * Absence alerts from enrollment's AttendanceMarked, as rows of the delivery log: an absent
 * student's guardians once per session however often it is re-marked, nothing when it is
 * corrected before the alert went, a streak of absences told once to the branch's staff and the
 * batch's teacher (counted in date order whatever the order of marking), and a thousand absences
 * in one session each alerted exactly once. The senders' sweep is put off so rows stay as written.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "coachos.delivery.sweep-interval=PT1H",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class AbsenceAlertsIT extends ServiceIntegrationTest {

    private static final Duration LONG = Duration.ofMinutes(3);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void templates() {
        MessageTemplates.install(jdbc);
    }

    @Test
    void anAbsentStudentsGuardiansAreAlertedOnceAndACorrectedAbsenceSendsNothing() {
        UUID branch = UUID.randomUUID();
        UUID batch = batch("JEE Physics Jan 2027", branch, null);
        UUID asha = student("Asha Verma", new String[] {"Rakesh Verma", "+919810000002", "rakesh@example.in"},
                new String[] {"Sunita Verma", "+919810000003", null});
        UUID ravi = student("Ravi Kumar", new String[] {"Mohan Kumar", "+919820000002", "mohan@example.in"});
        UUID old = student("Kabir Shah", new String[] {"Anil Shah", "+919840000001", null});

        marked(batch, TODAY, Map.of(asha, "ABSENT", ravi, "ABSENT"));
        // Re-marked: Asha absent again (no second alert), Ravi was there after all.
        marked(batch, TODAY, Map.of(asha, "ABSENT", ravi, "PRESENT"));
        // A session of ten days ago marked late: kept for streaks, but no alert so long after.
        marked(batch, TODAY.minusDays(10), Map.of(old, "ABSENT"));
        settle();

        List<Map<String, Object>> ashas = alerts(batch, TODAY, asha);
        assertThat(ashas).extracting(row -> row.get("channel") + " " + row.get("address") + " " + row.get("status"))
                .containsExactlyInAnyOrder("EMAIL rakesh@example.in QUEUED", "SMS +919810000002 QUEUED",
                        "WHATSAPP +919810000002 QUEUED", "EMAIL  SKIPPED", "SMS +919810000003 QUEUED",
                        "WHATSAPP +919810000003 QUEUED");
        assertThat(ashas).filteredOn(row -> "QUEUED".equals(row.get("status"))).extracting(row -> row.get("body"))
                .containsOnly("Asha Verma was absent from JEE Physics Jan 2027 on " + DAY.format(TODAY) + ".");
        assertThat(ashas).extracting(row -> row.get("recipient_kind")).containsOnly("GUARDIAN");
        assertThat(alerts(batch, TODAY, ravi)).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("CANCELLED");
            assertThat(row.get("status_reason")).isEqualTo("the session was re-marked PRESENT");
        });
        assertThat(count("select count(*) from delivery where purpose = 'ABSENCE_ALERT' and related_key like ?",
                "attendance:" + batch + ":%")).isEqualTo(9);
        // Ravi, corrected to PRESENT, is then marked ABSENT once more: a new statement, alerted anew.
        marked(batch, TODAY, Map.of(asha, "ABSENT", ravi, "ABSENT"));
        settle();
        assertThat(alerts(batch, TODAY, ravi)).extracting(row -> row.get("status"))
                .containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "CANCELLED", "QUEUED", "QUEUED", "QUEUED");
        assertThat(alerts(batch, TODAY, asha)).hasSize(6);
        assertThat(count("select count(*) from attendance_mark where batch_id = ? and student_id = ?", batch, old))
                .isEqualTo(1);
        assertThat(count("select count(*) from absence_streak where batch_id = ?", batch)).isZero();
    }

    @Test
    void aStreakIsToldOnceToTheBranchStaffAndTheTeacherAndAgainOnlyAfterItBreaks() {
        UUID branch = UUID.randomUUID();
        UUID teacher = user("Dr Rao", "TEACHER", branch, "rao@example.in", "+919860000001");
        UUID backoffice = user("Neha Office", "BACKOFFICE", branch, "neha@example.in", "+919860000002");
        UUID accountant = user("Amit Accounts", "ACCOUNTANT", branch, "amit@example.in", "+919860000003");
        UUID elsewhere = user("Other Office", "BACKOFFICE", UUID.randomUUID(), "other@example.in", "+919860000004");
        UUID batch = batch("NEET Biology Morning", branch, teacher);
        UUID meera = student("Meera Iyer", new String[] {"Ravi Iyer", "+919870000001", null});
        LocalDate start = TODAY.minusDays(40);

        for (int day = 0; day < 4; day++) {
            marked(batch, start.plusDays(day), Map.of(meera, "ABSENT"));
        }
        settle();
        assertThat(streakMessages(batch)).containsExactlyInAnyOrder(
                teacher + " EMAIL rao@example.in", teacher + " SMS +919860000001", teacher + " WHATSAPP +919860000001",
                backoffice + " EMAIL neha@example.in", backoffice + " SMS +919860000002",
                backoffice + " WHATSAPP +919860000002");
        assertThat(jdbc.queryForList("select distinct body from delivery where purpose = 'ABSENCE_STREAK' "
                + "and body like '%' || ? || '%'", String.class, "NEET Biology Morning"))
                .containsExactly("Meera Iyer has missed 3 sessions of NEET Biology Morning in a row since "
                        + DAY.format(start) + ".");
        assertThat(inApp(teacher)).containsExactly("Meera Iyer has been absent 3 times in a row from NEET Biology "
                + "Morning, since " + DAY.format(start) + ".");
        assertThat(inApp(backoffice)).hasSize(1);
        assertThat(inApp(accountant)).isEmpty();
        assertThat(inApp(elsewhere)).isEmpty();

        // Present once: the streak is over; three more absences are a new one.
        marked(batch, start.plusDays(4), Map.of(meera, "PRESENT"));
        for (int day = 5; day < 8; day++) {
            marked(batch, start.plusDays(day), Map.of(meera, "ABSENT"));
        }
        settle();
        assertThat(streakMessages(batch)).hasSize(12);
        assertThat(inApp(teacher)).hasSize(2).contains("Meera Iyer has been absent 3 times in a row from NEET Biology "
                + "Morning, since " + DAY.format(start.plusDays(5)) + ".");
        assertThat(count("select count(*) from absence_streak where batch_id = ?", batch)).isEqualTo(2);
    }

    @Test
    void streaksAreCountedInDateOrderWhateverTheOrderOfMarkingExcusedNeitherCountsNorBreaksAndLateBreaks() {
        UUID branch = UUID.randomUUID();
        UUID teacher = user("Ms Das", "TEACHER", branch, "das@example.in", null);
        UUID batch = batch("Foundation Maths", branch, teacher);
        UUID late = student("Tara Late");
        UUID excused = student("Esha Excused");
        UUID broken = student("Lalit Latecomer");
        LocalDate d = TODAY.minusDays(30);

        // The third day marked first, then the first; the second was marked present...
        marked(batch, d.plusDays(2), Map.of(late, "ABSENT", excused, "ABSENT", broken, "ABSENT"));
        marked(batch, d, Map.of(late, "ABSENT", excused, "ABSENT", broken, "ABSENT"));
        marked(batch, d.plusDays(1), Map.of(late, "PRESENT", excused, "EXCUSED", broken, "LATE"));
        settle();
        assertThat(told(batch)).isEmpty();

        // ...until it is corrected to absent: three in a row from the first day. Excused and late students
        // get a further absence: three absences around an excused day are a streak, after a late one not.
        marked(batch, d.plusDays(1), Map.of(late, "ABSENT"));
        marked(batch, d.plusDays(3), Map.of(excused, "ABSENT", broken, "ABSENT"));
        settle();
        assertThat(told(batch)).containsExactlyInAnyOrder(late + " " + d + " 3", excused + " " + d + " 3");
        assertThat(inApp(teacher)).containsExactlyInAnyOrder(
                "Tara Late has been absent 3 times in a row from Foundation Maths, since " + DAY.format(d) + ".",
                "Esha Excused has been absent 3 times in a row from Foundation Maths, since " + DAY.format(d) + ".");
    }

    @Test
    void aThousandAbsencesMarkedAtOnceAreEachAlertedOncePerGuardianAndChannel() {
        UUID batch = batch("Crash Course", UUID.randomUUID(), null);
        int students = 1000;
        List<Object[]> guardians = new ArrayList<>();
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < students; i++) {
            UUID student = UUID.randomUUID();
            guardians.add(new Object[] {student, "Guardian " + i, "+9199%08d".formatted(i), "g" + i + "@example.in"});
            records.append(i == 0 ? "" : ",").append("{\"studentId\":\"%s\",\"status\":\"ABSENT\"}".formatted(student));
        }
        jdbc.batchUpdate("""
                insert into student_guardian (student_id, position, name, relation, phone, email, updated_at)
                values (?, 1, ?, 'MOTHER', ?, ?, now())""", guardians);
        String flood = envelope("enrollment-service", "AttendanceMarked", """
                {"batchId":"%s","date":"%s","lessonId":null,"markedBy":"%s","records":[%s]}"""
                .formatted(batch, TODAY, UUID.randomUUID(), records));
        // Delivered twice, as after a crash before the offset was committed.
        TestKafka.sendAll(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(), List.of(flood, flood));

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> count(
                "select count(*) from delivery where purpose = 'ABSENCE_ALERT' and related_key like ?",
                "attendance:" + batch + ":%") >= 3 * students);
        settle();
        assertThat(count("select count(*) from delivery where purpose = 'ABSENCE_ALERT' and related_key like ?",
                "attendance:" + batch + ":%")).isEqualTo(3 * students);
        assertThat(count("""
                select count(*) from (select address, channel from delivery
                 where purpose = 'ABSENCE_ALERT' and related_key like ? and status = 'QUEUED'
                 group by address, channel having count(*) = 1) once""", "attendance:" + batch + ":%"))
                .isEqualTo(3 * students);
        assertThat(count("select count(*) from delivery where address = '+919900000999' and channel = 'SMS'"))
                .isEqualTo(1);
    }

    @Test
    void aSessionThatCanNeverBeReadIsSetAsideOnTheDeadLetterTopicAndKeepsNothing() {
        UUID batch = UUID.randomUUID();
        UUID student = student("Isha Rao", new String[] {"Vikram Rao", "+919880000001", null});
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(),
                envelope("enrollment-service", "AttendanceMarked", """
                        {"batchId":"%s","date":"%s","lessonId":null,"markedBy":"%s",
                         "records":[{"studentId":"%s","status":"ABSENT"},{"studentId":"%s","status":"SICK"}]}"""
                        .formatted(batch, TODAY, UUID.randomUUID(), student, UUID.randomUUID())));
        settle();

        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.ENROLLMENT + ".dlt", batch.toString(),
                1)).singleElement().asString().contains("SICK");
        assertThat(count("select count(*) from attendance_mark where batch_id = ?", batch)).isZero();
        assertThat(alerts(batch, TODAY, student)).isEmpty();
    }

    /** A batch, as enrollment's BatchCreated tells it, once the read model has kept it. */
    private UUID batch(String name, UUID branch, UUID teacher) {
        UUID batch = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(), envelope("enrollment-service",
                "BatchCreated", """
                        {"batchId":"%s","courseId":"%s","name":"%s","startDate":"2026-06-01","capacity":30,
                         "teacherId":%s,"branchId":"%s","fee":"18500.00","feeFrequency":"MONTHLY"}"""
                        .formatted(batch, UUID.randomUUID(), name, teacher == null ? "null" : "\"" + teacher + "\"",
                                branch)));
        await().atMost(LONG).until(() -> count("select count(*) from batch where batch_id = ? and name = ?", batch,
                name) == 1);
        return batch;
    }

    /** A student in the directory (no contacts of their own) with guardians (name, phone, e-mail each). */
    private UUID student(String name, String[]... guardians) {
        UUID student = UUID.randomUUID();
        jdbc.update("""
                insert into recipient (user_id, name, role, active, updated_at, profile_type)
                values (?, ?, 'STUDENT', true, now(), 'STUDENT')""", student, name);
        int position = 1;
        for (String[] guardian : guardians) {
            jdbc.update("""
                    insert into student_guardian (student_id, position, name, relation, phone, email, updated_at)
                    values (?, ?, ?, 'GUARDIAN', ?, ?, now())""", student, position++, guardian[0], guardian[1],
                    guardian[2]);
        }
        return student;
    }

    private UUID user(String name, String role, UUID branch, String email, String phone) {
        UUID user = UUID.randomUUID();
        jdbc.update("""
                insert into recipient (user_id, name, role, active, updated_at, email, branch_id, profile_type, phone)
                values (?, ?, ?, true, now(), ?, ?, ?, ?)""", user, name, role, email, branch,
                role.equals("TEACHER") ? "TEACHER" : "STAFF", phone);
        return user;
    }

    private void marked(UUID batch, LocalDate date, Map<UUID, String> marks) {
        String records = marks.entrySet().stream()
                .map(mark -> "{\"studentId\":\"%s\",\"status\":\"%s\"}".formatted(mark.getKey(), mark.getValue()))
                .collect(Collectors.joining(","));
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(),
                envelope("enrollment-service", "AttendanceMarked", """
                        {"batchId":"%s","date":"%s","lessonId":null,"markedBy":"%s","records":[%s]}"""
                        .formatted(batch, date, UUID.randomUUID(), records)));
    }

    /**
     * Waits until the attendance sent so far is applied: a probe session marked after it on the
     * (one) partition is, and the consumer takes them in order.
     */
    private void settle() {
        UUID probeBatch = UUID.randomUUID();
        UUID probe = student("Probe", new String[] {"Probe Guardian", null, "probe@example.in"});
        marked(probeBatch, TODAY, Map.of(probe, "ABSENT"));
        await().atMost(LONG).until(() -> count("select count(*) from delivery where related_key = ?",
                "attendance:" + probeBatch + ":" + TODAY + ":" + probe) == 3);
    }

    private List<Map<String, Object>> alerts(UUID batch, LocalDate date, UUID student) {
        return jdbc.queryForList("""
                select channel, address, recipient_kind, status, status_reason, body from delivery
                 where purpose = 'ABSENCE_ALERT' and related_key = ?""",
                "attendance:" + batch + ":" + date + ":" + student);
    }

    /** The batch's streak messages as "user channel address". */
    private List<String> streakMessages(UUID batch) {
        return jdbc.queryForList("""
                select recipient_user_id || ' ' || channel || ' ' || address from delivery
                 where purpose = 'ABSENCE_STREAK'
                   and recipient_user_id in (select teacher_id from batch where batch_id = ?
                                             union select user_id from recipient where branch_id =
                                                 (select branch_id from batch where batch_id = ?))""",
                String.class, batch, batch);
    }

    private List<String> told(UUID batch) {
        return jdbc.queryForList("select student_id || ' ' || since || ' ' || absences from absence_streak "
                + "where batch_id = ?", String.class, batch);
    }

    private List<String> inApp(UUID user) {
        return jdbc.queryForList("select message from notification where user_id = ? and title = 'Repeated absences'",
                String.class, user);
    }
}
