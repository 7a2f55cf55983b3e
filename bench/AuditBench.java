import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import dev.coachos.audit.chain.CanonicalJson;
import dev.coachos.audit.chain.ChainHash;
import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.Outcome;

/**
 * audit-service's figures (bench/audit.sh runs it; the classpath is audit-service's own jar):
 * <ul>
 * <li>{@code seed <jdbc-url> <records> <months>}: fills an empty trail with records spread over
 * the past months, chained and hashed by the service's own code (so verify finds them intact),
 * written with COPY as the schema's owner;</li>
 * <li>{@code produce <bootstrap> <topic> <events>}: a backlog of event envelopes on a topic;</li>
 * <li>{@code search <base-url> <identity-url> <email> <password> <requests>}: search latency by
 * entity and by actor;</li>
 * <li>{@code verify <base-url> <identity-url> <email> <password>}: the whole trail verified piece by
 * piece, timed.</li>
 * </ul>
 * Entities, actors and branches are drawn from fixed pools (ids derived from their number), so the
 * search draws ids that exist.
 */
public class AuditBench {

    static final String[] GENERAL_TYPES = {"EnrollmentCreated", "EnrollmentUpdated", "AttendanceMarked",
            "BatchUpdated", "UserRegistered", "UserRoleChanged", "CurriculumApproved", "LessonPublished",
            "QuizSubmitted", "ProgressUpdated"};
    static final String[] GENERAL_ENTITIES = {"Enrollment", "Enrollment", "Batch", "Batch", "User", "User",
            "Curriculum", "Lesson", "Quiz", "Enrollment"};
    static final String[] GENERAL_SOURCES = {"enrollment-service", "enrollment-service", "enrollment-service",
            "enrollment-service", "identity-service", "identity-service", "course-service", "course-service",
            "assessment-service", "enrollment-service"};
    static final String[] ENTITY_TYPES = {"Enrollment", "Batch", "User", "Curriculum", "Lesson", "Quiz", "Payment",
            "Receipt"};
    static final int ENTITIES_PER_TYPE = 200_000;
    static final int ACTORS = 2_000;
    static final int BRANCHES = 20;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "produce" -> produce(args[1], args[2], Integer.parseInt(args[3]));
            case "search" -> search(args[1], new Login(args[2], args[3], args[4]), Integer.parseInt(args[5]));
            case "verify" -> verify(args[1], new Login(args[2], args[3], args[4]));
            case "drop-topic" -> {
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]))) {
                    admin.deleteTopics(List.of(args[2])).all().get();
                }
            }
            default -> throw new IllegalArgumentException("seed | produce | search | verify | drop-topic");
        }
    }

    static UUID entity(int type, long n) {
        return new UUID(0x0000_0000_0000_4000L | ((long) type << 16), 0x8000_0000_0000_0000L | n);
    }

    static UUID actor(int n) {
        return new UUID(0x0000_00ac_0000_4000L, 0x8000_0000_0000_0000L | n);
    }

    static UUID branch(int n) {
        return new UUID(0x0000_00b0_0000_4000L, 0x8000_0000_0000_0000L | n);
    }

    static int typeIndex(String entityType) {
        return Arrays.asList(ENTITY_TYPES).indexOf(entityType);
    }

    // ---- seed ----

    record Head(long seq, String hash) {
    }

    static void seed(String url, long records, int months) throws Exception {
        Properties owner = new Properties();
        owner.setProperty("user", System.getenv().getOrDefault("COACHOS_AUDIT_OWNER_DB_USER", "coachos_audit_owner"));
        owner.setProperty("password", System.getenv().getOrDefault("COACHOS_AUDIT_OWNER_DB_PASSWORD",
                "coachos_audit_owner"));
        owner.setProperty("options", "-c search_path=audit -c synchronous_commit=off");
        try (Connection db = DriverManager.getConnection(url, owner)) {
            db.setAutoCommit(false);
            Instant end = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
            YearMonth firstMonth = YearMonth.from(end.atZone(ZoneOffset.UTC)).minusMonths(months - 1L);
            Instant start = firstMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (Kind kind : Kind.values()) {
                for (YearMonth m = firstMonth; !m.isAfter(YearMonth.now(ZoneOffset.UTC).plusMonths(1)); m = m.plusMonths(1)) {
                    try (PreparedStatement ensure = db.prepareStatement("select ensure_audit_month(?, ?)")) {
                        ensure.setString(1, kind.name());
                        ensure.setObject(2, m.atDay(1));
                        ensure.executeQuery().close();
                    }
                }
            }
            db.commit();
            Map<Kind, Head> heads = lockHeads(db);
            heads.forEach((kind, head) -> {
                if (head.seq() != 0) {
                    throw new IllegalStateException("the trail is not empty (" + kind + " has " + head.seq()
                            + " records): seed a fresh database");
                }
            });
            SplittableRandom random = new SplittableRandom(20261202);
            long stepMicros = Math.max(1, ChronoUnit.MICROS.between(start, end) / records);
            int chunk = 50_000;
            StringBuilder csv = new StringBuilder(chunk * 900);
            long t0 = System.nanoTime();
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            String copySql = """
                    COPY audit_record (id, kind, seq, event_id, type, source, topic, occurred_at, recorded_at, entity_type,
                        entity_id, actor_user_id, actor_roles, actor_via, actor_job, actor_caused_by, client_ip, user_agent,
                        trace_id, branch_id, payload, changes, outcome, previous_hash, hash) FROM STDIN (FORMAT csv)""";
            for (long i = 0; i < records; i++) {
                Instant recordedAt = start.plus(i * stepMicros, ChronoUnit.MICROS);
                AuditRecord record = record(random, heads, recordedAt);
                heads.put(record.kind(), new Head(record.chain().seq(), record.chain().hash()));
                csv(csv, record);
                if ((i + 1) % chunk == 0 || i + 1 == records) {
                    copy.copyIn(copySql, new StringReader(csv.toString()));
                    csv.setLength(0);
                    for (var head : heads.entrySet()) {
                        try (PreparedStatement update = db.prepareStatement(
                                "update chain_head set last_seq = ?, last_hash = ?, last_recorded_at = ? where kind = ?")) {
                            update.setLong(1, head.getValue().seq());
                            update.setString(2, head.getValue().hash());
                            update.setObject(3, recordedAt.atOffset(ZoneOffset.UTC));
                            update.setString(4, head.getKey().name());
                            update.executeUpdate();
                        }
                    }
                    db.commit();
                    heads = lockHeads(db);
                    if ((i + 1) % 1_000_000 == 0 || i + 1 == records) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        System.out.printf("seeded %,d records in %.0f s (%,.0f/s)%n", i + 1, seconds, (i + 1) / seconds);
                    }
                }
            }
            db.commit();
            try (Statement st = db.createStatement()) {
                st.execute("analyze audit_record");
            }
            db.commit();
        }
    }

    static Map<Kind, Head> lockHeads(Connection db) throws Exception {
        Map<Kind, Head> heads = new EnumMap<>(Kind.class);
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select kind, last_seq, last_hash from chain_head order by kind for update")) {
            while (rs.next()) {
                heads.put(Kind.valueOf(rs.getString(1)), new Head(rs.getLong(2), rs.getString(3)));
            }
        }
        return heads;
    }

    /** One record as the listener would make it from a realistic event. */
    static AuditRecord record(SplittableRandom random, Map<Kind, Head> heads, Instant recordedAt) {
        int roll = random.nextInt(100);
        Kind kind = roll < 85 ? Kind.GENERAL : roll < 95 ? Kind.FINANCE : Kind.LOGIN;
        String type;
        String entityType;
        String source;
        if (kind == Kind.GENERAL) {
            int t = random.nextInt(GENERAL_TYPES.length);
            type = GENERAL_TYPES[t];
            entityType = GENERAL_ENTITIES[t];
            source = GENERAL_SOURCES[t];
        } else if (kind == Kind.FINANCE) {
            boolean receipt = random.nextBoolean();
            type = receipt ? "ReceiptIssued" : "PaymentReceived";
            entityType = receipt ? "Receipt" : "Payment";
            source = "finance-service";
        } else {
            type = random.nextInt(10) == 0 ? "LoginFailed" : "UserLoggedIn";
            entityType = "User";
            source = "identity-service";
        }
        UUID entityId = entity(typeIndex(entityType), random.nextInt(ENTITIES_PER_TYPE));
        boolean byJob = kind != Kind.LOGIN && random.nextInt(10) == 0;
        UUID actor = kind == Kind.LOGIN || byJob ? null : actor(random.nextInt(ACTORS));
        UUID branchId = branch(random.nextInt(BRANCHES));
        String lower = Character.toLowerCase(entityType.charAt(0)) + entityType.substring(1);
        String payload = """
                {"%sId":"%s","branchId":"%s","studentId":"%s","batchId":"%s","status":"ACTIVE","amount":"%d.00",\
                "note":"bench record %d"}""".formatted(lower, entityId, branchId, entity(0, random.nextInt(100_000)),
                entity(1, random.nextInt(5_000)), 1000 + random.nextInt(50_000), random.nextInt(1_000_000));
        Instant occurredAt = recordedAt.minus(random.nextInt(500_000), ChronoUnit.MICROS);
        Head head = heads.get(kind);
        AuditRecord unsigned = new AuditRecord(uuid7(recordedAt, random), new UUID(random.nextLong(), random.nextLong()),
                type, Outcome.ofType(type), kind,
                new AuditRecord.Who(actor, actor == null ? null : List.of(random.nextInt(4) == 0 ? "DIRECTOR" : "TEACHER"),
                        byJob ? "job:offer-expiry" : actor == null ? null : "request", byJob ? "offer-expiry" : null, null),
                new AuditRecord.What(entityType, entityId.toString(), null, CanonicalJson.read(payload)),
                new AuditRecord.When(occurredAt, recordedAt),
                new AuditRecord.Where(source, "coachos." + source.replace("-service", "") + ".events", branchId,
                        actor == null ? null : "10.1." + random.nextInt(256) + "." + random.nextInt(256),
                        actor == null ? null : "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0 Safari/537.36",
                        Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong() | Long.MIN_VALUE)),
                new AuditRecord.Chain(head.seq() + 1, head.hash(), null));
        String hash = ChainHash.ofValue(unsigned.canonicalFields());
        return new AuditRecord(unsigned.id(), unsigned.eventId(), unsigned.action(), unsigned.outcome(), kind,
                unsigned.who(), unsigned.what(), unsigned.when(), unsigned.where(),
                new AuditRecord.Chain(head.seq() + 1, head.hash(), hash));
    }

    static UUID uuid7(Instant at, SplittableRandom random) {
        long millis = at.toEpochMilli();
        long high = (millis << 16) | 0x7000L | random.nextInt(0x1000);
        long low = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    static void csv(StringBuilder out, AuditRecord r) {
        field(out, r.id(), false);
        field(out, r.kind().name(), true);
        field(out, r.chain().seq(), true);
        field(out, r.eventId(), true);
        field(out, r.action(), true);
        field(out, r.where().source(), true);
        field(out, r.where().topic(), true);
        field(out, r.when().occurredAt() == null ? null : OffsetDateTime.ofInstant(r.when().occurredAt(), ZoneOffset.UTC), true);
        field(out, OffsetDateTime.ofInstant(r.when().recordedAt(), ZoneOffset.UTC), true);
        field(out, r.what().entityType(), true);
        field(out, r.what().entityId(), true);
        field(out, r.who().userId(), true);
        field(out, r.who().roles() == null ? null : "{" + String.join(",", r.who().roles()) + "}", true);
        field(out, r.who().via(), true);
        field(out, r.who().job(), true);
        field(out, r.who().causedBy(), true);
        field(out, r.where().clientIp(), true);
        field(out, r.where().userAgent(), true);
        field(out, r.where().traceId(), true);
        field(out, r.where().branchId(), true);
        field(out, CanonicalJson.write(r.what().payload()), true);
        field(out, r.what().changes() == null ? null : CanonicalJson.write(r.what().changes()), true);
        field(out, r.outcome().name(), true);
        field(out, r.chain().previousHash(), true);
        field(out, r.chain().hash(), true);
        out.append('\n');
    }

    static void field(StringBuilder out, Object value, boolean comma) {
        if (comma) {
            out.append(',');
        }
        if (value == null) {
            return; // an unquoted empty field is NULL
        }
        out.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
    }

    // ---- produce ----

    static void produce(String bootstrap, String topic, int events) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        SplittableRandom random = new SplittableRandom();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                UUID enrollment = entity(0, random.nextInt(ENTITIES_PER_TYPE));
                String value = """
                        {"eventId":"%s","type":"EnrollmentUpdated","schemaVersion":1,"occurredAt":"%s",\
                        "source":"enrollment-service","traceparent":"00-%032x-%016x-01","aggregateType":"Enrollment",\
                        "actor":{"userId":"%s","roles":["DIRECTOR"],"clientIp":"10.1.2.3",\
                        "userAgent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0","via":"request"},\
                        "payload":{"enrollmentId":"%s","branchId":"%s","status":"ACTIVE","previousStatus":"OFFERED",\
                        "netFee":"16650.00","n":%d}}""".formatted(UUID.randomUUID(), Instant.now(),
                        random.nextLong() & Long.MAX_VALUE, random.nextLong() & Long.MAX_VALUE,
                        actor(random.nextInt(ACTORS)), enrollment, branch(random.nextInt(BRANCHES)), i);
                sent.add(producer.send(new ProducerRecord<>(topic, enrollment.toString(), value)));
                if (sent.size() == 10_000) {
                    for (Future<?> f : sent) {
                        f.get();
                    }
                    sent.clear();
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        }
        System.out.printf("produced %,d events to %s in %.1f s%n", events, topic, (System.nanoTime() - t0) / 1e9);
    }

    // ---- search ----

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A director's token, signed in again when it is older than five minutes (tokens live ten). */
    static final class Login {

        private final String identity;
        private final String email;
        private final String password;
        private String token;
        private long at;

        Login(String identity, String email, String password) {
            this.identity = identity;
            this.email = email;
            this.password = password;
        }

        String token() throws Exception {
            if (token == null || System.nanoTime() - at > 300e9) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(identity + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"%s\",\"password\":\"%s\"}"
                                .formatted(email, password))).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(response.body());
                if (response.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
                }
                token = m.group(1);
                at = System.nanoTime();
            }
            return token;
        }
    }

    static void search(String base, Login login, int perFilter) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (String by : List.of("entity", "actor", "actor-last-7-days", "branch-and-action")) {
            // A branch and an action match tens of thousands of records, which a page counts: fewer of those.
            int requests = by.equals("branch-and-action") ? Math.max(10, perFilter / 10) : perFilter;
            long[] took = new long[requests];
            long found = 0;
            for (int i = -requests / 5; i < requests; i++) { // the first fifth warms up
                String query = switch (by) {
                    case "entity" -> {
                        int type = random.nextInt(ENTITY_TYPES.length);
                        yield "entityType=" + ENTITY_TYPES[type] + "&entityId=" + entity(type, random.nextInt(ENTITIES_PER_TYPE));
                    }
                    case "actor" -> "actor=" + actor(random.nextInt(ACTORS));
                    case "actor-last-7-days" -> "actor=" + actor(random.nextInt(ACTORS)) + "&from="
                            + Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
                    default -> "branch=" + branch(random.nextInt(BRANCHES)) + "&action=" + GENERAL_TYPES[random.nextInt(GENERAL_TYPES.length)];
                };
                long t0 = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit?" + query))
                        .header("Authorization", "Bearer " + login.token()).build(), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(query + " -> " + response.statusCode() + " " + response.body());
                }
                if (i >= 0) {
                    took[i] = t1 - t0;
                    Matcher total = TOTAL.matcher(response.body());
                    found += total.find() ? Long.parseLong(total.group(1)) : 0;
                }
            }
            Arrays.sort(took);
            System.out.printf("search by %-18s %,6d requests: p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  "
                    + "(%,.0f records match on average)%n", by, requests, took[requests / 2] / 1e6,
                    took[requests * 9 / 10] / 1e6, took[requests * 99 / 100] / 1e6, took[requests - 1] / 1e6,
                    found / (double) requests);
        }
    }

    static final Pattern TOTAL = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");

    // ---- verify ----

    static void verify(String base, Login login) throws Exception {
        String from = null;
        long checked = 0;
        int pieces = 0;
        long t0 = System.nanoTime();
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verify"
                    + (from == null ? "" : "?from=" + from))).header("Authorization", "Bearer " + login.token()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            pieces++;
            String body = response.body();
            Matcher n = Pattern.compile("^\\{\"intact\":(true|false),\"checked\":(\\d+)").matcher(body);
            if (!n.find()) {
                throw new IllegalStateException("unexpected answer: " + body);
            }
            if (n.group(1).equals("false")) {
                throw new IllegalStateException("the chain is broken: " + body);
            }
            checked += Long.parseLong(n.group(2));
            Matcher next = Pattern.compile("\"continueFrom\":\"([^\"]+)\"").matcher(body);
            if (body.contains("\"complete\":true") || !next.find()) {
                break;
            }
            from = next.group(1);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("verify: %,d records intact in %.1f s over %d request(s): %,.0f records/s, %.1f s per million%n",
                checked, seconds, pieces, checked / seconds, seconds / (checked / 1e6));
    }
}
