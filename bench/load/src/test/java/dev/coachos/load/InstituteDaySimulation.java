package dev.coachos.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A day at a coaching institute, through the gateway: students read their curriculum and lessons,
 * mark lessons done and take a quiz (or look at their attendance and fees); teachers mark a
 * session's attendance and read their batch's figures; back office takes fee payments; marketing
 * enters leads, works them along the pipeline and converts some into students; a catalogue admin
 * edits the course; visitors browse the catalogue; every signed-in user reads their notifications.
 * Each journey is one virtual user who signs in, walks its steps with think time between them and
 * leaves. New journeys start at {@code users.per.sec} (ramped up over {@code ramp.sec}), mixed as
 * in {@link #MIX}, for {@code duration.sec}; the run is stopped at {@code max.sec} whatever is still
 * running. Each request's name is a step of the report, and each checks its status.
 */
public class InstituteDaySimulation extends Simulation {

    /** Share of each journey among those started, in percent. */
    static final Map<String, Double> MIX = new LinkedHashMap<>();

    static {
        MIX.put("student", 50.0);
        MIX.put("teacher", 10.0);
        MIX.put("back office", 12.0);
        MIX.put("marketing", 10.0);
        MIX.put("catalogue", 8.0);
        MIX.put("visitor", 10.0);
    }

    static final String[] FIRST_NAMES = {"Aarav", "Diya", "Ishaan", "Kavya", "Rohan", "Sneha", "Vihaan", "Ananya",
        "Arjun", "Meera", "Kabir", "Saanvi"};
    static final String[] SURNAMES = {"Sharma", "Iyer", "Patel", "Reddy", "Gupta", "Nair", "Singh", "Kulkarni",
        "Das", "Menon"};
    static final String[] SOURCES = {"WALK_IN", "PHONE_CALL", "REFERRAL", "SOCIAL_MEDIA", "ADVERTISEMENT", "EVENT"};

    private final Settings settings = Settings.read();
    private final Institute institute;
    private final BlockingQueue<Institute.Student> freeStudents;
    private final AtomicInteger sharedStudents = new AtomicInteger();
    private final AtomicLong leads = new AtomicLong(Institute.SETUP_LEADS);
    private final AtomicLong transfers = new AtomicLong();

    public InstituteDaySimulation() {
        System.out.println("InstituteDaySimulation: " + settings);
        institute = Institute.prepare(settings);
        freeStudents = new ArrayBlockingQueue<>(institute.students.size(), false, institute.students);

        HttpProtocolBuilder protocol = http.baseUrl(settings.gateway())
                .acceptHeader("application/json")
                .userAgentHeader("coachos-load/1 (Gatling)");

        List<PopulationBuilder> journeys = new ArrayList<>();
        journeys.add(inject(student(), MIX.get("student")));
        journeys.add(inject(teacher(), MIX.get("teacher")));
        journeys.add(inject(backOffice(), MIX.get("back office")));
        journeys.add(inject(marketing(), MIX.get("marketing")));
        journeys.add(inject(catalogue(), MIX.get("catalogue")));
        journeys.add(inject(visitor(), MIX.get("visitor")));
        setUp(journeys).protocols(protocol).maxDuration(Duration.ofSeconds(settings.maxSec()));
    }

    @Override
    public void after() {
        if (sharedStudents.get() > 0) {
            System.out.printf("%d student journeys found every student busy and shared one (raise -Dstudents)%n",
                    sharedStudents.get());
        }
    }

    // ---- The journeys ----

    private ScenarioBuilder student() {
        String course = institute.courseId;
        String quiz = institute.quizId;
        ChainBuilder quizAttempt = exec(
                http("student: list quizzes").get("/api/v1/quizzes/mine?courseId=" + course)
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(2, 6),
                http("student: start quiz attempt").post("/api/v1/quizzes/" + quiz + "/attempts")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().in(200, 201), jmesPath("id").saveAs("attemptId")))
                .doIf(session -> session.contains("attemptId")).then(exec(
                        http("student: read quiz attempt").get("/api/v1/attempts/#{attemptId}")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)),
                        exec(session -> session.set("firstQuestion",
                                ThreadLocalRandom.current().nextInt(institute.questions.size()))),
                        repeat(5, "answer").on(
                                think(4, 12),
                                exec(session -> {
                                    Institute.Question question = institute.questions.get(
                                            (session.getInt("firstQuestion") + session.getInt("answer"))
                                                    % institute.questions.size());
                                    return session.set("questionId", question.id()).set("optionId", question.optionIds()
                                            .get(ThreadLocalRandom.current().nextInt(question.optionIds().size())));
                                }),
                                http("student: save quiz answer").put("/api/v1/attempts/#{attemptId}/answers/#{questionId}")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"optionIds\": [\"#{optionId}\"]}")).asJson()
                                        .check(status().is(200))),
                        think(2, 5),
                        http("student: submit quiz").post("/api/v1/attempts/#{attemptId}/submit")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)),
                        http("student: read quiz results").get("/api/v1/quizzes/" + quiz + "/results")
                                .header("Authorization", "Bearer #{token}").check(status().is(200))));
        ChainBuilder attendanceAndFees = exec(
                http("student: read attendance").get("/api/v1/attendance/students/#{studentId}/summary")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(2, 6),
                http("student: read fee plans").get("/api/v1/fee-plans")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                http("student: read payments").get("/api/v1/payments")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)));
        ChainBuilder day = exec(
                notifications("student"),
                http("student: read enrollments").get("/api/v1/enrollments")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(2, 5),
                http("student: read curriculum").get("/api/v1/courses/" + course + "/curriculum?teacherId=#{teacherId}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(3, 8),
                exec(session -> session.set("lessonId", pick(institute.lessonIds))),
                http("student: read lesson").get("/api/v1/lessons/#{lessonId}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(8, 20),
                http("student: complete lesson").post("/api/v1/progress/courses/" + course + "/lessons/#{lessonId}/complete")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                http("student: read progress").get("/api/v1/progress/courses/" + course)
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(1, 4))
                .randomSwitch().on(percent(60.0).then(quizAttempt), percent(40.0).then(attendanceAndFees));
        return scenario("student").exec(
                exec(this::takeStudent),
                login("student", "#{email}"),
                doIf(session -> !session.contains("token")).then(exec(this::giveBackStudent)),
                exitHereIfFailed(),
                day,
                exec(this::giveBackStudent));
    }

    private ScenarioBuilder teacher() {
        return scenario("teacher").exec(
                exec(session -> {
                    Institute.Teacher teacher = pick(institute.teachers);
                    int daysBack = 1 + ThreadLocalRandom.current().nextInt(30);
                    return session.set("email", teacher.email()).set("teacherId", teacher.id())
                            .set("batchId", teacher.batchId())
                            .set("date", LocalDate.now().minusDays(daysBack).toString())
                            .set("marks", attendance(teacher.studentIds()));
                }),
                login("teacher", "#{email}"),
                exitHereIfFailed(),
                notifications("teacher"),
                http("teacher: list batches").get("/api/v1/batches?teacherId=#{teacherId}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(2, 5),
                http("teacher: read session attendance").get("/api/v1/attendance?batchId=#{batchId}&date=#{date}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(10, 30),
                http("teacher: mark attendance").post("/api/v1/attendance")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"batchId\": \"#{batchId}\", \"date\": \"#{date}\", \"records\": #{marks}}"))
                        .asJson().check(status().is(200)),
                think(3, 8),
                http("teacher: read batch attendance").get("/api/v1/attendance/batches/#{batchId}/summary")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(3, 8),
                http("teacher: read gradebook").get("/api/v1/gradebook/batches/#{batchId}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    private ScenarioBuilder backOffice() {
        return scenario("back office").exec(
                exec(session -> session.set("email", institute.backOfficeEmail)),
                login("back office", "#{email}"),
                exitHereIfFailed(),
                notifications("back office"),
                http("back office: read dues").get("/api/v1/dues?branchId=" + institute.branchId + "&size=20")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(3, 8),
                exec(session -> {
                    Institute.Student student = pick(institute.students);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Map<String, Object> payment = new LinkedHashMap<>();
                    payment.put("amount", 100 * (1 + random.nextInt(20)));
                    if (random.nextInt(10) < 7) {
                        payment.put("method", "CASH");
                    } else {
                        payment.put("method", "BANK_TRANSFER");
                        payment.put("reference", ("LR" + institute.run + transfers.incrementAndGet()).toUpperCase());
                    }
                    payment.put("note", "counter, load run " + institute.run);
                    return session.set("studentId", student.id()).set("paymentFields", payment)
                            .set("idempotencyKey", UUID.randomUUID().toString());
                }),
                http("back office: find student's fee plans").get("/api/v1/fee-plans?studentId=#{studentId}")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), jmesPath("content[0].id").saveAs("planId")),
                exitHereIfFailed(),
                exec(session -> {
                    Map<String, Object> payment = new LinkedHashMap<>();
                    payment.put("planId", session.getString("planId"));
                    payment.putAll(session.get("paymentFields"));
                    return session.set("payment", json(payment));
                }),
                http("back office: read fee plan").get("/api/v1/fee-plans/#{planId}")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(10, 25),
                http("back office: record payment").post("/api/v1/payments")
                        .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("#{payment}")).asJson()
                        .check(status().is(201), jmesPath("receiptId").saveAs("receiptId")),
                doIf(session -> session.contains("receiptId")).then(exec(
                        http("back office: read receipt").get("/api/v1/receipts/#{receiptId}")
                                .header("Authorization", "Bearer #{token}").check(status().is(200)))));
    }

    private ScenarioBuilder marketing() {
        return scenario("marketing").exec(
                exec(session -> session.set("email", institute.marketingEmail)),
                login("marketing", "#{email}"),
                exitHereIfFailed(),
                notifications("marketing"),
                http("marketing: list leads").get("/api/v1/leads?sort=nextFollowUpAt&size=20")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                http("marketing: count overdue follow-ups").get("/api/v1/leads/follow-ups/overdue")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(5, 15),
                exec(session -> {
                    long n = leads.getAndIncrement();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                    Map<String, Object> lead = new LinkedHashMap<>();
                    lead.put("name", FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + surname);
                    lead.put("phone", institute.phone(n));
                    lead.put("email", "lead" + n + "." + institute.run + "@lead.example");
                    lead.put("source", SOURCES[random.nextInt(SOURCES.length)]);
                    lead.put("courseId", institute.courseId);
                    lead.put("courseInterest", "Physics, weekday evenings");
                    lead.put("notes", "Asked about the fee and the batch timings");
                    return session.set("lead", json(lead)).set("surname", surname.substring(0, Math.min(4, surname.length())))
                            .set("batchId", pick(institute.batchIds));
                }),
                http("marketing: create lead").post("/api/v1/leads")
                        .header("Authorization", "Bearer #{token}").body(StringBody("#{lead}")).asJson()
                        .check(status().is(201), jmesPath("id").saveAs("leadId")),
                exitHereIfFailed(),
                think(10, 30),
                http("marketing: log call").post("/api/v1/leads/#{leadId}/activities")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"type\": \"CALL\", \"notes\": \"Spoke to the parent; visiting on Saturday\"}"))
                        .asJson().check(status().is(201)),
                http("marketing: move lead to contacted").post("/api/v1/leads/#{leadId}/stage")
                        .header("Authorization", "Bearer #{token}").body(StringBody("{\"stage\": \"CONTACTED\"}"))
                        .asJson().check(status().is(200)),
                think(3, 8),
                http("marketing: search leads").get("/api/v1/leads?q=#{surname}&size=20")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                randomSwitch().on(
                        percent(30.0).then(exec(
                                think(5, 15),
                                http("marketing: convert lead").post("/api/v1/leads/#{leadId}/conversion")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"batchId\": \"#{batchId}\"}")).asJson()
                                        .check(status().is(202)),
                                think(3, 8),
                                http("marketing: read conversion").get("/api/v1/leads/#{leadId}/conversion")
                                        .header("Authorization", "Bearer #{token}")
                                        .check(status().is(200), jmesPath("progress").not("FAILED")))),
                        percent(50.0).then(exec(
                                think(5, 15),
                                http("marketing: qualify lead").post("/api/v1/leads/#{leadId}/stage")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"stage\": \"QUALIFIED\"}")).asJson()
                                        .check(status().is(200))))),
                http("marketing: read lead history").get("/api/v1/leads/#{leadId}/activities")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    private ScenarioBuilder catalogue() {
        String course = institute.courseId;
        return scenario("catalogue").exec(
                exec(session -> session.set("email", institute.catalogueEmail)
                        .set("lessonId", pick(institute.lessonIds))),
                login("catalogue", "#{email}"),
                exitHereIfFailed(),
                notifications("catalogue"),
                http("catalogue: browse courses").get("/api/v1/courses?includeInactive=true&size=20")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(3, 8),
                http("catalogue: read course").get("/api/v1/courses/" + course)
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(10, 30),
                http("catalogue: edit course").patch("/api/v1/courses/" + course)
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(session -> "{\"description\": \"Mechanics and waves, revised "
                                + System.currentTimeMillis() + "\"}")).asJson()
                        .check(status().is(200)),
                http("catalogue: read curriculum").get("/api/v1/courses/" + course + "/curriculum")
                        .header("Authorization", "Bearer #{token}").check(status().is(200)),
                think(10, 30),
                http("catalogue: edit lesson").patch("/api/v1/lessons/#{lessonId}")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(session -> "{\"richTextContent\": \"<p>Revised notes "
                                + System.currentTimeMillis() + "</p>\"}")).asJson()
                        .check(status().is(200)));
    }

    private ScenarioBuilder visitor() {
        return scenario("visitor").exec(
                http("visitor: browse catalogue").get("/api/v1/courses?size=12").check(status().is(200)),
                think(3, 10),
                http("visitor: search catalogue").get("/api/v1/courses?q=phys&level=INTERMEDIATE")
                        .check(status().is(200)),
                think(3, 10),
                http("visitor: read course").get("/api/v1/courses/" + institute.courseSlug).check(status().is(200)));
    }

    // ---- Pieces the journeys share ----

    private ChainBuilder login(String who, String emailExpression) {
        return exec(http(who + ": log in").post("/api/v1/auth/login")
                .body(StringBody("{\"email\": \"" + emailExpression + "\", \"password\": \"" + Institute.PASSWORD + "\"}"))
                .asJson()
                .check(status().is(200), jmesPath("accessToken").saveAs("token")));
    }

    private ChainBuilder notifications(String who) {
        return exec(http(who + ": read notifications").get("/api/v1/notifications?size=20")
                .header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    /** A think-time pause between {@code min} and {@code max} seconds, scaled by {@code think.scale}. */
    private ChainBuilder think(double min, double max) {
        double scale = settings.thinkScale();
        return exec(pause(Duration.ofMillis((long) (min * scale * 1000)), Duration.ofMillis((long) (max * scale * 1000))));
    }

    private PopulationBuilder inject(ScenarioBuilder journey, double percent) {
        double rate = settings.usersPerSec() * percent / 100;
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (settings.rampSec() > 0) {
            steps.add(rampUsersPerSec(0).to(rate).during(Duration.ofSeconds(settings.rampSec())));
        }
        if (settings.durationSec() > settings.rampSec()) {
            steps.add(constantUsersPerSec(rate).during(Duration.ofSeconds(settings.durationSec() - settings.rampSec())));
        }
        return journey.injectOpen(steps);
    }

    /** A student no other journey uses now (or, when every one is busy, any student, counted). */
    private Session takeStudent(Session session) {
        Institute.Student student = freeStudents.poll();
        boolean shared = student == null;
        if (shared) {
            sharedStudents.incrementAndGet();
            student = pick(institute.students);
        }
        return session.set("email", student.email()).set("studentId", student.id())
                .set("teacherId", student.teacherId()).set("student", student).set("sharedStudent", shared);
    }

    private Session giveBackStudent(Session session) {
        if (session.contains("student") && !session.getBoolean("sharedStudent")) {
            freeStudents.offer(session.get("student"));
        }
        return session.remove("student");
    }

    /** A session's marks for a batch's students: most present, a few absent or late. */
    private static String attendance(List<String> studentIds) {
        List<Map<String, String>> records = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (String id : studentIds) {
            int roll = random.nextInt(100);
            records.add(Map.of("studentId", id, "status", roll < 85 ? "PRESENT" : roll < 93 ? "ABSENT" : "LATE"));
        }
        return json(records);
    }

    private static <T> T pick(List<T> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    private static String json(Object value) {
        try {
            return Api.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
