package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.TestKafka;

/**
 * Notifications from identity's, course's, enrollment's and assessment's events, each once, and
 * each user's own notification API.
 */
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.events.partitions=1",
        "coachos.notifications.curriculum-reviewer-roles=DIRECTOR,GENERAL_MANAGER",
        "logging.level.org.apache.kafka=warn"})
@EmbeddedKafka(partitions = 1, topics = {Topics.IDENTITY, Topics.IDENTITY + ".dlt", Topics.COURSE, Topics.COURSE + ".dlt",
        Topics.ENROLLMENT, Topics.ENROLLMENT + ".dlt", Topics.ASSESSMENT, Topics.ASSESSMENT + ".dlt"},
        brokerProperties = "auto.create.topics.enable=false")
@IsolatedDatabase(service = "communication")
class NotificationsIT extends ServiceIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aNewUserFindsExactlyOneWelcomeEvenWhenTheEventArrivesTwice() {
        UUID user = UUID.randomUUID();
        String event = registered(UUID.randomUUID(), user, "Asha");
        send(user, event);
        send(user, event);
        String token = KEYS.token().subject(user).sign();
        await().atMost(Duration.ofSeconds(60)).until(() -> total(token, "") >= 1);
        // A later event for another user is processed, so both copies of the first were seen.
        UUID other = UUID.randomUUID();
        send(other, registered(UUID.randomUUID(), other, "Later"));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(KEYS.token().subject(other).sign(), "") == 1);

        Response mine = api.get("/api/v1/notifications", token);
        assertThat(mine.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(mine.json().path("content").get(0).path("title").asString()).contains("Welcome");
        assertThat(mine.json().path("content").get(0).path("message").asString()).contains("Asha");
        assertThat(mine.json().path("content").get(0).path("type").asString()).isEqualTo("SUCCESS");

        // Operators see how far the consumer is behind.
        String operator = KEYS.token().permissions(List.of("read:metrics")).sign();
        Response lag = api.get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max", operator);
        assertThat(lag.status()).as(lag.toString()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max", token).status())
                .isEqualTo(403);
    }

    @Test
    void usersReadAndMarkOnlyTheirOwnNotifications() {
        UUID owner = UUID.randomUUID();
        send(owner, registered(UUID.randomUUID(), owner, "Ravi"));
        String ownerToken = KEYS.token().subject(owner).sign();
        await().atMost(Duration.ofSeconds(60)).until(() -> total(ownerToken, "?unread=true") == 1);
        String id = api.get("/api/v1/notifications", ownerToken).json().path("content").get(0).path("id").asString();

        String stranger = KEYS.token().subject(UUID.randomUUID()).sign();
        assertThat(api.get("/api/v1/notifications", stranger).json().path("content").size()).isZero();
        Response steal = api.post("/api/v1/notifications/" + id + "/read", stranger, null);
        assertThat(steal.status()).isEqualTo(404);
        assertThat(steal.text("type")).isEqualTo("urn:coachos:problem:not-found");
        assertThat(total(ownerToken, "?unread=true")).isEqualTo(1);

        Response read = api.post("/api/v1/notifications/" + id + "/read", ownerToken, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("read").asBoolean()).isTrue();
        assertThat(total(ownerToken, "?unread=true")).isZero();
        assertThat(api.post("/api/v1/notifications/read-all", ownerToken, null).json().path("marked").asInt()).isZero();

        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/notifications/not-an-id/read", ownerToken, null).status()).isEqualTo(400);
    }

    @Test
    void theDirectoryKeepsEachUsersEmailBranchAndProfileType() {
        UUID clerk = UUID.randomUUID();
        UUID delhi = UUID.randomUUID();
        UUID pune = UUID.randomUUID();
        send(clerk, envelope(UUID.randomUUID(), "UserRegistered", """
                {"userId":"%s","email":"clerk@example.in","name":"Clerk","role":"BACKOFFICE","branchId":"%s",
                 "profileType":"STAFF"}""".formatted(clerk, delhi)));
        send(clerk, envelope(UUID.randomUUID(), "UserUpdated", """
                {"userId":"%s","email":"clerk.pune@example.in","name":"Clerk Pune","phone":null,"branchId":"%s",
                 "active":true}""".formatted(clerk, pune)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from recipient where user_id = ? and email = 'clerk.pune@example.in' and branch_id = ?
                and profile_type = 'STAFF' and name = 'Clerk Pune' and active""", clerk, pune) == 1);
    }

    @Test
    void theDirectoryKeepsWhomAStaffMemberReportsToEvenWhenTheProfileArrivesBeforeTheUser() {
        UUID clerk = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String profile = envelope(eventId, "StaffProfileUpdated", """
                {"userId":"%s","staffProfileId":"%s","reportingManagerId":"%s"}"""
                .formatted(clerk, UUID.randomUUID(), manager));
        send(clerk, profile);
        send(clerk, profile);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from recipient where user_id = ? and reporting_manager_id = ? and not active""",
                clerk, manager) == 1);

        send(clerk, envelope(UUID.randomUUID(), "UserRegistered", """
                {"userId":"%s","email":"ravi@example.in","name":"Ravi","role":"BACKOFFICE","branchId":null,
                 "profileType":"STAFF"}""".formatted(clerk)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from recipient where user_id = ? and reporting_manager_id = ? and name = 'Ravi'
                and role = 'BACKOFFICE' and active""", clerk, manager) == 1);
        assertThat(count("select count(*) from processed_event where consumer = 'communication.directory' and event_id = ?",
                eventId)).as("applied once").isEqualTo(1);

        send(clerk, envelope(UUID.randomUUID(), "StaffProfileUpdated", """
                {"userId":"%s","staffProfileId":"%s","reportingManagerId":null}""".formatted(clerk, UUID.randomUUID())));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("""
                select count(*) from recipient where user_id = ? and reporting_manager_id is null and active""",
                clerk) == 1);
    }

    @Test
    void directorsHearOfSubmittedCurriculaTeachersOfDecisionsAndStudentsOfGradesEachOnce() {
        UUID director = UUID.randomUUID();
        UUID generalManager = UUID.randomUUID();
        UUID formerDirector = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        UUID student = UUID.randomUUID();

        // Submitted before this service knows any reviewer: the notification waits for the directory.
        assertThat(jdbc.queryForObject("select count(*) from recipient where role in ('DIRECTOR', 'GENERAL_MANAGER')",
                Integer.class)).isZero();
        UUID early = UUID.randomUUID();
        sendCourse(early, envelope(UUID.randomUUID(), "CurriculumSubmitted", """
                {"curriculumId":"%s","courseId":"%s","courseTitle":"NEET Biology","teacherId":"%s","versionName":null}"""
                .formatted(early, UUID.randomUUID(), teacher)));
        send(teacher, registered(UUID.randomUUID(), teacher, "Meera Iyer", "TEACHER"));
        send(director, registered(UUID.randomUUID(), director, "Director One", "DIRECTOR"));
        String directorToken = KEYS.token().subject(director).sign();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/notifications", directorToken).raw()
                .contains("NEET Biology"));

        // Once the directory knows them, every active reviewer is told, the deactivated one not.
        send(formerDirector, registered(UUID.randomUUID(), formerDirector, "Gone", "DIRECTOR"));
        send(formerDirector, envelope(UUID.randomUUID(), "UserDeactivated", "{\"userId\":\"%s\"}".formatted(formerDirector)));
        send(generalManager, registered(UUID.randomUUID(), generalManager, "Manager", "STUDENT"));
        send(generalManager, envelope(UUID.randomUUID(), "UserRoleChanged",
                "{\"userId\":\"%s\",\"previousRole\":\"STUDENT\",\"role\":\"GENERAL_MANAGER\"}".formatted(generalManager)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from recipient where user_id = ? and not active", Integer.class, formerDirector) == 1
                && jdbc.queryForObject("select count(*) from recipient where user_id = ? and role = 'GENERAL_MANAGER'",
                        Integer.class, generalManager) == 1);

        UUID curriculum = UUID.randomUUID();
        String submitted = envelope(UUID.randomUUID(), "CurriculumSubmitted", """
                {"curriculumId":"%s","courseId":"%s","courseTitle":"JEE Physics","teacherId":"%s","versionName":null}"""
                .formatted(curriculum, UUID.randomUUID(), teacher));
        sendCourse(curriculum, submitted);
        sendCourse(curriculum, submitted);

        sendCourse(curriculum, envelope(UUID.randomUUID(), "CurriculumRejected", """
                {"curriculumId":"%s","courseId":"c","courseTitle":"JEE Physics","teacherId":"%s","reviewerId":"%s",
                 "reason":"Add rotational motion"}""".formatted(curriculum, teacher, director)));
        String approved = envelope(UUID.randomUUID(), "CurriculumApproved", """
                {"curriculumId":"%s","courseId":"c","courseTitle":"JEE Physics","teacherId":"%s","reviewerId":"%s"}"""
                .formatted(curriculum, teacher, director));
        sendCourse(curriculum, approved);
        sendCourse(curriculum, approved);
        UUID submission = UUID.randomUUID();
        String graded = envelope(UUID.randomUUID(), "SubmissionGraded", """
                {"submissionId":"%s","assignmentId":"a","assignmentTitle":"Worksheet 3","courseId":"c","studentId":"%s",
                 "points":18,"maxPoints":20,"graderId":"%s"}""".formatted(submission, student, teacher));
        sendCourse(submission, graded);
        sendCourse(submission, graded);
        // Events this service does not act on pass by.
        sendCourse(curriculum, envelope(UUID.randomUUID(), "LessonsChanged",
                "{\"curriculumId\":\"%s\",\"lessons\":[]}".formatted(curriculum)));

        String studentToken = KEYS.token().subject(student).sign();
        String teacherToken = KEYS.token().subject(teacher).sign();
        await().atMost(Duration.ofSeconds(60)).until(() -> total(studentToken, "") >= 1 && total(teacherToken, "") >= 2);
        // One later record on each partition shows both copies of every event were seen.
        UUID probe = UUID.randomUUID();
        sendCourse(probe, envelope(UUID.randomUUID(), "SubmissionGraded", """
                {"submissionId":"%s","assignmentId":"a","assignmentTitle":"Probe","courseId":"c","studentId":"%s",
                 "points":1,"maxPoints":1,"graderId":"%s"}""".formatted(probe, probe, teacher)));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(KEYS.token().subject(probe).sign(), "") == 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> total(KEYS.token().subject(generalManager).sign(), "") >= 2);
        for (UUID reviewer : List.of(director, generalManager)) {
            Response mine = api.get("/api/v1/notifications", KEYS.token().subject(reviewer).sign());
            assertThat(mine.json().path("content").valueStream().filter(n -> n.path("title").asString()
                    .equals("Curriculum waiting for approval") && n.path("message").asString().contains("JEE Physics"))
                    .toList()).hasSize(1)
                    .allSatisfy(n -> assertThat(n.path("message").asString()).contains("Meera Iyer"));
        }
        assertThat(api.get("/api/v1/notifications", KEYS.token().subject(formerDirector).sign()).json()
                .path("content").valueStream().filter(n -> n.path("title").asString().startsWith("Curriculum")).toList())
                .isEmpty();
        Response teacherNotes = api.get("/api/v1/notifications", teacherToken);
        List<String> teacherTitles = teacherNotes.json().path("content").valueStream()
                .map(n -> n.path("title").asString()).toList();
        assertThat(teacherTitles).containsExactlyInAnyOrder("Welcome to Coaching Center OS", "Curriculum sent back",
                "Curriculum approved");
        assertThat(teacherNotes.raw()).contains("Add rotational motion");
        Response studentNotes = api.get("/api/v1/notifications", studentToken);
        assertThat(studentNotes.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(studentNotes.json().path("content").get(0).path("message").asString())
                .contains("Worksheet 3", "18 of 20");
    }

    @Test
    void aStudentGetsOneEnrollmentConfirmationEvenWhenTheEventIsRedelivered() {
        UUID student = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        String created = envelope(UUID.randomUUID(), "EnrollmentCreated", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"c","courseTitle":"JEE Physics","batchId":"b",
                 "batchName":"Jan 2027","branchId":null,"fee":"18500.00","feeFrequency":"MONTHLY",
                 "discountType":"PERCENTAGE","discount":"10","netFee":"16650.00","enrolledAt":"2026-11-24T10:00:00Z"}"""
                .formatted(enrollment, student));
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), created);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), created);
        UUID later = UUID.randomUUID();
        UUID laterStudent = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, later.toString(), envelope(UUID.randomUUID(),
                "EnrollmentCreated", """
                {"enrollmentId":"%s","studentId":"%s","courseTitle":"X","batchName":"Y","netFee":"1.00",
                 "feeFrequency":"ONE_TIME"}""".formatted(later, laterStudent)));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(KEYS.token().subject(laterStudent).sign(), "") == 1);

        Response mine = api.get("/api/v1/notifications", KEYS.token().subject(student).sign());
        assertThat(mine.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(mine.json().path("content").get(0).path("message").asString())
                .contains("JEE Physics", "Jan 2027", "INR 16650.00 a month");
    }

    @Test
    void aStudentHearsOfTheirPlaceInLineAndOfTheSeatOfferedOnceEach() {
        UUID student = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        String joined = envelope(UUID.randomUUID(), "WaitlistJoined", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"c","courseTitle":"NEET Biology","batchId":"b",
                 "batchName":"Evening","position":3}""".formatted(enrollment, student));
        String promoted = envelope(UUID.randomUUID(), "WaitlistPromoted", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"c","batchId":"b","batchName":"Evening",
                 "offeredUntil":"2027-01-06T10:00:00Z"}""".formatted(enrollment, student));
        String expired = envelope(UUID.randomUUID(), "EnrollmentStatusChanged", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"c","batchId":"b","previous":"OFFERED",
                 "status":"DROPPED","reason":"the offered seat was not confirmed in time"}""".formatted(enrollment, student));
        String held = envelope(UUID.randomUUID(), "EnrollmentStatusChanged", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"c","batchId":"b","previous":"ACTIVE",
                 "status":"ON_HOLD","reason":null}""".formatted(enrollment, student));
        for (String event : List.of(joined, joined, promoted, promoted, held, expired, expired)) {
            TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), event);
        }
        String token = KEYS.token().subject(student).sign();
        await().atMost(Duration.ofSeconds(60)).until(() -> total(token, "") == 3);
        Response mine = api.get("/api/v1/notifications", token);
        assertThat(mine.json().path("content").valueStream().map(n -> n.path("title").asString()).toList())
                .containsExactlyInAnyOrder("On the waitlist", "A seat is yours", "Enrollment ended");
        assertThat(mine.json().path("content").valueStream().map(n -> n.path("message").asString()).toList())
                .anySatisfy(m -> assertThat(m).contains("number 3 in line"))
                .anySatisfy(m -> assertThat(m).contains("2027-01-06T10:00:00Z"))
                .anySatisfy(m -> assertThat(m).isEqualTo(
                        "The seat offered to you has ended: the offered seat was not confirmed in time."));
    }

    @Test
    void studentsHearTheirQuizResultsAndTeachersOfAnswersToGradeOnceEach() {
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        send(asha, registered(UUID.randomUUID(), asha, "Asha Rao", "STUDENT"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from recipient where user_id = ?",
                asha) == 1);

        UUID quiz = UUID.randomUUID();
        UUID gradedAtOnce = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID unassigned = UUID.randomUUID();
        sendAssessment(quiz, envelope(UUID.randomUUID(), "QuizPublished", """
                {"quizId":"%s","curriculumId":"%s","courseId":"c","teacherId":null,"title":"Newton's laws check",
                 "opensAt":null,"closesAt":null,"questionCount":4,"maxScore":"12.00","publishedBy":"%s"}"""
                .formatted(quiz, UUID.randomUUID(), teacher)));
        twice(gradedAtOnce, submitted(gradedAtOnce, asha, "Newton's laws check", "GRADED", "9.00", "12.00", "75.00",
                "true", teacher));
        twice(waiting, submitted(waiting, asha, "Essay questions", "PENDING_REVIEW", "4.50", "10.00", "45.00", "null",
                teacher));
        // A grade that leaves answers waiting tells nobody; the one that completes the grading tells the student.
        twice(waiting, graded(waiting, asha, "PENDING_REVIEW", "6.00", "60.00", "null"));
        twice(waiting, graded(waiting, asha, "GRADED", "8.50", "85.00", "true"));
        twice(failed, submitted(failed, ravi, "Newton's laws check", "GRADED", "3.00", "12.00", "25.00", "false",
                teacher));
        // Nobody known grades it: the student still hears, no teacher does.
        twice(unassigned, submitted(unassigned, ravi, "Essay questions", "PENDING_REVIEW", "2.00", "10.00", "20.00",
                "null", null));
        // A quiz that hides marks until it closes: the student hears their answers are in, not their score.
        UUID kiran = UUID.randomUUID();
        UUID hidden = UUID.randomUUID();
        twice(hidden, submitted(hidden, kiran, "Mock JEE paper", "GRADED", "180.00", "300.00", "60.00", "true",
                teacher, false));
        // A later record on the (one) partition shows both copies of every event were seen.
        UUID probe = UUID.randomUUID();
        sendAssessment(probe, submitted(probe, probe, "Probe", "GRADED", "1.00", "1.00", "100.00", "true", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> total(KEYS.token().subject(probe).sign(), "") == 1);

        Response ashas = api.get("/api/v1/notifications", KEYS.token().subject(asha).sign());
        assertThat(ashas.json().path("content").valueStream().map(n -> n.path("title").asString()).toList())
                .containsExactlyInAnyOrder("Welcome to Coaching Center OS", "Quiz result", "Quiz submitted",
                        "Quiz graded");
        assertThat(ashas.json().path("content").valueStream().filter(n -> n.path("title").asString().startsWith("Quiz"))
                .toList())
                .anySatisfy(n -> {
                    assertThat(n.path("message").asString()).isEqualTo("Newton's laws check: 9.00 of 12.00 (75.00%), passed.");
                    assertThat(n.path("type").asString()).isEqualTo("SUCCESS");
                    assertThat(n.path("link").asString()).isEqualTo("/attempts/" + gradedAtOnce);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Quiz submitted");
                    assertThat(n.path("message").asString()).contains("Essay questions", "4.50 of 10.00 so far",
                            "wait for your teacher's grading");
                    assertThat(n.path("link").asString()).isEqualTo("/attempts/" + waiting);
                })
                .anySatisfy(n -> {
                    assertThat(n.path("title").asString()).isEqualTo("Quiz graded");
                    assertThat(n.path("message").asString()).endsWith("Essay questions: 8.50 of 10.00 (85.00%), passed.");
                    assertThat(n.path("link").asString()).isEqualTo("/attempts/" + waiting);
                });

        Response kirans = api.get("/api/v1/notifications", KEYS.token().subject(kiran).sign());
        assertThat(kirans.json().path("content")).singleElement().satisfies(n -> {
            assertThat(n.path("title").asString()).isEqualTo("Quiz submitted");
            assertThat(n.path("message").asString()).contains("Mock JEE paper").doesNotContain("180");
        });

        Response ravis = api.get("/api/v1/notifications", KEYS.token().subject(ravi).sign());
        assertThat(ravis.json().path("content").valueStream().map(n -> n.path("title").asString()).toList())
                .containsExactlyInAnyOrder("Quiz result", "Quiz submitted");
        assertThat(ravis.json().path("content").valueStream().filter(n -> n.path("title").asString().equals("Quiz result"))
                .toList()).singleElement().satisfies(n -> {
                    assertThat(n.path("message").asString()).isEqualTo("Newton's laws check: 3.00 of 12.00 (25.00%), not passed.");
                    assertThat(n.path("type").asString()).isEqualTo("WARNING");
                });

        // The teacher hears only of the attempt with answers waiting for them, naming the student and the quiz.
        Response teachers = api.get("/api/v1/notifications", KEYS.token().subject(teacher).sign());
        assertThat(teachers.json().path("page").path("totalElements").asInt()).isEqualTo(1);
        assertThat(teachers.json().path("content").get(0).path("title").asString()).isEqualTo("Answers to grade");
        assertThat(teachers.json().path("content").get(0).path("message").asString()).contains("Asha Rao", "Essay questions");
        assertThat(teachers.json().path("content").get(0).path("link").asString()).isEqualTo("/attempts/" + waiting);
    }

    private void sendCourse(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.COURSE, key.toString(), value);
    }

    private void sendAssessment(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.ASSESSMENT, key.toString(), value);
    }

    /** The same record twice, as a redelivery would bring it. */
    private void twice(UUID key, String value) {
        sendAssessment(key, value);
        sendAssessment(key, value);
    }

    private static String submitted(UUID attempt, UUID student, String quiz, String status, String score,
            String maxScore, String percent, String passed, UUID teacher) {
        return submitted(attempt, student, quiz, status, score, maxScore, percent, passed, teacher, true);
    }

    private static String submitted(UUID attempt, UUID student, String quiz, String status, String score,
            String maxScore, String percent, String passed, UUID teacher, boolean marksVisible) {
        return envelope(UUID.randomUUID(), "QuizSubmitted", """
                {"attemptId":"%s","quizId":"q","courseId":"c","studentId":"%s","quizTitle":"%s","attempt":1,
                 "status":"%s","score":"%s","maxScore":"%s","percent":"%s","passed":%s,"submittedBy":"STUDENT",
                 "teacherId":%s,"result":null,"marksVisible":%s}""".formatted(attempt, student, quiz, status, score,
                maxScore, percent, passed, teacher == null ? "null" : "\"" + teacher + "\"", marksVisible));
    }

    private static String graded(UUID attempt, UUID student, String status, String score, String percent,
            String passed) {
        return envelope(UUID.randomUUID(), "QuizGraded", """
                {"attemptId":"%s","quizId":"q","courseId":"c","studentId":"%s","quizTitle":"Essay questions",
                 "reason":"MANUAL","previousScore":"4.50","score":"%s","maxScore":"10.00","percent":"%s","passed":%s,
                 "status":"%s","gradedBy":"t","result":null,"marksVisible":true}""".formatted(attempt, student, score,
                percent, passed,
                status));
    }

    private static String envelope(UUID eventId, String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"test","traceparent":null,"payload":%s}""".formatted(eventId, type, payload);
    }

    private static String registered(UUID eventId, UUID user, String name, String role) {
        return envelope(eventId, "UserRegistered", """
                {"userId":"%s","email":"x@example.in","name":"%s","role":"%s","branchId":null}"""
                .formatted(user, name, role));
    }

    private int total(String token, String query) {
        return api.get("/api/v1/notifications" + query, token).json().path("page").path("totalElements").asInt();
    }

    private void send(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, key.toString(), value);
    }

    private static String registered(UUID eventId, UUID user, String name) {
        return """
                {"eventId":"%s","type":"UserRegistered","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"identity-service","traceparent":null,
                 "payload":{"userId":"%s","email":"x@example.in","name":"%s","role":"STUDENT","branchId":null}}"""
                .formatted(eventId, user, name);
    }
}
