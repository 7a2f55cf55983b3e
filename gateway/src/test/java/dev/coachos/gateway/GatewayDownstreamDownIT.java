package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestTokens;

/** A service that is not running gives a 503 problem at once, not a hang and not a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayDownstreamDownIT {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final StubIdentity KEY_SERVER = new StubIdentity(KEYS::jwksJson);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int closedPort = closed;
        registry.add("coachos.routes.identity", () -> "http://127.0.0.1:" + closedPort);
        registry.add("coachos.security.jwk-set-uri", () -> KEY_SERVER.url() + "/.well-known/jwks.json");
        registry.add("eureka.client.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        KEY_SERVER.close();
    }

    @Test
    void aServiceThatIsDownGivesA503Problem() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        for (int i = 0; i < 3; i++) {
            Response response = api.get("/api/v1/users/me", KEYS.token().sign());
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.text("type")).isEqualTo("urn:coachos:problem:service-unavailable");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
