package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestTokens;

/** Rate limits, and a service that is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayLimitsIT {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final StubIdentity IDENTITY = new StubIdentity(KEYS::jwksJson);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("coachos.routes.identity", IDENTITY::url);
        registry.add("coachos.security.jwk-set-uri", () -> IDENTITY.url() + "/.well-known/jwks.json");
        registry.add("coachos.gateway.auth-limit", () -> "5");
        registry.add("coachos.gateway.user-limit", () -> "8");
        registry.add("eureka.client.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        IDENTITY.close();
    }

    @Test
    void theAuthEndpointsAreLimitedPerClientAddress() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/auth/login", null, Map.of("email", "a@b.in", "password", "x")).status())
                    .isEqualTo(200);
        }
        Response limited = api.post("/api/v1/auth/login", null, Map.of("email", "a@b.in", "password", "x"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("type")).isEqualTo("urn:coachos:problem:too-many-requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void everyUserHasTheirOwnGeneralLimit() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        String busy = KEYS.token().subject(UUID.randomUUID()).sign();
        int passed = 0;
        Response last = null;
        for (int i = 0; i < 10; i++) {
            last = api.get("/api/v1/users/me", busy);
            if (last.status() == 200) {
                passed++;
            }
        }
        assertThat(passed).isEqualTo(8);
        assertThat(last.status()).isEqualTo(429);
        assertThat(api.get("/api/v1/users/me", KEYS.token().subject(UUID.randomUUID()).sign()).status())
                .as("another user is not affected").isEqualTo(200);
    }
}
