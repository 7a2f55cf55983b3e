import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * communication-service's figures (bench/communication.sh runs it on the service's own libraries,
 * against a running suite), in four steps, the script seeding the database between them:
 * <ul>
 * <li>{@code setup GATEWAY IDENTITY EMAIL PASSWORD JDBC_URL}: as the director, two branches of this
 * run (one for the announcements, one for the query queue), a student of the first and a BACKOFFICE
 * user of the second, real accounts made through the API; waits until communication-service's
 * directory ({@code recipient}) has both. Prints {@code announce-branch}, {@code queue-branch},
 * {@code student ID EMAIL} and {@code backoffice ID EMAIL} for the script;</li>
 * <li>{@code fanout GATEWAY IDENTITY EMAIL PASSWORD JDBC_URL BRANCH STUDENT_EMAIL RUN}: with the
 * branch holding 5,000 active students in the directory (the real one and those the script seeded),
 * five announcements to {@code audience.branchIds = [BRANCH]}, one after another: the POST's latency
 * and the time from sending it until the real student's inbox shows it, each checked to have reached
 * 5,000 recipients with as many notifications;</li>
 * <li>{@code inbox GATEWAY IDENTITY EMAIL PASSWORD STUDENT_EMAIL}: the student's announcements, page
 * of 20, all and unread only, 500 each one at a time after 100 to warm up;</li>
 * <li>{@code queue GATEWAY IDENTITY EMAIL PASSWORD BACKOFFICE_EMAIL}: the back office's query queue,
 * default sort, open ones by priority, breached ones, 300 each one at a time after 50 to warm up.</li>
 * </ul>
 * The figures are printed as table rows (lines starting with {@code |}) for the script's summary.
 */
public class CommunicationBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String USER_PASSWORD = "bench-pass-1234";
    static final int AUDIENCE = 5000;
    static String gateway;
    static String identity;

    public static void main(String[] args) throws Exception {
        gateway = args[1];
        identity = args[2];
        String director = login(args[3], args[4]);
        switch (args[0]) {
            case "setup" -> setup(director, args[5]);
            case "fanout" -> fanout(director, args[5], args[6], args[7], args[8]);
            case "inbox" -> inbox(login(args[5], USER_PASSWORD));
            case "queue" -> queue(login(args[5], USER_PASSWORD));
            default -> throw new IllegalArgumentException("setup, fanout, inbox or queue, not " + args[0]);
        }
    }

    // ---- Setup ----

    static void setup(String director, String database) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        String announceBranch = post("/api/v1/branches", director, Map.of("code", "CB-" + run + "-A",
                "name", "Communication bench " + run + " announcements", "stateCode", "07")).path("id").asString();
        String queueBranch = post("/api/v1/branches", director, Map.of("code", "CB-" + run + "-Q",
                "name", "Communication bench " + run + " queries", "stateCode", "07")).path("id").asString();
        String studentEmail = "comm-student-" + run + "@bench.test";
        String student = post("/api/v1/users", director, Map.of("email", studentEmail, "name",
                "Communication Student " + run, "roleName", "STUDENT", "branchId", announceBranch,
                "password", USER_PASSWORD)).path("id").asString();
        String backofficeEmail = "comm-backoffice-" + run + "@bench.test";
        String backoffice = post("/api/v1/users", director, Map.of("email", backofficeEmail, "name",
                "Communication Back Office " + run, "roleName", "BACKOFFICE", "branchId", queueBranch,
                "password", USER_PASSWORD)).path("id").asString();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(database)) {
            for (String user : List.of(student, backoffice)) {
                while (true) {
                    try (PreparedStatement st = c.prepareStatement("""
                            select count(*) from communication.recipient
                            where user_id = ? and active and branch_id is not null and profile_type is not null""")) {
                        st.setObject(1, UUID.fromString(user));
                        try (ResultSet rs = st.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) == 1) {
                                break;
                            }
                        }
                    }
                    if (System.nanoTime() - started > 120_000_000_000L) {
                        throw new IllegalStateException("user " + user + " not in communication-service's directory after 120 s");
                    }
                    Thread.sleep(100);
                }
            }
        }
        System.out.printf("made 2 branches, a student and a back office user; in communication-service's directory "
                + "after %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println("run " + run);
        System.out.println("announce-branch " + announceBranch);
        System.out.println("queue-branch " + queueBranch);
        System.out.println("student " + student + " " + studentEmail);
        System.out.println("backoffice " + backoffice + " " + backofficeEmail);
    }

    // ---- Announcement fan-out ----

    static void fanout(String director, String database, String branch, String studentEmail, String run)
            throws Exception {
        String student = login(studentEmail, USER_PASSWORD);
        try (Connection c = DriverManager.getConnection(database)) {
            long audience = count(c, "select count(*) from communication.recipient where active and branch_id = ?",
                    UUID.fromString(branch));
            if (audience != AUDIENCE) {
                throw new IllegalStateException("the branch has " + audience + " active people in the directory, not "
                        + AUDIENCE);
            }
            int rounds = 5;
            double[] posted = new double[rounds];
            double[] visible = new double[rounds];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                settle();
                Map<String, Object> body = Map.of("title", "Communication bench fan-out " + run + " " + (i + 1),
                        "content", "<p>Classes on <strong>Monday</strong> start at 9:00 in every room of the branch.</p>",
                        "type", "NOTICE", "audience", Map.of("branchIds", List.of(branch)));
                long t0 = System.nanoTime();
                HttpResponse<String> made = raw("POST", "/api/v1/announcements", director, body);
                long t1 = System.nanoTime();
                JsonNode announcement = expect(made, "POST /api/v1/announcements", 201);
                String id = announcement.path("id").asString();
                int polls = 0;
                long t2;
                while (true) {
                    polls++;
                    JsonNode first = get("/api/v1/announcements?size=1", student).path("content").path(0);
                    t2 = System.nanoTime();
                    if (first.has("id") && first.get("id").asString().equals(id)) {
                        break;
                    }
                    if (t2 - t0 > 60_000_000_000L) {
                        throw new IllegalStateException("announcement " + id + " not in the student's inbox after 60 s");
                    }
                }
                ids.add(id);
                posted[i] = (t1 - t0) / 1e6;
                visible[i] = (t2 - t0) / 1e6;
                long recipients = count(c, "select count(*) from communication.announcement_recipient where announcement_id = ?",
                        UUID.fromString(id));
                long notified = count(c, "select count(*) from communication.notification where link = ?",
                        "/announcements/" + id);
                System.out.printf("  announcement %d: POST %.1f ms (recipients %d), in the student's inbox %.1f ms after "
                        + "the POST was sent (%d GET), announcement_recipient %d rows, notifications %d%n", i + 1,
                        posted[i], announcement.path("recipients").asLong(), visible[i], polls, recipients, notified);
                if (recipients != AUDIENCE || notified != AUDIENCE || announcement.path("recipients").asLong() != AUDIENCE) {
                    throw new IllegalStateException("announcement " + id + " reached " + recipients + " with " + notified
                            + " notifications, not " + AUDIENCE);
                }
            }
            System.out.println("fanout-ids " + String.join(" ", ids));
            System.out.printf("| announcement to 5,000 recipients, the director's POST (recipients, notifications and "
                    + "event in its transaction), 5 one after another | median %.1f ms | | %s |%n", median(posted),
                    list(posted));
            System.out.printf("| the same, from sending the POST until the real student's inbox shows it | median %.1f ms "
                    + "| | %s |%n", median(visible), list(visible));
        }
    }

    static String list(double[] values) {
        List<String> each = new ArrayList<>();
        for (double v : values) {
            each.add(String.format("%.1f", v));
        }
        return String.join(", ", each) + " ms";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static long count(Connection c, String sql, Object param) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---- The inbox and the queue ----

    static void inbox(String student) throws Exception {
        settle();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("announcement inbox, page of 20", "/api/v1/announcements?size=20");
        queries.put("announcement inbox, unread=true, page of 20", "/api/v1/announcements?unread=true&size=20");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            System.out.printf("  %s: %d listed%n", q.getKey(), get(q.getValue(), student).path("page")
                    .path("totalElements").asLong());
        }
        time(queries, student, 100, 500, "a student with 1,000 announcements");
    }

    static void queue(String backoffice) throws Exception {
        settle();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("query queue, default sort (oldest first), page of 20", "/api/v1/queries?size=20");
        queries.put("query queue, status=OPEN&sort=priority,desc", "/api/v1/queries?status=OPEN&sort=priority,desc&size=20");
        queries.put("query queue, breached=true", "/api/v1/queries?breached=true&size=20");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            System.out.printf("  %s: %d listed%n", q.getKey(), get(q.getValue(), backoffice).path("page")
                    .path("totalElements").asLong());
        }
        time(queries, backoffice, 50, 300, "50,000 queries in the branch");
    }

    static void time(Map<String, String> queries, String token, int warmUp, int requests, String what) throws Exception {
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long[] took = new long[requests];
            for (int i = -warmUp; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = raw("GET", query.getValue(), token, null);
                long t = System.nanoTime() - t0;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(query.getValue() + ": " + answer.statusCode() + " " + answer.body());
                }
                if (i >= 0) {
                    took[i] = t;
                }
            }
            Arrays.sort(took);
            System.out.printf("| %s, %s, %d one at a time | p50 %.1f ms | p99 %.1f ms | |%n", query.getKey(), what,
                    requests, took[requests / 2] / 1e6, took[requests * 99 / 100] / 1e6);
        }
    }

    /**
     * Waits (at most 30 s) until the machine's CPUs have been at least 85 % idle for two seconds in a
     * row: the events of what came before (directory updates, AnnouncementPublished) are taken up by
     * other services on the same CPUs.
     */
    static void settle() throws Exception {
        long started = System.nanoTime();
        int quiet = 0;
        long[] before = cpu();
        while (quiet < 2 && System.nanoTime() - started < 30_000_000_000L) {
            Thread.sleep(1000);
            long[] after = cpu();
            double idle = (after[0] - before[0]) / (double) Math.max(1, after[1] - before[1]);
            quiet = idle >= 0.85 ? quiet + 1 : 0;
            before = after;
        }
        System.out.printf("  (waited %.0f s for the machine to be idle%s)%n", (System.nanoTime() - started) / 1e9,
                quiet < 2 ? ", in vain" : "");
    }

    /** Idle and total jiffies of all CPUs, from /proc/stat. */
    static long[] cpu() throws Exception {
        String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
    }

    // ---- HTTP ----

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
        return expect(raw("POST", path, token, body), "POST " + path, 201);
    }

    static JsonNode get(String path, String token) throws Exception {
        return expect(raw("GET", path, token, null), "GET " + path, 200);
    }

    static JsonNode expect(HttpResponse<String> response, String what, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
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
