package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient.Response;

/** Rate limits per client address on the auth endpoints and on website enquiries, and per user elsewhere. */
class GatewayLimitsIT extends GatewayTestBase {

    /** The buckets' time stands still unless a test moves it: no limit refills while a test runs. */
    static final SettableTicker TICKER = new SettableTicker();

    @TestConfiguration(proxyBeanMethods = false)
    static class StillTime {
        @Bean
        RateLimiting.Ticker ticker() {
            return TICKER;
        }
    }

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

    /** The default limit (COACHOS_ENQUIRY_RATE_PER_MINUTE, 10): this class leaves it as it is. */
    @Test
    void websiteEnquiriesAreLimitedPerClientAddressWithoutAToken() throws Exception {
        String form = "{\"name\":\"Asha Rao\",\"phone\":\"98100 00001\",\"website\":\"\"}";
        for (int i = 0; i < 10; i++) {
            Response accepted = api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json"));
            assertThat(accepted.status()).as("enquiry %d: %s", i + 1, accepted).isEqualTo(200);
        }
        Response limited = api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json"));
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.text("type")).isEqualTo("urn:coachos:problem:too-many-requests");
        assertThat(limited.header("Retry-After")).isEqualTo("6");

        assertThat(postFrom("127.0.0.2", "/api/v1/enquiries", form)).as("another address is not affected").isEqualTo(200);
        assertThat(api.get("/api/v1/leads", KEYS.token().subject(UUID.randomUUID()).sign()).status())
                .as("the limit is the enquiry path's own").isEqualTo(200);

        // Ten a minute: one more enquiry every 6 s.
        TICKER.advance(Duration.ofMillis(5_900));
        assertThat(api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json")).status())
                .isEqualTo(429);
        TICKER.advance(Duration.ofMillis(200));
        assertThat(api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json")).status())
                .isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/enquiries", null, form, Map.of("Content-Type", "application/json")).status())
                .isEqualTo(429);
    }

    /** A POST without a token from another loopback address: the gateway tells clients apart by address. */
    private int postFrom(String address, String path, String json) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address))
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
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
