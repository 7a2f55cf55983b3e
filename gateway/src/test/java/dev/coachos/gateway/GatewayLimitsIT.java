package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient.Response;

/** Rate limits per client address on the auth endpoints, and per user elsewhere. */
class GatewayLimitsIT extends GatewayTestBase {

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("coachos.gateway.auth-limit", () -> "5");
        registry.add("coachos.gateway.user-limit", () -> "8");
    }

    @Test
    void theAuthEndpointsAreLimitedPerClientAddress() {
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
