package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.TestTokens;

/**
 * identity-service as it runs: a real HTTP port, its own database on the real PostgreSQL,
 * signing with a key the test knows, so the test can also mint tokens the service trusts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase(service = "identity")
// Events stay in the outbox and Kafka listeners are off here; IdentityEventsIT and StudentBatchEventsIT
// override these to use a real broker.
@TestPropertySource(properties = {"coachos.outbox.relay-enabled=false", "spring.kafka.admin.auto-create=false",
        "spring.kafka.listener.auto-startup=false"})
public abstract class IdentityTestBase {

    protected static final String DIRECTOR_EMAIL = "director@institute.test";
    protected static final String DIRECTOR_PASSWORD = "director-secret-1";
    protected static final TestTokens SIGNING = TestTokens.withNewKey();

    private static final Path KEY_FILE = writeKey();

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void identityProperties(DynamicPropertyRegistry registry) {
        registry.add("coachos.identity.key-file", KEY_FILE::toString);
        registry.add("coachos.admin.email", () -> DIRECTOR_EMAIL);
        registry.add("coachos.admin.password", () -> DIRECTOR_PASSWORD);
        registry.add("eureka.client.enabled", () -> "false");
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
    }

    private static Path writeKey() {
        try {
            Path file = Files.createTempFile("identity-signing", ".pem");
            file.toFile().deleteOnExit();
            return SIGNING.writePrivateKeyPem(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String director() {
        return api.login(DIRECTOR_EMAIL, DIRECTOR_PASSWORD).access();
    }

    protected UUID createBranch(String token, String code) {
        Response response = api.post("/api/v1/branches", token, Map.of("code", code, "name", "Branch " + code));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    protected UUID createUser(String token, String email, String role, UUID branch, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("name", "User " + email);
        body.put("roleName", role);
        if (branch != null) {
            body.put("branchId", branch.toString());
        }
        if (password != null) {
            body.put("password", password);
        }
        Response response = api.post("/api/v1/users", token, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@institute.test";
    }
}
