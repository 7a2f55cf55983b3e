import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * assessment-service's figures through the gateway (bench/assessment.sh runs it on the service's
 * own libraries, against a running suite):
 * <ol>
 * <li>a course with a lesson, a teacher, a batch of STUDENTS students and a published quiz of 100
 * multiple-choice questions, all made through the API as a director would;</li>
 * <li>every student starts an attempt; after a round to warm up, 50 and then 200 of them save
 * answers at once, each a random question and option, for SECONDS seconds: answers saved per
 * second, p50, p99;</li>
 * <li>the attempts submitted one at a time: submit-and-grade latency of a 100-question attempt.</li>
 * </ol>
 * Prints the quiz id of a second, 20-question quiz on its last line, for the sweep figures the
 * script takes in the database.
 */
public class AssessmentBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String gateway;
    static String identity;

    public static void main(String[] args) throws Exception {
        gateway = args[0];
        identity = args[1];
        String email = args[2];
        String password = args[3];
        int students = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String run = Long.toString(System.currentTimeMillis(), 36);

        String director = login(email, password);
        String teacherId = post("/api/v1/users", director, Map.of("email", "teacher-" + run + "@bench.test",
                "name", "Bench Teacher", "roleName", "TEACHER", "password", "bench-pass-1234")).path("id").asString();
        String course = post("/api/v1/courses", director, Map.of("title", "Quiz bench " + run, "price", 1000,
                "level", "BEGINNER", "durationHours", 10)).path("id").asString();
        String curriculum = get("/api/v1/courses/" + course + "/curricula", director).get(0).path("id").asString();
        String module = post("/api/v1/curricula/" + curriculum + "/modules", director, Map.of("title", "M"))
                .path("id").asString();
        post("/api/v1/modules/" + module + "/lessons", director, Map.of("title", "L", "weightage", 1));
        send("PUT", "/api/v1/courses/" + course + "/teachers/" + teacherId, director, null, 204);
        String teacher = login("teacher-" + run + "@bench.test", "bench-pass-1234");
        String batch = post("/api/v1/batches", director, Map.of("courseId", course, "name", "Bench " + run,
                "startDate", LocalDate.now().minusDays(1).toString(), "teacherId", teacherId, "capacity", students))
                .path("id").asString();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            String address = "student-" + i + "-" + run + "@bench.test";
            String id = post("/api/v1/users", director, Map.of("email", address, "name", "Student " + i,
                    "roleName", "STUDENT", "password", "bench-pass-1234")).path("id").asString();
            post("/api/v1/enrollments", director, Map.of("studentId", id, "courseId", course, "batchId", batch));
            tokens.add(login(address, "bench-pass-1234"));
        }
        String quiz = quiz(teacher, curriculum, "Bench 100", 100, 240);
        String sweepQuiz = quiz(teacher, curriculum, "Sweep 20", 20, 240);
        JsonNode questions = get("/api/v1/quizzes/" + quiz + "/questions", teacher);
        System.out.printf("made a course, a teacher, %d enrolled students and quizzes of 100 and 20 questions%n", students);

        // Every student starts an attempt (once assessment-service has heard of their enrollment).
        String[] attempts = new String[students];
        for (int i = 0; i < students; i++) {
            long until = System.nanoTime() + 60_000_000_000L;
            while (true) {
                HttpResponse<String> started = raw("POST", "/api/v1/quizzes/" + quiz + "/attempts", tokens.get(i), null);
                if (started.statusCode() / 100 == 2) {
                    attempts[i] = JSON.readTree(started.body()).path("id").asString();
                    break;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("student " + i + " could not start: " + started.body());
                }
                Thread.sleep(200);
            }
        }
        // A first round, not reported, so that the services' code is compiled before it is measured.
        answers(Math.min(50, students), Math.max(5, seconds / 2), tokens, attempts, questions, false);
        for (int concurrency : new int[] {50, 200}) {
            answers(Math.min(concurrency, students), seconds, tokens, attempts, questions, true);
        }
        long[] took = new long[students];
        for (int i = 0; i < students; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> submitted = raw("POST", "/api/v1/attempts/" + attempts[i] + "/submit", tokens.get(i),
                    null);
            took[i] = System.nanoTime() - t0;
            if (submitted.statusCode() != 200) {
                throw new IllegalStateException("submit: " + submitted.statusCode() + " " + submitted.body());
            }
        }
        Arrays.sort(took);
        System.out.printf("submit and grade, 100 questions, %d attempts one at a time: p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms%n", students, took[students / 2] / 1e6, took[students * 99 / 100] / 1e6,
                took[students - 1] / 1e6);
        System.out.println("sweep-quiz " + sweepQuiz);
    }

    /** A published quiz of {@code count} JEE Main questions (+4/-1, four options), imported as CSV. */
    static String quiz(String teacher, String curriculum, String title, int count, int minutes) throws Exception {
        String id = post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", title,
                "durationMinutes", minutes, "attemptsAllowed", 0)).path("id").asString();
        StringBuilder csv = new StringBuilder("type,text,points,negative_points,options,correct,explanation,policy\n");
        for (int i = 0; i < count; i++) {
            csv.append("MULTIPLE_CHOICE,Question ").append(i).append(",4,1,a|b|c|d,").append(1 + i % 4).append(",,\n");
        }
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/quizzes/" + id
                + "/questions/import")).header("Authorization", "Bearer " + teacher).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        send("POST", "/api/v1/quizzes/" + id + "/publish", teacher, null, 200);
        return id;
    }

    static void answers(int concurrency, int seconds, List<String> tokens, String[] attempts, JsonNode questions,
            boolean report) throws Exception {
        ConcurrentLinkedQueue<Long> took = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService students = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < concurrency; s++) {
                int student = s;
                students.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        JsonNode question = questions.get(random.nextInt(questions.size()));
                        String option = question.path("options").get(random.nextInt(4)).path("id").asString();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> saved = raw("PUT", "/api/v1/attempts/" + attempts[student] + "/answers/"
                                    + question.path("id").asString(), tokens.get(student),
                                    Map.of("optionIds", List.of(option)));
                            if (saved.statusCode() == 200) {
                                took.add(System.nanoTime() - t0);
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            stop.set(true);
        }
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        if (!report) {
            return;
        }
        System.out.printf("answers saved, %3d students at once, %d s: %,.0f answers/s, p50 %.1f ms, p99 %.1f ms "
                + "(%d refused or failed)%n", concurrency, seconds, sorted.length / (double) seconds,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, failed.get());
    }

    static String login(String email, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(identity + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + email + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    static JsonNode post(String path, String token, Object body) throws Exception {
        return send("POST", path, token, body, 201);
    }

    static JsonNode get(String path, String token) throws Exception {
        return send("GET", path, token, null, 200);
    }

    static JsonNode send(String method, String path, String token, Object body, int expected) throws Exception {
        HttpResponse<String> response = raw(method, path, token, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static HttpResponse<String> raw(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
