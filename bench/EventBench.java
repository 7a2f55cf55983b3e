import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Event backbone benchmark against a running suite (./coachos up, rate limits raised):
 *  1. latency from POST /api/v1/users returning to the welcome notification being readable;
 *  2. the outbox relay's throughput against the broker's raw produce rate, in the same run.
 * Run: bench/events.sh [users] [events] (either may be 0 to skip that part).
 */
public class EventBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        if (users > 0) {
            createToNotification(users);
        }
        if (events > 0) {
            relayThroughput(events);
            rawProduce(events);
        }
    }

    /**
     * From commit to the consumer's effect: users are created one after another through the gateway,
     * paced (one every PACE_MS, 25 by default) so the measurement does not load the machine itself;
     * then, from the databases' own timestamps, each UserRegistered event's time from being stored
     * (in the committing transaction) to the broker's acknowledgement (published_at) and to the
     * welcome notification communication-service wrote on receiving it.
     */
    static void createToNotification(int users) throws Exception {
        String email = System.getenv().getOrDefault("BENCH_EMAIL", "director@coachos.local");
        String password = System.getenv().getOrDefault("BENCH_PASSWORD", "local-director-pass");
        long pace = Long.parseLong(System.getenv().getOrDefault("PACE_MS", "25"));
        String director = field(post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body(), "accessToken");
        String branch = field(post("/api/v1/branches", director, "{\"code\":\"BENCH-" + System.nanoTime() % 100000
                + "\",\"name\":\"Bench\"}").body(), "id");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long next = System.nanoTime() + pace * 1_000_000;
            String body = "{\"email\":\"bench-" + UUID.randomUUID() + "@bench.test\",\"name\":\"Bench " + i
                    + "\",\"roleName\":\"STUDENT\",\"branchId\":\"" + branch + "\",\"password\":\"bench-pass-123\"}";
            HttpResponse<String> response = post("/api/v1/users", director, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
            }
            created.add(field(response.body(), "id"));
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        try (Connection db = database()) {
            String ids = "array[" + String.join(",", created.stream().map(id -> "'" + id + "'::uuid").toList()) + "]";
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (count(db, "select count(*) from communication.notification where user_id = any(" + ids + ")") < users) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every welcome notification arrived within 120 s");
                }
                Thread.sleep(50);
            }
            try (ResultSet rs = db.createStatement().executeQuery("""
                    with e as (select created_at, published_at, (envelope->'payload'->>'userId')::uuid as uid
                               from identity.outbox_event where type = 'UserRegistered'
                               and (envelope->'payload'->>'userId')::uuid = any(%s))
                    select percentile_cont(array[0.5, 0.9, 0.99]) within group (order by extract(epoch from e.published_at - e.created_at) * 1000),
                           percentile_cont(array[0.5, 0.9, 0.99]) within group (order by extract(epoch from n.created_at - e.created_at) * 1000),
                           max(extract(epoch from n.created_at - e.created_at) * 1000)
                    from e join communication.notification n on n.user_id = e.uid""".formatted(ids))) {
                rs.next();
                Double[] relay = (Double[]) rs.getArray(1).getArray();
                Double[] effect = (Double[]) rs.getArray(2).getArray();
                System.out.printf("commit->broker ack over %d users, one every %d ms: p50=%.1f ms p90=%.1f ms p99=%.1f ms%n",
                        users, pace, relay[0], relay[1], relay[2]);
                System.out.printf("commit->welcome notification written: p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                        effect[0], effect[1], effect[2], rs.getDouble(3));
            }
        }
    }

    static Connection database() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://localhost:5432/"
                + System.getenv().getOrDefault("COACHOS_DB_NAME", "coachos"), props);
    }

    static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The relay of identity-service moving a backlog of EVENTS stored events to a topic no service
     * consumes (so only the relay and the broker work), measured from the broker's first to its last
     * acknowledgement as recorded in published_at (the relay is woken by its poll, not by this insert).
     */
    static void relayThroughput(int events) throws Exception {
        String topic = "coachos.bench.relay";
        createTopic(topic);
        try (Connection db = database()) {
            db.setAutoCommit(false);
            String run;
            try (ResultSet rs = db.createStatement().executeQuery("select now()::text")) {
                rs.next();
                run = rs.getString(1); // the transaction's time: every event of this run has it as created_at
            }
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into identity.outbox_event (id, topic, record_key, type, envelope, created_at, next_attempt_at)
                    values (?, ?, ?, 'UserUpdated', ?::jsonb, now(), now())""")) {
                for (int i = 0; i < events; i++) {
                    UUID id = UUID.randomUUID();
                    String user = UUID.randomUUID().toString();
                    insert.setObject(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, user);
                    insert.setString(4, "{\"eventId\":\"" + id + "\",\"type\":\"UserUpdated\",\"schemaVersion\":1,"
                            + "\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"traceparent\":null,"
                            + "\"payload\":{\"userId\":\"" + user + "\",\"email\":\"x@bench.test\",\"name\":\"Bench\","
                            + "\"phone\":null,\"branchId\":null,\"active\":true}}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
            db.setAutoCommit(true);
            String waiting = "select count(*) from identity.outbox_event where topic = '" + topic
                    + "' and published_at is null and parked_at is null";
            while (count(db, waiting) > 0) {
                Thread.sleep(250);
            }
            try (ResultSet rs = db.createStatement().executeQuery("select extract(epoch from max(published_at) - "
                    + "min(published_at)) from identity.outbox_event where topic = '" + topic
                    + "' and created_at = '" + run + "'::timestamptz")) {
                rs.next();
                double seconds = rs.getDouble(1);
                System.out.printf("outbox relay: %d events, first to last acknowledgement %.2f s = %.0f events/s%n",
                        events, seconds, events / seconds);
            }
        }
    }

    static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:9092"))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
    }

    static void rawProduce(int events) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", "localhost:9092", "acks", "all",
                "enable.idempotence", "true", "linger.ms", "0",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        String topic = "coachos.bench.raw";
        createTopic(topic);
        String value = "x".repeat(330);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value)).get();
            }
            double sync = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            double async = (System.nanoTime() - t0) / 1e9;
            System.out.printf("raw produce, one at a time (as the relay sends): %.0f records/s; pipelined: %.0f records/s%n",
                    events / sync, events / async);
        }
    }

    static HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int start = at + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
