package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * Teacher pay from real enrollment and identity events on an embedded broker: the batch's terms, who
 * held it when, its students' active days and its sessions, worked out for a month and previewed over
 * HTTP; redelivered events change nothing; events that come before their batch count once it is known;
 * teachers and staff (not students) become payees.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class TeacherPayIT extends FinanceTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    /** Every event sent, to send again. */
    private final List<Sent> sent = new ArrayList<>();

    private record Sent(String topic, String key, UUID eventId, String value) {
    }

    /**
     * November 2026 has 30 days. Batch "JEE Physics A" (from 1 October, no end) pays its teacher
     * 20,000.00 a month, 500.00 per active student, and 300.00 per session (set over the API).
     * Asha teaches it until the teacher changes to Ravi on the 16th (the change is made at 00:30 on
     * the 16th in Delhi, still the 15th in UTC): Asha holds 1-15 November (15 days), Ravi 16-30 (15 days).
     * <ul>
     * <li>Dev enrolled in October and dropped on the 16th: active until the 15th, Asha's days only.</li>
     * <li>Meera moved in from batch B on the 10th: active from the 10th, on days of both.</li>
     * <li>Kabir enrolled at 00:30 on 1 December in Delhi (30 November in UTC): no day of November.</li>
     * </ul>
     * Sessions in November: 3, 5 (re-marked) and 12 under Asha; 17, 19, 24, 26 and 30 under Ravi (one
     * on 29 October is another month's).
     * <p>Each active student earns the batch 500.00 once in the month, split between its teachers by the
     * student's active days under each. Dev's 500.00 is all Asha's (15 of 15 days). Meera is active 10-30
     * November in this batch, 21 days: 6 under Asha (10-15), 15 under Ravi (16-30).
     * <p>Asha: fixed 20,000.00 x 15/30 = 10,000.00; commission 500.00 x (1 + 6/21) = 642.86; sessions
     * 3 x 300.00 = 900.00; total 11,542.86. Ravi: fixed 10,000.00; commission 500.00 x 15/21 = 357.14;
     * sessions 5 x 300.00 = 1,500.00; total 11,857.14. The batch's commission is 642.86 + 357.14 =
     * 1,000.00: two students, paid once each. Batch B's teacher, Sunil, holds B all month: 10,000.00
     * (B pays no commission).
     */
    @Test
    void aMonthOfABatchPaysBothItsTeachersLineByLineAndRedeliveryChangesNothing() {
        UUID branch = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID sunil = UUID.randomUUID();
        registered(asha, "Asha Rao", "TEACHER", "TEACHER", branch);
        registered(ravi, "Ravi Kumar", "TEACHER", "TEACHER", branch);
        batchCreated(batch, course, branch, "JEE Physics A", asha, "20000.00", "500.00", "2026-10-01");
        batchCreated(other, course, branch, "JEE Physics B", sunil, "10000.00", null, "2026-10-01");
        await().atMost(PATIENCE).until(() -> count("select count(*) from batch_pay where batch_id in (?, ?)", batch, other) == 2);

        String payroll = KEYS.staff("PAYROLL_MANAGER", branch, "manage:payroll");
        Response rate = api.put("/api/v1/batch-pay/" + batch + "/session-rate", payroll, Map.of("rate", new BigDecimal("300.00")));
        assertThat(rate.status()).as(rate.toString()).isEqualTo(200);
        assertThat(money(rate.json().path("sessionRate"))).isEqualByComparingTo("300.00");

        UUID dev = UUID.randomUUID();
        UUID meera = UUID.randomUUID();
        UUID kabir = UUID.randomUUID();
        enrolled(dev, batch, course, branch, "2026-10-20T06:00:00Z");
        statusChanged(dev, batch, course, "DROPPED", "2026-11-16T05:30:00Z");
        enrolled(meera, other, course, branch, "2026-10-05T06:00:00Z");
        send(Topics.ENROLLMENT, meera, "EnrollmentTransferred", "2026-11-10T05:30:00Z", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","fromBatchId":"%s","toBatchId":"%s",
                 "toBranchId":"%s","reason":"timing"}""".formatted(meera, student(meera), course, other, batch, branch));
        enrolled(kabir, batch, course, branch, "2026-11-30T19:00:00Z");
        send(Topics.ENROLLMENT, batch, "BatchUpdated", "2026-11-15T19:00:00Z", """
                {"batchId":"%s","name":"JEE Physics A","endDate":null,"capacity":30,"teacherId":"%s",
                 "schedule":{"mon":"10:00-12:00"},"status":"OPEN","waitlistCapacity":0}""".formatted(batch, ravi));
        for (String day : List.of("2026-10-29", "2026-11-03", "2026-11-05", "2026-11-12", "2026-11-17", "2026-11-19",
                "2026-11-24", "2026-11-26", "2026-11-30")) {
            attendance(batch, day, 2);
        }
        attendance(batch, "2026-11-05", 3); // re-marked
        awaitApplied();

        List<String> asIs = List.of("BATCH_FIXED 10000.00", "BATCH_COMMISSION 642.86", "BATCH_SESSIONS 900.00");
        JsonNode ashaPay = preview(payroll, asha, branch);
        assertThat(lines(ashaPay)).containsExactlyElementsOf(asIs);
        assertThat(ashaPay.path("teacherName").asString()).isEqualTo("Asha Rao");
        assertThat(ashaPay.path("lines").get(0).path("basis").asString())
                .isEqualTo("monthly compensation 20000.00 x 15/30 days");
        assertThat(ashaPay.path("lines").get(1).path("basis").asString()).isEqualTo("1.2857 of 2 active students (1 shared by active days) x 500.00");
        assertThat(money(ashaPay.path("total"))).isEqualByComparingTo("11542.86");
        JsonNode raviPay = preview(payroll, ravi, branch);
        assertThat(lines(raviPay)).containsExactly("BATCH_FIXED 10000.00", "BATCH_COMMISSION 357.14",
                "BATCH_SESSIONS 1500.00");
        assertThat(raviPay.path("lines").get(1).path("basis").asString())
                .isEqualTo("0.7143 of 1 active student (1 shared by active days) x 500.00");
        assertThat(money(raviPay.path("total"))).isEqualByComparingTo("11857.14");
        assertThat(lines(preview(payroll, sunil, branch))).containsExactly("BATCH_FIXED 10000.00");

        Response view = api.get("/api/v1/batch-pay/" + batch + "?month=2026-11", KEYS.staff("HR_MANAGER", branch, "read:payroll"));
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.json().path("teacherId").asString()).isEqualTo(ravi.toString());
        assertThat(view.json().path("teachers").valueStream().map(t -> t.path("teacherName").asString() + " "
                + t.path("from").asString() + ".." + (t.path("to").isNull() ? "null" : t.path("to").asString())))
                .containsExactly("Asha Rao 2026-10-01..2026-11-15", "Ravi Kumar 2026-11-16..null");
        assertThat(view.json().path("sessions").asInt()).isEqualTo(8);
        assertThat(view.json().path("activeStudents").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select students from batch_session where batch_id = ? and session_date = '2026-11-05'",
                Integer.class, batch)).isEqualTo(3);

        // Everything again, as a broker redelivers: nothing changes.
        Map<String, Integer> rows = rows(batch, other);
        List<Sent> once = List.copyOf(sent);
        once.forEach(s -> TestKafka.send(broker.getBrokersAsString(), s.topic(), s.key(), s.value()));
        attendance(UUID.randomUUID(), "2026-11-30", 1); // behind all of them on the one partition
        awaitApplied();
        assertThat(rows(batch, other)).isEqualTo(rows);
        assertThat(lines(preview(payroll, asha, branch))).containsExactlyElementsOf(asIs);
        assertThat(money(preview(payroll, ravi, branch).path("total"))).isEqualByComparingTo("11857.14");

        // November's payroll run for the branch pays from the same read models: a slip for each of the
        // three teachers, no structures, so net = gross = the preview's total, line for line.
        Response run = api.post("/api/v1/payroll-runs", payroll, Map.of("month", "2026-11", "branchId", branch.toString()));
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        Response slips = api.get("/api/v1/salary-slips?runId=" + run.text("id") + "&size=50", payroll);
        assertThat(slips.status()).as(slips.toString()).isEqualTo(200);
        Map<String, JsonNode> byPerson = new HashMap<>();
        slips.json().path("content").valueStream().forEach(slip -> byPerson.put(slip.path("personId").asString(), slip));
        assertThat(byPerson).containsOnlyKeys(asha.toString(), ravi.toString(), sunil.toString());
        for (UUID teacher : List.of(asha, ravi, sunil)) {
            JsonNode slip = api.get("/api/v1/salary-slips/" + byPerson.get(teacher.toString()).path("id").asString(),
                    payroll).json();
            JsonNode pay = preview(payroll, teacher, branch);
            assertThat(slip.path("lines").valueStream().map(l -> l.path("code").asString() + " "
                    + money(l.path("amount")).toPlainString()).toList()).isEqualTo(lines(pay));
            assertThat(money(slip.path("gross"))).isEqualByComparingTo(money(pay.path("total")));
            assertThat(money(slip.path("net"))).isEqualByComparingTo(money(pay.path("total")));
            assertThat(slip.path("status").asString()).isEqualTo("DRAFT");
        }
        assertThat(money(api.get("/api/v1/salary-slips/" + byPerson.get(asha.toString()).path("id").asString(), payroll)
                .json().path("net"))).isEqualByComparingTo("11542.86");
    }

    /**
     * Tara hands "Bio 12" to Uday on 11 November and takes it back on the 21st: she held it 1-10 and
     * 21-30 November (20 days), he 11-20 (10 days). Tara: fixed 30,000.00 x 20/30 = 20,000.00 on one
     * line; the one student, active all month, shared by days: 100.00 x 20/30 = 66.67; sessions on the
     * 5th and 25th: 2 x 200.00 = 400.00. Uday: 10,000.00; the same student: 100.00 x 10/30 = 33.33; the
     * session on the 15th: 200.00. The student's commission is paid once: 66.67 + 33.33 = 100.00.
     */
    @Test
    void aTeacherWhoHandsABatchOverAndTakesItBackHasOneLineOfEachKind() {
        UUID branch = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID tara = UUID.randomUUID();
        UUID uday = UUID.randomUUID();
        batchCreated(batch, course, branch, "Bio 12", tara, "30000.00", "100.00", "2026-10-01");
        enrolled(UUID.randomUUID(), batch, course, branch, "2026-10-03T06:00:00Z");
        for (String change : List.of(uday + " 2026-11-11", tara + " 2026-11-21")) {
            String[] teacherAndDay = change.split(" ");
            send(Topics.ENROLLMENT, batch, "BatchUpdated", teacherAndDay[1] + "T05:30:00Z", """
                    {"batchId":"%s","name":"Bio 12","endDate":null,"capacity":30,"teacherId":"%s","schedule":{},
                     "status":"OPEN"}""".formatted(batch, teacherAndDay[0]));
        }
        for (String day : List.of("2026-11-05", "2026-11-15", "2026-11-25")) {
            attendance(batch, day, 1);
        }
        awaitApplied();
        String payroll = KEYS.staff("PAYROLL_MANAGER", branch, "manage:payroll");
        assertThat(api.put("/api/v1/batch-pay/" + batch + "/session-rate", payroll, Map.of("rate", new BigDecimal("200.00")))
                .status()).isEqualTo(200);

        JsonNode taraPay = preview(payroll, tara, branch);
        assertThat(lines(taraPay)).containsExactly("BATCH_FIXED 20000.00", "BATCH_COMMISSION 66.67",
                "BATCH_SESSIONS 400.00");
        assertThat(taraPay.path("lines").get(0).path("basis").asString())
                .isEqualTo("monthly compensation 30000.00 x 20/30 days");
        assertThat(lines(preview(payroll, uday, branch))).containsExactly("BATCH_FIXED 10000.00",
                "BATCH_COMMISSION 33.33", "BATCH_SESSIONS 200.00");
    }

    @Test
    void theSessionRateIsSetByPayrollOfTheBatchsBranchAndRefusesWhatIsWrong() {
        UUID branch = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        batchCreated(batch, UUID.randomUUID(), branch, "NEET Bio", teacher, "15000.00", null,
                "2026-10-01");
        awaitApplied();
        String path = "/api/v1/batch-pay/" + batch + "/session-rate";
        String payroll = KEYS.staff("PAYROLL_MANAGER", branch, "manage:payroll");

        // The batch's own teacher, even holding manage:payroll, does not set their own pay.
        String teacherInPayroll = KEYS.token().subject(teacher).roles(List.of("PAYROLL_MANAGER")).branch(branch)
                .permissions(List.of("manage:payroll")).staffProfile().sign();
        Response own = api.put(path, teacherInPayroll, Map.of("rate", new BigDecimal("900.00")));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select session_rate from batch_pay where batch_id = ?", BigDecimal.class, batch))
                .isNull();

        Response negative = api.put(path, payroll, Map.of("rate", new BigDecimal("-1.00")));
        assertThat(negative.status()).as(negative.toString()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("rate");
        assertThat(api.put(path, payroll, Map.of("rate", new BigDecimal("10.005"))).errorFields()).containsExactly("rate");
        assertThat(api.put(path, KEYS.staff("PAYROLL_MANAGER", UUID.randomUUID(), "manage:payroll"),
                Map.of("rate", BigDecimal.TEN)).status()).isEqualTo(404);
        assertThat(api.put(path, KEYS.staff("HR_MANAGER", branch, "read:payroll"), Map.of("rate", BigDecimal.TEN))
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/batch-pay/" + UUID.randomUUID() + "/session-rate", payroll,
                Map.of("rate", BigDecimal.TEN)).status()).isEqualTo(404);
        assertThat(api.put(path, KEYS.director(UUID.randomUUID()), Map.of("rate", new BigDecimal("250.50"))).status())
                .isEqualTo(200);
        Map<String, Object> none = new HashMap<>();
        none.put("rate", null);
        Response stopped = api.put(path, payroll, none);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().path("sessionRate").isNull()).isTrue();
        assertThat(jdbc.queryForObject("select session_rate from batch_pay where batch_id = ?", BigDecimal.class, batch))
                .isNull();

        Response list = api.get("/api/v1/batch-pay?branchId=" + branch, KEYS.staff("GENERAL_MANAGER", branch,
                "read:payroll"));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().valueStream().map(b -> b.path("batchId").asString())).containsExactly(batch.toString());
        assertThat(api.get("/api/v1/batch-pay", KEYS.staff("GENERAL_MANAGER", UUID.randomUUID(), "read:payroll"))
                .json().valueStream().map(b -> b.path("batchId").asString())).doesNotContain(batch.toString());
        assertThat(api.get("/api/v1/batch-pay/" + batch, KEYS.staff("BACKOFFICE", branch, "read:fees")).status())
                .isEqualTo(403);
    }

    @Test
    void thePreviewIsForPayrollOfTheBranchAndForTheTeacherThemselves() {
        UUID branch = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        batchCreated(batch, UUID.randomUUID(), branch, "Maths 10", teacher, "12000.00", null, "2026-10-01");
        awaitApplied();
        String path = "/api/v1/teacher-pay?month=2026-11&teacherId=";

        Response own = api.get(path + "me", KEYS.teacher(teacher));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(lines(own.json())).containsExactly("BATCH_FIXED 12000.00");
        assertThat(lines(api.get(path + teacher, KEYS.teacher(teacher)).json())).containsExactly("BATCH_FIXED 12000.00");
        assertThat(api.get(path + teacher, KEYS.teacher(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get(path + teacher, KEYS.staff("BACKOFFICE", branch, "read:fees")).status()).isEqualTo(404);
        String elsewhere = KEYS.staff("PAYROLL_MANAGER", UUID.randomUUID(), "manage:payroll");
        assertThat(api.get(path + teacher + "&branchId=" + branch, elsewhere).status()).isEqualTo(404);
        assertThat(lines(api.get(path + teacher, elsewhere).json())).isEmpty();
        assertThat(lines(api.get(path + teacher, KEYS.staff("GENERAL_MANAGER", UUID.randomUUID(), "read:payroll",
                "access:all_branches")).json())).containsExactly("BATCH_FIXED 12000.00");

        Response badMonth = api.get("/api/v1/teacher-pay?month=November&teacherId=me", KEYS.teacher(teacher));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.errorFields()).containsExactly("month");
        assertThat(api.get("/api/v1/teacher-pay?month=2026-11&teacherId=someone", KEYS.teacher(teacher)).errorFields())
                .containsExactly("teacherId");
    }

    @Test
    void enrollmentsAndSessionsBeforeTheirBatchCountOnceItIsKnown() {
        UUID branch = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        enrolled(enrollment, batch, course, branch, "2026-11-02T06:00:00Z");
        attendance(batch, "2026-11-04", 1);
        awaitApplied();
        assertThat(lines(preview(KEYS.director(UUID.randomUUID()), teacher, branch))).isEmpty();

        batchCreated(batch, course, branch, "Chem 11", teacher, "9000.00", "250.00", "2026-11-01");
        awaitApplied();
        assertThat(api.put("/api/v1/batch-pay/" + batch + "/session-rate", KEYS.director(UUID.randomUUID()),
                Map.of("rate", new BigDecimal("100.00"))).status()).isEqualTo(200);
        // From 1 November (its start) to the 30th: the whole month; one student, one session.
        assertThat(lines(preview(KEYS.director(UUID.randomUUID()), teacher, branch)))
                .containsExactly("BATCH_FIXED 9000.00", "BATCH_COMMISSION 250.00", "BATCH_SESSIONS 100.00");
    }

    @Test
    void teachersAndStaffBecomePayeesAndStudentsDoNot() {
        UUID branch = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID pupil = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        registered(teacher, "Farah Khan", "TEACHER", "TEACHER", branch);
        registered(staff, "Joseph D'Souza", "PAYROLL_MANAGER", "STAFF", branch);
        registered(pupil, "Anil Verma", "STUDENT", "STUDENT", branch);
        send(Topics.IDENTITY, older, "UserRegistered", "2026-01-10T05:30:00Z", """
                {"userId":"%s","email":"old@example.in","name":"Old Teacher","role":"TEACHER","branchId":"%s"}"""
                .formatted(older, branch));
        UUID moved = UUID.randomUUID();
        send(Topics.IDENTITY, teacher, "UserUpdated", "2026-11-20T05:30:00Z", """
                {"userId":"%s","email":"farah.k@example.in","name":"Farah K","phone":"+919812345678","branchId":"%s",
                 "active":true}""".formatted(teacher, moved));
        send(Topics.IDENTITY, staff, "UserDeactivated", "2026-11-21T05:30:00Z", """
                {"userId":"%s"}""".formatted(staff));
        send(Topics.IDENTITY, pupil, "UserUpdated", "2026-11-22T05:30:00Z", """
                {"userId":"%s","email":"anil@example.in","name":"Anil V","phone":null,"branchId":"%s","active":true}"""
                .formatted(pupil, branch));
        awaitApplied();

        assertThat(jdbc.queryForList("""
                select name || ' ' || email || ' ' || profile_type || ' ' || active || ' ' || branch_id from payee_view
                where user_id in (?, ?, ?, ?) order by name""", String.class, teacher, staff, pupil, older))
                .containsExactly("Farah K farah.k@example.in TEACHER true " + moved,
                        "Joseph D'Souza joseph@example.in STAFF false " + branch,
                        "Old Teacher old@example.in TEACHER true " + branch);
    }

    // ---- events as identity and enrollment publish them ----

    private void registered(UUID user, String name, String role, String profileType, UUID branch) {
        String email = name.split(" ")[0].toLowerCase() + "@example.in";
        send(Topics.IDENTITY, user, "UserRegistered", "2026-01-10T05:30:00Z", """
                {"userId":"%s","email":"%s","name":"%s","role":"%s","branchId":"%s","profileType":"%s","phone":null}"""
                .formatted(user, email, name, role, branch, profileType));
    }

    private void batchCreated(UUID batch, UUID course, UUID branch, String name, UUID teacher, String compensation,
            String commission, String start) {
        send(Topics.ENROLLMENT, batch, "BatchCreated", "2026-09-20T05:30:00Z", """
                {"batchId":"%s","courseId":"%s","name":"%s","startDate":"%s","endDate":null,"capacity":30,
                 "teacherId":"%s","branchId":"%s","fee":"3000.00","feeFrequency":"MONTHLY","teacherCompensation":"%s",
                 "teacherCommission":%s,"monthlyOverheadCost":"15000.00"}"""
                .formatted(batch, course, name, start,
                        teacher, branch, compensation, commission == null ? "null" : "\"" + commission + "\""));
    }

    /** The student of an enrollment: one per enrollment in these tests. */
    private final Map<UUID, UUID> students = new HashMap<>();

    private UUID student(UUID enrollment) {
        return students.computeIfAbsent(enrollment, e -> UUID.randomUUID());
    }

    private void enrolled(UUID enrollment, UUID batch, UUID course, UUID branch, String enrolledAt) {
        send(Topics.ENROLLMENT, enrollment, "EnrollmentCreated", enrolledAt, """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","courseTitle":"Physics","batchId":"%s",
                 "batchName":"JEE Physics","branchId":"%s","fee":"3000.00","feeFrequency":"ONE_TIME","discountType":null,
                 "discount":null,"netFee":"3000.00","enrolledAt":"%s"}"""
                .formatted(enrollment, student(enrollment), course, batch, branch, enrolledAt));
    }

    private void statusChanged(UUID enrollment, UUID batch, UUID course, String status, String occurredAt) {
        send(Topics.ENROLLMENT, enrollment, "EnrollmentStatusChanged", occurredAt, """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"%s","previous":"ACTIVE",
                 "status":"%s","reason":"moved away"}""".formatted(enrollment, student(enrollment), course, batch, status));
    }

    private void attendance(UUID batch, String day, int students) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            records.add("{\"studentId\":\"%s\",\"status\":\"PRESENT\"}".formatted(UUID.randomUUID()));
        }
        send(Topics.ENROLLMENT, batch, "AttendanceMarked", day + "T10:00:00Z", """
                {"batchId":"%s","date":"%s","lessonId":null,"markedBy":"%s","records":[%s]}"""
                .formatted(batch, day, UUID.randomUUID(), String.join(",", records)));
    }

    private void send(String topic, UUID key, String type, String occurredAt, String payload) {
        UUID id = UUID.randomUUID();
        String value = """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"%s","source":"test","traceparent":null,
                 "payload":%s}""".formatted(id, type, occurredAt, payload);
        sent.add(new Sent(topic, key.toString(), id, value));
        TestKafka.send(broker.getBrokersAsString(), topic, key.toString(), value);
    }

    /** Waits until this service's payroll consumers have applied (or skipped) every event sent so far. */
    private void awaitApplied() {
        List<UUID> applied = sent.stream().filter(s -> !s.value().contains("\"STUDENT\"")).map(Sent::eventId).toList();
        await().atMost(PATIENCE).until(() -> applied.stream().allMatch(id -> count("""
                select count(*) from processed_event where event_id = ?
                  and consumer in ('finance.payroll.enrollments', 'finance.payroll.identity')""", id) == 1));
    }

    private JsonNode preview(String token, UUID teacher, UUID branch) {
        Response got = api.get("/api/v1/teacher-pay?teacherId=" + teacher + "&month=2026-11&branchId=" + branch, token);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json();
    }

    private static List<String> lines(JsonNode preview) {
        return preview.path("lines").valueStream()
                .map(l -> l.path("code").asString() + " " + money(l.path("amount")).toPlainString()).toList();
    }

    private Map<String, Integer> rows(UUID... batches) {
        Map<String, Integer> rows = new HashMap<>();
        for (String table : List.of("batch_pay", "batch_teacher", "seat_period", "batch_session")) {
            rows.put(table, count("select count(*) from " + table + " where batch_id in (?, ?)", (Object[]) batches));
        }
        rows.put("open seats", count("select count(*) from seat_period where to_date is null and batch_id in (?, ?)",
                (Object[]) batches));
        return rows;
    }
}
