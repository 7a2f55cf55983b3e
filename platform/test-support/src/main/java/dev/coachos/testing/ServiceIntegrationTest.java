package dev.coachos.testing;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A domain service as it runs, for its integration tests: a real HTTP port, its own database on
 * the real PostgreSQL (the subclass names it with {@link IsolatedDatabase}), and tokens signed by
 * {@link #KEYS}, which the service trusts through a real JWKS endpoint. Events stay in the outbox
 * (read them with {@link #outbox}); Kafka listeners and service discovery are off. A subclass
 * that needs them turns them on with its own {@code @TestPropertySource}, whose values win.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"coachos.outbox.relay-enabled=false", "spring.kafka.admin.auto-create=false",
        "spring.kafka.listener.auto-startup=false", "eureka.client.enabled=false"})
public abstract class ServiceIntegrationTest {

    /** Signs the tests' tokens; one key for every test class of the JVM. */
    protected static final TestTokens KEYS = SharedKeys.TOKENS;

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient api;
    protected OutboxReader outbox;

    protected final UUID directorId = UUID.randomUUID();
    protected String director;

    @DynamicPropertySource
    static void trustTheTestKeys(DynamicPropertyRegistry registry) {
        registry.add("coachos.security.jwk-set-uri", SharedKeys.JWKS::url);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient("http://localhost:" + port);
        outbox = new OutboxReader(jdbc);
        director = KEYS.director(directorId);
    }

    /** A single number from the service's database. */
    protected int count(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }

    /** The key and the JWKS endpoint that publishes it, started once and ended with the JVM. */
    static final class SharedKeys {
        static final TestTokens TOKENS = TestTokens.withNewKey();
        static final JwksServer JWKS = new JwksServer(TOKENS::jwksJson);

        private SharedKeys() {
        }
    }
}
