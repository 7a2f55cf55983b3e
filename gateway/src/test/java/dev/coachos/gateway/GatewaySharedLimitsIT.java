package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two gateways in one JVM, each on a port of its own, in front of the same stand-in services: with
 * {@code coachos.gateway.redis-url} they share one real Redis (this machine's, or
 * {@code COACHOS_TEST_REDIS_URL}) and so one limit; without it each counts on its own. Every run
 * uses keys under a prefix of its own and deletes them at the end.
 */
class GatewaySharedLimitsIT {

    static final String REDIS = System.getenv().getOrDefault("COACHOS_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    static final String PREFIX = "coachos-test-" + UUID.randomUUID();
    /** Four a minute: one more every 15 s, far longer than a test takes to send its requests. */
    static final int LIMIT = 4;
    static final String FORM = "{\"name\":\"Asha Rao\",\"phone\":\"98100 00001\",\"website\":\"\"}";

    @BeforeEach
    void keys() {
        GatewayTestBase.IDENTITY.publish(GatewayTestBase.KEYS::jwksJson);
    }

    @AfterAll
    static void deleteThisRunsKeys() {
        try (RedisClient client = RedisClient.create(REDIS); StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> keys = keys(redis);
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
        }
    }

    @Test
    void gatewaysSharingRedisShareOneLimit() {
        try (Gateway one = Gateway.start(Map.of("coachos.gateway.redis-url", REDIS));
                Gateway two = Gateway.start(Map.of("coachos.gateway.redis-url", REDIS))) {
            for (int i = 0; i < LIMIT; i++) {
                Gateway gateway = i % 2 == 0 ? one : two;
                assertThat(gateway.enquiry().status()).as("enquiry %d", i + 1).isEqualTo(200);
            }
            for (Gateway gateway : List.of(one, two)) {
                Response limited = gateway.enquiry();
                assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
                assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
                assertThat(limited.text("type")).isEqualTo("urn:coachos:problem:too-many-requests");
                assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15L);
            }

            String user = GatewayTestBase.KEYS.token().subject(UUID.randomUUID()).sign();
            for (int i = 0; i < LIMIT; i++) {
                Gateway gateway = i % 2 == 0 ? two : one;
                assertThat(gateway.api.get("/api/v1/users/me", user).status()).as("read %d", i + 1).isEqualTo(200);
            }
            assertThat(one.api.get("/api/v1/users/me", user).status()).isEqualTo(429);
            assertThat(two.api.get("/api/v1/users/me", user).status()).isEqualTo(429);
            assertThat(one.api.get("/api/v1/users/me", GatewayTestBase.KEYS.token().subject(UUID.randomUUID()).sign())
                    .status()).as("another user is not affected").isEqualTo(200);

            assertThat(one.failures()).isZero();
            assertThat(two.failures()).isZero();
        }
        try (RedisClient client = RedisClient.create(REDIS); StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            List<String> keys = keys(redis);
            assertThat(keys).as("the address's enquiry and ceiling buckets and the two users', each a count and a time")
                    .hasSize(8)
                    .allSatisfy(key -> assertThat(redis.ttl(key)).as("%s expires", key).isBetween(1L, 120L));
        }
    }

    @Test
    void gatewaysCountingInMemoryEachLetTheWholeLimitThrough() {
        try (Gateway one = Gateway.start(Map.of()); Gateway two = Gateway.start(Map.of())) {
            for (Gateway gateway : List.of(one, two)) {
                for (int i = 0; i < LIMIT; i++) {
                    assertThat(gateway.enquiry().status()).as("enquiry %d", i + 1).isEqualTo(200);
                }
            }
            assertThat(one.enquiry().status()).isEqualTo(429);
            assertThat(two.enquiry().status()).isEqualTo(429);
        }
    }

    /** Redis down (here: a port nobody listens on): the limits still hold, counted in the gateway's memory. */
    @Test
    void aGatewayWhoseRedisIsUnreachableCountsInMemory() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (Gateway gateway = Gateway.start(Map.of("coachos.gateway.redis-url", "redis://127.0.0.1:" + closed))) {
            for (int i = 0; i < LIMIT; i++) {
                assertThat(gateway.enquiry().status()).as("enquiry %d", i + 1).isEqualTo(200);
            }
            Response limited = gateway.enquiry();
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15L);
            assertThat(gateway.failures()).isPositive();
        }
    }

    /**
     * Behind a trusted proxy (127.0.0.1 here) each forwarded client has a bucket of its own; a peer
     * that is not trusted (127.0.0.2) cannot move to another bucket by sending X-Forwarded-For.
     */
    @Test
    void onlyATrustedProxyNamesTheClient() throws Exception {
        onlyATrustedProxyNamesTheClient(Map.of());
    }

    /**
     * The same on Kubernetes, where Spring Boot would otherwise switch on the web server's own
     * forwarded-header handling (it does on every cloud platform it detects, and that handling takes the
     * left-most X-Forwarded-For entry, which the client wrote, from any peer).
     */
    @Test
    void onlyATrustedProxyNamesTheClientOnKubernetesToo() throws Exception {
        onlyATrustedProxyNamesTheClient(Map.of("spring.main.cloud-platform", "kubernetes"));
    }

    private void onlyATrustedProxyNamesTheClient(Map<String, String> platform) throws Exception {
        Map<String, String> settings = new HashMap<>(platform);
        settings.put("coachos.gateway.trusted-proxies", "127.0.0.1/32, ::1");
        try (Gateway gateway = Gateway.start(settings)) {
            for (int i = 0; i < LIMIT; i++) {
                assertThat(gateway.enquiryFrom("127.0.0.1", "203.0.113.9")).as("enquiry %d", i + 1).isEqualTo(200);
            }
            assertThat(gateway.enquiryFrom("127.0.0.1", "203.0.113.9")).isEqualTo(429);
            assertThat(gateway.enquiryFrom("127.0.0.1", "203.0.113.10")).as("another client of the proxy").isEqualTo(200);
            assertThat(gateway.enquiryFrom("127.0.0.1", "203.0.113.9, 127.0.0.1"))
                    .as("the proxy itself in the chain is skipped").isEqualTo(429);

            for (int i = 0; i < LIMIT; i++) {
                assertThat(gateway.enquiryFrom("127.0.0.2", "198.51.100." + i)).as("spoofed %d", i + 1).isEqualTo(200);
            }
            assertThat(gateway.enquiryFrom("127.0.0.2", "198.51.100.99")).as("one bucket, whatever it claims")
                    .isEqualTo(429);
        }
    }

    private static List<String> keys(RedisCommands<String, String> redis) {
        List<String> keys = new java.util.ArrayList<>();
        ScanArgs match = ScanArgs.Builder.matches("request_rate_limiter.{" + PREFIX + ":*").limit(1000);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    /** A gateway on a random port, with the enquiry and user limits at {@link #LIMIT}. */
    record Gateway(ConfigurableApplicationContext context, int port, ApiClient api) implements AutoCloseable {

        static Gateway start(Map<String, String> settings) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("server.port", "0");
            properties.put("eureka.client.enabled", "false");
            properties.put("coachos.routes.identity", GatewayTestBase.IDENTITY.url());
            properties.put("coachos.routes.marketing", GatewayTestBase.IDENTITY.url());
            properties.put("coachos.security.jwk-set-uri", GatewayTestBase.IDENTITY.url() + "/.well-known/jwks.json");
            properties.put("coachos.gateway.enquiry-limit", LIMIT);
            properties.put("coachos.gateway.user-limit", LIMIT);
            properties.put("coachos.gateway.redis-key-prefix", PREFIX);
            // This test is about sharing, not about a slow Redis: a busy build machine must not send checks to memory.
            properties.put("coachos.gateway.redis-timeout", "10s");
            properties.putAll(settings);
            // As arguments: above application.yml, as @SpringBootTest's properties are.
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
            int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            return new Gateway(context, port, new ApiClient("http://127.0.0.1:" + port));
        }

        Response enquiry() {
            return api.send("POST", "/api/v1/enquiries", null, FORM, Map.of("Content-Type", "application/json"));
        }

        /** An enquiry sent from a loopback address of the caller's choosing, with an X-Forwarded-For header. */
        int enquiryFrom(String address, String forwardedFor) throws Exception {
            try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                    .connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/enquiries"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(FORM)).build();
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            }
        }

        double failures() {
            Counter counter = context.getBean(MeterRegistry.class).find(RedisBuckets.FAILURES).counter();
            return counter == null ? 0 : counter.count();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
