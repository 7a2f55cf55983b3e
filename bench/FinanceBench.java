import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.coachos.finance.money.AmountInWords;
import dev.coachos.finance.money.Gst;
import dev.coachos.finance.receipt.pdf.ReceiptDocument;
import dev.coachos.finance.receipt.pdf.ReceiptPdf;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * finance-service's figures (bench/finance.sh runs it on the service's own libraries, against a
 * running suite), in two steps:
 * <ul>
 * <li>{@code payments GATEWAY IDENTITY EMAIL PASSWORD STUDENTS SECONDS UTR_BASE JDBC_URL}: ten branches of
 * Delhi (GSTIN, a receipt series each) and an eleventh for the dues figures, STUDENTS students, two
 * courses and their batches (ONE_TIME fee of 10,00,000), all made through the API as a director
 * would: every student is enrolled in course A's one batch in branch 1 and in course B's batch of
 * one of the ten branches, so there are STUDENTS plans in one branch and as many spread over ten,
 * raised by finance-service from the enrollment events. After a round to warm up, 10 and 50
 * clients take ₹100 UPI payments (a new Idempotency-Key and UTR each) of random plans of one set
 * for SECONDS seconds: payments per second, p50, p99, anything but a 201; meanwhile the database
 * (JDBC_URL, a superuser) is asked every 100 ms how many of finance-service's connections are busy
 * and how many wait for a lock, on the receipt counter or elsewhere. Then receipts as PDF
 * through the gateway, one at a time, and {@link ReceiptPdf#render} in this process. Before each
 * figure it waits until the machine is idle again (the events of the round before are taken up by
 * other services on the same CPUs). Prints
 * {@code dues-branch ID} for the script's seeding;</li>
 * <li>{@code dues GATEWAY IDENTITY EMAIL PASSWORD BRANCH}: the dues list, the overdue list sorted
 * by what is over 90 days, and the ageing of that branch, 200 requests each, one at a time.</li>
 * </ul>
 * The figures are also printed as table rows (lines starting with {@code |}) for the script's summary.
 */
public class FinanceBench {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final BigDecimal FEE = new BigDecimal("1000000");
    static final String GSTIN = "07AAACV1234F1ZR";
    static String gateway;
    static String identity;
    static String email;
    static String password;
    static volatile String director;
    static String database;

    public static void main(String[] args) throws Exception {
        gateway = args[1];
        identity = args[2];
        email = args[3];
        password = args[4];
        director = login(email, password);
        if (args[0].equals("dues")) {
            dues(args[5]);
        } else {
            database = args[8];
            payments(Integer.parseInt(args[5]), Integer.parseInt(args[6]), Long.parseLong(args[7]));
        }
    }

    // ---- Payments and receipts ----

    static void payments(int students, int seconds, long utrBase) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> branches = new ArrayList<>();
        List<String> series = new ArrayList<>();
        String prefix = run.substring(run.length() - 3).toUpperCase();
        for (int i = 0; i <= 10; i++) {
            while (true) {
                String wanted = prefix + "0123456789X".charAt(i);
                HttpResponse<String> opened = raw("POST", "/api/v1/branches", director, Map.of("code",
                        "FB-" + run + "-" + i, "name", (i == 10 ? "Dues bench " : "Finance bench ") + run + " " + i,
                        "city", "New Delhi", "state", "Delhi", "stateCode", "07", "gstin", GSTIN,
                        "receiptSeries", wanted));
                if (opened.statusCode() == 201) {
                    branches.add(JSON.readTree(opened.body()).path("id").asString());
                    series.add(wanted);
                    break;
                }
                if (opened.statusCode() != 409) {
                    throw new IllegalStateException("branch: " + opened.statusCode() + " " + opened.body());
                }
                // A series an earlier run took: another three characters.
                prefix = Long.toString(36 * 36 + ThreadLocalRandom.current().nextLong(36 * 36 * 35), 36).toUpperCase();
            }
        }
        System.out.println("branches " + String.join(" ", series.subList(0, 10)) + "; dues in " + series.get(10));

        String courseA = course("Finance bench A " + run);
        String courseB = course("Finance bench B " + run);
        String batchA = batch(courseA, branches.get(0), "One branch " + run, students);
        String[] batchB = new String[10];
        for (int b = 0; b < 10; b++) {
            batchB[b] = batch(courseB, branches.get(b), "Branch " + b + " " + run, students);
        }
        String[] studentIds = new String[students];
        for (int i = 0; i < students; i++) {
            studentIds[i] = post("/api/v1/users", director, Map.of("email", "fee-" + i + "-" + run + "@bench.test",
                    "name", "Fee Student " + i, "roleName", "STUDENT", "branchId", branches.get(i % 10),
                    "password", "bench-pass-1234")).path("id").asString();
        }
        for (int i = 0; i < students; i++) {
            enroll(studentIds[i], courseA, batchA);
            enroll(studentIds[i], courseB, batchB[i % 10]);
        }
        // finance-service raises the plans from EnrollmentCreated.
        List<String> one = new ArrayList<>();
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            long until = System.nanoTime() + 120_000_000_000L;
            while (true) {
                JsonNode plans = get("/api/v1/fee-plans?studentId=" + studentIds[i], director).path("content");
                if (plans.size() == 2) {
                    for (JsonNode plan : plans) {
                        if (plan.path("pending").decimalValue().compareTo(FEE) != 0) {
                            throw new IllegalStateException("a plan of a new enrollment pends " + plan.path("pending"));
                        }
                        (plan.path("courseId").asString().equals(courseA) ? one : ten).add(plan.path("id").asString());
                    }
                    break;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("no plans for student " + i + " after 120 s");
                }
                Thread.sleep(200);
            }
        }
        System.out.printf("made 11 branches, 2 courses, 11 batches, %d students and %d enrollments: %d plans in one "
                + "branch, %d over ten (fee 10,00,000 each)%n", students, 2 * students, one.size(), ten.size());

        AtomicLong utr = new AtomicLong(utrBase);
        ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        // A first round, not reported, so that the services' code is compiled before it is measured.
        director = login(email, password);
        pay("warm-up", one, 50, Math.max(5, seconds / 2), utr, receipts);
        pay("warm-up", ten, 50, Math.max(5, seconds / 2), utr, receipts);
        checkSeries(receipts, series);
        for (int clients : new int[] {10, 50}) {
            settle();
            director = login(email, password);
            pay("1 branch (1 series)", one, clients, seconds, utr, null);
            settle();
            director = login(email, password);
            pay("10 branches (10 series)", ten, clients, seconds, utr, null);
        }

        settle();
        director = login(email, password);
        pdfThroughGateway(new ArrayList<>(receipts));
        pdfInProcess();
        System.out.println("dues-branch " + branches.get(10));
    }

    static String course(String title) throws Exception {
        return post("/api/v1/courses", director, Map.of("title", title, "price", FEE, "level", "BEGINNER",
                "durationHours", 100)).path("id").asString();
    }

    /** A batch of the course, once enrollment-service has heard of the course. */
    static String batch(String course, String branch, String name, int capacity) throws Exception {
        Map<String, Object> body = Map.of("courseId", course, "name", name, "branchId", branch,
                "startDate", LocalDate.now().minusDays(1).toString(), "capacity", capacity, "fee", FEE,
                "feeFrequency", "ONE_TIME");
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> made = raw("POST", "/api/v1/batches", director, body);
            if (made.statusCode() == 201) {
                return JSON.readTree(made.body()).path("id").asString();
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("batch: " + made.statusCode() + " " + made.body());
            }
            Thread.sleep(250);
        }
    }

    /** An enrollment, once enrollment-service has heard of the student. */
    static void enroll(String student, String course, String batch) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> made = raw("POST", "/api/v1/enrollments", director, Map.of("studentId", student,
                    "courseId", course, "batchId", batch));
            if (made.statusCode() == 201) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("enrollment: " + made.statusCode() + " " + made.body());
            }
            Thread.sleep(250);
        }
    }

    /**
     * {@code clients} clients paying ₹100 by UPI into random plans of {@code plans} for {@code seconds}
     * seconds; reported unless {@code receipts} is given (the warm-up keeps the receipts' ids instead).
     */
    static void pay(String label, List<String> plans, int clients, int seconds, AtomicLong utr,
            ConcurrentLinkedQueue<String> receipts) throws Exception {
        ConcurrentLinkedQueue<Long> took = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> why = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        long started = System.nanoTime();
        try (Waits waits = receipts == null ? new Waits() : null;
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!stop.get()) {
                        String plan = plans.get(random.nextInt(plans.size()));
                        Map<String, Object> payment = Map.of("planId", plan, "amount", 100, "method", "UPI",
                                "reference", String.format("%012d", utr.incrementAndGet()));
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> paid = send("POST", "/api/v1/payments", director, payment,
                                    Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
                            long t = System.nanoTime() - t0;
                            if (paid.statusCode() == 201) {
                                took.add(t);
                                if (receipts != null) {
                                    receipts.add(JSON.readTree(paid.body()).path("receiptId").asString());
                                }
                            } else {
                                failed.incrementAndGet();
                                why.computeIfAbsent(paid.statusCode() + " " + paid.body().substring(0,
                                        Math.min(160, paid.body().length())), k -> new AtomicInteger()).incrementAndGet();
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
            if (waits != null) {
                waits.close();
                System.out.printf("  finance-service's connections, sampled %d times: %.1f busy, %.1f waiting for the "
                        + "receipt counter's row, %.1f for another lock%n", waits.samples, waits.busy / (double) waits.samples,
                        waits.counter / (double) waits.samples, waits.other / (double) waits.samples);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        why.forEach((reason, count) -> System.out.println("  " + count + " x " + reason));
        long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
        if (receipts != null) {
            System.out.printf("warm-up, %d clients, %s: %d payments (%d failed)%n", clients,
                    plans.size() + " plans", sorted.length, failed.get());
            return;
        }
        if (sorted.length == 0) {
            System.out.printf("| payments, %s, %d clients | none succeeded (%d failed) |%n", label, clients, failed.get());
            return;
        }
        System.out.printf("| payments, %s, %d clients | %,.0f/s | p50 %.1f ms | p99 %.1f ms | %d errors |%n",
                label, clients, sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6, failed.get());
    }

    /**
     * Waits (at most 180 s) until the machine's CPUs have been at least 85 % idle for two seconds in a
     * row: the events a round published (receipts to notify, audit records) are taken up by other
     * services after it, and would otherwise weigh on the next figure.
     */
    static void settle() throws Exception {
        long started = System.nanoTime();
        int quiet = 0;
        long[] before = cpu();
        while (quiet < 2 && System.nanoTime() - started < 180_000_000_000L) {
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

    /** Samples finance-service's database sessions every 100 ms until closed. */
    static final class Waits implements AutoCloseable {

        final Thread thread;
        volatile boolean stop;
        long samples;
        long busy;
        long counter;
        long other;

        Waits() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (Connection c = DriverManager.getConnection(database); Statement st = c.createStatement()) {
                    while (!stop) {
                        try (ResultSet rs = st.executeQuery("""
                                select count(*) filter (where state <> 'idle'),
                                       count(*) filter (where wait_event_type = 'Lock' and query like '%receipt_counter%'),
                                       count(*) filter (where wait_event_type = 'Lock' and query not like '%receipt_counter%')
                                from pg_stat_activity where usename = 'coachos_finance'""")) {
                            rs.next();
                            busy += rs.getLong(1);
                            counter += rs.getLong(2);
                            other += rs.getLong(3);
                            samples++;
                        }
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    System.out.println("  (no samples of the database's sessions: " + e + ")");
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
        }
    }

    /** The warm-up's receipts are numbered in their branches' series (finance-service knew the branches). */
    static void checkSeries(ConcurrentLinkedQueue<String> receipts, List<String> series) throws Exception {
        int checked = 0;
        for (String id : receipts) {
            String number = get("/api/v1/receipts/" + id, director).path("number").asString();
            if (!series.contains(number.substring(0, number.indexOf('/')))) {
                System.out.println("WARNING: receipt " + number + " is not in one of the bench's series " + series);
            }
            if (++checked == 20) {
                break;
            }
        }
    }

    static void pdfThroughGateway(List<String> receipts) throws Exception {
        int requests = 500;
        long[] took = new long[requests];
        long bytes = 0;
        for (int i = -50; i < requests; i++) {
            String id = receipts.get(Math.floorMod(i * 7919, receipts.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/receipts/" + id))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + director)
                    .header("Accept", "application/pdf").GET().build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> pdf = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long t = System.nanoTime() - t0;
            if (pdf.statusCode() != 200 || pdf.body().length < 5 || !new String(pdf.body(), 0, 5).equals("%PDF-")) {
                throw new IllegalStateException("receipt PDF: " + pdf.statusCode() + " " + pdf.headers().map());
            }
            if (i >= 0) {
                took[i] = t;
                bytes += pdf.body().length;
            }
        }
        Arrays.sort(took);
        System.out.printf("| receipt PDF through the gateway, %d one at a time (%,d bytes each) | p50 %.1f ms "
                + "| p99 %.1f ms |%n", requests, bytes / requests, took[requests / 2] / 1e6,
                took[requests * 99 / 100] / 1e6);
    }

    /** A tax invoice as the service fills one for a payment of this bench, rendered in this process. */
    static void pdfInProcess() {
        LocalDate today = LocalDate.now();
        Gst gst = Gst.of(new BigDecimal("100.00"), true, true);
        ReceiptDocument receipt = new ReceiptDocument("F01/26-27/00042", today, ReceiptDocument.Kind.TAX_INVOICE,
                false, null, new ReceiptDocument.Supplier("Coaching Center", "Finance bench 0",
                        List.of("New Delhi"), "Delhi", "07", GSTIN),
                new ReceiptDocument.Recipient("Fee Student 42", "ENR-2026-0042", "07"), "07 Delhi",
                List.of(new ReceiptDocument.Line("Course fee: Finance bench B, Branch 2", Gst.SAC_CODE,
                        gst.taxableValue(), gst.cgst(), gst.sgst(), gst.igst(), gst.total())),
                gst.total(), AmountInWords.of(gst.total()), new ReceiptDocument.Payment("UPI", "UTR 412398765432", today),
                List.of(new ReceiptDocument.Allocation("Installment 1 of 1", today, new BigDecimal("100.00"))),
                new BigDecimal("999900.00"));
        ReceiptPdf pdf = new ReceiptPdf();
        int renders = 2000;
        long bytes = 0;
        for (int i = 0; i < 500; i++) {
            bytes += pdf.render(receipt).length;
        }
        long[] took = new long[renders];
        for (int i = 0; i < renders; i++) {
            long t0 = System.nanoTime();
            bytes += pdf.render(receipt).length;
            took[i] = System.nanoTime() - t0;
        }
        Arrays.sort(took);
        System.out.printf("| ReceiptPdf.render in process, %d after 500 to warm up (%,d bytes) | p50 %.2f ms "
                + "| p99 %.2f ms |%n", renders, bytes / (renders + 500), took[renders / 2] / 1e6,
                took[renders * 99 / 100] / 1e6);
    }

    // ---- Dues ----

    static void dues(String branch) throws Exception {
        settle();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("dues list, default sort, page of 20", "/api/v1/dues?branchId=" + branch + "&size=20");
        queries.put("dues list, overdue only, sort=over90,desc", "/api/v1/dues?branchId=" + branch
                + "&overdueOnly=true&sort=over90,desc&size=20");
        queries.put("dues ageing of the branch", "/api/v1/dues/ageing?branchId=" + branch);
        JsonNode list = get(queries.get("dues list, default sort, page of 20"), director);
        JsonNode ageing = get(queries.get("dues ageing of the branch"), director).get(0);
        System.out.printf("the branch's dues: %d students listed, ageing over %d students, %s pending, %s overdue%n",
                list.path("page").path("totalElements").asLong(), ageing.path("students").asLong(),
                ageing.path("ageing").path("pending").decimalValue().toPlainString(),
                ageing.path("ageing").path("overdue").decimalValue().toPlainString());
        for (Map.Entry<String, String> query : queries.entrySet()) {
            int requests = 200;
            long[] took = new long[requests];
            for (int i = -50; i < requests; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = raw("GET", query.getValue(), director, null);
                long t = System.nanoTime() - t0;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(query.getValue() + ": " + answer.statusCode() + " " + answer.body());
                }
                if (i >= 0) {
                    took[i] = t;
                }
            }
            Arrays.sort(took);
            System.out.printf("| %s, 100,000 installments, %d one at a time | p50 %.1f ms | p99 %.1f ms |%n",
                    query.getKey(), requests, took[requests / 2] / 1e6, took[requests * 99 / 100] / 1e6);
        }
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
        return send(method, path, token, body, Map.of());
    }

    static HttpResponse<String> send(String method, String path, String token, Object body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
