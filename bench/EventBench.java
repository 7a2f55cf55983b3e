import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
 * Run: java -cp "platform/kafka-broker/target/lib/*:<pgjdbc jar>" bench/EventBench.java [users] [events]
 */
public class EventBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String GATEWAY = System.getenv().getOrDefault("GATEWAY", "http://localhost:8080");

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String email = System.getenv().getOrDefault("BENCH_EMAIL", "director@coachos.local");
        String password = System.getenv().getOrDefault("BENCH_PASSWORD", "local-director-pass");
        RSAPrivateCrtKey key = readKey(Path.of(System.getenv().getOrDefault("KEY_FILE", ".run/keys/identity.pem")));

        String director = field(post("/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body(), "accessToken");
        String branch = field(post("/api/v1/branches", director, "{\"code\":\"BENCH-" + System.nanoTime() % 100000
                + "\",\"name\":\"Bench\"}").body(), "id");

        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String body = "{\"email\":\"bench-" + UUID.randomUUID() + "@bench.test\",\"name\":\"Bench " + i
                    + "\",\"roleName\":\"STUDENT\",\"branchId\":\"" + branch + "\",\"password\":\"bench-pass-123\"}";
            HttpResponse<String> created = post("/api/v1/users", director, body);
            long t0 = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create failed: " + created.statusCode() + " " + created.body());
            }
            String token = mint(key, field(created.body(), "id"));
            while (true) {
                String page = get("/api/v1/notifications", token).body();
                if (page.contains("\"totalElements\":1")) {
                    break;
                }
                Thread.sleep(5);
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(latencies);
        System.out.printf("create->notification over %d users: p50=%.0f ms p90=%.0f ms p99=%.0f ms max=%.0f ms%n",
                users, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.getLast());

        relayThroughput(events);
        rawProduce(events);
    }

    static void relayThroughput(int events) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:5432/"
                + System.getenv().getOrDefault("COACHOS_DB_NAME", "coachos"), props)) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into identity.outbox_event (id, topic, record_key, type, envelope, created_at, next_attempt_at)
                    values (?, 'coachos.identity.events', ?, 'UserUpdated', ?::jsonb, now(), now())""")) {
                for (int i = 0; i < events; i++) {
                    UUID id = UUID.randomUUID();
                    String user = UUID.randomUUID().toString();
                    insert.setObject(1, id);
                    insert.setString(2, user);
                    insert.setString(3, "{\"eventId\":\"" + id + "\",\"type\":\"UserUpdated\",\"schemaVersion\":1,"
                            + "\"occurredAt\":\"" + Instant.now() + "\",\"source\":\"bench\",\"traceparent\":null,"
                            + "\"payload\":{\"userId\":\"" + user + "\",\"email\":\"x@bench.test\",\"name\":\"Bench\","
                            + "\"phone\":null,\"branchId\":null,\"active\":true}}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long t0 = System.nanoTime();
            db.commit();
            db.setAutoCommit(true);
            while (true) {
                try (ResultSet rs = db.createStatement().executeQuery(
                        "select count(*) from identity.outbox_event where published_at is null and parked_at is null")) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("outbox relay: %d events in %.2f s = %.0f events/s%n", events, seconds, events / seconds);
        }
    }

    static void rawProduce(int events) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", "localhost:9092", "acks", "all",
                "enable.idempotence", "true", "linger.ms", "0",
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        String topic = "coachos.bench.raw";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", "localhost:9092"))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
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

    static String mint(RSAPrivateCrtKey key, String subject) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid(key) + "\"}";
        String payload = "{\"sub\":\"" + subject + "\",\"iss\":\"coachos-identity\",\"aud\":\"coachos\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"roles\":[\"STUDENT\"],\"permissions\":[]}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    /** RFC 7638 thumbprint, as identity-service computes its key id. */
    static String kid(RSAPrivateCrtKey key) throws Exception {
        String jwk = "{\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(unsigned(key.getModulus())) + "\"}";
        return b64(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static RSAPrivateCrtKey readKey(Path file) throws Exception {
        String body = Files.readString(file).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int start = at + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
