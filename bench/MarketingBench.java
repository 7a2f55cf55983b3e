import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * marketing-service's figures (bench/marketing.sh runs it on the service's own libraries, against a
 * running suite), in four steps, the script seeding the database between the first two:
 * <ul>
 * <li>{@code enquiries GATEWAY EMAIL PASSWORD JDBC_URL SECONDS}: as the director, ten branches of this
 * run, waited for in marketing-service's {@code branch_view}; then the website's enquiry form
 * (POST /api/v1/enquiries, no token) with 10 and 50 clients at once for SECONDS seconds each after a
 * round to warm up, every enquiry a new person (name, a mobile number of its own, e-mail, course of
 * interest) of one of the ten branches: enquiries per second, p50, p99, anything but a 202 an error,
 * and how many leads the accepted ones made. Prints {@code branches ID...} and {@code run RUN};</li>
 * <li>{@code search GATEWAY EMAIL PASSWORD PHONE}: with the seeded leads in place, the director's lead
 * list searched by a name prefix, by a whole mobile number and by its first four digits, filtered to
 * NEW leads past their follow-up, and unfiltered: 200 requests each, one at a time, after 50 to warm
 * up;</li>
 * <li>{@code conversions GATEWAY EMAIL PASSWORD JDBC_URL BRANCH COUNT CLIENTS,...}: a course and a batch
 * of the branch (ONE_TIME fee, room for everyone), COUNT leads per entry of the list made through
 * the API plus ten to warm up; for each entry, COUNT of them converted (POST
 * /api/v1/leads/{id}/conversion) with that many conversions under way at a time, each followed (GET
 * every 50 ms) until it shows FEE_PLAN_RAISED: the time from sending the request to that answer, and
 * the steps in marketing-service's own rows (LeadAccountReady, LeadEnrolled and FeePlanCreated
 * recorded); FAILED or no plan within 120 s is an error;</li>
 * <li>{@code flood GATEWAY JDBC_URL BRANCH COUNT SECONDS}: COUNT enquiries from this one address
 * spread evenly over SECONDS seconds, against a gateway with its default per-address enquiry limit:
 * how many were accepted (202) and refused (429), how many leads were made, and whether an enquiry
 * from another loopback address (127.0.0.2) still passes.</li>
 * </ul>
 * The figures are printed as table rows (lines starting with {@code |}) for the script's summary.
 */
public class MarketingBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] FIRST = {"Aarav", "Aditi", "Akash", "Ananya", "Arjun", "Bhavna", "Deepak", "Divya",
        "Gaurav", "Harsh", "Ishaan", "Jyoti", "Karan", "Kavya", "Kavita", "Kaveri", "Lakshmi", "Manish", "Meera",
        "Mohit", "Neha", "Nikhil", "Pooja", "Pranav", "Priya", "Rahul", "Riya", "Rohan", "Sakshi", "Sandeep",
        "Sneha", "Suresh", "Tanvi", "Tarun", "Utkarsh", "Vaibhav", "Vikram", "Yash", "Zoya", "Ayesha"};
    static final String[] LAST = {"Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Shah", "Mehta", "Reddy",
        "Nair", "Iyer", "Menon", "Das", "Bose", "Chatterjee", "Banerjee", "Mukherjee", "Joshi", "Kulkarni",
        "Deshpande", "Agarwal", "Jain", "Yadav", "Mishra", "Pandey", "Tiwari", "Chauhan", "Rathore", "Khan", "Ansari"};
    static final String[] COURSES = {"JEE Main and Advanced", "NEET UG", "Class 10 Foundation", "Class 12 Physics",
        "CUET", "Olympiad Mathematics"};
    static String gateway;
    static volatile String director;

    public static void main(String[] args) throws Exception {
        gateway = args[1];
        switch (args[0]) {
            case "enquiries" -> {
                director = login(args[2], args[3]);
                enquiries(args[4], Integer.parseInt(args[5]));
            }
            case "search" -> {
                director = login(args[2], args[3]);
                search(args[4]);
            }
            case "conversions" -> {
                director = login(args[2], args[3]);
                conversions(args[4], args[5], Integer.parseInt(args[6]), args[7]);
            }
            case "flood" -> flood(args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("enquiries, search, conversions or flood, not " + args[0]);
        }
    }

    static String name(ThreadLocalRandom random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    // ---- Enquiries ----

    static void enquiries(String database, int seconds) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            branches.add(post("/api/v1/branches", director, Map.of("code", "MB-" + run + "-" + i, "name",
                    "Marketing bench " + run + " " + i, "city", "Pune", "state", "Maharashtra", "stateCode", "27"))
                    .path("id").asString());
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(database)) {
            for (String branch : branches) {
                while (count(c, "select count(*) from marketing.branch_view where branch_id = ? and active",
                        UUID.fromString(branch)) == 0) {
                    if (System.nanoTime() - started > 120_000_000_000L) {
                        throw new IllegalStateException("branch " + branch + " not in marketing-service's branch_view after 120 s");
                    }
                    Thread.sleep(100);
                }
            }
        }
        System.out.printf("made 10 branches; in marketing-service's branch_view after %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        System.out.println("run " + run);
        System.out.println("branches " + String.join(" ", branches));

        // Mobile numbers 99xxxxxxxx, one per enquiry: each makes a new lead (the branches are this run's).
        AtomicLong phones = new AtomicLong();
        enquire("warm-up", branches, run, 50, Math.max(5, seconds / 2), phones);
        for (int clients : new int[] {10, 50}) {
            settle();
            enquire("enquiries", branches, run, clients, seconds, phones);
        }
        try (Connection c = DriverManager.getConnection(database);
                PreparedStatement st = c.prepareStatement("select count(*) from marketing.lead where email like ?")) {
            st.setString(1, "%." + run + "@enquiry.bench.test");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                System.out.printf("leads made from this run's enquiries: %,d (enquiries sent with a new number: %,d)%n",
                        rs.getLong(1), phones.get());
            }
        }
    }

    static void enquire(String label, List<String> branches, String run, int clients, int seconds, AtomicLong phones)
            throws Exception {
        ConcurrentLinkedQueue<Long> took = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> why = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        long n = phones.incrementAndGet();
                        String first = FIRST[random.nextInt(FIRST.length)];
                        String last = LAST[random.nextInt(LAST.length)];
                        Map<String, Object> enquiry = Map.of("name", first + " " + last,
                                "phone", String.format("99%08d", n),
                                "email", (first + "." + last + "." + n + "." + run).toLowerCase() + "@enquiry.bench.test",
                                "courseInterest", COURSES[random.nextInt(COURSES.length)],
                                "branchId", branches.get(random.nextInt(branches.size())));
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> answer = send(HTTP, "POST", "/api/v1/enquiries", null, enquiry);
                            long t = System.nanoTime() - t0;
                            if (answer.statusCode() == 202) {
                                took.add(t);
                            } else {
                                failed.incrementAndGet();
                                why.computeIfAbsent(answer.statusCode() + " " + answer.body().substring(0,
                                        Math.min(160, answer.body().length())), k -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            why.computeIfAbsent(e.toString(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            stop.set(true);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        why.forEach((reason, count) -> System.out.println("  " + count + " x " + reason));
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        if (label.equals("warm-up")) {
            System.out.printf("warm-up, %d clients, %d s: %d enquiries accepted (%d failed)%n", clients, seconds,
                    sorted.length, failed.get());
            return;
        }
        if (sorted.length == 0) {
            System.out.printf("| enquiries, %d clients | none accepted (%d failed) |%n", clients, failed.get());
            return;
        }
        System.out.printf("| enquiries (POST /api/v1/enquiries, no token), %d clients, %d s | %,.0f/s | p50 %.1f ms "
                + "| p99 %.1f ms | %d errors |%n", clients, seconds, sorted.length / elapsed,
                sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, failed.get());
    }

    // ---- Search ----

    static void search(String phone) throws Exception {
        settle();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("lead search by a name prefix, q=Kav", "/api/v1/leads?q=Kav&size=20");
        queries.put("lead search by a whole mobile number, q=" + phone, "/api/v1/leads?q=" + phone + "&size=20");
        queries.put("lead search by a number's first four digits, q=" + phone.substring(0, 4),
                "/api/v1/leads?q=" + phone.substring(0, 4) + "&size=20");
        queries.put("leads filtered, stage=NEW&overdue=true", "/api/v1/leads?stage=NEW&overdue=true&size=20");
        queries.put("leads unfiltered, newest first", "/api/v1/leads?size=20");
        Map<String, Long> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long total = get(q.getValue(), director).path("page").path("totalElements").asLong();
            found.put(q.getKey(), total);
            System.out.printf("  %s: %,d leads%n", q.getKey(), total);
        }
        long all = found.get("leads unfiltered, newest first");
        int requests = 200;
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long[] took = new long[requests];
            for (int i = -50; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = send(HTTP, "GET", query.getValue(), director, null);
                long t = System.nanoTime() - t0;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(query.getValue() + ": " + answer.statusCode() + " " + answer.body());
                }
                if (i >= 0) {
                    took[i] = t;
                }
            }
            Arrays.sort(took);
            System.out.printf("| %s (%,d of %,d leads match), page of 20, %d one at a time | – | p50 %.1f ms | p99 %.1f ms | |%n",
                    query.getKey(), found.get(query.getKey()), all, requests, took[requests / 2] / 1e6,
                    took[requests * 99 / 100] / 1e6);
        }
    }

    // ---- Conversions ----

    static void conversions(String database, String branch, int count, String clientCounts) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        int warmUp = 10;
        int[] rounds = Arrays.stream(clientCounts.split(",")).mapToInt(Integer::parseInt).toArray();
        int total = warmUp + count * rounds.length;
        int fee = 60000;
        String course = post("/api/v1/courses", director, Map.of("title", "Marketing bench " + run, "price", fee,
                "level", "BEGINNER", "durationHours", 120)).path("id").asString();
        // enrollment-service takes the batch once it has heard of the course.
        Map<String, Object> body = Map.of("courseId", course, "name", "Conversion batch " + run, "branchId", branch,
                "startDate", LocalDate.now().minusDays(1).toString(), "capacity", total + 50, "fee", fee,
                "feeFrequency", "ONE_TIME");
        String batch = null;
        long until = System.nanoTime() + 60_000_000_000L;
        while (batch == null) {
            HttpResponse<String> made = send(HTTP, "POST", "/api/v1/batches", director, body);
            if (made.statusCode() == 201) {
                batch = JSON.readTree(made.body()).path("id").asString();
            } else if (System.nanoTime() > until) {
                throw new IllegalStateException("batch: " + made.statusCode() + " " + made.body());
            } else {
                Thread.sleep(250);
            }
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(database)) {
            while (count(c, "select count(*) from marketing.batch_view where batch_id = ?", UUID.fromString(batch)) == 0) {
                if (System.nanoTime() - started > 60_000_000_000L) {
                    throw new IllegalStateException("batch " + batch + " not in marketing-service's batch_view after 60 s");
                }
                Thread.sleep(100);
            }
        }
        // Mobile numbers 98xxxxxxxx from a random start, so that no earlier run's student has one of them.
        long base = ThreadLocalRandom.current().nextLong(90_000_000L);
        List<String> leads = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < total; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            leads.add(post("/api/v1/leads", director, Map.of("name", first + " " + last,
                    "phone", String.format("98%08d", base + i), "source", "WALK_IN", "branchId", branch,
                    "courseInterest", "Marketing bench " + run,
                    "email", (first + "." + last + "." + i + "." + run).toLowerCase() + "@convert.bench.test"))
                    .path("id").asString());
        }
        System.out.printf("made a course, a batch of %d places (fee %,d ONE_TIME, in marketing-service's batch_view after "
                + "%.1f s) and %d leads of the branch%n", total + 50, fee, (System.nanoTime() - started) / 1e9,
                leads.size());

        convert("warm-up", leads.subList(0, warmUp), batch, 10, null);
        for (int r = 0; r < rounds.length; r++) {
            settle();
            director = login(null, null);
            convert("measured", leads.subList(warmUp + r * count, warmUp + (r + 1) * count), batch, rounds[r], database);
        }
    }

    static void convert(String label, List<String> leads, String batch, int clients, String database) throws Exception {
        ConcurrentLinkedQueue<Long> requested = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> raised = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> polls = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> why = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < leads.size(); i = next.getAndIncrement()) {
                        String lead = leads.get(i);
                        try {
                            long t0 = System.nanoTime();
                            HttpResponse<String> asked = send(HTTP, "POST", "/api/v1/leads/" + lead + "/conversion",
                                    director, Map.of("batchId", batch));
                            long t1 = System.nanoTime();
                            if (asked.statusCode() != 202) {
                                throw new IllegalStateException("POST conversion " + asked.statusCode() + " "
                                        + asked.body().substring(0, Math.min(160, asked.body().length())));
                            }
                            requested.add(t1 - t0);
                            int n = 0;
                            while (true) {
                                Thread.sleep(50);
                                n++;
                                JsonNode conversion = get("/api/v1/leads/" + lead + "/conversion", director);
                                String progress = conversion.path("progress").asString();
                                if (progress.equals("FEE_PLAN_RAISED")) {
                                    raised.add(System.nanoTime() - t0);
                                    polls.add(n);
                                    break;
                                }
                                if (progress.equals("FAILED")) {
                                    throw new IllegalStateException("FAILED " + conversion.path("failureReason").asString()
                                            + ": " + conversion.path("failureDetail").asString());
                                }
                                if (System.nanoTime() - t0 > 120_000_000_000L) {
                                    throw new IllegalStateException("no fee plan after 120 s (" + progress + ")");
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            why.computeIfAbsent(e.getMessage() == null ? e.toString() : e.getMessage(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        why.forEach((reason, count) -> System.out.println("  " + count + " x " + reason));
        long[] sorted = raised.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] posts = requested.stream().mapToLong(Long::longValue).sorted().toArray();
        if (database == null) {
            System.out.printf("warm-up: %d conversions, %d with a fee plan (%d failed) in %.1f s%n", leads.size(),
                    sorted.length, failed.get(), elapsed);
            return;
        }
        if (sorted.length == 0) {
            System.out.printf("| conversions | none reached a fee plan (%d failed) |%n", failed.get());
            return;
        }
        System.out.printf("%d conversions, %d at a time, in %.1f s: %d reached FEE_PLAN_RAISED, %d failed; %.1f GETs "
                + "each on average%n", leads.size(), clients, elapsed, sorted.length, failed.get(),
                polls.stream().mapToInt(Integer::intValue).average().orElse(0));
        System.out.printf("| conversion request (POST /api/v1/leads/{id}/conversion, 202), %d, %d at a time | – "
                + "| p50 %.1f ms | p99 %.1f ms | %d errors |%n", leads.size(), clients, posts[posts.length / 2] / 1e6,
                posts[posts.length * 99 / 100] / 1e6, leads.size() - posts.length);
        System.out.printf("| conversion, request sent until GET …/conversion shows FEE_PLAN_RAISED (polled every 50 ms), "
                + "%d, %d at a time | %.1f/s | p50 %.0f ms | p99 %.0f ms | %d errors |%n", leads.size(), clients,
                sorted.length / elapsed, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                failed.get());
        // The same in marketing-service's rows, step by step: identity's answer (the account's activity),
        // the enrollment (completed_at), and the moment both the enrollment and finance's FeePlanCreated
        // were recorded (the two arrive on different topics, in either order).
        List<Double> account = new ArrayList<>();
        List<Double> enrolled = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database); PreparedStatement st = c.prepareStatement("""
                select extract(epoch from (a.at - c.requested_at)) * 1000,
                       extract(epoch from (c.completed_at - a.at)) * 1000,
                       extract(epoch from (greatest(c.completed_at, f.created_at) - c.requested_at)) * 1000
                from marketing.lead_conversion c
                join marketing.fee_plan_view f on f.enrollment_id = c.enrollment_id
                left join lateral (select min(x.occurred_at) as at from marketing.lead_activity x
                                   where x.lead_id = c.lead_id and x.type = 'CONVERSION'
                                     and (x.notes like 'Student account created%' or x.notes like 'Linked to%')) a on true
                where c.lead_id = any (?)""")) {
            st.setArray(1, c.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double toAccount = rs.getDouble(1);
                    if (!rs.wasNull()) {
                        account.add(toAccount);
                        enrolled.add(rs.getDouble(2));
                    }
                    done.add(rs.getDouble(3));
                }
            }
        }
        step("requested until LeadAccountReady was recorded (identity made the account)", account, clients);
        step("then until LeadEnrolled was recorded (enrollment-service enrolled)", enrolled, clients);
        step("requested until both the enrollment and FeePlanCreated were recorded", done, clients);
    }

    static void step(String what, List<Double> millis, int clients) {
        if (millis.isEmpty()) {
            return;
        }
        millis.sort(null);
        System.out.printf("| conversion step in marketing-service's rows, %d at a time: %s (%d) | – | p50 %.0f ms "
                + "| p99 %.0f ms | |%n", clients, what, millis.size(), millis.get(millis.size() / 2),
                millis.get(millis.size() * 99 / 100));
    }

    // ---- Flood from one address ----

    static void flood(String database, String branch, int requests, int seconds) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<Integer, AtomicInteger> codes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> retryAfter = new ConcurrentLinkedQueue<>();
        long base = ThreadLocalRandom.current().nextLong(90_000_000L);
        long started = System.nanoTime();
        long gap = seconds * 1_000_000_000L / requests;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                long due = started + i * gap;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                int n = i;
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Map<String, Object> enquiry = Map.of("name", name(random), "phone", String.format("97%08d", base + n),
                            "email", "flood." + n + "." + run + "@flood.bench.test", "courseInterest", "NEET UG",
                            "branchId", branch);
                    HttpResponse<String> answer = send(HTTP, "POST", "/api/v1/enquiries", null, enquiry);
                    codes.computeIfAbsent(answer.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    answer.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        // Another address of this machine: its own bucket.
        HttpClient other = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName("127.0.0.2")).connectTimeout(Duration.ofSeconds(5)).build();
        int otherCode = send(other, "POST", "/api/v1/enquiries", null, Map.of("name", "Other Address",
                "phone", String.format("97%08d", base + requests), "email", "flood.other." + run + "@flood.bench.test",
                "branchId", branch)).statusCode();
        long made;
        try (Connection c = DriverManager.getConnection(database);
                PreparedStatement st = c.prepareStatement("select count(*) from marketing.lead where email like ?")) {
            st.setString(1, "flood.%." + run + "@flood.bench.test");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                made = rs.getLong(1);
            }
        }
        int accepted = codes.getOrDefault(202, new AtomicInteger()).get();
        int refused = codes.getOrDefault(429, new AtomicInteger()).get();
        System.out.printf("flood: %d enquiries from one address in %.1f s: %s; Retry-After given %s; leads made %d "
                + "(%d the flood's, 1 from 127.0.0.2 if it passed); an enquiry from 127.0.0.2 right after: %d%n",
                requests, elapsed, codes, retryAfter.stream().distinct().sorted().toList(), made, accepted, otherCode);
        System.out.printf("| flood of enquiries from one address, the gateway's default enquiry limit: %d over %.1f s | – | – "
                + "| – | %d accepted (202), %d refused (429), %d other; the next from 127.0.0.2: %d |%n", requests, elapsed,
                accepted, refused, requests - accepted - refused, otherCode);
    }

    // ---- The machine ----

    /**
     * Waits (at most 60 s) until the machine's CPUs have been at least 85 % idle for two seconds in a
     * row: what a round published (LeadCreated, the conversions' events) is taken up by other services
     * on the same CPUs afterwards.
     */
    static void settle() throws Exception {
        long started = System.nanoTime();
        int quiet = 0;
        long[] before = cpu();
        while (quiet < 2 && System.nanoTime() - started < 60_000_000_000L) {
            Thread.sleep(1000);
            long[] after = cpu();
            double idle = (after[0] - before[0]) / (double) Math.max(1, after[1] - before[1]);
            quiet = idle >= 0.85 ? quiet + 1 : 0;
            before = after;
        }
        System.out.printf("  (waited %.0f s for the machine to be idle%s)%n", (System.nanoTime() - started) / 1e9,
                quiet < 2 ? ", in vain" : "");
    }

    /** Idle (with I/O wait) and total jiffies of all CPUs, from /proc/stat. */
    static long[] cpu() throws Exception {
        String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[] {Long.parseLong(fields[4]) + Long.parseLong(fields[5]), total};
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

    // ---- HTTP ----

    static String email;
    static String password;

    /** The director's token from a login through the gateway; without arguments, with the ones given before. */
    static String login(String who, String secret) throws Exception {
        if (who != null) {
            email = who;
            password = secret;
        }
        HttpResponse<String> response = send(HTTP, "POST", "/api/v1/auth/login", null, Map.of("email", email,
                "password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login " + email + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    static JsonNode post(String path, String token, Object body) throws Exception {
        return expect(send(HTTP, "POST", path, token, body), "POST " + path, 201);
    }

    static JsonNode get(String path, String token) throws Exception {
        return expect(send(HTTP, "GET", path, token, null), "GET " + path, 200);
    }

    static JsonNode expect(HttpResponse<String> response, String what, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A request through the gateway; without a token when {@code token} is null. */
    static HttpResponse<String> send(HttpClient client, String method, String path, String token, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
