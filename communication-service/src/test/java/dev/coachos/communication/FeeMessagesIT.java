package dev.coachos.communication;

import static dev.coachos.communication.MessageTemplates.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Fee reminders, receipts and quiz results become rows of the delivery log: a reminder to the
 * student and both guardians on every channel once however often finance's event arrives, each
 * overdue level once, none for an installment a payment has paid (and those waiting cancelled);
 * guardians as the student's profile last gave them. The senders drain the log elsewhere; here
 * the sweep is put off so that what the events wrote stays as they wrote it.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "coachos.delivery.sweep-interval=PT1H",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.FINANCE, Topics.FINANCE + ".dlt", Topics.IDENTITY,
        Topics.IDENTITY + ".dlt", Topics.ASSESSMENT, Topics.ASSESSMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class FeeMessagesIT extends ServiceIntegrationTest {

    private static final Duration LONG = Duration.ofMinutes(3);

    @Autowired
    EmbeddedKafkaBroker broker;

    @BeforeEach
    void templates() {
        MessageTemplates.install(jdbc);
    }

    @Test
    void aReminderReachesTheStudentAndBothGuardiansOnEveryChannelOnceAndEachOverdueLevelOnce() {
        UUID asha = UUID.randomUUID();
        identity(asha, "UserRegistered", """
                {"userId":"%s","email":"asha@example.in","name":"Asha Verma","role":"STUDENT","branchId":null,
                 "profileType":"STUDENT","phone":"+919810000001"}""".formatted(asha));
        identity(asha, "StudentProfileUpdated", """
                {"userId":"%s","studentProfileId":"%s","stateCode":"07","guardians":[
                  {"name":"Rakesh Verma","relation":"FATHER","phone":"+919810000002","email":"rakesh@example.in"},
                  {"name":"Sunita Verma","relation":"MOTHER","phone":"+919810000003","email":"sunita@example.in"}]}"""
                .formatted(asha, UUID.randomUUID()));
        await().atMost(LONG).until(() -> count("select count(*) from student_guardian where student_id = ?", asha) == 2
                && count("select count(*) from recipient where user_id = ? and phone is not null", asha) == 1);

        UUID installment = UUID.randomUUID();
        String due = envelope("finance-service", "InstallmentDue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"JEE Physics",
                 "dueDate":"2027-01-05","amount":"18500.00","pending":"18500.00"}"""
                .formatted(installment, UUID.randomUUID(), asha));
        finance(asha, due);
        finance(asha, due);
        for (int level = 1; level <= 3; level++) {
            String overdue = overdue(installment, asha, level);
            finance(asha, overdue);
            finance(asha, overdue);
        }
        settle();

        List<Map<String, Object>> reminders = rows("FEE_DUE", installment);
        assertThat(reminders).hasSize(9).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("QUEUED"));
        assertThat(reminders).extracting(row -> row.get("channel") + " " + row.get("address"))
                .containsExactlyInAnyOrder("EMAIL asha@example.in", "SMS +919810000001", "WHATSAPP +919810000001",
                        "EMAIL rakesh@example.in", "SMS +919810000002", "WHATSAPP +919810000002",
                        "EMAIL sunita@example.in", "SMS +919810000003", "WHATSAPP +919810000003");
        assertThat(reminders).extracting(row -> row.get("body")).containsOnly(
                "Dear Asha Verma, Rs. 18,500.00 for JEE Physics is due on 5 Jan 2027.");
        assertThat(reminders).filteredOn(row -> "GUARDIAN".equals(row.get("recipient_kind"))).hasSize(6);

        List<Map<String, Object>> overdue = rows("FEE_OVERDUE", installment);
        assertThat(overdue).hasSize(27);
        assertThat(overdue.stream().map(row -> row.get("source_event_id")).distinct()).hasSize(3);
        for (int level = 1; level <= 3; level++) {
            String body = "Asha Verma: Rs. 18,500.00 for JEE Physics was due on 5 Jan 2027, " + (level * 7)
                    + " days ago (reminder " + level + ").";
            assertThat(overdue).filteredOn(row -> body.equals(row.get("body"))).hasSize(9);
        }
    }

    @Test
    void aPaymentThatPaysTheInstallmentCancelsItsWaitingRemindersAndNoneFollowUntilItIsReversed() {
        UUID ravi = student("Ravi Kumar", "ravi@example.in", "+919820000001",
                new String[] {"Mohan Kumar", "+919820000002", "mohan@example.in"});
        UUID paidOne = UUID.randomUUID();
        UUID partlyPaid = UUID.randomUUID();
        finance(ravi, envelope("finance-service", "InstallmentDue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"NEET Biology",
                 "dueDate":"2027-02-05","amount":"9000.00","pending":"9000.00"}"""
                .formatted(paidOne, UUID.randomUUID(), ravi)));
        finance(ravi, overdue(partlyPaid, ravi, 1));
        UUID payment = UUID.randomUUID();
        finance(ravi, envelope("finance-service", "PaymentReceived", """
                {"paymentId":"%s","receiptId":"%s","receiptNumber":"DEL/26-27/00077","studentId":"%s","branchId":null,
                 "planId":"%s","amount":"12000.00","method":"UPI","status":"CLEARED","pendingAfter":"15500.00",
                 "receivedAt":"2026-11-24T10:00:00Z","installments":[{"installmentId":"%s","status":"PAID"},
                 {"installmentId":"%s","status":"PARTIALLY_PAID"}]}"""
                .formatted(payment, UUID.randomUUID(), ravi, UUID.randomUUID(), paidOne, partlyPaid)));
        // Finance's daily job may still publish a level for it (it ran before the payment): nothing goes.
        finance(ravi, overdue(paidOne, ravi, 1));
        settle();

        assertThat(rows("FEE_DUE", paidOne)).hasSize(6).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("CANCELLED");
            assertThat(row.get("status_reason")).isEqualTo("the installment was paid (receipt DEL/26-27/00077)");
        });
        assertThat(rows("FEE_OVERDUE", paidOne)).isEmpty();
        assertThat(rows("FEE_OVERDUE", partlyPaid)).hasSize(6)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("QUEUED"));
        List<Map<String, Object>> receipts = jdbc.queryForList("""
                select channel, address, status, body from delivery
                 where purpose = 'PAYMENT_RECEIPT' and recipient_user_id = ?""", ravi);
        assertThat(receipts).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("QUEUED");
            assertThat(row.get("body"))
                    .isEqualTo("Ravi Kumar, we received Rs. 12,000.00 (receipt DEL/26-27/00077). Pending: Rs. 15,500.00.");
        });

        // The cheque, say, bounced: the installment is owed again and its next level goes.
        finance(ravi, envelope("finance-service", "PaymentReversed", """
                {"paymentId":"%s","receiptId":"%s","studentId":"%s","branchId":null,"planId":"%s","amount":"12000.00",
                 "reason":"cheque bounced","bounceCharge":null,"reversedAt":"2026-11-30T10:00:00Z"}"""
                .formatted(payment, UUID.randomUUID(), ravi, UUID.randomUUID())));
        finance(ravi, overdue(paidOne, ravi, 2));
        settle();
        assertThat(rows("FEE_OVERDUE", paidOne)).hasSize(6)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("QUEUED"));
    }

    @Test
    void aGradedResultTheStudentMaySeeGoesOutAndOneWaitingOrHiddenDoesNot() {
        UUID meera = student("Meera Iyer", "meera@example.in", "+919830000001");
        UUID graded = UUID.randomUUID();
        String submitted = result("QuizSubmitted", graded, meera, "GRADED", true);
        assessment(meera, submitted);
        assessment(meera, submitted);
        assessment(meera, result("QuizSubmitted", UUID.randomUUID(), meera, "PENDING_REVIEW", true));
        assessment(meera, result("QuizSubmitted", UUID.randomUUID(), meera, "GRADED", false));
        UUID reviewed = UUID.randomUUID();
        assessment(meera, result("QuizGraded", reviewed, meera, "GRADED", true));
        UUID probe = student("Probe", "probe@example.in", null);
        UUID probeAttempt = UUID.randomUUID();
        assessment(probe, result("QuizGraded", probeAttempt, probe, "GRADED", true));
        await().atMost(LONG).until(() -> count("select count(*) from delivery where related_key = ?",
                "attempt:" + probeAttempt) == 3);

        List<Map<String, Object>> results = jdbc.queryForList("""
                select related_key, channel, status, body from delivery
                 where purpose = 'QUIZ_RESULT' and recipient_user_id = ?""", meera);
        assertThat(results).extracting(row -> row.get("related_key")).containsExactlyInAnyOrder(
                "attempt:" + graded, "attempt:" + graded, "attempt:" + graded,
                "attempt:" + reviewed, "attempt:" + reviewed, "attempt:" + reviewed);
        assertThat(results).extracting(row -> row.get("body"))
                .containsOnly("Meera Iyer: Newton's laws 9.00 of 12.00 (75.00%).");
        assertThat(jdbc.queryForList("""
                select status, status_reason from delivery where related_key = ? and channel = 'SMS'""",
                "attempt:" + probeAttempt)).singleElement()
                .satisfies(row -> assertThat(row.get("status")).isEqualTo("SKIPPED"));
    }

    @Test
    void guardiansAreReplacedWholeByEachProfileAndAProfileWithoutThemChangesNothing() {
        UUID kabir = UUID.randomUUID();
        identity(kabir, "UserRegistered", """
                {"userId":"%s","email":"kabir@example.in","name":"Kabir Shah","role":"STUDENT","branchId":null,
                 "profileType":"STUDENT","phone":null}""".formatted(kabir));
        identity(kabir, "StudentProfileUpdated", profile(kabir, """
                [{"name":"Anil Shah","relation":"FATHER","phone":"+919840000001","email":null},
                 {"name":"Rita Shah","relation":"MOTHER","phone":"+919840000002","email":"rita@example.in"}]"""));
        identity(kabir, "StudentProfileUpdated", profile(kabir, """
                [{"name":"Rita Shah","relation":"MOTHER","phone":"+919840000009","email":"rita@example.in"}]"""));
        identity(kabir, "UserUpdated", """
                {"userId":"%s","email":"kabir@example.in","name":"Kabir Shah","phone":"+919840000000",
                 "branchId":null,"active":true}""".formatted(kabir));
        identityProbe();
        assertThat(guardians(kabir)).containsExactly("1 Rita Shah MOTHER +919840000009 rita@example.in");
        assertThat(jdbc.queryForObject("select phone from recipient where user_id = ?", String.class, kabir))
                .isEqualTo("+919840000000");

        // An older event without the list changes nothing; an empty list says there are none now.
        identity(kabir, "StudentProfileUpdated", """
                {"userId":"%s","studentProfileId":"%s","stateCode":"27"}""".formatted(kabir, UUID.randomUUID()));
        identityProbe();
        assertThat(guardians(kabir)).hasSize(1);
        identity(kabir, "StudentProfileUpdated", profile(kabir, "[]"));
        identityProbe();
        assertThat(guardians(kabir)).isEmpty();
    }

    @Test
    void aReminderThatCanNeverBeReadIsSetAsideOnTheDeadLetterTopic() {
        UUID student = student("Dev Malhotra", "dev@example.in", "+919850000001");
        UUID installment = UUID.randomUUID();
        finance(student, envelope("finance-service", "InstallmentOverdue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"JEE Maths",
                 "dueDate":"2027-01-05","pending":"lots","daysOverdue":7,"level":1}"""
                .formatted(installment, UUID.randomUUID(), student)));
        settle();
        assertThat(TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.FINANCE + ".dlt", student.toString(), 1))
                .singleElement().asString().contains("\"pending\":\"lots\"");
        assertThat(rows("FEE_OVERDUE", installment)).isEmpty();
    }

    private static String overdue(UUID installment, UUID student, int level) {
        return envelope("finance-service", "InstallmentOverdue", """
                {"installmentId":"%s","planId":"%s","studentId":"%s","branchId":null,"courseTitle":"%s",
                 "dueDate":"2027-01-05","pending":"18500.00","daysOverdue":%d,"level":%d}"""
                .formatted(installment, UUID.randomUUID(), student, "JEE Physics", level * 7, level));
    }

    private static String result(String type, UUID attempt, UUID student, String status, boolean visible) {
        return envelope("assessment-service", type, """
                {"attemptId":"%s","quizId":"%s","quizTitle":"Newton's laws","studentId":"%s","status":"%s",
                 "score":"9.00","maxScore":"12.00","percent":"75.00","passed":true,"marksVisible":%s}"""
                .formatted(attempt, UUID.randomUUID(), student, status, visible));
    }

    private static String profile(UUID student, String guardians) {
        return """
                {"userId":"%s","studentProfileId":"%s","stateCode":"27","guardians":%s}"""
                .formatted(student, UUID.randomUUID(), guardians);
    }

    /** A student in the directory with their contacts and guardians (name, phone, e-mail each). */
    private UUID student(String name, String email, String phone, String[]... guardians) {
        UUID student = UUID.randomUUID();
        jdbc.update("""
                insert into recipient (user_id, name, role, active, updated_at, email, profile_type, phone)
                values (?, ?, 'STUDENT', true, now(), ?, 'STUDENT', ?)""", student, name, email, phone);
        int position = 1;
        for (String[] guardian : guardians) {
            jdbc.update("""
                    insert into student_guardian (student_id, position, name, relation, phone, email, updated_at)
                    values (?, ?, ?, 'GUARDIAN', ?, ?, now())""", student, position++, guardian[0], guardian[1],
                    guardian[2]);
        }
        return student;
    }

    private List<String> guardians(UUID student) {
        return jdbc.queryForList("""
                select position || ' ' || name || ' ' || coalesce(relation, '-') || ' ' || coalesce(phone, '-') || ' '
                       || coalesce(email, '-')
                  from student_guardian where student_id = ? order by position""", String.class, student);
    }

    private List<Map<String, Object>> rows(String purpose, UUID installment) {
        return jdbc.queryForList("""
                select source_event_id, channel, address, recipient_kind, status, status_reason, body from delivery
                 where purpose = ? and related_key = ?""", purpose, "installment:" + installment);
    }

    /**
     * Waits until finance's events sent so far are applied: a probe sent after them on the (one)
     * partition is, and the consumer takes them in order.
     */
    private void settle() {
        UUID probe = student("Probe", "probe@example.in", null);
        UUID receipt = UUID.randomUUID();
        finance(probe, envelope("finance-service", "PaymentReceived", """
                {"paymentId":"%s","receiptId":"%s","receiptNumber":"P-1","studentId":"%s","branchId":null,
                 "planId":"%s","amount":"1.00","method":"CASH","status":"CLEARED","pendingAfter":"0.00",
                 "receivedAt":"2026-11-24T10:00:00Z"}""".formatted(UUID.randomUUID(), receipt, probe,
                UUID.randomUUID())));
        await().atMost(LONG).until(() -> count("select count(*) from delivery where related_key = ?",
                "receipt:" + receipt) == 3);
    }

    /** As identity's events before it are applied: a probe user registered after them is. */
    private void identityProbe() {
        UUID probe = UUID.randomUUID();
        identity(probe, "UserRegistered", """
                {"userId":"%s","email":"p@example.in","name":"Probe","role":"STUDENT","branchId":null,
                 "profileType":"STUDENT","phone":null}""".formatted(probe));
        await().atMost(LONG).until(() -> count("select count(*) from recipient where user_id = ?", probe) == 1);
    }

    private void identity(UUID user, String type, String payload) {
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, user.toString(),
                envelope("identity-service", type, payload));
    }

    private void finance(UUID student, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.FINANCE, student.toString(), value);
    }

    private void assessment(UUID student, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.ASSESSMENT, student.toString(), value);
    }
}
