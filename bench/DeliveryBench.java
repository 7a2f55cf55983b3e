import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * communication-service's absence alerts end to end (bench/delivery.sh runs it on the service's own
 * libraries, against a running suite whose SMS provider is the script's WireMock stub):
 * {@code DeliveryBench BOOTSTRAP JDBC_URL PROVIDER_URL BURST BURST_BATCHES STEADY_SECONDS STEADY_SIZE DRAIN}.
 * <ol>
 * <li>Seeds communication-service's read models (schema communication) for this run: batches
 * ({@code batch}), students ({@code recipient}, for their names) and one guardian each with a phone
 * and no e-mail ({@code student_guardian}), every guardian with a phone of its own;</li>
 * <li>warm-up: one AttendanceMarked of 5 absent students, waited for until their SMS are SENT;</li>
 * <li>the sender alone: DRAIN SMS rows written straight into {@code delivery} as QUEUED (as the
 * alerts write them), all due at one moment 3 s on: rows SENT per second with nothing else to do,
 * and each row's time from being due to reaching the provider;</li>
 * <li>burst: BURST absent students over BURST_BATCHES batches, one AttendanceMarked per batch, all
 * published at once to {@code coachos.enrollment.events} (keyed by batch, as enrollment does), then
 * waited for until every guardian's SMS is SENT or FAILED: rows queued per second (the deliveries'
 * created_at), rows SENT per second (sent_at), requests per second at the provider (WireMock's
 * loggedDate), and each alert's time from its event's publishing to the provider receiving the SMS;</li>
 * <li>steady: one AttendanceMarked of STEADY_SIZE absent students (a batch of its own) every second
 * for STEADY_SECONDS seconds, the same latencies, split at the delivery row's created_at.</li>
 * </ol>
 * The provider's request journal is cleared before each step; a request is matched to its alert by
 * the guardian's mobile number in the body. Figures are printed as table rows (lines starting with
 * {@code |}); the rows seeded and the run's deliveries and marks are deleted at the end unless
 * KEEP=1.
 */
public class DeliveryBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String TOPIC = "coachos.enrollment.events";
    static final ZoneId INSTITUTE = ZoneId.of("Asia/Kolkata");

    static String provider;
    static Connection db;
    static KafkaProducer<String, String> producer;
    static String run;
    static long phoneBase;
    static int nextStudent;
    static final List<UUID> batches = new ArrayList<>();
    static final List<UUID> students = new ArrayList<>();

    /** One absent student of the run: the guardian's mobile as MSG91 gets it, and when the event left. */
    record Student(UUID id, UUID batch, String mobile) {
    }

    /** One event as published: its batch, students, and the wall-clock millisecond of its send. */
    record Published(UUID batch, List<Student> students, long sentAt) {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        db = DriverManager.getConnection(args[1]);
        provider = args[2];
        int burst = Integer.parseInt(args[3]);
        int burstBatches = Integer.parseInt(args[4]);
        int steadySeconds = Integer.parseInt(args[5]);
        int steadySize = Integer.parseInt(args[6]);
        int drain = Integer.parseInt(args[7]);
        run = Long.toString(System.currentTimeMillis(), 36);
        // Mobiles +9196XXXXXXXX: eight digits from this run's second of the day and a counter, so
        // that runs a day apart do not reuse one within 100,000 students.
        phoneBase = 9_600_000_000L + (System.currentTimeMillis() / 1000 % 1000) * 100_000;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0));
        try {
            System.out.println("run " + run);
            checkTemplates();
            System.out.println("deliveries QUEUED or SENDING before the run (any purpose): " + scalar(
                    "select count(*) from communication.delivery where status in ('QUEUED', 'SENDING')"));
            LocalDate today = LocalDate.now(INSTITUTE);

            List<List<Student>> warm = seed(1, 5);
            clearJournal();
            Published warmEvent = publish(warm.get(0), today);
            producer.flush();
            await(List.of(warmEvent), 120);
            System.out.println("warm-up: 5 alerts sent");

            // ---- The sender alone: rows already queued, all due at one moment ----
            List<Student> drainStudents = seed(1, drain).get(0);
            clearJournal();
            Published drainRows = queueDirectly(drainStudents, today, 3000);
            await(List.of(drainRows), 600);
            Result drainResult = measure(List.of(drainRows));
            System.out.printf("sender alone: %d SMS rows written QUEUED, due at once (times from being due)%n",
                    drainStudents.size());
            drainResult.toQueued = new long[0];
            drainResult.queuedToProvider = new long[0];
            drainResult.print();

            // ---- Burst ----
            List<List<Student>> burstClasses = seed(burstBatches, burst / burstBatches);
            int burstCount = burstClasses.stream().mapToInt(List::size).sum();
            clearJournal();
            List<Published> burstEvents = new ArrayList<>();
            for (List<Student> group : burstClasses) {
                burstEvents.add(publish(group, today));
            }
            producer.flush();
            long flushed = System.currentTimeMillis();
            await(burstEvents, 600);
            Result burstResult = measure(burstEvents);
            long firstSend = burstEvents.getFirst().sentAt();
            System.out.printf("burst: %d alerts in %d events, published in %d ms%n", burstCount, burstEvents.size(),
                    flushed - firstSend);
            burstResult.print();

            // ---- Steady ----
            List<List<Student>> steadyClasses = seed(steadySeconds, steadySize);
            clearJournal();
            List<Published> steadyEvents = new ArrayList<>();
            long start = System.currentTimeMillis() + 200;
            for (int i = 0; i < steadyClasses.size(); i++) {
                long due = start + i * 1000L;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                steadyEvents.add(publish(steadyClasses.get(i), today));
            }
            producer.flush();
            await(steadyEvents, 300);
            Result steadyResult = measure(steadyEvents);
            System.out.printf("steady: %d alerts, one event of %d every second for %d s%n",
                    steadyClasses.size() * steadySize, steadySize, steadySeconds);
            steadyResult.print();

            System.out.println();
            System.out.printf("| sender alone: %,d SMS rows written QUEUED in the database, all due at one moment: rows SENT (sent_at, first to last) | %s | | | %s |%n",
                    drainResult.count, rate(drainResult.count, drainResult.sentSpan), drainResult.errors());
            System.out.printf("| the same: due → SMS at the provider (the last one: %.1f s) | %s | %s | %s | max %s |%n",
                    pct(drainResult.latencies, 100) / 1000.0, rate(drainResult.latencies.length, drainResult.providerSpan),
                    ms(pct(drainResult.latencies, 50)), ms(pct(drainResult.latencies, 99)),
                    ms(pct(drainResult.latencies, 100)));
            System.out.printf("| burst: %,d absent students (%d AttendanceMarked of %d, published at once), one guardian's SMS each: rows queued | %s | | | |%n",
                    burstCount, burstEvents.size(), burstCount / burstEvents.size(), rate(burstResult.count, burstResult.createdSpan));
            System.out.printf("| the same: rows SENT (sent_at, first to last) | %s | | | %s |%n",
                    rate(burstResult.count, burstResult.sentSpan), burstResult.errors());
            System.out.printf("| the same: requests at the provider (WireMock's loggedDate, first to last) | %s | | | |%n",
                    rate(burstResult.latencies.length, burstResult.providerSpan));
            System.out.printf("| the same: first event published → last SMS at the provider | %s in %.1f s | | | |%n",
                    rate(burstResult.latencies.length, burstResult.lastAtProvider - firstSend),
                    (burstResult.lastAtProvider - firstSend) / 1000.0);
            System.out.printf("| the same: AttendanceMarked published → its guardian's SMS at the provider | – | %s | %s | max %s |%n",
                    ms(pct(burstResult.latencies, 50)), ms(pct(burstResult.latencies, 99)),
                    ms(pct(burstResult.latencies, 100)));
            System.out.printf("| steady: one AttendanceMarked of %d absent students a second for %d s: published → SMS at the provider | %s | %s | %s | max %s; %s |%n",
                    steadySize, steadySeconds, rate(steadyResult.count, steadyResult.sentSpan),
                    ms(pct(steadyResult.latencies, 50)), ms(pct(steadyResult.latencies, 99)),
                    ms(pct(steadyResult.latencies, 100)), steadyResult.errors());
            System.out.printf("| the same: published → delivery row written (created_at) | – | %s | %s | |%n",
                    ms(pct(steadyResult.toQueued, 50)), ms(pct(steadyResult.toQueued, 99)));
            System.out.printf("| the same: delivery row written → SMS at the provider | – | %s | %s | |%n",
                    ms(pct(steadyResult.queuedToProvider, 50)), ms(pct(steadyResult.queuedToProvider, 99)));
        } finally {
            producer.close();
            if (!"1".equals(System.getenv("KEEP"))) {
                cleanup();
            } else {
                System.out.println("(KEEP=1: the seeded rows and the run's deliveries stay)");
            }
            db.close();
        }
    }

    /** The SMS template of ABSENCE_ALERT must be active with a DLT id Msg91Sms sends. */
    static void checkTemplates() throws Exception {
        try (PreparedStatement statement = db.prepareStatement("""
                select channel, active, provider_template_id from communication.message_template
                 where purpose = 'ABSENCE_ALERT' order by channel""");
                ResultSet rows = statement.executeQuery()) {
            boolean smsReady = false;
            while (rows.next()) {
                System.out.printf("ABSENCE_ALERT template %s: active %s, provider id %s%n", rows.getString(1),
                        rows.getBoolean(2), rows.getString(3));
                if (rows.getString(1).equals("SMS") && rows.getBoolean(2) && rows.getString(3) != null
                        && !rows.getString(3).startsWith("REPLACE_WITH_DLT_ID")) {
                    smsReady = true;
                }
            }
            if (!smsReady) {
                throw new IllegalStateException("ABSENCE_ALERT's SMS template is inactive or has the placeholder DLT id");
            }
        }
    }

    /** Classes of absent students: a batch each, its students with a name and one guardian with a phone. */
    static List<List<Student>> seed(int classes, int size) throws Exception {
        List<List<Student>> result = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement batch = db.prepareStatement("""
                insert into communication.batch (batch_id, course_id, branch_id, teacher_id, updated_at, name)
                values (?, ?, null, null, ?, ?)""");
                PreparedStatement recipient = db.prepareStatement("""
                        insert into communication.recipient (user_id, name, role, active, updated_at, profile_type)
                        values (?, ?, 'STUDENT', true, ?, 'STUDENT')""");
                PreparedStatement guardian = db.prepareStatement("""
                        insert into communication.student_guardian (student_id, position, name, relation, phone, email, updated_at)
                        values (?, 1, ?, 'Mother', ?, null, ?)""")) {
            for (int c = 0; c < classes; c++) {
                UUID batchId = UUID.randomUUID();
                batches.add(batchId);
                batch.setObject(1, batchId);
                batch.setObject(2, UUID.randomUUID());
                batch.setTimestamp(3, now);
                batch.setString(4, "Delivery bench " + run + " batch " + batches.size());
                batch.addBatch();
                List<Student> group = new ArrayList<>();
                for (int s = 0; s < size; s++) {
                    int n = ++nextStudent;
                    UUID student = UUID.randomUUID();
                    students.add(student);
                    String phone = "+91" + (phoneBase + n);
                    recipient.setObject(1, student);
                    recipient.setString(2, "Bench Student " + n);
                    recipient.setTimestamp(3, now);
                    recipient.addBatch();
                    guardian.setObject(1, student);
                    guardian.setString(2, "Bench Guardian " + n);
                    guardian.setString(3, phone);
                    guardian.setTimestamp(4, now);
                    guardian.addBatch();
                    group.add(new Student(student, batchId, phone.substring(1)));
                }
                result.add(group);
            }
            batch.executeBatch();
            recipient.executeBatch();
            guardian.executeBatch();
        }
        return result;
    }

    /**
     * The class's SMS rows written straight into the delivery log as QUEUED, as AbsenceAlerts would
     * write them, all due {@code delayMillis} from now: what the sender alone does with a backlog.
     */
    static Published queueDirectly(List<Student> group, LocalDate date, long delayMillis) throws Exception {
        UUID batch = group.getFirst().batch();
        long due = System.currentTimeMillis() + delayMillis;
        // Since V12 a row carries its template's provider id, language and variable order as they
        // were at rendering (the sender reads those); before it, the sender looked the template up.
        boolean snapshot = scalar("""
                select count(*) from information_schema.columns
                 where table_schema = 'communication' and table_name = 'delivery' and column_name = 'variable_order'""") > 0;
        String columns = snapshot ? ", provider_template_id, language, variable_order" : "";
        String values = snapshot ? ", t.provider_template_id, t.language, t.variables" : "";
        try (PreparedStatement statement = db.prepareStatement("""
                insert into communication.delivery (id, purpose, source_event_id, channel, recipient_kind,
                       recipient_name, address, template_id, body, variables, related_key, status, not_before,
                       next_attempt_at, created_at, updated_at%s)
                select gen_random_uuid(), 'ABSENCE_ALERT', gen_random_uuid(), 'SMS', 'GUARDIAN', x.name, x.phone, t.id,
                       x.student || ' was marked absent in Delivery bench on today. Please contact the center if this is unexpected.',
                       jsonb_build_object('studentName', x.student, 'batchName', 'Delivery bench', 'date', ?),
                       x.related, 'QUEUED', ?, ?, now(), now()%s
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as x(name, phone, student, related),
                       (select id, provider_template_id, language, variables from communication.message_template
                         where purpose = 'ABSENCE_ALERT' and channel = 'SMS') t
                """.formatted(columns, values))) {
            statement.setString(1, date.toString());
            statement.setTimestamp(2, new Timestamp(due));
            statement.setTimestamp(3, new Timestamp(due));
            statement.setArray(4, db.createArrayOf("text", group.stream().map(s -> "Bench Guardian").toArray()));
            statement.setArray(5, db.createArrayOf("text", group.stream().map(s -> "+" + s.mobile()).toArray()));
            statement.setArray(6, db.createArrayOf("text", group.stream().map(s -> "Bench Student").toArray()));
            statement.setArray(7, db.createArrayOf("text",
                    group.stream().map(s -> "attendance:" + batch + ":" + date + ":" + s.id()).toArray()));
            statement.executeUpdate();
        }
        return new Published(batch, group, due);
    }

    /** enrollment-service's AttendanceMarked for the class, all ABSENT, keyed by the batch. */
    static Published publish(List<Student> group, LocalDate date) {
        UUID batch = group.getFirst().batch();
        List<Map<String, Object>> records = new ArrayList<>();
        for (Student student : group) {
            records.add(Map.of("studentId", student.id().toString(), "status", "ABSENT"));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("batchId", batch.toString());
        payload.put("date", date.toString());
        payload.put("lessonId", null);
        payload.put("markedBy", UUID.randomUUID().toString());
        payload.put("records", records);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", "AttendanceMarked");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("source", "enrollment-service");
        envelope.put("traceparent", null);
        envelope.put("payload", payload);
        String value = JSON.writeValueAsString(envelope);
        long sentAt = System.currentTimeMillis();
        producer.send(new ProducerRecord<>(TOPIC, batch.toString(), value), (metadata, error) -> {
            if (error != null) {
                System.err.println("publishing failed: " + error);
            }
        });
        return new Published(batch, group, sentAt);
    }

    /** Waits until every student's SMS row is SENT or FAILED. */
    static void await(List<Published> events, int seconds) throws Exception {
        int expected = events.stream().mapToInt(e -> e.students().size()).sum();
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        long[] counts = new long[3];
        while (System.currentTimeMillis() < deadline) {
            counts = smsCounts(events);
            if (counts[1] + counts[2] >= expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("after " + seconds + " s: " + counts[0] + " SMS rows of " + expected + ", "
                + counts[1] + " SENT, " + counts[2] + " FAILED");
    }

    static long[] smsCounts(List<Published> events) throws Exception {
        try (PreparedStatement statement = db.prepareStatement("""
                select count(*), count(*) filter (where status = 'SENT'), count(*) filter (where status = 'FAILED')
                  from communication.delivery
                 where purpose = 'ABSENCE_ALERT' and channel = 'SMS' and related_key like any (?)""")) {
            statement.setArray(1, patterns(events));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
            }
        }
    }

    static Array patterns(List<Published> events) throws Exception {
        return db.createArrayOf("text", events.stream().map(e -> "attendance:" + e.batch() + ":%").toArray());
    }

    /** What one step measured. */
    static final class Result {
        int count;
        int sent;
        int failed;
        int notAtProvider;
        Map<String, Long> other = new HashMap<>();
        long createdSpan;
        long sentSpan;
        long providerSpan;
        long lastAtProvider;
        long[] latencies;
        long[] toQueued;
        long[] queuedToProvider;

        String errors() {
            return failed + " FAILED, " + notAtProvider + " SENT not seen at the provider";
        }

        void print() {
            System.out.printf("  SMS rows %d (SENT %d, FAILED %d), other rows of the alerts %s%n", count, sent, failed,
                    other);
            System.out.printf("  created_at first to last %d ms, sent_at first to last %d ms, provider first to last %d ms%n",
                    createdSpan, sentSpan, providerSpan);
            System.out.printf("  published -> at provider p50 %s p99 %s max %s; published -> row p50 %s p99 %s; "
                    + "row -> provider p50 %s p99 %s%n", ms(pct(latencies, 50)), ms(pct(latencies, 99)),
                    ms(pct(latencies, 100)), ms(pct(toQueued, 50)), ms(pct(toQueued, 99)),
                    ms(pct(queuedToProvider, 50)), ms(pct(queuedToProvider, 99)));
        }
    }

    static Result measure(List<Published> events) throws Exception {
        Result result = new Result();
        Map<String, Long> publishedAt = new HashMap<>();
        for (Published event : events) {
            for (Student student : event.students()) {
                publishedAt.put(student.mobile(), event.sentAt());
            }
        }
        Map<String, Long> createdAt = new HashMap<>();
        long minCreated = Long.MAX_VALUE, maxCreated = 0, minSent = Long.MAX_VALUE, maxSent = 0;
        try (PreparedStatement statement = db.prepareStatement("""
                select channel, status, address, created_at, sent_at from communication.delivery
                 where purpose = 'ABSENCE_ALERT' and related_key like any (?)""")) {
            statement.setArray(1, patterns(events));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String channel = rows.getString(1);
                    String status = rows.getString(2);
                    if (!channel.equals("SMS")) {
                        result.other.merge(channel + " " + status, 1L, Long::sum);
                        continue;
                    }
                    result.count++;
                    long created = rows.getTimestamp(4).getTime();
                    createdAt.put(rows.getString(3).substring(1), created);
                    minCreated = Math.min(minCreated, created);
                    maxCreated = Math.max(maxCreated, created);
                    if (status.equals("SENT")) {
                        result.sent++;
                        long sent = rows.getTimestamp(5).getTime();
                        minSent = Math.min(minSent, sent);
                        maxSent = Math.max(maxSent, sent);
                    } else if (status.equals("FAILED")) {
                        result.failed++;
                    }
                }
            }
        }
        result.createdSpan = maxCreated - minCreated;
        result.sentSpan = maxSent - minSent;
        List<Long> latency = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        List<Long> waited = new ArrayList<>();
        long minLogged = Long.MAX_VALUE, maxLogged = 0;
        JsonNode journal = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(provider + "/__admin/requests"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        int foreign = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode entry : journal.path("requests")) {
            JsonNode request = entry.path("request");
            if (!request.path("url").asString("").startsWith("/api/v5/flow")) {
                continue;
            }
            long logged = request.path("loggedDate").asLong();
            String mobile = JSON.readTree(request.path("body").asString("{}")).path("recipients").path(0)
                    .path("mobiles").asString("");
            Long published = publishedAt.get(mobile);
            if (published == null || !seen.add(mobile)) {
                foreign++;
                continue;
            }
            minLogged = Math.min(minLogged, logged);
            maxLogged = Math.max(maxLogged, logged);
            latency.add(logged - published);
            Long created = createdAt.get(mobile);
            if (created != null) {
                queued.add(created - published);
                waited.add(logged - created);
            }
        }
        if (foreign > 0) {
            System.out.println("  provider requests not of this step's alerts (or repeated): " + foreign);
        }
        result.notAtProvider = result.sent - seen.size();
        result.providerSpan = maxLogged - minLogged;
        result.lastAtProvider = maxLogged;
        result.latencies = sorted(latency);
        result.toQueued = sorted(queued);
        result.queuedToProvider = sorted(waited);
        return result;
    }

    static void clearJournal() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider + "/__admin/requests"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("clearing the provider's journal: HTTP " + response.statusCode());
        }
    }

    static void cleanup() throws Exception {
        Array batchIds = db.createArrayOf("uuid", batches.toArray());
        Array studentIds = db.createArrayOf("uuid", students.toArray());
        Array keys = db.createArrayOf("text", batches.stream().map(b -> "attendance:" + b + ":%").toArray());
        String[] statements = {
            "delete from communication.delivery where purpose = 'ABSENCE_ALERT' and related_key like any (?)",
            "delete from communication.attendance_mark where batch_id = any (?)",
            "delete from communication.absence_streak where batch_id = any (?)",
            "delete from communication.batch where batch_id = any (?)",
            "delete from communication.student_guardian where student_id = any (?)",
            "delete from communication.recipient where user_id = any (?)",
        };
        Array[] arguments = {keys, batchIds, batchIds, batchIds, studentIds, studentIds};
        for (int i = 0; i < statements.length; i++) {
            try (PreparedStatement statement = db.prepareStatement(statements[i])) {
                statement.setArray(1, arguments[i]);
                statement.executeUpdate();
            }
        }
        System.out.println("(the seeded batches, students and guardians, their marks and deliveries are deleted again)");
    }

    static long scalar(String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    /** Nearest rank; 100 is the maximum. */
    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    static String ms(long value) {
        return value < 0 ? "–" : String.format("%,d ms", value);
    }

    static String rate(long count, long millis) {
        return millis <= 0 ? "–" : String.format("%.0f/s", count * 1000.0 / millis);
    }
}
