package dev.coachos.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the journeys need, made through the gateway by the director before the load starts, with
 * names that carry the run's id so that runs never meet: a branch; a back-office clerk, a
 * marketing executive and a catalogue admin of it; teachers, each with a batch of the course;
 * students with passwords, enrolled in those batches (finance-service raises their fee plans from
 * the enrollment events); a course whose official curriculum has modules and lessons; a published
 * quiz on it; and a few leads.
 */
final class Institute {

    static final String PASSWORD = "load-journey-pass";
    static final int MODULES = 2;
    static final int LESSONS_PER_MODULE = 4;
    static final int QUESTIONS = 10;
    static final int SETUP_LEADS = 20;

    /** A student of the run: who they are, their batch and its teacher, their fee plan. */
    record Student(String id, String email, String batchId, String teacherId, String planId) {
    }

    /** A teacher of the run with their batch and its students. */
    record Teacher(String id, String email, String batchId, List<String> studentIds) {
    }

    /** A quiz question with its options' ids. */
    record Question(String id, List<String> optionIds) {
    }

    final String run;
    private final long phoneBlock = System.currentTimeMillis() / 10_000 % 100_000;
    String branchId;
    String courseId;
    String courseSlug;
    String curriculumId;
    final List<String> lessonIds = new ArrayList<>();
    String quizId;
    final List<Question> questions = new ArrayList<>();
    final List<Student> students = new ArrayList<>();
    final List<Teacher> teachers = new ArrayList<>();
    final List<String> batchIds = new ArrayList<>();
    String backOfficeEmail;
    String marketingEmail;
    String catalogueEmail;

    private final Settings settings;
    private Api director;

    private Institute(Settings settings) {
        this.settings = settings;
        this.run = Long.toString(System.currentTimeMillis(), 36) + Integer.toString(ThreadLocalRandom.current()
                .nextInt(36 * 36), 36);
    }

    static Institute prepare(Settings settings) {
        Institute institute = new Institute(settings);
        long started = System.nanoTime();
        institute.build();
        System.out.printf("setup of run %s done in %.0f s: branch %s, %d teachers, %d students, course %s, quiz %s%n",
                institute.run, (System.nanoTime() - started) / 1e9, institute.branchId, institute.teachers.size(),
                institute.students.size(), institute.courseId, institute.quizId);
        return institute;
    }

    private void build() {
        String gw = settings.gateway();
        director = Api.login(gw, settings.directorEmail(), settings.directorPassword());
        say("the director is signed in");

        branchId = director.post("/api/v1/branches", Map.of("code", "LOAD-" + run, "name", "Load run " + run,
                "city", "Pune", "state", "Maharashtra", "phone", "+91 20 4000 1000")).path("id").asText();
        backOfficeEmail = "office." + run + "@load.example";
        marketingEmail = "marketing." + run + "@load.example";
        catalogueEmail = "catalogue." + run + "@load.example";
        user(backOfficeEmail, "Back Office " + run, "BACKOFFICE", branchId);
        user(marketingEmail, "Marketing " + run, "DIGITAL_MARKETING", branchId);
        user(catalogueEmail, "Catalogue Admin " + run, "ADMIN", null);
        List<String> teacherIds = new ArrayList<>();
        List<String> teacherEmails = new ArrayList<>();
        for (int t = 0; t < settings.teachers(); t++) {
            String email = "teacher" + t + "." + run + "@load.example";
            teacherEmails.add(email);
            teacherIds.add(user(email, "Teacher " + t + " " + run, "TEACHER", branchId));
        }
        say("branch " + branchId + " and its staff");

        JsonNode course = director.post("/api/v1/courses", Map.of("title", "Load Physics " + run, "price", 60000,
                "level", "INTERMEDIATE", "durationHours", 120, "description", "Mechanics and waves",
                "whatYouWillLearn", List.of("Kinematics", "Newton's laws", "Waves")));
        courseId = course.path("id").asText();
        courseSlug = course.path("slug").asText();
        JsonNode curricula = director.get("/api/v1/courses/" + courseId + "/curricula");
        for (JsonNode version : curricula) {
            if (version.path("teacherId").isNull() || version.path("teacherId").isMissingNode()) {
                curriculumId = version.path("id").asText();
            }
        }
        for (int m = 0; m < MODULES; m++) {
            String module = director.post("/api/v1/curricula/" + curriculumId + "/modules",
                    Map.of("title", "Unit " + (m + 1))).path("id").asText();
            for (int l = 0; l < LESSONS_PER_MODULE; l++) {
                lessonIds.add(director.post("/api/v1/modules/" + module + "/lessons", Map.of("title",
                        "Lesson " + (m + 1) + "." + (l + 1), "weightage", 1 + l % 3, "richTextContent",
                        "<p>Notes for lesson " + (l + 1) + "</p>")).path("id").asText());
            }
        }
        for (String teacher : teacherIds) {
            director.call("PUT", "/api/v1/courses/" + courseId + "/teachers/" + teacher, null, Map.of(), 204);
        }
        say("course " + courseId + " with " + lessonIds.size() + " lessons");

        String[] days = {"mon", "tue", "wed", "thu", "fri", "sat"};
        for (int t = 0; t < teacherIds.size(); t++) {
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("courseId", courseId);
            batch.put("name", "Load batch " + t + " " + run);
            batch.put("branchId", branchId);
            batch.put("teacherId", teacherIds.get(t));
            batch.put("startDate", LocalDate.now().minusDays(60).toString());
            batch.put("capacity", 10_000);
            batch.put("feeFrequency", "MONTHLY");
            batch.put("schedule", Map.of(days[t % days.length], "16:00-18:00"));
            batchIds.add(director.until("POST", "/api/v1/batches", batch, Map.of(), r -> r.status() == 201, 120, false)
                    .json().path("id").asText());
        }
        say(batchIds.size() + " batches");

        // The students are known to enrollment-service, and the enrollments to finance-service, by
        // event: each phase waits for all of them together, for at most a few minutes.
        long enrolledBy = System.nanoTime() + 300_000_000_000L;
        List<Callable<String[]>> enrolments = new ArrayList<>();
        for (int i = 0; i < settings.students(); i++) {
            int n = i;
            enrolments.add(() -> {
                String email = "student" + n + "." + run + "@load.example";
                String id = user(email, "Student " + n + " " + run, "STUDENT", branchId);
                int t = n % batchIds.size();
                director.until("POST", "/api/v1/enrollments", Map.of("studentId", id, "courseId", courseId,
                        "batchId", batchIds.get(t)), Map.of("Idempotency-Key", "load-" + run + "-" + n),
                        r -> r.status() == 201, secondsLeft(enrolledBy), false);
                return new String[] {id, email, Integer.toString(t)};
            });
        }
        List<String[]> enrolled = parallel(enrolments);
        say(enrolled.size() + " students enrolled");

        // A plan that does not come in time is a fault of the suite, not of the setup: the run goes
        // on, says so, and the back-office journeys of those students fail at "find student's fee
        // plans", so that it shows in the report.
        long plannedBy = System.nanoTime() + settings.plansWaitSec() * 1_000_000_000L;
        List<Callable<String>> plans = new ArrayList<>();
        for (String[] student : enrolled) {
            plans.add(() -> {
                try {
                    return director.until("GET", "/api/v1/fee-plans?studentId=" + student[0], null, Map.of(),
                            r -> r.status() == 200 && r.json().path("content").size() > 0, secondsLeft(plannedBy),
                            false).json().path("content").get(0).path("id").asText();
                } catch (IllegalStateException late) {
                    return null;
                }
            });
        }
        List<String> planIds = parallel(plans);
        long missing = planIds.stream().filter(java.util.Objects::isNull).count();
        List<List<String>> perBatch = new ArrayList<>();
        batchIds.forEach(b -> perBatch.add(new ArrayList<>()));
        for (int i = 0; i < enrolled.size(); i++) {
            String[] s = enrolled.get(i);
            int t = Integer.parseInt(s[2]);
            students.add(new Student(s[0], s[1], batchIds.get(t), teacherIds.get(t), planIds.get(i)));
            perBatch.get(t).add(s[0]);
        }
        for (int t = 0; t < teacherIds.size(); t++) {
            teachers.add(new Teacher(teacherIds.get(t), teacherEmails.get(t), batchIds.get(t),
                    Collections.unmodifiableList(perBatch.get(t))));
        }
        if (missing > 0) {
            System.out.printf("WARNING: finance-service raised no fee plan for %d of %d enrollments within %d s%n",
                    missing, planIds.size(), settings.plansWaitSec());
        }
        say("fee plans raised for " + (planIds.size() - missing) + " of " + planIds.size() + " students");

        Api teacher = Api.login(gw, teacherEmails.get(0), PASSWORD);
        Map<String, Object> quiz = new LinkedHashMap<>();
        quiz.put("curriculumId", curriculumId);
        quiz.put("title", "Kinematics check " + run);
        quiz.put("durationMinutes", 60);
        quiz.put("attemptsAllowed", 0);
        quiz.put("passingPercent", 50);
        quizId = teacher.until("POST", "/api/v1/quizzes", quiz, Map.of(), r -> r.status() == 201, 120, false)
                .json().path("id").asText();
        StringBuilder csv = new StringBuilder("type,text,points,negative_points,options,correct,explanation,policy\n");
        for (int q = 0; q < QUESTIONS; q++) {
            csv.append("MULTIPLE_CHOICE,Question ").append(q + 1).append(",4,1,a|b|c|d,").append(1 + q % 4).append(",,\n");
        }
        teacher.call("POST", "/api/v1/quizzes/" + quizId + "/questions/import", csv.toString(),
                Map.of("Content-Type", "text/csv"), 201);
        teacher.call("POST", "/api/v1/quizzes/" + quizId + "/publish", null, Map.of(), 200);
        for (JsonNode question : teacher.get("/api/v1/quizzes/" + quizId + "/questions")) {
            List<String> options = new ArrayList<>();
            question.path("options").forEach(o -> options.add(o.path("id").asText()));
            questions.add(new Question(question.path("id").asText(), List.copyOf(options)));
        }
        say("quiz " + quizId + " published with " + questions.size() + " questions");

        Api marketing = Api.login(gw, marketingEmail, PASSWORD);
        for (int i = 0; i < SETUP_LEADS; i++) {
            marketing.post("/api/v1/leads", Map.of("name", "Setup lead " + i + " " + run, "phone", phone(i),
                    "email", "setup-lead" + i + "." + run + "@lead.example", "source", "WALK_IN",
                    "courseId", courseId, "courseInterest", "Physics"));
        }
        say(SETUP_LEADS + " leads");

        // The services hear of the enrollments by event: wait until the last student reads the
        // curriculum and sees the quiz, so that the first journeys do not fail for want of it.
        Student last = students.getLast();
        Api student = Api.login(gw, last.email(), PASSWORD);
        student.until("GET", "/api/v1/courses/" + courseId + "/curriculum?teacherId=" + last.teacherId(), null,
                Map.of(), r -> r.status() == 200, 120, false);
        student.until("GET", "/api/v1/quizzes?courseId=" + courseId, null, Map.of(),
                r -> r.status() == 200 && r.body().contains(quizId), 120, false);
        student.until("POST", "/api/v1/progress/courses/" + courseId + "/lessons/" + lessonIds.getFirst() + "/complete",
                null, Map.of(), r -> r.status() == 200, 120, false);
        say("the enrollments have reached course, assessment and enrollment services");
    }

    /**
     * The n-th mobile number of this run (n below 10,000): the run's own block, from the time it
     * started in tens of seconds, so that leads of two runs (and the students their conversions
     * make) do not share a phone for eleven days.
     */
    String phone(long n) {
        return String.format("+91 9%05d%04d", phoneBlock, n % 10_000);
    }

    private static int secondsLeft(long deadline) {
        return (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
    }

    private String user(String email, String name, String role, String branch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("name", name);
        body.put("roleName", role);
        body.put("password", PASSWORD);
        if (branch != null) {
            body.put("branchId", branch);
        }
        return director.post("/api/v1/users", body).path("id").asText();
    }

    private <T> List<T> parallel(List<Callable<T>> tasks) {
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.setupThreads())) {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("setup failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void say(String what) {
        System.out.println("setup " + run + ": " + what);
    }
}
